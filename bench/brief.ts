// Speed and memory of `precis brief` and `precis eval`, as users run them, with the cost of each
// pipeline stage.
//   npm run bench                      build, then everything below
//   npm run bench -- --runs 5          command runs per story (median reported; default 3)
//   npm run bench -- --no-build        use dist/ as it is
//   npm run bench -- --no-cli          stage timings only
//
// What users run is the built bin (`npm ci` builds it), so the commands timed here are
// `node dist/cli/main.js brief <story> --format json` and `node dist/cli/main.js eval <dev>`,
// each in a fresh process: wall time and peak memory (max RSS, from /usr/bin/time -v when
// present, else from a preload that reads process.resourceUsage() at exit).
// Stage timings run the same built modules in a fresh process: "cold" is the first pass (module
// code, regular expressions and the JIT not yet warm, as in one `precis brief`), "warm" the
// median of three more passes in the same process (as in a long-running server; the memo
// caches of word counts and stems are warm too).
// Stories: the seeds (../shared/seeds), the largest Multi-News dev cluster, and one 200-article
// story: the first 200 articles of the dev file in file order (about 1 MB), so every run reads
// the same articles. They are written to a temporary folder at run time.
// Targets: the 200-article story in under 2 s and 500 MB; eval at 20 clusters/s or more.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as AnalyzeModule from '../src/analyze/index.js';
import type * as BriefModule from '../src/brief/index.js';
import type * as CleanModule from '../src/clean/index.js';
import type * as IngestModule from '../src/ingest/index.js';
import type * as RenderModule from '../src/render/index.js';
import type * as SummarizeModule from '../src/summarize/index.js';
import type * as TextModule from '../src/text/index.js';
import { missingPoolData, poolArticles, writeStory } from './stories.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const devFile = path.join(shared, 'data/multinews/dev.jsonl');
const dist = path.join(repoRoot, 'dist');
const bin = path.join(dist, 'cli/main.js');
const selfFile = fileURLToPath(import.meta.url);

// Issue 3's targets.
const STORY_SECONDS_TARGET = 2;
const STORY_MB_TARGET = 500;
const EVAL_CLUSTERS_PER_SECOND_TARGET = 20;
const STORY_ARTICLES = 200;
// Ten times the size: the cost curve on the pool stories of bench/stories.ts, and its targets.
const CURVE_ARTICLES = [100, 300, 1000, 1800];
const CURVE_MB_TARGETS = [
  { articles: 300, seconds: 1.2 },
  { articles: 1800, seconds: 5, mb: 500 },
];
const WORDS = 150;
const EVAL_WORDS = 250;
const WARM_PASSES = 3;

const STAGES = ['ingest', 'clean', 'segment', 'analyze', 'summarize', 'assemble', 'render'] as const;
type Stage = (typeof STAGES)[number];
type StageTimes = Record<Stage, number>;

interface StageReport {
  articles: number;
  sentences: number;
  megabytes: number;
  cold: StageTimes;
  warm: StageTimes;
  maxRssMb: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function importDist<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(dist, relative)).href)) as T;
}

/** Child mode: the brief pipeline, stage by stage, from the built modules; prints a StageReport. */
async function stagesChild(inputs: string[], words: number): Promise<void> {
  const { readInputs } = await importDist<typeof IngestModule>('ingest/index.js');
  const { cleanArticle } = await importDist<typeof CleanModule>('clean/index.js');
  const { segment } = await importDist<typeof TextModule>('text/index.js');
  const { analyze } = await importDist<typeof AnalyzeModule>('analyze/index.js');
  const { summarize } = await importDist<typeof SummarizeModule>('summarize/index.js');
  const { assembleBriefing } = await importDist<typeof BriefModule>('brief/index.js');
  const { render } = await importDist<typeof RenderModule>('render/index.js');

  let shape = { articles: 0, sentences: 0, megabytes: 0 };
  const pass = async (): Promise<StageTimes> => {
    const times = {} as StageTimes;
    let t = performance.now();
    const lap = (stage: Stage): void => {
      const now = performance.now();
      times[stage] = now - t;
      t = now;
    };
    const { articles } = await readInputs(inputs);
    lap('ingest');
    const cleaned = articles.map((a) => cleanArticle(a));
    lap('clean');
    const docs = cleaned.map(segment).filter((d) => d.sentences.length > 0);
    lap('segment');
    const analysis = analyze(docs);
    lap('analyze');
    const selection = summarize(docs, { words });
    lap('summarize');
    const briefing = assembleBriefing(docs, analysis, selection, { words });
    lap('assemble');
    render(briefing, 'json');
    lap('render');
    shape = {
      articles: docs.length,
      sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
      megabytes: cleaned.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6,
    };
    return times;
  };
  const cold = await pass();
  const warmPasses: StageTimes[] = [];
  for (let i = 0; i < WARM_PASSES; i++) warmPasses.push(await pass());
  const warm = Object.fromEntries(STAGES.map((s) => [s, median(warmPasses.map((p) => p[s]))])) as StageTimes;
  const report: StageReport = { ...shape, cold, warm, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(report));
}

function runStagesChild(words: number, file: string): StageReport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', selfFile, '--stages-child', String(words), file], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench child on ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as StageReport;
}

interface CommandRun {
  wall: number;
  /** User + system CPU seconds (0 when unknown): steadier than wall time on a shared machine. */
  cpu: number;
  maxRssMb: number;
  stdout: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/** One run of the built command in a fresh process: wall seconds and max RSS. */
function runCommand(args: string[], preload: string): CommandRun {
  if (hasGnuTime) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = /Elapsed \(wall clock\) time.*?\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !wall || !rss) throw new Error(`precis ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
    const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
    const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? 0);
    return { wall: seconds, cpu, maxRssMb: Number(rss[1]) / 1024, stdout: r.stdout };
  }
  // No GNU time: wall from here, peak memory from the child itself at exit.
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, bin, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - start) / 1000;
  const rss = /precis-bench-max-rss-kb (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !rss) throw new Error(`precis ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
  return { wall, cpu: 0, maxRssMb: Number(rss[1]) / 1024, stdout: r.stdout };
}

function timeCommand(args: string[], runs: number, preload: string): { wall: number; cpu: number; maxRssMb: number; walls: number[]; stdout: string } {
  const all = Array.from({ length: runs }, () => runCommand(args, preload));
  return { wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)), maxRssMb: median(all.map((r) => r.maxRssMb)), walls: all.map((r) => r.wall), stdout: all[all.length - 1]!.stdout };
}

// Modules whose import time is reported: the CLI entry (every command pays it) and the pipeline.
const LOAD_PROBES = ['cli/main.js', 'brief/index.js', 'ingest/index.js', 'clean/index.js', 'analyze/index.js', 'server/index.js'];

/** Milliseconds to import one built module in a fresh plain-node process (no tsx hooks). */
function loadTime(relative: string, runs: number): number {
  const url = pathToFileURL(path.join(dist, relative)).href;
  // The CLI entry runs its command on import: give it --version so it only prints.
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stderr.write('precis-bench-load-ms ' + (performance.now() - t) + '\\n');`;
  const times = Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, '--', 'precis', '--version'], { cwd: repoRoot, encoding: 'utf8' });
    const m = /precis-bench-load-ms ([\d.]+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`importing ${relative} failed: ${r.stderr.slice(0, 2000)}`);
    return Number(m[1]);
  });
  return median(times);
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
  // In file order, so the story is the same articles on every run.
  const all = clusters.flatMap((c) => c.articles).slice(0, STORY_ARTICLES);
  const big = path.join(dir, `story-${STORY_ARTICLES}.jsonl`);
  writeFileSync(big, all.map((a, i) => JSON.stringify({ id: `a${i + 1}`, text: a.text })).join('\n') + '\n');
  return [
    { name: 'seeds', file: path.join(shared, 'seeds') },
    { name: `dev cluster (largest, ${largest.articles.length} articles)`, file: devCluster },
    { name: `${STORY_ARTICLES}-article story`, file: big },
  ];
}

const ms = (x: number): string => x.toFixed(0);
const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--stages-child') return stagesChild(args.slice(2), Number(args[1]));
  const withCli = !args.includes('--no-cli');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');

  if (!args.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // tsc still writes dist/ when some file has type errors (another engineer's work in
    // progress): say so, and time what was built.
    if (b.status !== 0) console.warn(`warning: npm run build reported errors; timing dist/ as emitted:\n${(b.stdout + b.stderr).trim().split('\n').slice(0, 10).join('\n')}\n`);
  }
  if (!existsSync(bin)) throw new Error(`${path.relative(repoRoot, bin)} is missing: run npm run build`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'precis-bench-'));
  // Peak memory when /usr/bin/time is missing: the command reports its own at exit.
  const preload = path.join(dir, 'max-rss.mjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`precis-bench-max-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n");
  try {
    const stories = writeStories(dir);
    console.log(`precis brief --words ${WORDS} --format json, built (dist/); node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}`);
    console.log('');
    const rows: { name: string; report: StageReport; cli: ReturnType<typeof timeCommand> | null }[] = [];
    for (const story of stories) {
      const report = runStagesChild(WORDS, story.file);
      const out = path.join(dir, 'out.json');
      const cli = withCli ? timeCommand(['brief', story.file, '--format', 'json', '--out', out, '--words', String(WORDS)], runs, preload) : null;
      rows.push({ name: story.name, report, cli });
    }

    console.log(`Command (fresh process each run; median of ${runs}):`);
    console.log('| story | articles | sentences | MB of text | wall s | CPU s | max RSS MB | runs, wall s |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const { name, report: r, cli } of rows) {
      console.log(`| ${name} | ${r.articles} | ${r.sentences} | ${r.megabytes.toFixed(2)} | ${cli ? cli.wall.toFixed(2) : '-'} | ${cli?.cpu ? cli.cpu.toFixed(2) : '-'} | ${cli ? cli.maxRssMb.toFixed(0) : '-'} | ${cli ? cli.walls.map((w) => w.toFixed(2)).join(' ') : '-'} |`);
    }
    if (withCli) {
      const startup = timeCommand(['--version'], runs, preload);
      console.log(`Start-up alone (precis --version): ${startup.wall.toFixed(2)} s wall, ${startup.cpu.toFixed(2)} s CPU, ${startup.maxRssMb.toFixed(0)} MB`);
      console.log('(CPU counts every thread of the process: the garbage collector and the JIT compile beside the main thread.)');
      console.log(`Module loading (plain node, fresh process each, median of ${runs}): ${LOAD_PROBES.map((m) => `${m} ${ms(loadTime(m, runs))} ms`).join(', ')}`);
    }

    console.log('');
    console.log(`Stages in ms, in-process on the built modules (cold = first pass in a fresh process; warm = median of ${WARM_PASSES} more):`);
    console.log(`| story | pass | ${STAGES.join(' | ')} | total |`);
    console.log(`|---|---|${STAGES.map(() => '---|').join('')}---|`);
    for (const { name, report: r } of rows) {
      for (const which of ['cold', 'warm'] as const) {
        const t = r[which];
        const total = STAGES.reduce((n, s) => n + t[s], 0);
        console.log(`| ${name} | ${which} | ${STAGES.map((s) => ms(t[s])).join(' | ')} | ${ms(total)} |`);
      }
    }

    if (withCli) {
      const missing = missingPoolData();
      if (missing.length) console.log(`\nCost curve skipped: evaluation data missing (${missing.map((m) => path.relative(repoRoot, m)).join(', ')}).`);
      else {
        console.log('');
        console.log(`Cost curve: the first N articles of the pool (Multi-News dev, DUC 2007 main and update, Timeline17 dev, in file order); fresh process each run, median of ${runs}:`);
        console.log('| articles | MB (JSONL) | wall s | CPU s | max RSS MB | ms per article | runs, wall s |');
        console.log('|---|---|---|---|---|---|---|');
        const curve: { articles: number; wall: number; maxRssMb: number }[] = [];
        for (const n of CURVE_ARTICLES) {
          const file = path.join(dir, `pool-${n}.jsonl`);
          const bytes = writeStory(file, poolArticles(n));
          const r = timeCommand(['brief', file, '--format', 'json', '--out', path.join(dir, 'out.json'), '--words', String(WORDS)], runs, preload);
          curve.push({ articles: n, wall: r.wall, maxRssMb: r.maxRssMb });
          console.log(`| ${n} | ${(bytes / 1e6).toFixed(2)} | ${r.wall.toFixed(2)} | ${r.cpu ? r.cpu.toFixed(2) : '-'} | ${r.maxRssMb.toFixed(0)} | ${((1000 * r.wall) / n).toFixed(1)} | ${r.walls.map((w) => w.toFixed(2)).join(' ')} |`);
        }
        for (const t of CURVE_MB_TARGETS) {
          const c = curve.find((x) => x.articles === t.articles)!;
          console.log(`  ${t.articles} articles under ${t.seconds} s: ${c.wall.toFixed(2)} s, ${met(c.wall < t.seconds)}${t.mb ? `; under ${t.mb} MB: ${c.maxRssMb.toFixed(0)} MB, ${met(c.maxRssMb < t.mb)}` : ''}`);
        }
        console.log(`  load average now ${os.loadavg()[0]!.toFixed(2)} (the machine is shared: wall times swing with it)`);
      }
    }

    let evalFigures: { clusters: number; clustersPerSecond: number; seconds: number; stages: Record<string, number>; scores: { rouge1: { f: number }; rouge2: { f: number }; rougeLsum: { f: number } } | null; meanWords: number } | null = null;
    let evalCommand: ReturnType<typeof timeCommand> | null = null;
    if (withCli) {
      evalCommand = timeCommand(['eval', devFile, '--words', String(EVAL_WORDS), '--json', '--out', path.join(dir, 'preds.jsonl')], runs, preload);
      evalFigures = JSON.parse(evalCommand.stdout.trim().split('\n').pop() ?? '{}');
    }
    const big = rows[rows.length - 1]!;
    console.log('');
    if (evalFigures && evalCommand) {
      const perSecond = evalFigures.clusters / evalCommand.wall;
      console.log(`precis eval on Multi-News dev (${evalFigures.clusters} clusters, --words ${EVAL_WORDS}; median of ${runs}):`);
      console.log(`  command: ${evalCommand.wall.toFixed(2)} s wall (${evalCommand.cpu.toFixed(2)} s CPU), ${perSecond.toFixed(1)} clusters/s including start-up and scoring, max RSS ${evalCommand.maxRssMb.toFixed(0)} MB`);
      console.log(`  in-process: ${evalFigures.clustersPerSecond.toFixed(1)} clusters/s (${evalFigures.seconds.toFixed(2)} s, scoring excluded)`);
      console.log(`  stage seconds: ${Object.entries(evalFigures.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
      if (evalFigures.scores) {
        const f = (x: { f: number }): string => (100 * x.f).toFixed(2);
        console.log(`  ROUGE-1 ${f(evalFigures.scores.rouge1)}  ROUGE-2 ${f(evalFigures.scores.rouge2)}  ROUGE-Lsum ${f(evalFigures.scores.rougeLsum)} (rs style), ${evalFigures.meanWords.toFixed(0)} words on average`);
      }
      console.log('');
      console.log('Targets:');
      if (big.cli) {
        console.log(`  ${big.name} under ${STORY_SECONDS_TARGET} s: ${big.cli.wall.toFixed(2)} s, ${met(big.cli.wall < STORY_SECONDS_TARGET)}`);
        console.log(`  ${big.name} under ${STORY_MB_TARGET} MB: ${big.cli.maxRssMb.toFixed(0)} MB, ${met(big.cli.maxRssMb < STORY_MB_TARGET)}`);
      }
      console.log(`  eval at ${EVAL_CLUSTERS_PER_SECOND_TARGET} clusters/s or more: ${perSecond.toFixed(1)} (command), ${met(perSecond >= EVAL_CLUSTERS_PER_SECOND_TARGET)}`);
    }
    // Timeline mode on the largest Timeline17 development topic, as one JSONL file.
    const t17 = path.join(shared, 'data/timeline17/t17-dev.jsonl');
    if (withCli && existsSync(t17)) {
      const topics = readFileSync(t17, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; articles: { published: string; text: string }[] });
      const largest = topics.reduce((a, b) => (b.articles.length > a.articles.length ? b : a));
      const file = path.join(dir, 'timeline-topic.jsonl');
      writeFileSync(file, largest.articles.map((a) => JSON.stringify({ published: a.published, text: a.text })).join('\n'));
      const run = timeCommand(['timeline', file, '--dates', '20', '--per-date', '2', '--format', 'json'], runs, preload);
      console.log('');
      console.log(`precis timeline on a ${largest.articles.length}-article Timeline17 topic (--dates 20 --per-date 2; median of ${runs}): ${run.wall.toFixed(2)} s wall, max RSS ${run.maxRssMb.toFixed(0)} MB; target under 3 s: ${met(run.wall < 3)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
