// Throughput and memory of `precis cluster`, one process, wall clock with start-up included, run
// as the installed command runs (the sources compiled by tsc into .bench/stream-dist, then node):
//   1. on the development stream (../shared/data/stream/dev-stream.jsonl, when present), with
//      B-cubed F1 of the output against its labels;
//   2. on a synthetic stream of 100,000 dated articles generated here from an invented vocabulary
//      (thousands of stories of 2-60 articles, each running for days, some reprinted word for
//      word), printing the process's resident memory at 10k, 50k and 100k articles; then again
//      with the V8 old space capped at 128 MB (node --max-old-space-size=128): V8 grows its heap
//      lazily while garbage is cheap to leave, so plain RSS climbs before it levels off; under the
//      cap it stays flat and the run is as fast, which shows the clusterer's live state is bounded.
//   3. distributed ingest: the first `--worker-articles` (default 2,000) articles of the synthetic
//      stream queued on Redis (`precis ingest --redis`), then drained into a fresh SQLite store by
//      1, 2 and 4 `precis worker` processes at once: articles/s into stories, from the workers'
//      start to the last one's exit (start-up included); the machine's load average is printed
//      with it, since workers only scale on idle cores. Redis: PRECIS_TEST_REDIS, else a
//      throwaway /usr/bin/redis-server; skipped with one line when neither. With PRECIS_TEST_PG
//      (a server whose user may create databases) the same again into a fresh PostgreSQL database.
//   npm run bench:stream [-- --articles N] [--window D] [--keep <file>] [--worker-articles N] [--workers-only]
//   (--workers-only: part 3 alone, on the same synthetic stream)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bcubed, readLabelledStream } from '../src/eval/stream.js';
import { random, SYLLABLES } from '../test/stream-workers-articles.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devStream = path.resolve(repoRoot, '../shared/data/stream/dev-stream.jsonl');
const built = path.join(repoRoot, '.bench/stream-dist');

/** Compiles the sources as `npm run build` does, into .bench/stream-dist. */
function build(): void {
  const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
  const r = spawnSync(tsc, ['-p', 'tsconfig.json', '--outDir', built], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
}

interface Options {
  workerArticles: number;
  articles: number;
  window: number;
  keep: string | null;
  workersOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { workerArticles: 2000, articles: 100_000, window: 30, keep: null, workersOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--articles') options.articles = Number(argv[++i]);
    else if (arg === '--window') options.window = Number(argv[++i]);
    else if (arg === '--keep') options.keep = argv[++i] ?? null;
    else if (arg === '--worker-articles') options.workerArticles = Number(argv[++i]);
    else if (arg === '--workers-only') options.workersOnly = true;
    else throw new Error(`unknown option ${arg} (use --articles N, --window D, --keep <file>, --worker-articles N, --workers-only)`);
  }
  return options;
}

interface Synthetic {
  file: string;
  gold: string[];
}

/** Writes the synthetic stream (one JSON article a line, date order) and returns the gold story of each line. */
async function synthesize(file: string, total: number): Promise<Synthetic> {
  const rand = random(20260105);
  const word = (): string => {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w;
  };
  const vocabulary = Array.from({ length: 30_000 }, word);
  // Zipf-like draw over the general vocabulary: rank ~ exp(u * ln V).
  const general = (): string => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rand() * Math.log(vocabulary.length))) - 1)]!;
  const capital = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const days = Math.max(30, Math.round(total / 100));
  type Item = { day: number; story: number; key: number };
  const items: Item[] = [];
  const stories: { words: string[]; names: string[] }[] = [];
  while (items.length < total) {
    const s = stories.length;
    stories.push({ words: Array.from({ length: 40 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!), names: Array.from({ length: 3 }, () => capital(word())) });
    const start = rand() * days;
    const span = 1 + -Math.log(1 - rand()) * 6;
    const size = 2 + Math.floor(-Math.log(1 - rand()) * 12);
    for (let k = 0; k < size && items.length < total; k++) items.push({ day: Math.floor(start + rand() * span), story: s, key: rand() });
  }
  items.sort((a, b) => a.day - b.day || a.key - b.key);
  const out = createWriteStream(file);
  const gold: string[] = [];
  const texts = new Map<number, string[]>();
  const day0 = Date.UTC(2020, 0, 1);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const story = stories[it.story]!;
    const earlier = texts.get(it.story);
    let text: string;
    if (earlier && rand() < 0.05) {
      text = earlier[Math.floor(rand() * earlier.length)]!; // wire copy reprinted
    } else {
      const sentences: string[] = [];
      for (let s = 0; s < 16; s++) {
        const words: string[] = [];
        for (let w = 0; w < 15; w++) {
          const r = rand();
          words.push(r < 0.06 ? story.names[Math.floor(rand() * 3)]! : r < 0.4 ? story.words[Math.floor(Math.pow(rand(), 2) * 40)]! : general());
        }
        words[0] = capital(words[0]!);
        sentences.push(`${words.join(' ')}.`);
      }
      text = sentences.join(' ');
      if (earlier) earlier.push(text);
      else texts.set(it.story, [text]);
      if (texts.get(it.story)!.length > 3) texts.get(it.story)!.shift();
    }
    const title = capital(Array.from({ length: 6 }, () => story.words[Math.floor(Math.pow(rand(), 2) * 40)]!).join(' '));
    const published = new Date(day0 + it.day * 86_400_000).toISOString().slice(0, 10);
    if (!out.write(`${JSON.stringify({ id: `x${i}`, title, published, text })}\n`)) await new Promise((r) => out.once('drain', r));
    gold.push(`g${it.story}`);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { file, gold };
}

interface Run {
  stories: string[];
  seconds: number;
  rss: Map<number, number>;
}

/** Runs `precis cluster` on a file as a user would (node + tsx from the sources), reading its answers as they come. */
function runCluster(file: string, args: string[], marks: number[], nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, path.join(built, 'cli/main.js'), 'cluster', file, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const stories: string[] = [];
    const rss = new Map<number, number>();
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      stories.push((JSON.parse(line) as { story: string }).story);
      if (marks.includes(stories.length)) rss.set(stories.length, rssOf(child.pid!));
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`precis cluster exited with ${code}`));
      else resolve({ stories, seconds: Number(process.hrtime.bigint() - start) / 1e9, rss });
    });
  });
}

/** Resident memory of a process in MB (Linux /proc), NaN elsewhere. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs the compiled `precis <args>` to its end; rejects on a non-zero exit. */
function runPrecis(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(built, 'cli/main.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`precis ${args[0]} exited with ${code}:\n${err}`))));
  });
}

/** A Redis URL: PRECIS_TEST_REDIS, or a throwaway redis-server (stopped by the returned function); null when neither. */
async function benchRedis(dir: string): Promise<{ url: string; stop: () => void } | null> {
  if (process.env.PRECIS_TEST_REDIS) return { url: process.env.PRECIS_TEST_REDIS, stop: () => {} };
  if (!existsSync('/usr/bin/redis-server')) return null;
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(p));
    });
  });
  const child = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const { checkRedis } = await import('../src/stream/workers.js');
  for (let i = 0; ; i++) {
    try {
      await checkRedis(url);
      break;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, stop: () => child.kill() };
}

/** A fresh store for one run: a SQLite file in `dir`, or a database made on the PostgreSQL server `pg` (dropped by `drop`). */
async function freshStore(kind: 'SQLite' | 'PostgreSQL', dir: string, name: string): Promise<{ db: string; drop: () => Promise<void> }> {
  if (kind === 'SQLite') return { db: path.join(dir, `${name}.db`), drop: async () => {} };
  const { default: pg } = await import('pg');
  const admin = process.env.PRECIS_TEST_PG!;
  const database = `precis_bench_${process.pid}_${name.replace(/\W/g, '_')}`;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE ${database}`);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return { db: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) };
}

/** Distributed ingest throughput with 1, 2 and 4 worker processes on one SQLite store (and one PostgreSQL database when PRECIS_TEST_PG is set). */
async function benchWorkers(file: string, count: number, dir: string): Promise<void> {
  const redis = await benchRedis(dir);
  if (!redis) {
    console.log('workers: no Redis (set PRECIS_TEST_REDIS or install /usr/bin/redis-server), skipped');
    return;
  }
  const { Queue } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const { openStore } = await import('../src/store/index.js');
  const { QUEUE_NAME } = await import('../src/stream/workers.js');
  try {
    const head = path.join(dir, 'workers.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, count);
    writeFileSync(head, `${lines.join('\n')}\n`);
    for (const kind of process.env.PRECIS_TEST_PG ? (['SQLite', 'PostgreSQL'] as const) : (['SQLite'] as const)) {
      console.log(`workers: the first ${lines.length} synthetic articles, queued on Redis, drained into a fresh ${kind} store (concurrency 50, wall clock from the workers' start to the last exit; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
      for (const workers of [1, 2, 4]) {
        const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
        const queue = new Queue(QUEUE_NAME, { connection });
        await queue.obliterate({ force: true });
        await runPrecis(['ingest', head, '--redis', redis.url]);
        const { db, drop } = await freshStore(kind, dir, `workers-${workers}`);
        const start = process.hrtime.bigint();
        const reports = await Promise.all(Array.from({ length: workers }, () => runPrecis(['worker', '--redis', redis.url, '--db', db, '--drain'])));
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const stored = reports.reduce((sum, r) => sum + Number(/: (\d+) stored/.exec(r)?.[1] ?? NaN), 0);
        const flushes = reports.reduce((sum, r) => sum + Number(/in (\d+) flushes/.exec(r)?.[1] ?? NaN), 0);
        const counts = await queue.getJobCounts('completed', 'failed');
        await queue.close();
        connection.disconnect();
        const store = await openStore(db);
        const stories = await store.countStories();
        await store.close();
        await drop();
        console.log(`  ${workers} worker${workers > 1 ? 's' : ' '}: ${stored} stored (${lines.length - stored} reprints, same text: one job) into ${stories} stories in ${seconds.toFixed(1)} s = ${(lines.length / seconds).toFixed(0)} articles/s; ${flushes} flushes; jobs completed ${counts.completed}, failed ${counts.failed}; load average ${os.loadavg()[0]!.toFixed(1)}`);
      }
    }
  } finally {
    redis.stop();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  build();
  if (!options.workersOnly) console.log(`precis cluster (compiled), one process, wall clock including start-up; ${os.cpus().length} cores`);
  if (options.workersOnly) {
    // Part 3 alone.
  } else if (existsSync(devStream)) {
    const labelled = readLabelledStream(devStream);
    const run = await runCluster(devStream, [], []);
    const b = bcubed(labelled.map((x) => x.story), run.stories);
    console.log(`dev stream: ${run.stories.length} articles in ${run.seconds.toFixed(2)} s = ${(run.stories.length / run.seconds).toFixed(0)} articles/s; B-cubed P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}`);
  } else {
    console.log('dev stream: ../shared/data/stream missing, skipped');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'precis-bench-stream-'));
  try {
    const file = options.keep ?? path.join(dir, 'synthetic.jsonl');
    const t0 = Date.now();
    const synthetic = await synthesize(file, options.articles);
    console.log(`synthetic stream: ${synthetic.gold.length} articles, ${new Set(synthetic.gold).size} stories (written in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const marks = [10_000, 50_000, 100_000].filter((n) => n <= options.articles);
    for (const nodeArgs of options.workersOnly ? [] : [[], ['--max-old-space-size=128']]) {
      const run = await runCluster(file, ['--window', String(options.window)], marks, nodeArgs);
      const b = bcubed(synthetic.gold, run.stories);
      console.log(`${['node', ...nodeArgs].join(' ')} precis cluster --window ${options.window}: ${run.stories.length} articles in ${run.seconds.toFixed(1)} s = ${(run.stories.length / run.seconds).toFixed(0)} articles/s; B-cubed P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(3)}`);
      console.log(`  RSS: ${marks.map((n) => `${n / 1000}k ${run.rss.get(n)?.toFixed(0) ?? '?'} MB`).join(', ')}`);
    }
    await benchWorkers(file, options.workerArticles, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
