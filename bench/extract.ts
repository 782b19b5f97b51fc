// Article extraction on the Zyte benchmark (../shared/data/zyte, 111 pages) and on WCXB 2025
// article pages (../shared/data/wcxb, 240 pages): runs extractFromHtml over every page, scores it
// with the benchmarks' shared metric (word 4-gram shingles) and prints F1, precision, recall and
// speed; then the same for the `precis extract` path (extraction followed by the cleaning stage).
// On WCXB it also scores metadata, as extraction finds it and as `precis extract` prints it:
// published date exact / WRONG / missing (day compared), title equal after normalising case and
// punctuation, author contained in the normalised byline.
// --split A|B keeps the pages whose id hashes (FNV-1a, parity) to that half: choose on A, confirm on B.
// --fit-dates fits the published-date weights on the split (5 folds, cross-validated) and prints
// them with their outcome on the other half; the shipped weights are in src/ingest/html-metadata.ts.
// --fit-links fits the keep-or-drop model of link-dense blocks (src/ingest/html-links.ts) on the
// split of both sets (WCXB and Zyte) the same way (5 folds by page id, L2 penalty chosen by
// cross-validation), and prints the outcome on the other half of each set.
//   npm run bench:extract [-- --set zyte|wcxb] [--split all|A|B] [--peer <tool>] [--worst N] [--dump <dir>] [--fit-dates] [--fit-links]
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractFromHtml, pageDateEvidence, pageLinkBlocks } from '../src/ingest/html.js';
import { LINK_BLOCK_FEATURES, LINK_BLOCK_WEIGHTS, keepProbability, type LinkBlockWeights } from '../src/ingest/html-links.js';
import {
  DATE_SIGNALS, DATE_WEIGHTS, WRONG_DATE_COST, dateCandidates, decideDate, type DateEvidence, type DateSignal, type DateWeights,
} from '../src/ingest/html-metadata.js';
import { cleanArticle, readerView } from '../src/clean/index.js';
import {
  pageHalf, scoreAuthor, scoreDate, scoreExtraction, titleMatches, type ExtractionScore,
} from '../src/eval/extraction.js';
import type { RawArticle } from '../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const zyte = path.resolve(repoRoot, '../shared/data/zyte');
const wcxb = path.resolve(repoRoot, '../shared/data/wcxb');

interface Options {
  peers: string[];
  worst: number;
  dump: string | null;
  sets: ('zyte' | 'wcxb')[];
  split: 'all' | 'A' | 'B';
  fitDates: boolean;
  fitLinks: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { peers: [], worst: 0, dump: null, sets: ['zyte', 'wcxb'], split: 'all', fitDates: false, fitLinks: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--peer') options.peers.push(argv[++i] ?? '');
    else if (arg === '--worst') options.worst = Number(argv[++i] ?? '10');
    else if (arg === '--dump') options.dump = argv[++i] ?? null;
    else if (arg === '--fit-dates') options.fitDates = true;
    else if (arg === '--fit-links') options.fitLinks = true;
    else if (arg === '--set') {
      const set = argv[++i];
      if (set !== 'zyte' && set !== 'wcxb') throw new Error('--set is zyte or wcxb');
      options.sets = [set];
    } else if (arg === '--split') {
      const split = argv[++i];
      if (split !== 'all' && split !== 'A' && split !== 'B') throw new Error('--split is all, A or B');
      options.split = split;
    } else throw new Error(`unknown option ${arg} (use --set zyte|wcxb, --split all|A|B, --peer <tool>, --worst N, --dump <dir>, --fit-dates, --fit-links)`);
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

interface Page {
  id: string;
  url: string;
  html: string;
  body: string;
  title?: string;
  author?: string;
  date?: string | null;
}

function loadSet(name: 'zyte' | 'wcxb'): Page[] {
  const dir = name === 'zyte' ? zyte : wcxb;
  const groundTruth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string; title?: string; author?: string; publish_date?: string | null }
  >;
  // Decompress up front so that the timings measure extraction only.
  return Object.keys(groundTruth).sort().map((id) => {
    const t = groundTruth[id];
    return {
      id, url: t.url, body: t.articleBody, title: t.title, author: t.author, date: t.publish_date,
      html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    };
  });
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '-';
}

interface Metadata {
  title: string | null;
  published: string | null;
  byline: string | null;
}

/** Date, title and author outcomes of one source of metadata over the pages. */
function metadataScore(pages: Page[], lookup: (id: string) => Metadata) {
  const dates = { exact: 0, wrong: 0, missing: 0, unasked: 0 };
  const authors = { right: 0, wrong: 0, missing: 0, unasked: 0, spurious: 0 };
  let titled = 0;
  let titleRight = 0;
  let dateWithoutOne = 0;
  const wrongDates: string[] = [];
  for (const page of pages) {
    const meta = lookup(page.id);
    const outcome = scoreDate(page.date, meta.published);
    dates[outcome]++;
    if (outcome === 'unasked' && meta.published) dateWithoutOne++;
    if (outcome === 'wrong') wrongDates.push(`${page.id} want ${page.date} got ${meta.published} ${page.url}`);
    if (outcome === 'missing') wrongDates.push(`${page.id} want ${page.date} got none ${page.url}`);
    authors[scoreAuthor(page.author, meta.byline)]++;
    if (page.title) {
      titled++;
      if (titleMatches(page.title, meta.title)) titleRight++;
    }
  }
  const dated = dates.exact + dates.wrong + dates.missing;
  const authored = authors.right + authors.wrong + authors.missing;
  return { dates, authors, titled, titleRight, dateWithoutOne, wrongDates, dated, authored };
}

function runSet(name: 'zyte' | 'wcxb', all: Page[], options: Options): void {
  const pages = options.split === 'all' ? all : all.filter((p) => pageHalf(p.id) === options.split);
  const truth = Object.fromEntries(pages.map((p) => [p.id, p.body]));
  const extracted: Record<string, string> = {};
  const raws: RawArticle[] = [];
  const metas = new Map<string, RawArticle>();
  let started = performance.now();
  for (const page of pages) {
    const result = extractFromHtml(page.html, { url: page.url });
    extracted[page.id] = result.text;
    const raw: RawArticle = {
      id: page.id, path: null, format: 'extracted', body: result.text, title: result.title, url: result.url,
      published: result.published, outlet: result.outlet, byline: result.byline, removed: result.removed,
    };
    raws.push(raw);
    metas.set(page.id, raw);
  }
  const extractSeconds = (performance.now() - started) / 1000;

  const cleaned: Record<string, string> = {};
  started = performance.now();
  const cleanedMeta = new Map<string, Metadata>();
  for (const raw of raws) {
    const article = cleanArticle(raw);
    cleanedMeta.set(raw.id, article);
    cleaned[raw.id] = readerView(article).text;
  }
  const cleanSeconds = (performance.now() - started) / 1000;

  const extractScore = scoreExtraction(truth, extracted);
  const pipelineScore = scoreExtraction(truth, cleaned);
  const label = name === 'zyte' ? 'Zyte article extraction benchmark' : 'WCXB 2025 article pages';
  console.log(`\n${label}, ${pages.length} pages (split: ${options.split})`);
  console.log('| extractor | F1 | precision | recall | pages/s |');
  console.log('|---|---|---|---|---|');
  console.log(row('extractFromHtml', extractScore, pages.length / extractSeconds));
  console.log(row('extract + cleanArticle', pipelineScore, pages.length / (extractSeconds + cleanSeconds)));
  const peerDir = path.join(name === 'zyte' ? zyte : wcxb, 'peers');
  for (const peer of options.peers) {
    const file = path.join(peerDir, `${peer}.json`);
    if (!existsSync(file)) continue;
    console.log(row(peer, scoreExtraction(truth, readBodies(file)), null));
  }

  if (name === 'wcxb') {
    // Metadata as extraction finds it, and as `precis extract` prints it (cleaning may fill a
    // missing title, date or byline from the body's header lines).
    console.log('| metadata of | date exact | date WRONG | date missing | date on undated pages | title right | author right | author wrong | author missing | byline on authorless pages |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    const wrongDates: string[] = [];
    for (const [source, lookup] of [
      ['extractFromHtml', (id: string) => metas.get(id)!],
      ['precis extract', (id: string) => cleanedMeta.get(id)!],
    ] as const) {
      const m = metadataScore(pages, lookup);
      console.log(
        `| ${source} | ${pct(m.dates.exact, m.dated)} | ${pct(m.dates.wrong, m.dated)} | ${pct(m.dates.missing, m.dated)} | ${m.dateWithoutOne} of ${m.dates.unasked} | ` +
          `${pct(m.titleRight, m.titled)} | ${pct(m.authors.right, m.authored)} | ${pct(m.authors.wrong, m.authored)} | ${pct(m.authors.missing, m.authored)} | ${m.authors.spurious} of ${m.authors.spurious + m.authors.unasked} |`,
      );
      if (source === 'precis extract') wrongDates.push(...m.wrongDates);
    }
    const m = metadataScore(pages, (id) => cleanedMeta.get(id)!);
    console.log(`(${m.dated} pages with a date, ${m.titled} with a title, ${m.authored} with an author; precis extract: ${m.dates.exact} exact, ${m.dates.wrong} WRONG dates)`);
    if (options.worst > 0) for (const line of wrongDates) console.log(`  date: ${line}`);
  }

  if (options.worst > 0) {
    console.log(`\nworst ${options.worst} pages of extractFromHtml (per-page F1, precision, recall, url):`);
    const urls = new Map(pages.map((p) => [p.id, p.url]));
    const worst = [...extractScore.pages].sort((a, b) => a.f1 - b.f1).slice(0, options.worst);
    for (const page of worst) {
      const precision = page.precision === null ? '-' : page.precision.toFixed(3);
      console.log(`${page.f1.toFixed(3)} ${precision} ${page.recall.toFixed(3)} ${page.id.slice(0, 12)} ${urls.get(page.id)}`);
    }
  }
  if (options.dump) {
    // Per-page scores and outputs, to compare two versions of the extractor page by page.
    const dir = path.join(options.dump, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'scores.json'), JSON.stringify(extractScore.pages, null, 1));
    writeFileSync(path.join(dir, 'extracted.json'), JSON.stringify(extracted, null, 1));
    writeFileSync(path.join(dir, 'cleaned-scores.json'), JSON.stringify(pipelineScore.pages, null, 1));
    writeFileSync(path.join(dir, 'cleaned.json'), JSON.stringify(cleaned, null, 1));
  }
}

// Fitting the weights of the published-date decision (dateOdds): maximum likelihood of the
// conditional logit over each page's candidates (the true date, or "none of them" when no
// candidate is it), with an L2 penalty, by gradient ascent.
// The penalty is chosen among these by cross-validation on the split.
const L2_CHOICES = [0.005, 0.02, 0.1, 0.5];
const STEPS = 3000;
const RATE = 0.05;
const FOLDS = 5;

interface DatedPage {
  id: string;
  truth: string;
  evidence: DateEvidence;
}

function dateOutcomes(pages: DatedPage[], weights: DateWeights): { exact: number; wrong: number } {
  let exact = 0;
  let wrong = 0;
  for (const page of pages) {
    const got = decideDate(page.evidence, weights);
    if (got === page.truth) exact++;
    else if (got) wrong++;
  }
  return { exact, wrong };
}

function fitWeights(pages: DatedPage[], l2: number): DateWeights {
  const keys = ['bias', ...DATE_SIGNALS] as const;
  // Pages with a date in their URL are decided by it, not by the weights.
  const rows = pages.filter((page) => !page.evidence.url).map((page) => {
    const candidates = [...dateCandidates(page.evidence)];
    return {
      features: candidates.map(([, signals]) => keys.map((k) => (k === 'bias' || signals.has(k as DateSignal) ? 1 : 0))),
      truth: candidates.findIndex(([date]) => date === page.truth),
    };
  });
  const w = keys.map(() => 0);
  for (let step = 0; step < STEPS; step++) {
    const grad = w.map((x) => -l2 * x);
    for (const row of rows) {
      const scores = row.features.map((f) => f.reduce((sum, x, i) => sum + x * w[i], 0));
      const top = Math.max(0, ...scores);
      const total = Math.exp(-top) + scores.reduce((sum, s) => sum + Math.exp(s - top), 0);
      row.features.forEach((f, c) => {
        const p = Math.exp(scores[c] - top) / total;
        f.forEach((x, i) => (grad[i] += ((c === row.truth ? 1 : 0) - p) * x));
      });
    }
    w.forEach((_, i) => (w[i] += (RATE * grad[i]) / Math.max(1, rows.length / 20)));
  }
  return Object.fromEntries(keys.map((k, i) => [k, Math.round(w[i] * 100) / 100])) as DateWeights;
}

/** Fold of a page id (FNV-1a, as pageHalf, divided past its parity bit). */
function fold(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return (hash >>> 1) % FOLDS;
}

/**
 * Cross-validates the date weights over FOLDS folds of the chosen split (fit on four, score the
 * fifth) for each penalty, fits the best one on the whole split and prints the weights and,
 * when the split is A or B, their outcome on the other half.
 */
function fitDates(all: Page[], options: Options): void {
  const evidence = (pages: Page[]): DatedPage[] =>
    pages.filter((p) => p.date).map((p) => ({ id: p.id, truth: p.date!.slice(0, 10), evidence: pageDateEvidence(p.html, p.url) }));
  const chosen = options.split === 'all' ? all : all.filter((p) => pageHalf(p.id) === options.split);
  const pages = evidence(chosen);
  const show = (o: { exact: number; wrong: number }, n: number) => `exact ${pct(o.exact, n)}, WRONG ${pct(o.wrong, n)} (${o.exact}/${o.wrong} of ${n})`;
  console.log(`\npublished-date weights, ${pages.length} dated WCXB pages (split ${options.split}), a wrong date costing ${WRONG_DATE_COST} right ones`);
  console.log(`shipped weights: ${show(dateOutcomes(pages, DATE_WEIGHTS), pages.length)}`);
  let best = { l2: L2_CHOICES[0], gain: -Infinity };
  for (const l2 of L2_CHOICES) {
    const held = { exact: 0, wrong: 0 };
    const folds: string[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const test = pages.filter((p) => fold(p.id) === f);
      const o = dateOutcomes(test, fitWeights(pages.filter((p) => fold(p.id) !== f), l2));
      held.exact += o.exact;
      held.wrong += o.wrong;
      folds.push(`${o.exact}/${o.wrong} of ${test.length}`);
    }
    const gain = held.exact - WRONG_DATE_COST * held.wrong;
    console.log(`L2 ${l2}: cross-validated (${FOLDS} held-out folds, exact/wrong: ${folds.join(', ')}): ${show(held, pages.length)}`);
    if (gain > best.gain) best = { l2, gain };
  }
  const weights = fitWeights(pages, best.l2);
  console.log(`fitted on the whole split with L2 ${best.l2}: ${JSON.stringify(weights)}: ${show(dateOutcomes(pages, weights), pages.length)}`);
  if (options.split !== 'all') {
    const other = evidence(all.filter((p) => pageHalf(p.id) !== options.split));
    console.log(`on the other half: fitted ${show(dateOutcomes(other, weights), other.length)}; shipped ${show(dateOutcomes(other, DATE_WEIGHTS), other.length)}`);
  }
}

// Fitting the keep-or-drop model of link-dense blocks: logistic regression, each block weighted
// by its words (capped, so that one long list does not decide alone), labelled by whether its
// words run, in order, inside the page's true body. Folds as for the dates.
const LINK_L2_CHOICES = [0.001, 0.01, 0.1];
const LINK_WORD_CAP = 30;

interface LinkRow {
  id: string;
  features: number[];
  keep: boolean;
  weight: number;
}

function linkRows(pages: Page[]): LinkRow[] {
  const words = (text: string) => text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const rows: LinkRow[] = [];
  for (const page of pages) {
    const truth = ` ${words(page.body).join(' ')} `;
    for (const block of pageLinkBlocks(page.html, page.url)) {
      const w = words(block.text);
      if (!w.length) continue;
      rows.push({ id: page.id, features: block.features, keep: truth.includes(` ${w.join(' ')} `), weight: Math.min(w.length, LINK_WORD_CAP) });
    }
  }
  return rows;
}

function fitLinkWeights(rows: LinkRow[], l2: number): LinkBlockWeights {
  const w = LINK_BLOCK_FEATURES.map(() => 0);
  const total = rows.reduce((sum, r) => sum + r.weight, 0) || 1;
  for (let step = 0; step < 6000; step++) {
    const grad = w.map((x, i) => (i === 0 ? 0 : -l2 * x));
    for (const row of rows) {
      const z = row.features.reduce((sum, x, i) => sum + x * w[i], 0);
      const err = (row.keep ? 1 : 0) - 1 / (1 + Math.exp(-z));
      row.features.forEach((x, i) => (grad[i] += (row.weight * err * x) / total));
    }
    w.forEach((_, i) => (w[i] += 2 * grad[i]));
  }
  return Object.fromEntries(LINK_BLOCK_FEATURES.map((f, i) => [f, Math.round(w[i] * 100) / 100])) as LinkBlockWeights;
}

/** Words of the true body kept and boilerplate words dropped, as decided by the weights. */
function linkOutcome(rows: LinkRow[], weights: LinkBlockWeights | ((row: LinkRow) => boolean)): string {
  const decide = typeof weights === 'function' ? weights : (row: LinkRow) => keepProbability(row.features, weights) >= 0.5;
  let right = 0;
  let lost = 0;
  let leaked = 0;
  let total = 0;
  for (const row of rows) {
    const keep = decide(row);
    total += row.weight;
    if (keep === row.keep) right += row.weight;
    else if (row.keep) lost += row.weight;
    else leaked += row.weight;
  }
  return `right ${pct(right, total)}, article words dropped ${pct(lost, total)}, link words kept ${pct(leaked, total)}`;
}

function fitLinks(wcxbPages: Page[], zytePages: Page[], options: Options): void {
  const wcxbIds = new Set(wcxbPages.map((p) => p.id));
  const zyteIds = new Set(zytePages.map((p) => p.id));
  const all = [...wcxbPages, ...zytePages];
  const chosen = options.split === 'all' ? all : all.filter((p) => pageHalf(p.id) === options.split);
  const rows = linkRows(chosen);
  console.log(`\nlink-dense blocks, ${rows.length} on ${chosen.length} pages (split ${options.split}), weighted by words (at most ${LINK_WORD_CAP})`);
  console.log(`shipped weights: ${linkOutcome(rows, LINK_BLOCK_WEIGHTS)}`);
  if (!options.fitLinks) return;
  let best = { l2: LINK_L2_CHOICES[0], score: -Infinity };
  for (const l2 of LINK_L2_CHOICES) {
    let score = 0;
    const folds: string[] = [];
    const held = new Map<LinkRow, boolean>();
    for (let f = 0; f < FOLDS; f++) {
      const test = rows.filter((r) => fold(r.id) === f);
      const weights = fitLinkWeights(rows.filter((r) => fold(r.id) !== f), l2);
      for (const row of test) {
        const keep = keepProbability(row.features, weights) >= 0.5;
        if (keep === row.keep) score += row.weight;
        held.set(row, keep);
      }
      folds.push(linkOutcome(test, weights).replace(/, .*/, ''));
    }
    console.log(`L2 ${l2}: held-out folds ${folds.join(', ')}; all held-out blocks: ${linkOutcome([...held.keys()], (row) => held.get(row)!)}`);
    if (score > best.score) best = { l2, score };
  }
  const weights = fitLinkWeights(rows, best.l2);
  console.log(`fitted on the whole split with L2 ${best.l2}: ${JSON.stringify(weights)}: ${linkOutcome(rows, weights)}`);
  if (options.split !== 'all') {
    for (const [name, ids] of [['WCXB', wcxbIds], ['Zyte', zyteIds]] as const) {
      const other = linkRows(all.filter((p) => ids.has(p.id) && pageHalf(p.id) !== options.split));
      console.log(`on the other half of ${name}: fitted ${linkOutcome(other, weights)}; shipped ${linkOutcome(other, LINK_BLOCK_WEIGHTS)}`);
    }
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options.fitLinks) {
    fitLinks(loadSet('wcxb'), loadSet('zyte'), options);
    return;
  }
  if (options.fitDates) {
    fitDates(loadSet('wcxb'), options);
    return;
  }
  for (const name of options.sets) runSet(name, loadSet(name), options);
}

main();
