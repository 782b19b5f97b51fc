import type { Command } from 'commander';
import { openStore } from '../store/index.js';
import { positiveInt } from './output.js';

interface WorkerOpts {
  redis: string;
  db: string;
  concurrency: number;
  flushDelay: number;
  lockDuration: number;
  drain?: boolean;
  words?: number;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('process articles queued by `precis ingest --redis`: each joins a story in the store, and touched stories get a new briefing version')
    .requiredOption('--redis <url>', 'the Redis server holding the queue (redis://host:port)')
    .option('--db <store>', 'the store: a SQLite file shared by the workers of one machine, or a postgres:// URL', 'precis.db')
    .option('--concurrency <n>', 'jobs held at once: the most articles one flush takes', positiveInt('--concurrency'), 50)
    .option('--flush-delay <ms>', 'flush a batch that has not filled up this long after its first article came', positiveInt('--flush-delay'), 500)
    .option('--lock-duration <ms>', "how long a job stays this worker's without a renewal; a dead worker's jobs go to another after it", positiveInt('--lock-duration'), 30_000)
    .option('--drain', 'exit once the queue has no job waiting, delayed or being worked on')
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'))
    .addHelpText('after', `
Any number of workers, on any machines, may share one queue and one store. Each takes jobs into a
batch and flushes it under the store's cluster lock: it loads the clustering state the last flush
committed, dedupes, assigns every article and commits the articles in one transaction, marking the
touched stories' briefings stale; it releases the lock and acknowledges the jobs, then rebuilds
those briefings, each written only if its story gained no article meanwhile (else the worker that
added them rebuilds it). A worker killed at any point loses nothing: its uncommitted work rolls
back and its jobs go to another worker once their lock expires; a briefing it left stale is
rebuilt by another worker once the mark is --lock-duration old, or by any --drain worker.
SIGINT or SIGTERM: the batch in hand is flushed, then the worker exits.`)
    .action(async (opts: WorkerOpts) => {
      const { checkRedis, redisLabel, runWorker } = await import('../stream/workers.js');
      await checkRedis(opts.redis);
      // Workers of one machine queue on the SQLite file's write lock: wait for it as long as a flush may take.
      const store = await openStore(opts.db, { busyTimeoutMs: 120_000 });
      const stopping = new AbortController();
      const stop = () => stopping.abort();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        process.stderr.write(`precis: worker ${process.pid} takes jobs from ${redisLabel(opts.redis)}\n`);
        const report = await runWorker(store, opts.redis, {
          concurrency: opts.concurrency,
          flushDelayMs: opts.flushDelay,
          lockDurationMs: opts.lockDuration,
          drain: opts.drain,
          words: opts.words,
          signal: stopping.signal,
        });
        process.stderr.write(`precis: worker ${process.pid}: ${report.stored} stored, ${report.duplicates} duplicates, ${report.updated.length} stories updated in ${report.flushes} flushes\n`);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
      }
    });
}
