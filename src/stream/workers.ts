// Distributed ingest on a BullMQ queue in Redis: `ingest --redis` enqueues one job per article and
// `worker` processes them, on any number of processes and machines sharing one store.
//
// A job's id is derived from the article's first dedupe key (its URL, else a hash of its text),
// so an article sent again while its job is kept in Redis is not queued twice; one that comes
// later is found by the store's dedupe (the same keys) and counted as a duplicate.
//
// Consistency of story assignment across workers: a worker takes jobs into a batch and flushes
// it in two halves.
//
// 1. Under the store's cluster lock (`withClusterLock`: a PostgreSQL advisory transaction lock, or
//    SQLite's write lock), only the cheap half: it loads the clusterer snapshot the last flush of
//    any worker committed, dedupes against the store, assigns each article from that state, and
//    commits in ONE transaction the articles (a new story is stored as version 0: no briefing yet,
//    not listed), the links, the seen keys, the new snapshot, and a "briefing stale" mark on each
//    touched story holding the number of articles it has now (`commitArticles`); then it releases
//    the lock and completes (acknowledges) the batch's jobs. So assignments are serialised: each
//    is made from the state every earlier assignment left, exactly as one process would make it,
//    and no two workers can open one story twice.
// 2. Outside the lock, the costly half: each touched story's briefing is rebuilt from all of its
//    stored articles and written (`writeBriefing`) as the next version only if, in the write's
//    own transaction (the story's row locked), the story still holds exactly the articles the
//    briefing was built from and its latest briefing was built from fewer; that write clears the
//    mark. When another worker committed articles to the story meanwhile, nothing is written: that
//    worker marked the story again in its commit and rebuilds it after, seeing every article. So
//    the last worker to commit to a story writes its final briefing, which covers all of its
//    articles; several workers build briefings at once, and none holds the lock while doing so.
//
// Crashes. A worker that dies in half 1 leaves nothing (the transaction rolls back and the lock is
// released with its connection); its jobs, never completed, are stalled once their Redis lock
// expires (`lockDuration`) and handed to another worker. One that dies after its commit but before
// the acknowledgement leaves jobs that are redone as duplicates (their keys were committed as
// seen), so no article is stored twice. One that dies in half 2 leaves its stories marked stale:
// every worker, after each flush and every `lockDuration` while idle, rebuilds the stories marked
// at least `lockDuration` ago (by the database's clock), and a `--drain` worker rebuilds every
// marked story before it exits. A story whose articles are all unusable gets no briefing (its
// mark is cleared, it stays unlisted) until a usable article joins it.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { CommittedStory, Store } from '../store/index.js';
import { InputError } from '../types.js';
import { checkUrlScheme, urlWithoutSecrets } from '../urls.js';
import { dedupeKeys, openIngester, parseArticleLine, readStreamLine, rebuildStaleStory, type IngestReport } from './ingest.js';
import type { StreamArticle } from './types.js';

/** The queue's name in Redis (keys `bull:precis-articles:*`). */
export const QUEUE_NAME = 'precis-articles';

/** A job: one article, its id, and where it came from (for problem lines). */
export interface ArticleJob {
  article: StreamArticle;
  id: string;
  from: string;
}

/** How a Redis URL is named in messages: without its password. */
export function redisLabel(url: string): string {
  return urlWithoutSecrets(url);
}

/**
 * Checks that Redis answers at `url` (one attempt, 5 s at most): throws an InputError naming the
 * URL when it does not, so that a command fails in one line instead of waiting for it.
 */
export async function checkRedis(url: string): Promise<void> {
  checkUrlScheme(url, ['redis:', 'rediss:'], 'a redis:// URL');
  const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 5000, retryStrategy: () => null });
  // The socket's error (ECONNREFUSED...) comes as an event; connect() rejects with a generic one.
  let cause: unknown = null;
  probe.on('error', (err) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const e = (cause ?? err) as { code?: string; message?: string };
    const why = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' ? 'no such host' : e.code === 'ETIMEDOUT' ? 'no answer in time' : (e.message ?? String(err));
    throw new InputError(redisLabel(url), `cannot reach Redis (${why})`);
  } finally {
    probe.disconnect();
  }
}

/** A connection for a producer: gives up (commands fail) when Redis stays away for about 10 s. */
function producerConnection(url: string): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: 2, retryStrategy: (times) => (times > 10 ? null : Math.min(times * 200, 1000)) };
  const redis = new Redis(url, options);
  redis.on('error', () => {});
  return redis;
}

/** A connection for a worker: waits for Redis to come back however long it takes (BullMQ requires it). */
function workerConnection(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', () => {});
  return redis;
}

/** The job id of an article: a hash of its first dedupe key (BullMQ ids may not hold ':'). */
export function jobId(article: StreamArticle): string {
  const key = dedupeKeys(article)[0] ?? JSON.stringify(article);
  return `a-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/**
 * Every job: retried on failure (a store that was locked or away) with a growing delay, up to 10
 * times over about 17 minutes; the last 10,000 completed jobs are kept (so an article re-sent
 * soon is not queued again), and the failed ones for inspection.
 */
const JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 10_000 },
  removeOnFail: { count: 10_000 },
};

export interface EnqueueOptions {
  /** Called with one line per bad input: `<input>:<line>: <problem>`. */
  onProblem?: (line: string) => void;
  signal?: AbortSignal;
  /** Jobs sent to Redis in one round trip (default 200). */
  chunk?: number;
}

export interface EnqueueReport {
  lines: number;
  /** Articles sent and acknowledged by Redis (an article whose job is still kept there is not queued again). */
  sent: number;
  bad: number;
}

/** Reads JSONL articles from `input` and queues one job per article; resolves once Redis has acknowledged every one. */
export async function enqueueStream(input: Readable, label: string, redisUrl: string, options: EnqueueOptions = {}): Promise<EnqueueReport> {
  await checkRedis(redisUrl);
  const problem = options.onProblem ?? ((line: string) => process.stderr.write(`precis: ${line}\n`));
  const chunk = Math.max(1, options.chunk ?? 200);
  const connection = producerConnection(redisUrl);
  const queue = new Queue<ArticleJob>(QUEUE_NAME, { connection });
  queue.on('error', () => {});
  const report: EnqueueReport = { lines: 0, sent: 0, bad: 0 };
  let batch: { name: string; data: ArticleJob; opts: JobsOptions }[] = [];
  const send = async () => {
    if (batch.length === 0) return;
    const jobs = batch;
    batch = [];
    try {
      await queue.addBulk(jobs);
    } catch (err) {
      throw new InputError(redisLabel(redisUrl), `Redis stopped answering after ${report.sent} articles were queued (${err instanceof Error ? err.message : String(err)})`);
    }
    report.sent += jobs.length;
  };
  try {
    const lines = createInterface({ input, crlfDelay: Infinity, signal: options.signal });
    for await (const raw of lines) {
      const line = readStreamLine(raw, label, report, problem);
      if (!line) continue;
      batch.push({ name: 'article', data: { article: line.article, id: line.id, from: line.from }, opts: { ...JOB_OPTIONS, jobId: jobId(line.article) } });
      if (batch.length >= chunk) await send();
    }
    await send();
  } catch (err) {
    // Stopped by a signal: what was read is still sent.
    if ((err as { name?: string }).name !== 'AbortError') throw err;
    await send();
  } finally {
    await queue.close().catch(() => {});
    connection.disconnect();
  }
  return report;
}

export interface WorkerOptions {
  /** Jobs a worker holds at once, which is also the most articles one flush takes (default 50). */
  concurrency?: number;
  /** A batch is flushed this long after its first job came, when it has not filled up (default 500 ms). */
  flushDelayMs?: number;
  /** How long a job stays locked to this worker without a renewal before another may take it (default 30 s). */
  lockDurationMs?: number;
  /** Exit once the queue has no job waiting, delayed or active (default: run until aborted). */
  drain?: boolean;
  /** Summary length of each briefing. */
  words?: number;
  onProblem?: (line: string) => void;
  signal?: AbortSignal;
}

export interface WorkerReport {
  stored: number;
  duplicates: number;
  /** Flushes committed. */
  flushes: number;
  updated: string[];
}

interface Waiting {
  job: Job<ArticleJob>;
  resolve: (outcome: string) => void;
  reject: (err: unknown) => void;
}

/**
 * Processes the queue's jobs into `store` until `signal` aborts (or, with `drain`, until the queue
 * is empty): batches of jobs are flushed under the store's cluster lock (see the header) and
 * completed after the commit.
 */
export async function runWorker(store: Store, redisUrl: string, options: WorkerOptions = {}): Promise<WorkerReport> {
  await checkRedis(redisUrl);
  const label = redisLabel(redisUrl);
  const problem = options.onProblem ?? ((line: string) => process.stderr.write(`precis: ${line}\n`));
  const concurrency = Math.max(1, options.concurrency ?? 50);
  const flushDelayMs = Math.max(0, options.flushDelayMs ?? 500);
  const lockDuration = Math.max(1000, options.lockDurationMs ?? 30_000);
  const report: WorkerReport = { stored: 0, duplicates: 0, flushes: 0, updated: [] };
  // Fault injection for the tests: hold the cluster lock this long before committing.
  const pauseInLock = Number(process.env.PRECIS_FAULT_PAUSE_IN_LOCK_MS ?? 0);

  let batch: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  let busy = 0;
  // Fault injection for the tests: pause after a flush's commit and acknowledgement, before its briefings.
  const pauseBeforeBriefings = Number(process.env.PRECIS_FAULT_PAUSE_BEFORE_BRIEFINGS_MS ?? 0);

  /** Rebuilds these stale stories' briefings, one at a time, outside the cluster lock (see the header). */
  const rebuildStories = async (stories: { id: string; articles?: number }[]): Promise<void> => {
    for (const { id, articles } of stories) {
      try {
        const version = await rebuildStaleStory(store, id, { words: options.words, committed: articles, problem: (p) => problem(`${label}: story ${id}: ${p}`) });
        if (version !== null && !report.updated.includes(id)) report.updated.push(id);
      } catch (err) {
        // The articles are committed and the story stays marked: a later sweep rebuilds it.
        problem(`${label}: story ${id}: briefing not rebuilt yet (${err instanceof Error ? err.message : String(err)})`);
      }
    }
  };
  /** Rebuilds the stories marked stale at least `olderThanMs` ago: another worker's, lost to its crash. */
  const sweep = async (olderThanMs: number): Promise<void> => {
    let stale: { id: string }[];
    try {
      stale = await store.staleStories({ olderThanMs });
    } catch (err) {
      problem(`${label}: cannot look for stale briefings (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    await rebuildStories(stale);
  };

  const flushBatch = async (items: Waiting[]): Promise<void> => {
    let outcomes: string[];
    let flushed: IngestReport;
    let committed: CommittedStory[];
    // Under the lock, only the cheap half: dedupe, assign from the committed clusterer state,
    // commit articles, links, seen keys, snapshot and stale markers.
    try {
      [outcomes, flushed, committed] = await store.withClusterLock(async () => {
        const ingester = await openIngester(store, label, { flushEvery: Infinity, words: options.words, onProblem: problem });
        const out: string[] = [];
        for (const item of items) {
          if (pauseInLock > 0 && out.length === items.length - 1) {
            process.stderr.write(`precis: worker ${process.pid} holds the cluster lock\n`);
            await new Promise((resolve) => setTimeout(resolve, pauseInLock));
          }
          out.push(await ingester.add(item.job.data.article, item.job.data.id));
        }
        return [out, ingester.report, await ingester.commitArticles()] as const;
      });
    } catch (err) {
      problem(`${label}: a batch of ${items.length} articles was not stored and goes back to the queue (${err instanceof Error ? err.message : String(err)})`);
      for (const item of items) item.reject(err);
      return;
    }
    report.flushes++;
    report.stored += flushed.stored;
    report.duplicates += flushed.duplicates;
    // Committed: the jobs are acknowledged now, before the briefings.
    items.forEach((item, i) => item.resolve(outcomes[i]!));
    if (pauseBeforeBriefings > 0) {
      process.stderr.write(`precis: worker ${process.pid} builds briefings\n`);
      await new Promise((resolve) => setTimeout(resolve, pauseBeforeBriefings));
    }
    // Then the costly half, outside the lock, each briefing written with an optimistic check;
    // then any story a dead worker left stale.
    await rebuildStories(committed);
    await sweep(lockDuration);
  };

  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (batch.length === 0) return flushing;
    const items = batch;
    batch = [];
    return serially(() => flushBatch(items));
  };
  /** Flushes and sweeps run one at a time. */
  const serially = (work: () => Promise<void>): Promise<void> => {
    busy++;
    flushing = flushing.then(work).finally(() => busy--);
    return flushing;
  };
  // An idle worker still rebuilds what a dead one left stale, once its mark is lockDuration old.
  const sweeper = setInterval(() => {
    if (busy === 0 && batch.length === 0) void serially(() => sweep(lockDuration));
  }, lockDuration);

  const connection = workerConnection(redisUrl);
  const worker = new Worker<ArticleJob>(
    QUEUE_NAME,
    (job) => {
      // Jobs from another producer are checked as ingest checks a line; a bad one is not retried.
      const checked = parseArticleLine(JSON.stringify(job.data?.article ?? null));
      if (typeof checked === 'string' || typeof job.data.id !== 'string') {
        const why = typeof checked === 'string' ? checked : 'no article id';
        problem(`${label}: job ${job.id}: ${why}`);
        throw new UnrecoverableError(why);
      }
      return new Promise<string>((resolve, reject) => {
        batch.push({ job, resolve, reject });
        if (batch.length >= concurrency) void flushNow();
        else if (!timer) timer = setTimeout(() => void flushNow(), flushDelayMs);
      });
    },
    {
      connection,
      concurrency,
      lockDuration,
      stalledInterval: Math.min(30_000, lockDuration),
      // A job may stall several times (its worker killed each time) before it is given up.
      maxStalledCount: 5,
      autorun: false,
    },
  );
  let lastError = '';
  worker.on('error', (err) => {
    const line = `${label}: ${err.message}`;
    if (line !== lastError) problem(line);
    lastError = line;
  });

  const stopped = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  let drained: Promise<void> = new Promise(() => {});
  let queue: Queue | null = null;
  const watcher = producerConnection(redisUrl);
  if (options.drain) {
    queue = new Queue(QUEUE_NAME, { connection: watcher });
    queue.on('error', () => {});
    drained = new Promise<void>((resolve) => {
      const look = async () => {
        try {
          const counts = await queue!.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
          const left = Object.values(counts).reduce((a, b) => a + b, 0);
          if (left === 0 && batch.length === 0 && busy === 0) return resolve();
        } catch {
          // Redis away for a moment: look again.
        }
        setTimeout(() => void look(), 250);
      };
      void look();
    });
  }
  const running = worker.run();
  await Promise.race([stopped, drained]);
  // Stop taking jobs; the batch in hand is flushed and its jobs completed before closing.
  const closing = worker.close();
  clearInterval(sweeper);
  await flushNow();
  await closing;
  // Draining: no story is left stale behind, whoever marked it (a dead worker, or a live one
  // still rebuilding it, which then finds it current).
  if (options.drain) await serially(() => sweep(0));
  await running.catch(() => {});
  if (queue) await queue.close().catch(() => {});
  // Connections handed to BullMQ are the caller's to close.
  connection.disconnect();
  watcher.disconnect();
  return report;
}
