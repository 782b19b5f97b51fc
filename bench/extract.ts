// Article extraction on the Zyte benchmark (../shared/data/zyte): runs extractFromHtml over every
// page, scores it with the benchmark's own metric and prints F1, precision, recall and speed;
// then the same for the `precis extract` path (extraction followed by the cleaning stage).
//   npm run bench:extract [-- --peer <tool>] [--worst N] [--dump <dir>]
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractFromHtml } from '../src/ingest/html.js';
import { cleanArticle } from '../src/clean/index.js';
import { scoreExtraction, type ExtractionScore } from '../src/eval/extraction.js';
import type { RawArticle } from '../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const zyte = path.resolve(repoRoot, '../shared/data/zyte');

interface Options {
  peers: string[];
  worst: number;
  dump: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { peers: [], worst: 0, dump: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--peer') options.peers.push(argv[++i] ?? '');
    else if (arg === '--worst') options.worst = Number(argv[++i] ?? '10');
    else if (arg === '--dump') options.dump = argv[++i] ?? null;
    else throw new Error(`unknown option ${arg} (use --peer <tool>, --worst N, --dump <dir>)`);
  }
  for (const peer of options.peers) {
    const available = readdirSync(path.join(zyte, 'peers')).map((f) => f.replace(/\.json$/, ''));
    if (!available.includes(peer)) throw new Error(`no peer ${peer}; known: ${available.join(', ')}`);
  }
  return options;
}

function readBodies(file: string): Record<string, string> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { articleBody: string }>;
  return Object.fromEntries(Object.entries(json).map(([id, page]) => [id, page.articleBody]));
}

function row(name: string, score: ExtractionScore, pagesPerSecond: number | null): string {
  const speed = pagesPerSecond === null ? '' : pagesPerSecond.toFixed(1);
  return `| ${name} | ${score.f1.toFixed(4)} | ${score.precision.toFixed(4)} | ${score.recall.toFixed(4)} | ${speed} |`;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const groundTruth = JSON.parse(readFileSync(path.join(zyte, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = Object.keys(groundTruth).sort();
  const truth = Object.fromEntries(ids.map((id) => [id, groundTruth[id].articleBody]));
  // Decompress up front so that the timings measure extraction only.
  const pages = ids.map((id) => ({
    id,
    url: groundTruth[id].url,
    html: gunzipSync(readFileSync(path.join(zyte, 'html', `${id}.html.gz`))).toString('utf8'),
  }));

  const extracted: Record<string, string> = {};
  const raws: RawArticle[] = [];
  let started = performance.now();
  for (const page of pages) {
    const result = extractFromHtml(page.html, { url: page.url });
    extracted[page.id] = result.text;
    raws.push({
      id: page.id, path: null, format: 'extracted', body: result.text, title: result.title, url: result.url,
      published: result.published, outlet: result.outlet, byline: result.byline, removed: result.removed,
    });
  }
  const extractSeconds = (performance.now() - started) / 1000;

  const cleaned: Record<string, string> = {};
  started = performance.now();
  for (const raw of raws) cleaned[raw.id] = cleanArticle(raw).text;
  const cleanSeconds = (performance.now() - started) / 1000;

  const extractScore = scoreExtraction(truth, extracted);
  const pipelineScore = scoreExtraction(truth, cleaned);
  console.log(`Zyte article extraction benchmark, ${ids.length} pages`);
  console.log('| extractor | F1 | precision | recall | pages/s |');
  console.log('|---|---|---|---|---|');
  console.log(row('extractFromHtml', extractScore, ids.length / extractSeconds));
  console.log(row('extract + cleanArticle', pipelineScore, ids.length / (extractSeconds + cleanSeconds)));
  for (const peer of options.peers) {
    console.log(row(peer, scoreExtraction(truth, readBodies(path.join(zyte, 'peers', `${peer}.json`))), null));
  }

  if (options.worst > 0) {
    console.log(`\nworst ${options.worst} pages of extractFromHtml (per-page F1, precision, recall, url):`);
    const worst = [...extractScore.pages].sort((a, b) => a.f1 - b.f1).slice(0, options.worst);
    for (const page of worst) {
      const precision = page.precision === null ? '-' : page.precision.toFixed(3);
      console.log(`${page.f1.toFixed(3)} ${precision} ${page.recall.toFixed(3)} ${page.id.slice(0, 12)} ${groundTruth[page.id].url}`);
    }
  }
  if (options.dump) {
    // Per-page scores and outputs, to compare two versions of the extractor page by page.
    mkdirSync(options.dump, { recursive: true });
    writeFileSync(path.join(options.dump, 'scores.json'), JSON.stringify(extractScore.pages, null, 1));
    writeFileSync(path.join(options.dump, 'extracted.json'), JSON.stringify(extracted, null, 1));
  }
}

main();
