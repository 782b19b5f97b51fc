// Analysis on two cores: entity finding, the costliest part of analysis on a big story, and the
// attribution of quotations that needs its actors run on a worker thread while the rest of the
// analysis (and the summary) runs on the calling thread.
import type { Analysis, Doc, Entity, Quote } from '../types.js';
import { resultOfWorker, siblingModule } from '../worker-threads.js';
import { findEntities } from './entities/index.js';
import { namingArticle, packEntityInput, type EntityInput } from './entities/entity-input.js';
import { quotesOf, withQuotes } from './quotes/index.js';
import { analyze } from './index.js';

/**
 * Below this many sentences the worker's start-up (about 50-100 ms to load its modules) costs more
 * than it saves; a 200-article story has some 7,000 sentences and saves about 0.4 s.
 */
export const CONCURRENT_MIN_SENTENCES = 1500;

/**
 * What findEntities and quotesOf read of a Doc (namingArticle; each sentence's id, source,
 * paragraph and text): only this crosses to the worker, so the copy
 * between threads stays small. Sentences cut from their article's text as segment() cuts them
 * cross as offsets (packEntityInput); others as they are.
 */
function entityInput(docs: Doc[]): { packed: EntityInput[] } | { docs: Doc[] } {
  const packed = packEntityInput(docs);
  if (packed) return { packed };
  return {
    docs: docs.map((d) => ({
      article: namingArticle(d),
      sentences: d.sentences.map((s) => ({ id: s.id, source: s.source, paragraph: s.paragraph, text: s.text })),
    })) as unknown as Doc[],
  };
}

interface Actors {
  entities: Entity[];
  quotes: Quote[];
}

/** Finds the entities and attributes the quotations on a worker thread; falls back to the calling thread if the worker fails. */
function findActorsConcurrently(docs: Doc[]): Promise<Actors> {
  return resultOfWorker(siblingModule(import.meta.url, 'entities/entity-worker'), entityInput(docs), (): Actors => {
    const entities = findEntities(docs);
    return { entities, quotes: quotesOf(docs, entities) };
  });
}

/** Starts finding entities on a worker thread; falls back to the calling thread if the worker fails. */
export async function findEntitiesConcurrently(docs: Doc[]): Promise<Entity[]> {
  return (await findActorsConcurrently(docs)).entities;
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
  // Speakers are merged with the actor list, so quotations are attributed on the worker too, once the actors are known.
  const actors = findActorsConcurrently(docs);
  const rest = analyze(docs, { entities: [], quotes: false });
  const other = alongside();
  const { entities, quotes } = await actors;
  return { analysis: { ...rest, entities: withQuotes(entities, quotes), quotes }, alongside: other };
}
