// Distributed ingest on the real engines: a Redis server (PRECIS_TEST_REDIS, else a throwaway
// /usr/bin/redis-server started here on a free port), BullMQ, worker processes of the CLI, and
// the store as a shared SQLite file or (PRECIS_TEST_PG) a PostgreSQL database made for the test.
// Without Redis the cases are skipped with one line, or fail under PRECIS_REQUIRE_SERVICES=1.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openStore } from '../src/store/index.js';
import { QUEUE_NAME } from '../src/stream/workers.js';
import { precis, repoRoot, tempDir } from './helpers.js';
import { inventedArticles } from './stream-workers-articles.js';

const REDIS_SERVER = '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Skips the test with one line, or fails it when services are required. */
function missing(t: TestContext, line: string): null {
  if (process.env.PRECIS_REQUIRE_SERVICES === '1') throw new Error(`${line} (PRECIS_REQUIRE_SERVICES=1)`);
  t.skip(line);
  return null;
}

let throwaway: { url: string; child: ChildProcess; dir: string } | null = null;

/** A Redis URL for the tests: PRECIS_TEST_REDIS, or a redis-server started once for this file. */
async function redisBase(t: TestContext): Promise<string | null> {
  if (process.env.PRECIS_TEST_REDIS) return process.env.PRECIS_TEST_REDIS;
  if (throwaway) return throwaway.url;
  if (!existsSync(REDIS_SERVER)) return missing(t, `Redis missing: set PRECIS_TEST_REDIS or install ${REDIS_SERVER}`);
  const port = await freePort();
  const dir = tempDir('precis-redis-');
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  throwaway = { url, child, dir };
  for (let i = 0; ; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (err) {
      probe.disconnect();
      if (i > 100) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return url;
}

test.after(() => {
  if (throwaway) {
    throwaway.child.kill('SIGKILL');
    rmSync(throwaway.dir, { recursive: true, force: true });
  }
});

/** The Redis URL with database `index`, emptied of this queue, so the cases do not see each other's jobs. */
async function redisFor(t: TestContext, index: number): Promise<string | null> {
  const base = await redisBase(t);
  if (!base) return null;
  const url = new URL(base);
  url.pathname = `/${index}`;
  await withQueue(url.toString(), (queue) => queue.obliterate({ force: true }));
  return url.toString();
}

/** Runs `fn` on the workers' queue at `url`. */
async function withQueue<T>(url: string, fn: (queue: Queue) => Promise<T>): Promise<T> {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection });
  try {
    return await fn(queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

interface Store {
  db: string;
  drop: () => Promise<void>;
}

/** A fresh store of the kind: a SQLite file in a temp folder, or a PostgreSQL database made for the test. */
async function storeOf(t: TestContext, kind: 'sqlite' | 'postgres'): Promise<Store | null> {
  if (kind === 'sqlite') {
    const dir = tempDir('precis-workers-');
    return { db: path.join(dir, 'stories.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.PRECIS_TEST_PG;
  if (!admin) return missing(t, 'PostgreSQL missing: set PRECIS_TEST_PG to run the worker cases on it');
  const name = `precis_workers_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    db: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves when a stderr line matches. */
  line: (pattern: RegExp) => Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `precis <args>` from the sources, without waiting for it. */
function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let text = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    for (const w of [...waiters]) {
      const found = text.split('\n').find((l) => w.pattern.test(l));
      if (found !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(found);
      }
    }
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stderr: () => text,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const found = text.split('\n').find((l) => pattern.test(l));
        if (found !== undefined) return resolve(found);
        waiters.push({ pattern, resolve });
        void exit.then(() => setImmediate(() => reject(new Error(`exited before printing ${pattern}:\n${text}`))));
      }),
    exit,
  };
}

/** Writes the invented stream (with one malformed line and one article sent twice) and queues it. */
function enqueue(dir: string, redis: string, articles: ReturnType<typeof inventedArticles>): void {
  const lines = articles.map(({ story: _story, ...a }) => JSON.stringify(a));
  lines.splice(5, 0, '{"title": "cut off', lines[2]!);
  const file = path.join(dir, 'wire.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const r = precis(['ingest', file, '--redis', redis]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `precis: ${file}:6: malformed JSON line\nprecis: ${articles.length + 1} articles queued on ${redis}, 1 bad\n`);
}

/** Every article stored once, in the story that holds the rest of its invented story; one stored story per invented one. */
async function checkStories(db: string, articles: ReturnType<typeof inventedArticles>): Promise<void> {
  const store = await openStore(db);
  try {
    const storyOf = new Map(articles.map((a) => [a.url, a.story]));
    const seen = new Map<string, string>();
    const stories = await store.listStories({ limit: 1000 });
    for (const s of stories) {
      const stored = (await store.getArticles(s.id)) ?? [];
      const gold = new Set(stored.map((a) => storyOf.get(a.url!)));
      assert.equal(gold.size, 1, `stored story ${s.id} mixes invented stories ${[...gold].join(', ')}`);
      for (const a of stored) {
        assert.ok(!seen.has(a.url!), `${a.url} stored twice (stories ${seen.get(a.url!)} and ${s.id})`);
        seen.set(a.url!, s.id);
      }
      assert.equal(s.version, (await store.listVersions(s.id)).length);
      // The latest briefing was built from exactly the story's stored articles: none stale.
      assert.equal(await store.articlesAtVersion(s.id, s.version), stored.length, `story ${s.id}: latest briefing built from all of its articles`);
      const sources = (await store.getStory(s.id))!.briefing.sources.map((source) => source.url).sort();
      assert.deepEqual(sources, stored.map((a) => a.url).sort(), `story ${s.id}: latest briefing cites every stored article`);
    }
    assert.deepEqual([...seen.keys()].sort(), articles.map((a) => a.url).sort(), 'every article stored');
    assert.equal(stories.length, new Set(articles.map((a) => a.story)).size, 'one stored story per invented story');
    assert.deepEqual(await store.staleStories(), [], 'no story left waiting for its briefing');
  } finally {
    await store.close();
  }
}

function jobCounts(redis: string): Promise<Record<string, number>> {
  return withQueue(redis, (queue) => queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed'));
}

const FAST = ['--lock-duration', '1500', '--flush-delay', '50'];

for (const [n, kind] of (['sqlite', 'postgres'] as const).entries()) {
  test(`workers on ${kind}: one killed with SIGKILL inside its flush; no article lost, none stored twice, one story each`, async (t) => {
    const redis = await redisFor(t, 1 + n * 2);
    if (!redis) return;
    const store = await storeOf(t, kind);
    if (!store) return;
    const dir = tempDir('precis-wire-');
    try {
      const articles = inventedArticles(6, 8);
      enqueue(dir, redis, articles);
      assert.equal((await jobCounts(redis)).waiting, articles.length, 'the article sent twice is queued once');

      // Worker A takes a batch, assigns it under the cluster lock and is killed before its commit.
      const a = start(['worker', '--redis', redis, '--db', store.db, '--concurrency', '4', ...FAST], { PRECIS_FAULT_PAUSE_IN_LOCK_MS: '600000' });
      await a.line(/holds the cluster lock/);
      const b = start(['worker', '--redis', redis, '--db', store.db, '--concurrency', '3', '--drain', ...FAST]);
      await b.line(/takes jobs from/);
      a.child.kill('SIGKILL');
      assert.equal((await a.exit).signal, 'SIGKILL');
      // B waits for the lock A held, then drains the queue, A's jobs included once their lock expires.
      const done = await b.exit;
      assert.equal(done.code, 0, b.stderr());
      assert.match(b.stderr(), new RegExp(`: ${articles.length} stored, 0 duplicates`));

      await checkStories(store.db, articles);
      const counts = await jobCounts(redis);
      assert.equal(counts.completed, articles.length, 'every job acknowledged');
      assert.equal(counts.failed, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.drop();
    }
  });

  test(`workers on ${kind}: two at once on interleaved stories assign as one would (one stored story per story)`, async (t) => {
    const redis = await redisFor(t, 2 + n * 2);
    if (!redis) return;
    const store = await storeOf(t, kind);
    if (!store) return;
    const dir = tempDir('precis-wire-');
    try {
      const articles = inventedArticles(6, 8, 11);
      enqueue(dir, redis, articles);
      const workers = [0, 1].map(() => start(['worker', '--redis', redis, '--db', store.db, '--concurrency', '2', '--drain', ...FAST]));
      const exits = await Promise.all(workers.map((w) => w.exit));
      exits.forEach((e, i) => assert.equal(e.code, 0, workers[i]!.stderr()));
      const stored = workers.map((w) => Number(/: (\d+) stored/.exec(w.stderr())?.[1]));
      assert.equal(stored[0]! + stored[1]!, articles.length);
      await checkStories(store.db, articles);
      // Sent again: every article is a duplicate now (a completed job is still kept, so none is even queued).
      enqueue(dir, redis, articles);
      assert.equal((await jobCounts(redis)).waiting, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.drop();
    }
  });
}

for (const [n, kind] of (['sqlite', 'postgres'] as const).entries()) {
  test(`workers on ${kind}: one killed after its commit, before its briefings: its jobs stay acknowledged, and two others leave every story's briefing built from exactly its articles`, { timeout: 300_000 }, async (t) => {
    const redis = await redisFor(t, 5 + n);
    if (!redis) return;
    const store = await storeOf(t, kind);
    if (!store) return;
    const dir = tempDir('precis-wire-');
    const queueLines = (name: string, part: ReturnType<typeof inventedArticles>) => {
      const file = path.join(dir, name);
      writeFileSync(file, `${part.map(({ story: _story, ...a }) => JSON.stringify(a)).join('\n')}\n`);
      const r = precis(['ingest', file, '--redis', redis]);
      assert.equal(r.code, 0, r.stderr);
    };
    let a: Running | null = null;
    try {
      const articles = inventedArticles(7, 6, 19);
      // Two articles of each story, and all of the last story (which no other worker then touches),
      // taken by worker A, which commits them and stops before its briefings.
      const first = articles.filter((x, i) => i < 14 || x.story === 6);
      queueLines('first.jsonl', first);
      a = start(['worker', '--redis', redis, '--db', store.db, '--concurrency', '50', '--lock-duration', '1500', '--flush-delay', '1000'], { PRECIS_FAULT_PAUSE_BEFORE_BRIEFINGS_MS: '600000' });
      await a.line(/builds briefings/);
      const opened = await openStore(store.db);
      let marked: { id: string; articles: number }[];
      try {
        marked = await opened.staleStories();
        assert.ok(marked.length > 0, 'stories committed, waiting for their briefings');
        assert.equal(await opened.countStories(), 0, 'none listed before its first briefing');
      } finally {
        await opened.close();
      }
      // Committed means acknowledged: every job of the committed articles completes before any briefing is built.
      const committed = marked.reduce((sum, m) => sum + m.articles, 0);
      for (let i = 0; (await jobCounts(redis)).completed !== committed; i++) {
        assert.ok(i < 200, `jobs completed: ${(await jobCounts(redis)).completed}, committed ${committed}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      a.child.kill('SIGKILL');
      assert.equal((await a.exit).signal, 'SIGKILL');

      // The rest, drained by two workers at once taking two jobs at a time (many small flushes on
      // the same stories): A's stories, marked stale, are rebuilt too, the last one by a sweep.
      queueLines('rest.jsonl', articles.filter((x) => !first.includes(x)));
      const workers = [0, 1].map(() => start(['worker', '--redis', redis, '--db', store.db, '--concurrency', '2', '--drain', ...FAST]));
      const exits = await Promise.all(workers.map((w) => w.exit));
      exits.forEach((e, i) => assert.equal(e.code, 0, workers[i]!.stderr()));
      const stored = workers.map((w) => Number(/: (\d+) stored/.exec(w.stderr())?.[1]));
      assert.equal(committed + stored[0]! + stored[1]!, articles.length);
      await checkStories(store.db, articles);
    } finally {
      a?.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      await store.drop();
    }
  });
}

test('Redis down: ingest --redis and worker each fail in one line naming the URL, exit 2', async () => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const dir = tempDir('precis-wire-');
  try {
    const file = path.join(dir, 'wire.jsonl');
    const [one] = inventedArticles(1, 1);
    writeFileSync(file, `${JSON.stringify(one)}\n`);
    const line = `precis: ${url}: cannot reach Redis (connection refused)\n`;
    const ingest = precis(['ingest', file, '--redis', url]);
    assert.deepEqual([ingest.code, ingest.stderr], [2, line]);
    const worker = precis(['worker', '--redis', url, '--db', path.join(dir, 'stories.db')]);
    assert.deepEqual([worker.code, worker.stderr], [2, line]);
    assert.ok(!existsSync(path.join(dir, 'stories.db')), 'no store made');
    const bad = precis(['worker', '--redis', 'http://127.0.0.1:1', '--db', path.join(dir, 'stories.db')]);
    assert.deepEqual([bad.code, bad.stderr], [2, 'precis: http://127.0.0.1:1: not a redis:// URL\n']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
