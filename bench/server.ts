// bench:server: concurrent clients on loopback creating and reading stories against `precis serve`
// running as its own process (so client work does not share the server's event loop). Prints
// requests/s, p50/p99 latency per operation, errors, and checks that the store holds every story
// whose creation was acknowledged.
//
//   npm run bench:server [-- --clients 50 --seconds 20 --workers N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

const CLIENTS = option('clients', 50);
const SECONDS = option('seconds', 20);
/** Briefing worker threads of the server; absent: the server's default (cores - 1). */
const WORKERS = process.argv.includes('--workers') ? String(option('workers', 1)) : null;

/** The bundled example cluster, sent as JSON articles; each create sends a different subset. */
function exampleArticles(): { text?: string; html?: string; title?: string }[] {
  const dir = path.join(repoRoot, 'examples', 'velmar-warehouse-fire');
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const content = readFileSync(path.join(dir, name), 'utf8');
      if (name.endsWith('.json')) return [JSON.parse(content) as { text?: string; title?: string }];
      if (name.endsWith('.html')) return [{ html: content }];
      return [{ text: content }];
    });
}

type Op = 'create' | 'read' | 'page' | 'list';
/** The mix: mostly reads, as a briefing is written once and read many times. */
const MIX: [Op, number][] = [
  ['create', 0.25],
  ['read', 0.55],
  ['page', 0.15],
  ['list', 0.05],
];

function pickOp(): Op {
  let r = Math.random();
  for (const [op, p] of MIX) {
    if ((r -= p) < 0) return op;
  }
  return 'read';
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-bench-server-'));
  const db = path.join(dir, 'bench.db');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'serve', '--port', '0', '--db', db, ...(WORKERS ? ['--workers', WORKERS] : [])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /(http:\/\/\S+)/.exec(out);
      if (m) resolve(new URL(m[1]!));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const request = (method: string, p: string, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: base.hostname, port: base.port, method, path: p, agent, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const articles = exampleArticles();
  const created: string[] = [];
  const latencies: Record<Op, number[]> = { create: [], read: [], page: [], list: [] };
  const errors: Record<Op, number> = { create: 0, read: 0, page: 0, list: 0 };
  const errorSamples: string[] = [];

  // Seed one story so reads have something to read from the first moment.
  const seed = await request('POST', '/api/stories', JSON.stringify({ articles }));
  if (seed.status !== 201) throw new Error(`seeding failed: ${seed.status} ${seed.body}`);
  created.push((JSON.parse(seed.body) as { id: string }).id);

  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const op = pickOp();
      const t0 = performance.now();
      try {
        let res: { status: number; body: string };
        if (op === 'create') {
          // Two to five of the articles, so briefings differ in size as real stories do.
          const n = 2 + Math.floor(Math.random() * (articles.length - 1));
          const subset = [...articles].sort(() => Math.random() - 0.5).slice(0, n);
          res = await request('POST', '/api/stories', JSON.stringify({ articles: subset }));
          if (res.status === 201) created.push((JSON.parse(res.body) as { id: string }).id);
        } else if (op === 'list') {
          res = await request('GET', '/api/stories?limit=50');
        } else {
          const id = created[Math.floor(Math.random() * created.length)]!;
          res = await request('GET', op === 'read' ? `/api/stories/${id}` : `/stories/${id}`);
        }
        latencies[op].push(performance.now() - t0);
        if (res.status >= 400) {
          errors[op]++;
          if (errorSamples.length < 5) errorSamples.push(`${op}: ${res.status} ${res.body.slice(0, 200)}`);
        }
      } catch (err) {
        errors[op]++;
        if (errorSamples.length < 5) errorSamples.push(`${op}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();

  // Stop the server as an operator would (SIGTERM: requests in flight finish, the store closes).
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;

  const store = await openStore(db);
  const missing: string[] = [];
  for (const id of created) if (!(await store.hasStory(id))) missing.push(id);
  const stored = await store.countStories();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const all = Object.values(latencies).flat().sort((a, b) => a - b);
  const totalErrors = Object.values(errors).reduce((a, b) => a + b, 0);
  const row = (name: string, values: number[], errs: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${name.padEnd(8)} ${String(values.length).padStart(7)} ${(values.length / elapsed).toFixed(1).padStart(9)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 99).toFixed(1).padStart(9)} ${String(errs).padStart(7)}`;
  };
  console.log(
    `bench:server: ${CLIENTS} clients, ${elapsed.toFixed(1)} s, loopback, store synchronous=FULL, briefing workers ${WORKERS ?? 'default'}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  console.log(`${'op'.padEnd(8)} ${'requests'.padStart(7)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'errors'.padStart(7)}`);
  for (const op of Object.keys(latencies) as Op[]) console.log(row(op, latencies[op], errors[op]));
  console.log(row('all', all, totalErrors));
  console.log(`stories acknowledged: ${created.length}; in the store after shutdown: ${stored}; acknowledged but missing: ${missing.length}`);
  for (const sample of errorSamples) console.log(`error sample: ${sample}`);
  if (missing.length > 0 || totalErrors > 0) process.exitCode = 1;
}

await main();
