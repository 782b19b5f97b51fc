// The text stage: an Article becomes a Doc of sentences with exact offsets, tokens and stems.
import type { Article, Doc, Sentence } from '../types.js';
import { porterStem } from './porter.js';
import { splitSentences } from './sentences.js';

export { splitSentences } from './sentences.js';
export { porterStem } from './porter.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased word tokens of a text, punctuation dropped ("Assad's" stays one token). */
export function tokenize(text: string): string[] {
  // (match() hands back the words themselves, without a match object per word.)
  const out = text.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < out.length; i++) if (out[i].includes('’')) out[i] = out[i].replace(/’/g, "'");
  return out;
}

// Stems are memoised: news text repeats a small vocabulary, and stemming was half the cost of
// segment() on a 200-article story. The cache is dropped when it grows past this many words.
// Each entry also keeps the first copy of its word, which segment() puts in its token lists
// in place of each new copy: a big story holds millions of tokens and some 50,000 words.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, { word: string; stem: string }>();

function stemEntry(t: string): { word: string; stem: string } {
  let entry = stemCache.get(t);
  if (entry === undefined) {
    entry = { word: t, stem: porterStem(t.endsWith("'s") ? t.slice(0, -2) : t) };
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(t, entry);
  }
  return entry;
}

/** The Porter stem of one lower-cased token, possessive "'s" dropped first (memoised). */
export function stemWord(t: string): string {
  return stemEntry(t).stem;
}

/** Porter stems of tokens; possessive "'s" dropped first. */
export function stem(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(stemWord(tokens[i]));
  return out;
}

/** Stems of tokens, and each token replaced by the one copy of its word the memo keeps. */
function stemShared(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entry = stemEntry(tokens[i]);
    tokens[i] = entry.word;
    out.push(entry.stem);
  }
  return out;
}

/** Words as a reader counts them: runs of non-space characters holding a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (holdsLetterOrDigit(w)) n++;
  return n;
}

/** /[\p{L}\p{N}]/u.test(w), with ASCII letters and digits found by character code first (most words). */
function holdsLetterOrDigit(w: string): boolean {
  let ascii = true;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c >= 128) ascii = false;
  }
  return !ascii && /[\p{L}\p{N}]/u.test(w);
}

/** Paragraph spans of a cleaned text (paragraphs are separated by blank lines). */
function paragraphs(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (text.slice(start, end).trim()) spans.push({ start, end });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return spans;
}

/** Splits an article into sentences; every sentence keeps its offsets: text === article.text.slice(start, end). */
export function segment(article: Article): Doc {
  const sentences: Sentence[] = [];
  paragraphs(article.text).forEach((p, paragraph) => {
    for (const span of splitSentences(article.text, p.start, p.end)) {
      const text = article.text.slice(span.start, span.end);
      const tokens = tokenize(text);
      if (tokens.length === 0) continue;
      const index = sentences.length;
      sentences.push({
        id: `${article.id}#${index}`,
        source: article.id,
        index,
        paragraph,
        start: span.start,
        end: span.end,
        text,
        tokens,
        stems: stemShared(tokens),
      });
    }
  });
  return { article, sentences, words: countWords(article.text) };
}
