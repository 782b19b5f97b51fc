// Analysis on two cores: entity finding, the costliest part of analysis on a big story, runs on a
// worker thread while the rest of the analysis (and the summary) runs on the calling thread.
import type { Analysis, Doc, Entity } from '../types.js';
import { siblingModule, startWorker } from '../worker-threads.js';
import { findEntities } from './entities/index.js';
import { quotesOf, withQuotes } from './quotes/index.js';
import { analyze } from './index.js';

/**
 * Below this many sentences the worker's start-up (about 50-100 ms to load its modules) costs more
 * than it saves; a 200-article story has some 7,000 sentences and saves about 0.4 s.
 */
export const CONCURRENT_MIN_SENTENCES = 1500;

/**
 * What findEntities reads of a Doc (the article's text and datelines, each sentence's id, source and text):
 * only this crosses to the worker, so the copy between threads stays small.
 */
function entityInput(docs: Doc[]): Doc[] {
  return docs.map((d) => ({
    article: { id: d.article.id, text: d.article.text, removed: d.article.removed.filter((r) => r.reason === 'dateline') },
    sentences: d.sentences.map((s) => ({ id: s.id, source: s.source, text: s.text })),
  })) as unknown as Doc[];
}

/** Starts finding entities on a worker thread; falls back to the calling thread if the worker fails. */
export function findEntitiesConcurrently(docs: Doc[]): Promise<Entity[]> {
  return new Promise((resolve) => {
    let settled = false;
    const fallBack = () => {
      if (settled) return;
      settled = true;
      resolve(findEntities(docs));
    };
    try {
      const worker = startWorker(siblingModule(import.meta.url, 'entities/entity-worker'), { workerData: { docs: entityInput(docs) } });
      worker.once('message', (entities: Entity[]) => {
        settled = true;
        resolve(entities);
      });
      worker.once('error', fallBack);
      worker.once('exit', fallBack);
    } catch {
      fallBack();
    }
  });
}

/**
 * The same Analysis as analyze(docs). On a big story the entities are found on a second thread
 * while `alongside` (e.g. the summarizer) and the rest of the analysis run here.
 */
export async function analyzeConcurrently<T>(
  docs: Doc[],
  alongside: () => T,
  options: { minSentences?: number } = {},
): Promise<{ analysis: Analysis; alongside: T }> {
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  if (sentences < (options.minSentences ?? CONCURRENT_MIN_SENTENCES)) return { analysis: analyze(docs), alongside: alongside() };
  const entities = findEntitiesConcurrently(docs);
  const rest = analyze(docs, { entities: [] });
  const other = alongside();
  const found = await entities;
  // speakers are merged with the actor list, so quotations are attributed once the actors are known
  const quotes = quotesOf(docs, found);
  return { analysis: { ...rest, entities: withQuotes(found, quotes), quotes }, alongside: other };
}
