import type { Command } from 'commander';
import { openStore } from '../store/index.js';
import { ingestStream, openIngester } from '../stream/ingest.js';
import { describePoll, parseDuration, pollFeeds, type FeedValidators } from '../stream/feeds.js';
import { InputError } from '../types.js';
import { inputStream, positiveInt, readingStream } from './output.js';
import { checkUrlScheme } from '../urls.js';

interface IngestOpts {
  db: string;
  every?: string;
  flush?: number;
  feed: string[];
  timeout: string;
  followLinks?: boolean;
  words?: number;
  redis?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function register(program: Command): void {
  program
    .command('ingest')
    .description('stream articles (JSONL, or RSS/Atom feeds) into a store: each joins a story, and touched stories get a new briefing version')
    .argument('[input]', 'a JSONL file, or - for stdin (not with --feed)')
    .option('--db <file|url>', 'store: a SQLite file, or a postgres:// URL', 'precis.db')
    .option('--feed <url>', 'an RSS 2.0 or Atom feed to poll (repeat for several)', collect, [])
    .option('--every <value>', 'with --feed: poll again after this long (30s, 5m, 1h) until SIGINT/SIGTERM; with a JSONL input: same as --flush')
    .option('--flush <n>', 'rebuild touched briefings after this many new articles (default 50; with --feed, also after each poll)', positiveInt('--flush'))
    .option('--timeout <duration>', 'with --feed: give up on a feed after this long', '20s')
    .option('--follow-links', 'with --feed: for an item that carries only a teaser, read the article from its linked page (at most 2 MB, same timeout)')
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'))
    .option('--redis <url>', 'queue the articles on Redis for `precis worker` processes instead (one job per article); exit once Redis has them all')
    .addHelpText('after', `
A malformed line or an article with no text is reported on stderr (one line, with its line
number) and skipped; the rest of the stream is ingested and kept. Exit 2 when any line was bad.
SIGINT or SIGTERM stops reading; what was read is stored before exit, the rest stays unread.
An article already seen (same URL or same text) is stored once.

Feeds: each item's link, title, published date and content:encoded (Atom: content), else its
description, make the article; items that carry only a description are counted as teasers, and
with --follow-links their linked page is read instead (the teaser is kept if it fails). Each
feed is fetched with a conditional GET (ETag, Last-Modified). A feed that fails (HTTP error, not
XML, no answer in time, too large) is reported in one line naming its URL, and the other feeds go
on. Without --every: one poll, exit 2 when any feed failed. With --every: polls until SIGINT or
SIGTERM, which stop after the current poll is stored; exit 0.`)
    .action(async (input: string | undefined, opts: IngestOpts) => {
      if (opts.feed.length > 0) {
        if (input !== undefined) throw new InputError('ingest', 'give a JSONL input or --feed, not both');
        process.exitCode = await ingestFeeds(opts);
        return;
      }
      if (input === undefined) throw new InputError('ingest', 'give a JSONL input (- for stdin) or --feed URL');
      if (opts.redis !== undefined) {
        process.exitCode = await enqueue(input, opts.redis);
        return;
      }
      let flushEvery = opts.flush;
      if (opts.every !== undefined) {
        if (!/^\d+$/.test(opts.every) || Number(opts.every) < 1) throw new InputError('--every', 'without --feed, a number of articles');
        flushEvery = Number(opts.every);
      }
      const store = await openStore(opts.db);
      const stream = inputStream(input);
      // SIGINT/SIGTERM stop reading: the articles already read are stored (flushed) before exit,
      // those not yet read stay unseen, so running the same input again loses nothing.
      let interrupted = false;
      const reading = new AbortController();
      const stop = () => {
        interrupted = true;
        reading.abort();
        stream.destroy();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const report = await readingStream(input, () => ingestStream(stream, input === '-' ? 'stdin' : input, store, { flushEvery, words: opts.words, signal: reading.signal }));
        process.stderr.write(`precis: ${report.stored} stored, ${report.duplicates} duplicates, ${report.bad} bad, ${report.updated.length} stories updated${interrupted ? ' (stopped by a signal)' : ''}\n`);
        if (report.bad > 0) process.exitCode = 2;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
      }
    });
}

/** Queues the articles of `input` on Redis; the exit code (2 when a line was bad). */
async function enqueue(input: string, redisUrl: string): Promise<number> {
  // Loaded only when asked for: the single-process path never loads the queue's client.
  const { enqueueStream, redisLabel } = await import('../stream/workers.js');
  const stream = inputStream(input);
  const reading = new AbortController();
  const stop = () => reading.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const report = await readingStream(input, () => enqueueStream(stream, input === '-' ? 'stdin' : input, redisUrl, { signal: reading.signal }));
    process.stderr.write(`precis: ${report.sent} articles queued on ${redisLabel(redisUrl)}, ${report.bad} bad${reading.signal.aborted ? ' (stopped by a signal)' : ''}\n`);
    return report.bad > 0 ? 2 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Polls the feeds once, or every `--every` until a signal; the exit code. */
async function ingestFeeds(opts: IngestOpts): Promise<number> {
  const interval = opts.every === undefined ? null : parseDuration(opts.every);
  if (opts.every !== undefined && interval === null) throw new InputError('--every', 'not a duration (e.g. 30s, 5m, 1h)');
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === null) throw new InputError('--timeout', 'not a duration (e.g. 10s)');
  for (const url of opts.feed) checkUrlScheme(url, ['http:', 'https:'], 'an http(s) URL');
  const store = await openStore(opts.db);
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    stopping = true;
    wake?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let failed = false;
  try {
    const ingester = await openIngester(store, 'feeds', { flushEvery: opts.flush ?? 50, words: opts.words });
    const validators = new Map<string, FeedValidators>();
    for (;;) {
      const polls = await pollFeeds(opts.feed, ingester, validators, { timeoutMs, followLinks: opts.followLinks });
      for (const poll of polls) {
        if (poll.error) failed = true;
        process.stderr.write(`precis: ${describePoll(poll)}\n`);
        for (const line of poll.linkProblems) process.stderr.write(`precis: ${line}\n`);
      }
      if (interval === null || stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      if (stopping) break;
    }
    const r = ingester.report;
    process.stderr.write(`precis: ${r.stored} stored, ${r.duplicates} duplicates, ${r.updated.length} stories updated\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
  return interval === null && failed ? 2 : 0;
}
