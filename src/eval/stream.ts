// Story clustering evaluation: B-cubed precision, recall and F1 over articles (Bagga & Baldwin
// 1998; Amigo et al. 2009). For each article, precision is the share of its predicted story that
// shares its gold story (itself included), recall the share of its gold story that is in its
// predicted story; both are averaged over articles, and F1 is their harmonic mean.
//
// Streams read: a labelled stream (one article a line, `{"id"?, "published"?, "title"?, "text" |
// "html", "story"}`), or a collections file (one story a line, `{"id", "articles": [...]}`) made
// into a stream in date order (undated articles keep their place among the dated). `story` is the
// gold label: it is taken off every article before the clusterer sees it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSeeSummary } from './rouge.js';
import { createClusterer, dayOf, FITTED } from '../stream/cluster.js';
import type { ClusterTuning, Observation } from '../stream/cluster.js';
import type { ClustererOptions, StreamArticle } from '../stream/types.js';
import { InputError } from '../types.js';
import { devHalf } from './evaluate.js';
import { toArticle } from '../stream/article.js';
import { logistic } from './logistic.js';

export { toArticle };

export interface Bcubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed over articles: gold[i] and predicted[i] are the gold and predicted labels of article i. */
export function bcubed(gold: readonly string[], predicted: readonly string[]): Bcubed {
  if (gold.length !== predicted.length) throw new Error('bcubed: gold and predicted differ in length');
  const n = gold.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0 };
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    goldSize.set(gold[i]!, (goldSize.get(gold[i]!) ?? 0) + 1);
    predSize.set(predicted[i]!, (predSize.get(predicted[i]!) ?? 0) + 1);
    const key = `${gold[i]}\u0000${predicted[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${gold[i]}\u0000${predicted[i]}`)!;
    p += shared / predSize.get(predicted[i]!)!;
    r += shared / goldSize.get(gold[i]!)!;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface LabelledArticle {
  article: StreamArticle;
  story: string;
}

/**
 * Reads a labelled stream or a collections file (see the header). With `topicOf`, a collection's
 * story is topicOf(collection id) (e.g. several outlets' collections on one topic).
 */
export function readLabelledStream(file: string, options: { topicOf?: (id: string) => string } = {}): LabelledArticle[] {
  if (file !== '-' && existsSync(file) && statSync(file).isDirectory()) return readSummaryFolder(file);
  const text = readInput(file);
  const out: LabelledArticle[] = [];
  let collections = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${file}:${i + 1}`, 'not a JSON line');
    }
    const obj = value as Record<string, unknown>;
    if (obj && Array.isArray(obj.articles)) {
      collections = true;
      const id = String(obj.id ?? `line${i + 1}`);
      const story = options.topicOf ? options.topicOf(id) : id;
      for (const a of obj.articles as Record<string, unknown>[]) {
        const article = toArticle(a);
        article.id = `${id}/${String(a.id ?? out.length)}`;
        out.push({ article, story });
      }
    } else if (obj && typeof obj.story === 'string') {
      out.push({ article: toArticle(obj), story: obj.story });
    } else {
      throw new InputError(`${file}:${i + 1}`, 'neither a labelled article ({"story", "text"}) nor a collection ({"id", "articles"})');
    }
  }
  return collections ? inDateOrder(out) : out;
}

/**
 * A folder of summaries in ROUGE's SEE format (`<topic>.<anything>.html`, one sentence an anchor),
 * e.g. DUC 2004's human summaries of 50 news events: each summary is an undated article of its
 * topic's story, in an order fixed by sha256 of the file name (a seeded shuffle).
 */
function readSummaryFolder(dir: string): LabelledArticle[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  const key = (f: string): string => createHash('sha256').update(f).digest('hex');
  files.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return files.map((f) => ({
    article: { id: f, text: readSeeSummary(readFileSync(path.join(dir, f), 'utf8')).join(' ') },
    story: f.split('.')[0]!.toLowerCase(),
  }));
}

/** A whole input file ("-" for stdin) as text; an unreadable one is an InputError naming it. */
export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Dated articles sorted by day (stable); undated ones stay where they were among them. */
function inDateOrder(items: LabelledArticle[]): LabelledArticle[] {
  const dated = items.filter((x) => dayOf(x.article.published) !== null);
  dated.sort((a, b) => dayOf(a.article.published)! - dayOf(b.article.published)!);
  let k = 0;
  return items.map((x) => (dayOf(x.article.published) === null ? x : dated[k++]!));
}

/** The stream with every title taken off (the articles are copied; the input is not changed). */
export function withoutTitles<T extends LabelledArticle>(items: readonly T[]): T[] {
  return items.map((x) => ({ ...x, article: { ...x.article, title: null } }));
}

/** Half of a stream by gold story: 'A' when the second byte of sha256(story) is even, else 'B' (as the summary halves). */
export const storyHalf: (story: string) => 'A' | 'B' = devHalf;

export interface StreamEvalResult {
  articles: number;
  goldStories: number;
  predictedStories: number;
  bcubed: Bcubed;
  seconds: number;
  articlesPerSecond: number;
  /** Articles that joined an earlier article's story as its wire copy. */
  copies: number;
}

/** Clusters a labelled stream in order (labels stripped) and scores it. */
export function evaluateStream(items: readonly LabelledArticle[], options: ClustererOptions & Partial<ClusterTuning> = {}): StreamEvalResult {
  const clusterer = createClusterer(options);
  const predicted: string[] = [];
  let copies = 0;
  const start = process.hrtime.bigint();
  for (const item of items) {
    const a = clusterer.assign({ ...item.article });
    predicted.push(a.story);
    if (a.copyOf) copies++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const gold = items.map((x) => x.story);
  return {
    articles: items.length,
    goldStories: new Set(gold).size,
    predictedStories: new Set(predicted).size,
    bcubed: bcubed(gold, predicted),
    seconds,
    articlesPerSecond: seconds > 0 ? items.length / seconds : 0,
    copies,
  };
}

export function formatStreamResult(r: StreamEvalResult & { f1s?: number[] }): string {
  const b = r.bcubed;
  const orders = r.f1s && r.f1s.length > 1 ? ` (mean of ${r.f1s.length} orders: ${r.f1s.map((f) => f.toFixed(4)).join(', ')})` : '';
  return [
    `articles ${r.articles}, gold stories ${r.goldStories}, predicted stories ${r.predictedStories}, wire copies ${r.copies}`,
    `B-cubed P ${b.precision.toFixed(4)}  R ${b.recall.toFixed(4)}  F1 ${b.f1.toFixed(4)}${orders}`,
    `${r.articlesPerSecond.toFixed(0)} articles/s (${r.seconds.toFixed(2)} s clustering)`,
  ].join('\n') + '\n';
}

/**
 * The stream in its `k`-th order: dated articles keep their order, undated ones are put at
 * seeded random places among them (k = 0: the order given). Online clustering depends on order,
 * so a figure averaged over a few orders moves less with chance than a figure on one.
 */
export function reorder<T extends LabelledArticle>(items: readonly T[], k: number): T[] {
  if (k === 0) return [...items];
  const out = items.filter((x) => dayOf(x.article.published) !== null);
  items.forEach((x, i) => {
    if (dayOf(x.article.published) === null) out.splice(Math.floor(hashUnit(`${k}:${i}`) * (out.length + 1)), 0, x);
  });
  return out;
}

/** A number in [0, 1) fixed by `key` (the first 6 bytes of its sha256). */
function hashUnit(key: string): number {
  return createHash('sha256').update(key).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** Figures averaged over the first `orders` orders of the stream (see `reorder`), with each order's F1. */
export function evaluateOrders(items: readonly LabelledArticle[], orders: number, options: ClustererOptions & Partial<ClusterTuning> = {}): StreamEvalResult & { f1s: number[] } {
  const runs = Array.from({ length: Math.max(1, orders) }, (_, k) => evaluateStream(reorder(items, k), options));
  const mean = (f: (r: StreamEvalResult) => number): number => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  return {
    ...runs[0]!,
    predictedStories: Math.round(mean((r) => r.predictedStories)),
    bcubed: { precision: mean((r) => r.bcubed.precision), recall: mean((r) => r.bcubed.recall), f1: mean((r) => r.bcubed.f1) },
    seconds: runs.reduce((s, r) => s + r.seconds, 0),
    articlesPerSecond: mean((r) => r.articlesPerSecond),
    f1s: runs.map((r) => r.bcubed.f1),
  };
}

export interface FittedThreshold {
  /** Cosine needed by an article of `refTerms` distinct terms. */
  threshold: number;
  /** Fall of the needed cosine per e-fold of the article's terms. */
  lengthSlope: number;
  /** Weight of the title cosine added to the body cosine. */
  titleSimilarity: number;
  /** Title cosine assumed when a title is missing: the mean over the decisions that had both titles. */
  titleMissing: number;
  /** Join decisions the slope's fit saw, and how many of them were right to join. */
  decisions: number;
  positives: number;
  /** Mean B-cubed F1 of each threshold tried with that slope. */
  scan: [number, number][];
  /** A story's own level: its share of the story's expected cosine, and the prior weight of the fixed level (see ClusterTuning). */
  cohesionShare: number;
  cohesionPrior: number;
  /** Mean B-cubed F1 of each [share, prior] tried, with the others fitted as above. */
  cohesionScan: [number, number, number][];
}

/**
 * Fits the join rule on a labelled stream, in three steps.
 * 1. The weights: a logistic regression of "the most similar open story is the article's own"
 *    (the story's most common gold label so far is the article's) on the body cosine, the title
 *    cosine (0 when a title is missing) and ln(distinct terms), over the decisions the clusterer
 *    meets as it runs. The
 *    decisions depend on the rule, so this is repeated `rounds` times, each round clustering with
 *    the rule fitted so far and adding its decisions to the earlier ones; the title weight and the
 *    slope are the ratios of their weights to the body cosine's.
 * 2. The level: with those, the threshold (for `refTerms` terms) of 0.12, 0.125, ..., 0.18 with
 *    the best B-cubed F1 averaged over `orders` orders of the stream (the logistic fit weighs
 *    every decision alike, B-cubed weighs a merge by the sizes of the stories it mixes).
 * 3. The title cosine a missing title counts as: of 0, 0.05, ..., 0.25, the one with the best
 *    B-cubed F1 on the same stream with every title taken off (in the stream itself the untitled
 *    articles may be of one kind, e.g. all from one source, which the weight of step 1 can learn
 *    as if it were a property of titles; a stream without titles shows what their absence needs).
 * 4. A story's own level: of shares 0.3, 0.35, ..., 0.6 of its expected cosine and prior
 *    weights 1, 2, 3, 5 of the fixed level, the pair with the best B-cubed F1 averaged with its
 *    neighbours on the grid (the surface is noisy as the threshold curve is); steps 1-3 run
 *    without it (cohesionShare 0), so the rule they fit is the one a story of one article meets.
 * `titleSimilarity: 0` fits the rule without titles (cosine and length only).
 */
export function fitThreshold(items: readonly LabelledArticle[], options: Partial<ClusterTuning> & { rounds?: number; orders?: number } = {}): FittedThreshold {
  const { rounds = 3, orders = 3, ...given } = options;
  const tuning: Partial<ClusterTuning> = { ...given, cohesionShare: 0 };
  const refTerms = tuning.refTerms ?? FITTED.refTerms;
  const rows: { cosine: number; title: number | null; length: number; y: number }[] = [];
  const titles = tuning.titleSimilarity !== 0;
  // The first round clusters with the length-blind, title-blind rule the slope was first fitted from.
  let threshold = tuning.threshold ?? 0.14;
  let lengthSlope = tuning.lengthSlope ?? 0;
  // Title cosines are observed (a tiny weight) but do not steer the first round.
  let titleSimilarity = titles ? 1e-9 : 0;
  let titleMissing = 0;
  for (let round = 0; round < rounds; round++) {
    const seen: Observation[] = [];
    const clusterer = createClusterer({ ...tuning, threshold, lengthSlope, titleSimilarity, titleMissing, observe: (o) => seen.push(o) });
    const members = new Map<string, Map<string, number>>();
    for (const item of items) {
      seen.length = 0;
      const a = clusterer.assign({ ...item.article });
      const o = seen[0];
      if (o && o.story !== null) rows.push({ cosine: o.cosine, title: o.titleCosine, length: Math.log(Math.max(1, o.terms)), y: majority(members.get(o.story)!) === item.story ? 1 : 0 });
      const m = members.get(a.story) ?? new Map<string, number>();
      m.set(item.story, (m.get(item.story) ?? 0) + 1);
      members.set(a.story, m);
    }
    const x = rows.map((r) => (titles ? [r.cosine, r.length, r.title ?? 0] : [r.cosine, r.length]));
    const w = logistic(x, rows.map((r) => r.y));
    const [wc, wl, wt, b] = titles ? w : [w[0], w[1], 0, w[2]];
    if (!(wc! > 0)) throw new Error('fitThreshold: the cosine does not separate joins on this stream');
    threshold = -(b! + wl! * Math.log(refTerms)) / wc!;
    lengthSlope = wl! / wc!;
    if (titles) titleSimilarity = Math.max(0, wt! / wc!);
  }
  const scan: [number, number][] = [];
  for (let k = 0; k <= 12; k++) {
    const t = Math.round((0.12 + 0.005 * k) * 1000) / 1000;
    scan.push([t, evaluateOrders(items, orders, { ...tuning, threshold: t, lengthSlope, titleSimilarity, titleMissing }).bcubed.f1]);
  }
  // The curve is noisy (one article more or less in a big story moves F1 by 0.005): the best of
  // its three-point moving average.
  const smooth = scan.map(([t], i) => [t, mean(scan.slice(Math.max(0, i - 1), i + 2).map(([, f]) => f))] as [number, number]);
  const best = smooth.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (titleSimilarity > 0) {
    const untitled = withoutTitles(items);
    let bestF1 = -1;
    for (let k = 0; k <= 5; k++) {
      const m = (5 * k) / 100;
      const f1 = evaluateOrders(untitled, orders, { ...tuning, threshold: best[0], lengthSlope, titleSimilarity, titleMissing: m }).bcubed.f1;
      if (f1 > bestF1) [bestF1, titleMissing] = [f1, m];
    }
  }
  const shares = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
  const priors = [1, 2, 3, 5];
  const grid = priors.map((cohesionPrior) => shares.map((cohesionShare) => evaluateOrders(items, orders, { ...tuning, threshold: best[0], lengthSlope, titleSimilarity, titleMissing, cohesionShare, cohesionPrior }).bcubed.f1));
  const cohesionScan: [number, number, number][] = [];
  let bestCell: [number, number, number] = [0, 0, -1];
  priors.forEach((prior, i) => shares.forEach((share, j) => {
    cohesionScan.push([share, prior, grid[i]![j]!]);
    const around = [[i, j], [i - 1, j], [i + 1, j], [i, j - 1], [i, j + 1]].filter(([a, b]) => grid[a!]?.[b!] !== undefined).map(([a, b]) => grid[a!]![b!]!);
    const f = mean(around);
    if (f > bestCell[2]) bestCell = [share, prior, f];
  }));
  return { threshold: best[0], lengthSlope, titleSimilarity, titleMissing, decisions: rows.length, positives: rows.filter((r) => r.y === 1).length, scan, cohesionShare: bestCell[0], cohesionPrior: bestCell[1], cohesionScan };
}

export interface FoldResult {
  fold: number;
  /** Articles and gold stories held out. */
  articles: number;
  stories: number;
  /** The rule fitted on the other folds, and the title-blind rule (titleSimilarity 0) fitted on them. */
  fit: FittedThreshold;
  blindFit: FittedThreshold;
  /** B-cubed on the held-out fold (mean over the orders) with each. */
  heldOut: Bcubed;
  blind: Bcubed;
}

/** Fold of a gold story among `k`: the third byte of sha256(story) mod k (the halves use the second byte's parity). */
export function storyFold(story: string, k: number): number {
  return createHash('sha256').update(story).digest()[2]! % k;
}

/**
 * Cross-validates fitThreshold on a labelled stream: the stories are cut into `k` folds
 * (storyFold); each fold is held out in turn, the rule fitted on the others (in stream order),
 * with titles and without (titleSimilarity 0), and both scored on the held-out fold.
 */
export function crossValidate(items: readonly LabelledArticle[], k: number, options: Partial<ClusterTuning> & { rounds?: number; orders?: number } = {}): FoldResult[] {
  const { rounds, orders = 3, ...tuning } = options;
  const out: FoldResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = items.filter((x) => storyFold(x.story, k) !== fold);
    const test = items.filter((x) => storyFold(x.story, k) === fold);
    if (train.length === 0 || test.length === 0) continue;
    const fit = fitThreshold(train, { ...tuning, rounds, orders });
    const blindFit = fitThreshold(train, { ...tuning, titleSimilarity: 0, rounds, orders });
    const rule = (f: FittedThreshold): Partial<ClusterTuning> => ({ ...tuning, threshold: f.threshold, lengthSlope: f.lengthSlope, titleSimilarity: f.titleSimilarity, titleMissing: f.titleMissing, cohesionShare: f.cohesionShare, cohesionPrior: f.cohesionPrior });
    out.push({
      fold,
      articles: test.length,
      stories: new Set(test.map((x) => x.story)).size,
      fit,
      blindFit,
      heldOut: evaluateOrders(test, orders, rule(fit)).bcubed,
      blind: evaluateOrders(test, orders, rule(blindFit)).bcubed,
    });
  }
  return out;
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function majority(counts: Map<string, number>): string {
  let best = '';
  let n = 0;
  for (const [label, k] of counts) if (k > n) [best, n] = [label, k];
  return best;
}
