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
import { createClusterer, dayOf } from '../stream/cluster.js';
import type { ClusterTuning } from '../stream/cluster.js';
import type { ClustererOptions, StreamArticle } from '../stream/types.js';
import { InputError } from '../types.js';
import { devHalf } from './evaluate.js';

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

/** The article fields a clusterer may read: never the label. */
export function toArticle(a: Record<string, unknown>): StreamArticle {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    id: a.id == null ? null : String(a.id),
    title: str(a.title),
    text: str(a.text),
    html: str(a.html),
    url: str(a.url),
    published: str(a.published) ?? str(a.date),
    outlet: str(a.outlet),
  };
}

/** Dated articles sorted by day (stable); undated ones stay where they were among them. */
function inDateOrder(items: LabelledArticle[]): LabelledArticle[] {
  const dated = items.filter((x) => dayOf(x.article.published) !== null);
  dated.sort((a, b) => dayOf(a.article.published)! - dayOf(b.article.published)!);
  let k = 0;
  return items.map((x) => (dayOf(x.article.published) === null ? x : dated[k++]!));
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

export function formatStreamResult(r: StreamEvalResult): string {
  const b = r.bcubed;
  return [
    `articles ${r.articles}, gold stories ${r.goldStories}, predicted stories ${r.predictedStories}, wire copies ${r.copies}`,
    `B-cubed P ${b.precision.toFixed(4)}  R ${b.recall.toFixed(4)}  F1 ${b.f1.toFixed(4)}`,
    `${r.articlesPerSecond.toFixed(0)} articles/s (${r.seconds.toFixed(2)} s clustering)`,
  ].join('\n') + '\n';
}
