// Cleaning on two cores: on a big story the second part of the articles is cleaned on a worker
// thread while the first part is cleaned on the calling thread. Each article is cleaned on its
// own, so the result is the same as cleaning them all here, in the same order.
import type { Article, RawArticle } from '../types.js';
import { resultOfWorker, siblingModule } from '../worker-threads.js';
import { cleanArticle } from './index.js';

/**
 * Below this many characters of article text the worker's start-up (loading the cleaning
 * modules, some 50-100 ms) costs more than it saves: cleaning runs at about 2-3 MB/s a core.
 */
export const CONCURRENT_MIN_CHARS = 1_000_000;

/** Every article cleaned (cleanArticle), in order; on a big story half of them on a worker thread. */
export async function cleanConcurrently(raws: RawArticle[], options: { minChars?: number } = {}): Promise<Article[]> {
  const total = raws.reduce((n, r) => n + r.body.length, 0);
  if (raws.length < 2 || total < (options.minChars ?? CONCURRENT_MIN_CHARS)) return raws.map((raw) => cleanArticle(raw));
  // The worker takes the articles after the first half of the characters.
  let at = 0;
  for (let chars = 0; at < raws.length - 1 && chars < total / 2; at++) chars += raws[at]!.body.length;
  const rest = raws.slice(at);
  // A worker that fails leaves its part to this thread, after the first part.
  const theirs = resultOfWorker(siblingModule(import.meta.url, 'clean-worker'), { raws: rest }, () => rest.map((raw) => cleanArticle(raw)));
  const ours = raws.slice(0, at).map((raw) => cleanArticle(raw));
  return [...ours, ...(await theirs)];
}
