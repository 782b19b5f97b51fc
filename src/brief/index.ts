// The brief stage: runs the pipeline and assembles the Briefing of briefing.schema.json.
import { analyze } from '../analyze/index.js';
import { analyzeConcurrently } from '../analyze/concurrent.js';
import { cleanArticle } from '../clean/index.js';
import { describeArticle, fromArticleInputs, readInputs } from '../ingest/index.js';
import { summarize } from '../summarize/index.js';
import { segment } from '../text/index.js';
import {
  InputError,
  type Analysis,
  type ArticleInput,
  type Briefing,
  type Citation,
  type Doc,
  type Problem,
  type RawArticle,
  type Selection,
  type Sentence,
} from '../types.js';

export interface BriefOptions {
  /** Summary word budget (default 150). */
  words?: number;
  /** Story title; by default the title that shares most words with the other articles' titles. */
  title?: string;
  /** Any bad input fails the whole brief (InputError) instead of being reported and skipped. */
  strict?: boolean;
}

export interface BriefResult {
  briefing: Briefing;
  /** Inputs that could not be used, one line each; the briefing was built from the others. */
  problems: Problem[];
  /** The pipeline's intermediate results, for callers that want more than the briefing. */
  docs: Doc[];
  analysis: Analysis;
}

export const DEFAULT_WORDS = 150;

/** Nothing usable was given: every problem is listed, the briefing cannot be made. */
export class NothingUsableError extends InputError {
  constructor(
    input: string,
    public readonly problems: Problem[],
  ) {
    super(input, problems.length ? `no usable article (${problems.length} input${problems.length > 1 ? 's' : ''} rejected)` : 'no usable article');
    this.name = 'NothingUsableError';
  }
}

/**
 * Brief files and folders ("-" for stdin). On a big story the entities are found on a second
 * thread; the briefing is the same as briefRawArticles gives.
 */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<BriefResult> {
  const { articles, problems } = await readInputs(inputs, { strict: options.strict });
  const { docs, problems: allProblems } = usableDocs(articles, problems, options, inputs.join(' '));
  const { analysis, alongside: selection } = await analyzeConcurrently(docs, () => summarize(docs, { words: options.words ?? DEFAULT_WORDS }));
  return { briefing: assembleBriefing(docs, analysis, selection, options), problems: allProblems, docs, analysis };
}

/** Brief articles held in memory (the HTTP API, the library). Bad articles throw InputError. */
export function briefArticles(articles: ArticleInput[], options: BriefOptions = {}): BriefResult {
  return briefRawArticles(fromArticleInputs(articles), [], { ...options, strict: true }, 'articles');
}

/** Runs clean -> text -> analyze -> summarize on ingested articles and assembles the briefing. */
export function briefRawArticles(raws: RawArticle[], problems: Problem[], options: BriefOptions, label: string): BriefResult {
  const { docs, problems: allProblems } = usableDocs(raws, problems, options, label);
  const analysis = analyze(docs);
  const selection = summarize(docs, { words: options.words ?? DEFAULT_WORDS });
  return { briefing: assembleBriefing(docs, analysis, selection, options), problems: allProblems, docs, analysis };
}

/** Cleans and segments each article; one with nothing left is a problem (an error with strict). */
function usableDocs(raws: RawArticle[], problems: Problem[], options: BriefOptions, label: string): { docs: Doc[]; problems: Problem[] } {
  const docs: Doc[] = [];
  const allProblems = [...problems];
  for (const raw of raws) {
    const doc = segment(cleanArticle(raw));
    if (doc.sentences.length === 0) {
      const problem = { input: describeArticle(raw), message: 'no article text left after cleaning' };
      if (options.strict) throw new InputError(problem.input, problem.message);
      allProblems.push(problem);
      continue;
    }
    docs.push(doc);
  }
  if (docs.length === 0) throw new NothingUsableError(label, allProblems);
  return { docs, problems: allProblems };
}

const cite = (s: Sentence): Citation => ({ source: s.source, quote: s.text });

/**
 * Picks the story title: the article title sharing the most words with the other titles. A
 * title cleaning had to derive from the first sentence (cut short with "…") is taken only when
 * no article has a real headline.
 */
export function storyTitle(docs: Doc[]): string {
  const headlines = docs.filter((d) => !d.article.title.endsWith('…'));
  if (headlines.length > 0 && headlines.length < docs.length) return storyTitle(headlines);
  const words = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
  const sets = docs.map((d) => words(d.article.title));
  let best = 0;
  let bestScore = -1;
  docs.forEach((_, i) => {
    let score = 0;
    sets.forEach((other, j) => {
      if (i !== j) for (const w of sets[i]!) if (other.has(w)) score++;
    });
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return docs[best]!.article.title;
}

/** Builds the Briefing; a summary sentence cites itself and every near-duplicate in other sources. */
export function assembleBriefing(docs: Doc[], analysis: Analysis, selection: Selection, options: BriefOptions = {}): Briefing {
  const byId = new Map<string, Sentence>();
  for (const d of docs) for (const s of d.sentences) byId.set(s.id, s);
  const groupOf = new Map<string, string[]>();
  for (const g of analysis.groups) for (const id of g) groupOf.set(id, g);

  const summary = selection.sentences.map((s) => {
    const citations: Citation[] = [cite(s)];
    const seenSources = new Set([s.source]);
    for (const id of groupOf.get(s.id) ?? []) {
      const other = byId.get(id);
      if (!other || seenSources.has(other.source)) continue;
      seenSources.add(other.source);
      citations.push(cite(other));
    }
    return { text: s.text.replace(/\s+/g, ' '), citations };
  });

  return {
    version: 1,
    story: { title: options.title?.trim() || storyTitle(docs), from: analysis.from, to: analysis.to },
    sources: docs.map((d) => ({
      id: d.article.id,
      title: d.article.title,
      outlet: d.article.outlet,
      published: d.article.published ?? analysis.published[d.article.id] ?? null,
      url: d.article.url,
      path: d.article.path,
      words: d.words,
      removed: d.article.removed,
      unique: analysis.unique[d.article.id] ?? [],
    })),
    summary,
    timeline: analysis.timeline,
    entities: analysis.entities,
    conflicts: analysis.conflicts,
  };
}
