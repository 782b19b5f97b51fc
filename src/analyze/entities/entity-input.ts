// What crosses to the entity worker: each article's id, text, datelines, bylines and sign-offs,
// and its sentences as offsets into that text. The worker cuts the sentences out of the text
// again, so the text crosses once and no object per sentence is copied between the threads.
import type { Doc } from '../../types.js';
import { NAMING_REMOVALS } from './entities.js';

export interface EntityInput {
  article: { id: string; text: string; removed: Doc['article']['removed'] };
  /** Per sentence: start, end and paragraph. */
  spans: Int32Array;
}

/** What findEntities and quotesOf read of an article: its id, text and the cut parts that name people. */
export function namingArticle(d: Doc): EntityInput['article'] {
  return { id: d.article.id, text: d.article.text, removed: d.article.removed.filter((r) => NAMING_REMOVALS.has(r.reason)) };
}

/**
 * The input of findEntities and quotesOf (namingArticle; each sentence's id, source, paragraph
 * and text) as offsets, or null when a sentence is not the slice of its article that its offsets
 * say, or is not numbered as segment() numbers it.
 */
export function packEntityInput(docs: Doc[]): EntityInput[] | null {
  const out: EntityInput[] = [];
  for (const d of docs) {
    const { id, text } = d.article;
    const spans = new Int32Array(d.sentences.length * 3);
    for (let i = 0; i < d.sentences.length; i++) {
      const s = d.sentences[i]!;
      if (s.id !== `${id}#${i}` || s.source !== id || s.text !== text.slice(s.start, s.end)) return null;
      spans[3 * i] = s.start;
      spans[3 * i + 1] = s.end;
      spans[3 * i + 2] = s.paragraph;
    }
    out.push({ article: namingArticle(d), spans });
  }
  return out;
}

/** The Docs packEntityInput packed, with what findEntities and quotesOf read of them. */
export function unpackEntityInput(input: EntityInput[]): Doc[] {
  return input.map(({ article, spans }) => {
    const sentences = [];
    for (let i = 0; 3 * i < spans.length; i++) {
      sentences.push({ id: `${article.id}#${i}`, source: article.id, paragraph: spans[3 * i + 2]!, text: article.text.slice(spans[3 * i]!, spans[3 * i + 1]!) });
    }
    return { article, sentences };
  }) as unknown as Doc[];
}
