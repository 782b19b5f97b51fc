// `precis timeline`: a long-range timeline of a collection, as a document of its own.
import { readInputs } from '../ingest/index.js';
import { timelineMode, type TimelineModeOptions } from '../summarize/timeline.js';
import { segment } from '../text/index.js';
import type { Citation, Doc, Problem } from '../types.js';
import { cleanUsable } from './index.js';
import { cleanConcurrently } from '../clean/concurrent.js';

export interface TimelineDocument {
  timeline: { date: string; sentences: { text: string; citations: Citation[] }[] }[];
  sources: { id: string; title: string; outlet: string | null; published: string | null; url: string | null; path: string | null }[];
  /** Articles with no date of their own: their relative dates could not be resolved. */
  undatedArticles: number;
}

/** The timeline document of docs already read and cleaned. */
export function timelineOfDocs(docs: Doc[], options: TimelineModeOptions = {}): TimelineDocument {
  const result = timelineMode(docs, options);
  const cited = new Set<string>();
  const timeline = result.timeline.map((d) => ({
    date: d.date,
    sentences: d.sentences.map(({ sentence, copies }) => {
      const citations = [sentence, ...copies].map((s) => ({ source: s.source, quote: s.text }));
      for (const c of citations) cited.add(c.source);
      return { text: sentence.text, citations };
    }),
  }));
  const sources = docs
    .filter((d) => cited.has(d.article.id))
    .map(({ article: a }) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, path: a.path }));
  return { timeline, sources, undatedArticles: result.undatedArticles };
}

/** Reads inputs as `brief` does and makes their timeline. */
export async function timeline(inputs: string[], options: TimelineModeOptions & { strict?: boolean } = {}): Promise<{ document: TimelineDocument; problems: Problem[] }> {
  const { articles, problems } = await readInputs(inputs, { strict: options.strict });
  const { articles: cleaned, problems: all } = cleanUsable(articles, problems, options, inputs.join(' '), await cleanConcurrently(articles));
  return { document: timelineOfDocs(cleaned.map(segment), options), problems: all };
}
