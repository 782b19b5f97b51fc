// Speed and memory of `precis brief` and `precis eval`, with the cost of each pipeline stage.
//   npm run bench                 all stories + eval throughput on Multi-News dev
//   npm run bench -- --no-cli     skip the whole-command runs (stage timings only)
// Stories: the seeds (../shared/seeds), the largest Multi-News dev cluster, and one 200-article
// "story" made of the first 200 dev articles (about 1 MB), written to a temp folder at run time.
// Each measurement runs in a fresh process so that peak memory (max RSS) is its own.
// Targets (issue 3): the 200-article story in under 2 s and 500 MB; eval at 20 clusters/s or more.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.js';
import { assembleBriefing } from '../src/brief/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { evaluate, readClusters } from '../src/eval/evaluate.js';
import { readInputs } from '../src/ingest/index.js';
import { render } from '../src/render/index.js';
import { summarize } from '../src/summarize/index.js';
import { segment } from '../src/text/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const devFile = path.join(shared, 'data/multinews/dev.jsonl');
const selfFile = fileURLToPath(import.meta.url);

interface StageReport {
  articles: number;
  sentences: number;
  megabytes: number;
  stages: Record<string, number>;
  total: number;
  maxRssMb: number;
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/** Child mode: runs the brief pipeline stage by stage on `inputs` and prints a StageReport. */
async function stagesChild(inputs: string[], words: number): Promise<void> {
  const stages: Record<string, number> = {};
  const start = performance.now();
  let t = performance.now();
  const { articles } = await readInputs(inputs);
  stages.ingest = seconds(t);
  t = performance.now();
  const cleaned = articles.map(cleanArticle);
  stages.clean = seconds(t);
  t = performance.now();
  const docs = cleaned.map(segment).filter((d) => d.sentences.length > 0);
  stages.segment = seconds(t);
  t = performance.now();
  const analysis = analyze(docs);
  stages.analyze = seconds(t);
  t = performance.now();
  const selection = summarize(docs, { words });
  stages.summarize = seconds(t);
  t = performance.now();
  const briefing = assembleBriefing(docs, analysis, selection, { words });
  stages.assemble = seconds(t);
  t = performance.now();
  render(briefing, 'md');
  render(briefing, 'json');
  stages.render = seconds(t);
  const report: StageReport = {
    articles: docs.length,
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    megabytes: cleaned.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6,
    stages,
    total: seconds(start),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(report));
}

/** Child mode: `precis eval` throughput on the dev set, stage by stage. */
function evalChild(words: number): void {
  const clusters = readClusters(devFile);
  const result = evaluate(clusters, { words });
  process.stdout.write(
    JSON.stringify({
      clusters: clusters.length,
      clustersPerSecond: result.clustersPerSecond,
      seconds: result.seconds,
      stages: result.stages,
      scores: result.scores,
      meanWords: result.meanWords,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function runChild(args: string[]): unknown {
  const r = spawnSync(process.execPath, ['--import', 'tsx', selfFile, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Wall time and peak memory of the whole command, as a user runs it (from sources, via tsx). */
function runCli(args: string[]): { wall: number; maxRssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) (\d+)$/.exec(last);
  if (r.status !== 0 || !m) throw new Error(`precis ${args.join(' ')} failed: ${r.stderr}`);
  return { wall: Number(m[1]), maxRssMb: Number(m[2]) / 1024 };
}

function writeStories(dir: string): { name: string; file: string }[] {
  const clusters = readFileSync(devFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; articles: { text: string }[] });
  const size = (c: { articles: { text: string }[] }): number => c.articles.reduce((n, a) => n + a.text.length, 0);
  const largest = clusters.reduce((a, b) => (size(b) > size(a) ? b : a));
  const devCluster = path.join(dir, 'dev-cluster.jsonl');
  writeFileSync(devCluster, largest.articles.map((a, i) => JSON.stringify({ id: `a${i + 1}`, text: a.text })).join('\n') + '\n');
  const all = clusters.flatMap((c) => c.articles).slice(0, 200);
  const big = path.join(dir, 'story-200.jsonl');
  writeFileSync(big, all.map((a, i) => JSON.stringify({ id: `a${i + 1}`, text: a.text })).join('\n') + '\n');
  return [
    { name: 'seeds', file: path.join(shared, 'seeds') },
    { name: `dev cluster (largest, ${largest.articles.length} articles)`, file: devCluster },
    { name: `200-article story`, file: big },
  ];
}

const ms = (s: number): string => (s * 1000).toFixed(0);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--stages-child') return stagesChild(args.slice(2), Number(args[1]));
  if (args[0] === '--eval-child') return evalChild(Number(args[1]));
  const withCli = !args.includes('--no-cli');
  const words = 150;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'precis-bench-'));
  try {
    const stories = writeStories(dir);
    console.log(`precis brief (--words ${words}); stage times in ms, from a fresh process each`);
    console.log('| story | articles | sentences | MB | ingest | clean | segment | analyze | summarize | assemble | render | pipeline ms | pipeline max RSS MB | command wall s | command max RSS MB |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const story of stories) {
      const r = runChild(['--stages-child', String(words), story.file]) as StageReport;
      const cli = withCli ? runCli(['brief', story.file, '--format', 'json', '--out', path.join(dir, 'out.json'), '--words', String(words)]) : null;
      const s = r.stages;
      console.log(
        `| ${story.name} | ${r.articles} | ${r.sentences} | ${r.megabytes.toFixed(2)} | ${ms(s.ingest!)} | ${ms(s.clean!)} | ${ms(s.segment!)} | ${ms(s.analyze!)} | ${ms(s.summarize!)} | ${ms(s.assemble!)} | ${ms(s.render!)} | ${ms(r.total)} | ${r.maxRssMb.toFixed(0)} | ${cli ? cli.wall.toFixed(2) : '-'} | ${cli ? cli.maxRssMb.toFixed(0) : '-'} |`,
      );
    }
    if (withCli) {
      const startup = runCli(['--version']);
      console.log(`(command = node + tsx start-up + pipeline; start-up alone: ${startup.wall.toFixed(2)} s, ${startup.maxRssMb.toFixed(0)} MB)`);
    }
    const e = runChild(['--eval-child', '250']) as {
      clusters: number;
      clustersPerSecond: number;
      seconds: number;
      stages: Record<string, number>;
      scores: { rouge1: { f: number }; rouge2: { f: number }; rougeLsum: { f: number } };
      meanWords: number;
      maxRssMb: number;
    };
    console.log('');
    console.log(`precis eval on Multi-News dev (${e.clusters} clusters, --words 250)`);
    console.log(`  ${e.clustersPerSecond.toFixed(1)} clusters/s (${e.seconds.toFixed(2)} s; scoring excluded), max RSS ${e.maxRssMb.toFixed(0)} MB`);
    console.log(`  stage seconds: ${Object.entries(e.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    const f = (x: { f: number }): string => (100 * x.f).toFixed(2);
    console.log(`  ROUGE-1 ${f(e.scores.rouge1)}  ROUGE-2 ${f(e.scores.rouge2)}  ROUGE-Lsum ${f(e.scores.rougeLsum)} (rs style), ${e.meanWords.toFixed(0)} words on average`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
