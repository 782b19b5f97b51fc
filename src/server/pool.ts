// Briefing off the main thread: a small pool of worker threads running the pipeline. Reads are
// answered by the main thread from the store while briefings are being computed.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../worker-threads.js';
import type { StoryArticle } from '../store/index.js';
import { InputError, type Briefing, type Problem } from '../types.js';
import { briefStory, type StoryBriefing } from './articles.js';

export interface BriefJob {
  id: number;
  articles: StoryArticle[];
  title: string | null;
  words?: number;
}

export type BriefReply =
  | { id: number; ok: true; briefing: Briefing; skipped: Problem[] }
  | { id: number; ok: false; input?: string; message: string };

/**
 * Briefs a story's articles: the briefing and the articles skipped as unusable; throws
 * InputError when none can be briefed, BriefingTimeoutError when one briefing takes too long.
 */
export interface Briefer {
  brief(articles: StoryArticle[], title: string | null): Promise<StoryBriefing>;
  close(): Promise<void>;
}

/** Leaves one core to the event loop that serves reads; more than 4 workers only add memory. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Briefs on the calling thread: for tests and for `--workers 0`. */
export function inlineBriefer(words?: number): Briefer {
  return {
    brief: async (articles, title) => briefStory(articles, title, { words }),
    close: async () => {},
  };
}


interface Pending {
  resolve: (b: StoryBriefing) => void;
  reject: (e: Error) => void;
  job: BriefJob;
  /** Workers that died while holding this job; a job that kills two is not tried again. */
  crashes: number;
}

/** A briefing that ran past the time bound: its worker was stopped and replaced. */
export class BriefingTimeoutError extends Error {
  constructor(public readonly seconds: number) {
    super(`briefing the story took longer than ${seconds} s and was stopped: send fewer or shorter articles`);
    this.name = 'BriefingTimeoutError';
  }
}

/**
 * Longest a briefing may run on a worker. A 1,800-article story (11 MB) takes about 12 s on a
 * 2-core machine; a job past a minute is a story far beyond what one request may bring, and
 * holding a worker longer would keep every other story waiting behind it.
 */
export const DEFAULT_JOB_TIMEOUT_MS = 60_000;

/** Too many briefings are already waiting: the caller should come back later (HTTP 503). */
export class BrieferBusyError extends Error {
  constructor(waiting: number) {
    super(`${waiting} briefings are already waiting; try again shortly`);
    this.name = 'BrieferBusyError';
  }
}

/**
 * Briefings allowed to wait for a worker. Each holds its articles in memory (up to the request
 * body limit), so the queue is bounded; at 40-80 ms a briefing of five articles (bench:server)
 * 64 waiting is a few seconds of work per worker, past which a client is better told to retry.
 */
export const DEFAULT_MAX_WAITING = 64;

/** A pool of `size` worker threads; jobs queue when all are busy. A crashed worker is replaced. */
export function workerBriefer(size: number, words?: number, maxWaiting = DEFAULT_MAX_WAITING, jobTimeoutMs = DEFAULT_JOB_TIMEOUT_MS): Briefer {
  const script = siblingModule(import.meta.url, 'brief-worker');
  // Workers that die before answering anything (e.g. cannot load) are not respawned forever:
  // after a few in a row the pool briefs on the calling thread instead, slower but working.
  const MAX_FAILURES_IN_ROW = 3;
  let failuresInRow = 0;
  let broken = false;
  const fallback = inlineBriefer(words);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const timers = new Map<Worker, NodeJS.Timeout>();
  /** Workers stopped because their job ran past its time: their exit is no failure. */
  const stopped = new Set<Worker>();
  const stopTimer = (worker: Worker) => {
    clearTimeout(timers.get(worker));
    timers.delete(worker);
  };

  const settle = (worker: Worker, reply: BriefReply) => {
    stopTimer(worker);
    const pending = busy.get(worker);
    busy.delete(worker);
    failuresInRow = 0;
    if (pending) {
      if (reply.ok) pending.resolve({ briefing: reply.briefing, skipped: reply.skipped });
      else if (reply.input !== undefined) pending.reject(new InputError(reply.input, reply.message));
      else pending.reject(new Error(`briefing failed: ${reply.message}`));
    }
    worker.unref();
    idle.push(worker);
    dispatch();
  };

  /** Every worker alive, loading ones included. */
  const alive = new Set<Worker>();
  const spawnWorker = () => {
    const worker = startWorker(script);
    alive.add(worker);
    // A worker takes jobs once it has loaded (so a job's time bound never counts its start-up).
    worker.on('message', (reply: BriefReply | 'ready') => {
      if (reply !== 'ready') settle(worker, reply);
      else if (!closed) {
        idle.push(worker);
        dispatch();
      }
    });
    let lastError: Error | null = null;
    worker.on('error', (err) => {
      lastError = err;
    });
    worker.on('exit', () => {
      alive.delete(worker);
      stopTimer(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const pending = busy.get(worker);
      busy.delete(worker);
      if (pending) {
        // Requeue a job whose worker died (it may not be the job's fault, e.g. a worker that could
        // not start), unless it has already taken a worker down before.
        if (++pending.crashes >= 2 || closed) pending.reject(lastError ?? new Error('briefing worker stopped'));
        else queue.unshift(pending);
      }
      if (closed) return;
      if (stopped.delete(worker)) {
        spawnWorker();
        return;
      }
      if (++failuresInRow >= MAX_FAILURES_IN_ROW) {
        if (!broken) process.stderr.write('precis serve: briefing workers keep failing; briefing on the main thread instead\n');
        broken = true;
        for (const p of queue.splice(0)) fallback.brief(p.job.articles, p.job.title).then(p.resolve, p.reject);
        return;
      }
      spawnWorker();
    });
    // Idle workers must not keep the process alive on their own.
    worker.unref();
    return worker;
  };

  const dispatch = () => {
    while (!closed && idle.length && queue.length) {
      const worker = idle.pop()!;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      // A busy worker keeps the process alive until its answer is in.
      worker.ref();
      worker.postMessage(pending.job);
      // A job past its time is rejected and its worker stopped; the exit handler starts another.
      timers.set(
        worker,
        setTimeout(() => {
          timers.delete(worker);
          if (busy.get(worker) !== pending) return;
          busy.delete(worker);
          pending.reject(new BriefingTimeoutError(Math.round(jobTimeoutMs / 100) / 10));
          stopped.add(worker);
          void worker.terminate();
        }, jobTimeoutMs),
      );
    }
  };

  for (let i = 0; i < size; i++) spawnWorker();

  return {
    brief: (articles, title) =>
      new Promise<StoryBriefing>((resolve, reject) => {
        if (closed) {
          reject(new Error('the briefing pool is closed'));
          return;
        }
        if (broken) {
          fallback.brief(articles, title).then(resolve, reject);
          return;
        }
        // Jobs a starting worker will take as soon as it has loaded are not waiting.
        const starting = alive.size - idle.length - busy.size;
        if (queue.length - starting >= maxWaiting) {
          reject(new BrieferBusyError(queue.length));
          return;
        }
        queue.push({ resolve, reject, job: { id: nextId++, articles, title, words }, crashes: 0 });
        dispatch();
      }),
    close: async () => {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('the server is shutting down'));
      await Promise.all([...alive].map((w) => w.terminate()));
    },
  };
}
