// `evaluate`: run the summarizer over clusters of articles, as `precis eval` does, and score the
// summaries against reference summaries with rs-style ROUGE when the clusters carry them.
// Each article goes through the real pipeline (HTML extraction when given HTML, cleaning,
// sentence splitting) so the figures measure what users get.
import { createHash } from 'node:crypto';
import { writeFileWhole } from '../write-file.js';
import { cleanArticle } from '../clean/index.js';
import { fromArticleInput } from '../ingest/index.js';
import { decodeText } from '../ingest/decode.js';
import { readBounded } from '../ingest/read.js';
import { summarize, type SummarizerTuning } from '../summarize/index.js';
import { segment } from '../text/index.js';
import { InputError, type ArticleInput, type Doc } from '../types.js';
import { rougeRs, type Prf, type RsScores } from './rouge.js';

/** One line of a clusters file: a story's articles and, optionally, reference summaries. */
export interface EvalCluster {
  id: string;
  articles: ArticleInput[];
  summaries?: string[];
}

export interface EvaluateOptions {
  /** Word budget of each summary (default 250, the Multi-News setting). */
  words?: number;
  /** Summarizer hyperparameter overrides, for experiments. */
  tuning?: Partial<SummarizerTuning>;
  /** Called after each cluster (e.g. to draw a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Read no article's date ("published" or "date"), as for an undated collection. */
  undated?: boolean;
  /** Score these summaries (by cluster id) instead of the summarizer's, e.g. a baseline's; every cluster needs one. */
  peer?: Map<string, string>;
  /** The peer summaries' name in an error (their file): "peer" when not given. */
  peerName?: string;
}

/** Seconds spent in each stage, summed over clusters. */
export interface StageSeconds {
  /** Reading articles: HTML extraction when given HTML. */
  ingest: number;
  clean: number;
  segment: number;
  summarize: number;
  /** ROUGE scoring (not part of producing a summary). */
  score: number;
}

export interface EvalItem {
  id: string;
  /** The summary as plain text: the selected sentences, one per line. */
  summary: string;
  /** Words of the summary (whitespace-separated). */
  words: number;
  /** ROUGE against the cluster's references, when it has some. */
  scores?: RsScores;
}

export interface EvalResult {
  items: EvalItem[];
  /** Mean ROUGE over the clusters that have references (undefined when none has). */
  scores?: RsScores;
  /** Clusters that had references. */
  scored: number;
  /** Mean summary length in words. */
  meanWords: number;
  /** Wall time of the summarizing pipeline (scoring excluded), in seconds. */
  seconds: number;
  clustersPerSecond: number;
  stages: StageSeconds;
}

export const DEFAULT_EVAL_WORDS = 250;

/**
 * Which development half a cluster belongs to: 'A' when the second byte of sha256(id) is even,
 * else 'B'. Ideas are tried on half A and kept only if half B confirms them, so that the
 * summarizer is not fitted to the whole dev set. (The first byte's parity already separates the
 * Multi-News dev clusters from the held-out ones, so it is the same for every dev cluster.)
 */
export function devHalf(id: string): 'A' | 'B' {
  return createHash('sha256').update(id).digest()[1]! % 2 === 0 ? 'A' : 'B';
}

/** The figures as people quote them: F1 x100, two decimals. */
export function formatScores(result: EvalResult): string {
  const lines: string[] = [];
  lines.push(`clusters ${result.items.length} (${result.scored} with references), summary words ${result.meanWords.toFixed(0)} on average`);
  if (result.scores) {
    const f = (p: Prf): string => (100 * p.f).toFixed(2);
    lines.push(`ROUGE-1 ${f(result.scores.rouge1)}  ROUGE-2 ${f(result.scores.rouge2)}  ROUGE-Lsum ${f(result.scores.rougeLsum)}  (F1 x100, rs style)`);
  }
  lines.push(`${result.clustersPerSecond.toFixed(1)} clusters/s (${result.seconds.toFixed(2)} s)`);
  return lines.join('\n') + '\n';
}

const now = (): number => performance.now() / 1000;

/** Runs one cluster through ingest, clean, segment and summarize; returns the summary lines. */
export function summarizeCluster(
  cluster: EvalCluster,
  options: Pick<EvaluateOptions, 'words' | 'tuning' | 'undated'> = {},
  stages: StageSeconds = { ingest: 0, clean: 0, segment: 0, summarize: 0, score: 0 },
): string {
  const docs: Doc[] = [];
  cluster.articles.forEach((given, i) => {
    // Articles with no text are skipped: they carry nothing to summarize.
    if (!given.text?.trim() && !given.html?.trim()) return;
    const input = options.undated ? { ...given, published: undefined, date: undefined } : given;
    let t = now();
    let raw;
    try {
      raw = fromArticleInput(input, `cluster ${cluster.id} article ${i + 1}`, `a${i + 1}`, null);
    } catch (err) {
      // An HTML page with no article in it is as empty as a blank text.
      if (err instanceof InputError && input.html && !input.text) return;
      throw err;
    } finally {
      stages.ingest += now() - t;
    }
    t = now();
    const article = cleanArticle({ ...raw, id: `a${i + 1}` });
    stages.clean += now() - t;
    t = now();
    const doc = segment(article);
    stages.segment += now() - t;
    if (doc.sentences.length) docs.push(doc);
  });
  const t = now();
  const selection = summarize(docs, { words: options.words ?? DEFAULT_EVAL_WORDS, tuning: options.tuning });
  stages.summarize += now() - t;
  // One sentence per line: rs-style rougeLsum splits the summary on "\n". Inner line breaks of a
  // sentence (e.g. from a scraped line wrap) become spaces so a sentence stays one line.
  return selection.sentences.map((s) => s.text.replace(/\s+/g, ' ').trim()).join('\n');
}

/** Summarizes every cluster and, where references exist, scores the summaries. */
export function evaluate(clusters: EvalCluster[], options: EvaluateOptions = {}): EvalResult {
  const stages: StageSeconds = { ingest: 0, clean: 0, segment: 0, summarize: 0, score: 0 };
  const items: EvalItem[] = [];
  const scored: RsScores[] = [];
  const start = now();
  let scoring = 0;
  const { peer } = options;
  const unsummarized = peer && clusters.find((c) => !peer.has(c.id));
  if (unsummarized) throw new InputError(options.peerName ?? 'peer', `no summary for cluster ${unsummarized.id}`);
  clusters.forEach((cluster, i) => {
    const summary = peer ? peer.get(cluster.id)! : summarizeCluster(cluster, options, stages);
    const item: EvalItem = { id: cluster.id, summary, words: summary.split(/\s+/).filter(Boolean).length };
    const references = (cluster.summaries ?? []).filter((s) => s.trim());
    if (references.length) {
      const t = now();
      item.scores = rougeRs(summary, references);
      const spent = now() - t;
      stages.score += spent;
      scoring += spent;
      scored.push(item.scores);
    }
    items.push(item);
    options.onProgress?.(i + 1, clusters.length);
  });
  const seconds = now() - start - scoring;
  return {
    items,
    scores: scored.length ? meanScores(scored) : undefined,
    scored: scored.length,
    meanWords: items.length ? items.reduce((n, x) => n + x.words, 0) / items.length : 0,
    seconds,
    clustersPerSecond: seconds > 0 ? clusters.length / seconds : 0,
    stages,
  };
}

function meanScores(all: RsScores[]): RsScores {
  const mean = (key: keyof RsScores): Prf => {
    const n = all.length;
    return {
      r: all.reduce((a, s) => a + s[key].r, 0) / n,
      p: all.reduce((a, s) => a + s[key].p, 0) / n,
      f: all.reduce((a, s) => a + s[key].f, 0) / n,
    };
  };
  return { rouge1: mean('rouge1'), rouge2: mean('rouge2'), rougeLsum: mean('rougeLsum') };
}

/** Parses one line of a clusters file; throws InputError naming `where` (file:line). */
export function parseClusterLine(line: string, where: string): EvalCluster {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new InputError(where, `malformed JSON: ${err instanceof Error ? err.message.replace(/ in JSON at position \d+.*$/, '') : String(err)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(where, 'expected a cluster object {"id", "articles": [...]}');
  }
  const v = value as Record<string, unknown>;
  if (v.id !== undefined && typeof v.id !== 'string' && typeof v.id !== 'number') {
    throw new InputError(where, '"id" must be a string or a number');
  }
  if (!Array.isArray(v.articles)) throw new InputError(where, 'expected "articles": an array of {"text" | "html", "title"?}');
  const articles: ArticleInput[] = v.articles.map((a, i) => {
    if (typeof a === 'string') return { text: a };
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      throw new InputError(where, `article ${i + 1}: expected an object with "text" or "html"`);
    }
    const o = a as Record<string, unknown>;
    for (const key of ['text', 'html', 'title', 'url', 'published', 'date', 'outlet'] as const) {
      if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') {
        throw new InputError(where, `article ${i + 1}: "${key}" must be a string`);
      }
    }
    if (typeof o.text !== 'string' && typeof o.html !== 'string') {
      throw new InputError(where, `article ${i + 1}: needs "text" or "html"`);
    }
    // A "date" (newswire collections' name for it) is read as "published" by fromArticleInput.
    return o as ArticleInput;
  });
  let summaries: string[] | undefined;
  if (v.summaries !== undefined && v.summaries !== null) {
    const s = typeof v.summaries === 'string' ? [v.summaries] : v.summaries;
    if (!Array.isArray(s) || s.some((x) => typeof x !== 'string')) {
      throw new InputError(where, '"summaries" must be an array of strings');
    }
    summaries = s as string[];
  }
  const id = v.id === undefined ? where.slice(where.lastIndexOf(':') + 1) : String(v.id);
  return { id, articles, summaries };
}

/** Largest dataset file eval and rouge read: a benchmark split of whole clusters, bounded so a device or FIFO cannot exhaust memory. */
export const MAX_DATASET_BYTES = 256 * 1024 * 1024;

/** Reads a clusters JSONL file (one cluster per line; blank lines skipped); "-" is stdin. */
export function readClusters(file: string): EvalCluster[] {
  let text: string;
  try {
    text = decodeText(readBounded(file, MAX_DATASET_BYTES, file === '-' ? 'standard input' : file), file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, expected a JSONL file' : `cannot read (${code ?? String(err)})`);
  }
  const clusters: EvalCluster[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    const cluster = parseClusterLine(line, where);
    if (seen.has(cluster.id)) throw new InputError(where, `duplicate cluster id "${cluster.id}"`);
    seen.add(cluster.id);
    clusters.push(cluster);
  });
  if (clusters.length === 0) throw new InputError(file, 'no clusters (expected one JSON object per line)');
  return clusters;
}

/** Writes one {"id", "summary"} line per cluster; all or nothing (a temp file renamed into place). */
export function writePredictions(file: string, items: EvalItem[]): void {
  const body = items.map((x) => JSON.stringify({ id: x.id, summary: x.summary })).join('\n') + (items.length ? '\n' : '');
  writeFileWhole(file, body);
}

/** The file-level entry of `precis eval`: read clusters, evaluate, optionally write predictions. */
export function evaluateFile(file: string, options: EvaluateOptions & { out?: string } = {}): EvalResult {
  const clusters = readClusters(file);
  const result = evaluate(clusters, options);
  if (options.out) writePredictions(options.out, result.items);
  return result;
}
