// Feeds into the stream: RSS 2.0 and Atom documents fetched with a conditional GET (ETag,
// Last-Modified; a 304 costs nothing), each item read as an article (link, title, published, and
// content:encoded / Atom content, else the description) and handed to the ingester, which stores an
// article seen before (same URL or same text) once. One feed failing never stops the others.
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';
import { blockText } from '../ingest/html-text.js';
import { extractFromHtml } from '../ingest/html.js';
import type { Ingester } from './ingest.js';
import type { StreamArticle } from './types.js';

export interface FeedOptions {
  /** Give up on a feed after this long (connect to last byte); default 20 s. */
  timeoutMs?: number;
  /** Refuse a feed document larger than this; default 10 MB. */
  maxBytes?: number;
  /**
   * For an item whose feed carries only a teaser (description), fetch its link (within the same
   * timeout, at most 2 MB) and read the article from the page as HTML input is read. The teaser
   * stays the article when the page fails or holds no more text. Default false.
   */
  followLinks?: boolean;
}

export const MAX_LINKED_PAGE_BYTES = 2 * 1024 * 1024;

/** What a conditional GET remembers of a feed between polls. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export interface FeedPoll {
  url: string;
  /** True when the server answered 304: nothing changed since the last poll. */
  notModified: boolean;
  items: number;
  stored: number;
  duplicates: number;
  /** Items that had no text at all, skipped. */
  empty: number;
  /** Items whose only text is the feed's description (a teaser, not the full article). */
  teasers: number;
  /** Teasers replaced by the text of their linked page (with followLinks). */
  followed: number;
  /** One line per linked page that could not be read (the teaser was kept). */
  linkProblems: string[];
  /** Why the feed failed (one line); absent when it did not. */
  error?: string;
}

/** A feed that could not be read: `problem` is one line without the URL. */
export class FeedError extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

export const DEFAULT_FEED_TIMEOUT_MS = 20_000;
export const DEFAULT_FEED_MAX_BYTES = 10 * 1024 * 1024;

/** `30s`, `5m`, `1h`, `500ms` -> milliseconds; null when not a duration. */
export function parseDuration(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  if (!m) return null;
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return ms > 0 ? ms : null;
}

/** Reads a response body, refusing more than `maxBytes` (declared or received). */
async function readCapped(response: Response, maxBytes: number, noun: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new FeedError(`${noun} larger than ${maxBytes} bytes`);
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FeedError(`${noun} larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GETs `url` within `timeoutMs`, reading at most `maxBytes`: the response and its text ('' for a
 * 304). Throws FeedError (one line) on an HTTP error, a timeout, a refused connection, a body too large.
 */
async function getBounded(url: string, headers: Record<string, string>, timeoutMs: number, maxBytes: number, noun: string): Promise<{ response: Response; text: string }> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (response.status === 304) return { response, text: '' };
    if (!response.ok) throw new FeedError(`HTTP ${response.status}`);
    return { response, text: await readCapped(response, maxBytes, noun) };
  } catch (err) {
    if (err instanceof FeedError) throw err;
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new FeedError(`no answer within ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedError(`cannot fetch: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
}

/**
 * Fetches one feed with a conditional GET; null when the server says it has not changed (304).
 * Updates `validators` from the answer. Throws FeedError on an HTTP error, a timeout, a document
 * too large, or one that is not an RSS or Atom feed.
 */
export async function fetchFeed(url: string, validators: FeedValidators, options: FeedOptions = {}): Promise<StreamArticleBatch | null> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const { response, text } = await getBounded(url, headers, timeoutMs, options.maxBytes ?? DEFAULT_FEED_MAX_BYTES, 'feed');
  if (response.status === 304) return null;
  let feed;
  try {
    feed = parseFeed(text);
  } catch {
    throw new FeedError('not an RSS or Atom feed');
  }
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return feedItems(feed, url);
}

/** A feed's items as articles, in document order; `teaser` marks items whose text is only the description. */
export interface StreamArticleBatch {
  items: { article: StreamArticle | null; teaser: boolean }[];
}

type ParsedFeed = ReturnType<typeof parseFeed>;

function feedItems(feed: ParsedFeed, url: string): StreamArticleBatch {
  const outlet = feed.title ?? new URL(url).hostname;
  const items = feed.items.map((item) => {
    const content = fragmentText(item.content);
    const description = fragmentText(item.description);
    const body = content || description;
    if (!body) return { article: null, teaser: false };
    const date = item.published ?? item.updated;
    const article: StreamArticle = {
      id: item.url ?? item.id ?? null,
      url: item.url ?? null,
      title: item.title ?? null,
      published: date ? date.toISOString().slice(0, 10) : null,
      outlet,
      text: body,
    };
    return { article, teaser: !content };
  });
  return { items };
}

/** The text of a feed's HTML fragment, paragraph by paragraph ('' when it has none). */
function fragmentText(fragment: string | null | undefined): string {
  if (!fragment?.trim()) return '';
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return blockText(document.body as unknown as Node).trim();
}

/** Polls each feed once into `ingester`, then flushes; one result per feed, in the order given. */
export async function pollFeeds(urls: string[], ingester: Ingester, validators: Map<string, FeedValidators>, options: FeedOptions = {}): Promise<FeedPoll[]> {
  const results: FeedPoll[] = [];
  const followed = new Set<string>();
  // Fetch concurrently (a slow feed does not hold the others), ingest in the order given.
  const fetched = await Promise.allSettled(
    urls.map((url) => {
      if (!validators.has(url)) validators.set(url, {});
      return fetchFeed(url, validators.get(url)!, options);
    }),
  );
  for (const [i, url] of urls.entries()) {
    const poll: FeedPoll = { url, notModified: false, items: 0, stored: 0, duplicates: 0, empty: 0, teasers: 0, followed: 0, linkProblems: [] };
    results.push(poll);
    const outcome = fetched[i]!;
    if (outcome.status === 'rejected') {
      const err = outcome.reason;
      if (!(err instanceof FeedError)) throw err;
      poll.error = err.problem;
      continue;
    }
    if (outcome.value === null) {
      poll.notModified = true;
      continue;
    }
    for (const { article, teaser } of outcome.value.items) {
      poll.items++;
      if (!article) {
        poll.empty++;
        continue;
      }
      if (teaser) {
        poll.teasers++;
        if (options.followLinks && article.url && !followed.has(article.url)) {
          followed.add(article.url);
          try {
            const text = await linkedText(article.url, options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS);
            if (text.length > (article.text ?? '').length) {
              article.text = text;
              poll.followed++;
            }
          } catch (err) {
            if (!(err instanceof FeedError)) throw err;
            poll.linkProblems.push(`${article.url}: ${err.problem} (kept the teaser)`);
          }
        }
      }
      const id = article.id ?? `${url}#${poll.items}`;
      if ((await ingester.add(article, id)) === 'stored') poll.stored++;
      else poll.duplicates++;
    }
  }
  await ingester.flush();
  return results;
}

/** The article text of a linked page, read as any HTML input is. */
async function linkedText(url: string, timeoutMs: number): Promise<string> {
  if (!/^https?:/i.test(url)) throw new FeedError('not an http(s) link');
  const { text } = await getBounded(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1' }, timeoutMs, MAX_LINKED_PAGE_BYTES, 'page');
  return extractFromHtml(text, { url }).text.trim();
}

/** One line per feed for stderr: its failure, or what it brought. */
export function describePoll(poll: FeedPoll): string {
  if (poll.error) return `${poll.url}: ${poll.error}`;
  if (poll.notModified) return `${poll.url}: not modified`;
  const parts = [`${poll.items} items`, `${poll.stored} stored`, `${poll.duplicates} seen before`];
  if (poll.empty) parts.push(`${poll.empty} without text skipped`);
  if (poll.teasers) parts.push(`${poll.teasers} carry only a teaser (description), not the full article`);
  if (poll.followed) parts.push(`${poll.followed} read from the linked page instead`);
  return `${poll.url}: ${parts.join(', ')}`;
}
