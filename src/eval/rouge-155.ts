// ROUGE as the original ROUGE-1.5.5 Perl script computes it ("155" style; Lin 2004, "ROUGE: A
// Package for Automatic Evaluation of Summaries"), per evaluation item with "-t 0":
//   - each summary is a list of sentences; A-Z is lower-cased (nothing else);
//   - -l N keeps the first N whitespace-separated words of each summary, peers and models alike,
//     before punctuation is removed;
//   - every character other than a-z and 0-9 becomes a space; tokens are the runs left;
//   - -m: tokens longer than 3 characters are looked up in the WordNet exception list, else
//     Porter-stemmed by the script's own copy of Porter's Perl code, whose step 4 its author
//     changed (porterStemRouge155 in src/text/porter.ts);
//   - ROUGE-N and ROUGE-S(U) count over the whole summary (they cross sentence boundaries);
//     SU leaves out the last token's unigram, as the script's loop does;
//     ROUGE-L is the summary-level union LCS of section 3.2 of the paper, with each token hit at
//     most as often as it occurs in the model and in the peer;
//   - -f A pools the models (recall = summed hits / summed model counts, precision = the same
//     hits / (peer count x number of models)); -f B keeps the model with the best recall;
//   - R and P are rounded to 5 decimals ("%7.5f") and F = P*R / ((1-alpha)*P + alpha*R) is
//     computed from the rounded values, then rounded too.
// Checked line by line against ROUGE-1.5.5's output on DUC 2004 task 2 (test/rouge.test.ts).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { InputError } from '../types.js';
import { porterStemRouge155 } from '../text/porter.js';
import type { Prf } from './rouge-rs.js';
import { unionLcsHits as unionLcsHitsOf } from './lcs.js';
import { ngramCounts } from './ngrams.js';

/** A metric name as ROUGE-1.5.5 prints it after "ROUGE-": "1".."9", "L", "S4", "SU4", ... */
export type Rouge155Metric = string;

export interface Rouge155Options {
  /** Metrics to compute, e.g. ["1", "2", "L", "SU4"]. Default ["1", "2", "L"]. */
  metrics?: Rouge155Metric[];
  /** -m: stem tokens longer than 3 characters (exception list, then Porter). Default false. */
  stem?: boolean;
  /**
   * The WordNet exception list for -m: a TSV path (inflected TAB base, optionally .gz) or a
   * loaded map. Default: the WordNet 2.0 list ROUGE-1.5.5 ships (data/wordnet-2.0-exceptions.tsv.gz,
   * licence beside it), which the script always applies with -m. An empty map stems with Porter alone.
   */
  exceptions?: string | ReadonlyMap<string, string>;
  /**
   * -s: drop the words of ROUGE-1.5.5's stop list (data/smart-common-words.txt: the SMART list
   * plus news words such as month and day abbreviations) after tokenizing, before stemming.
   * A set drops its words instead.
   */
  stopwords?: boolean | ReadonlySet<string>;
  /** -l N: keep only the first N words of every summary. */
  words?: number;
  /** -p: the weight of precision in F (0.5 = F1). Default 0.5. */
  alpha?: number;
  /** -f: "A" pools the models, "B" keeps the best-recall model. Default "A". */
  formula?: 'A' | 'B';
}

/** Scores keyed "rouge1", "rouge2", "rougeL", "rougeSU4", ... */
export type Rouge155Scores = Record<string, Prf>;

/** The key under which a metric's score is returned ("L" -> "rougeL"). */
export function rouge155Key(metric: Rouge155Metric): string {
  return `rouge${metric}`;
}

interface ParsedMetric {
  name: string;
  kind: 'ngram' | 'lcs' | 'skip';
  n: number;
  /** Skip-bigram: the most words allowed between the pair (negative: no limit). */
  gap: number;
  withUnigrams: boolean;
}

function parseMetric(metric: string): ParsedMetric {
  const m = metric.trim().toUpperCase();
  if (/^[1-9]$/.test(m)) return { name: m, kind: 'ngram', n: Number(m), gap: 0, withUnigrams: false };
  if (m === 'L') return { name: m, kind: 'lcs', n: 0, gap: 0, withUnigrams: false };
  const skip = /^S(U)?(\*|\d+)$/.exec(m);
  if (skip) {
    return { name: m, kind: 'skip', n: 2, gap: skip[2] === '*' ? -1 : Number(skip[2]), withUnigrams: skip[1] === 'U' };
  }
  throw new InputError(metric, 'unknown ROUGE metric (expected 1-9, L, S<gap>, SU<gap>)');
}

const exceptionCache = new Map<string, ReadonlyMap<string, string>>();

/** Reads a WordNet exception list: one "inflected<TAB>base" pair a line; later lines win. */
export function loadExceptions(path: string): ReadonlyMap<string, string> {
  const cached = exceptionCache.get(path);
  if (cached) return cached;
  let text: string;
  try {
    const bytes = readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (err) {
    throw new InputError(path, `cannot read the exception list (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const map = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    if (fields.length !== 2 || fields[0] === '' || fields[1] === '') {
      throw new InputError(`${path}:${i + 1}`, 'expected "inflected<TAB>base"');
    }
    map.set(fields[0], fields[1]);
  }
  exceptionCache.set(path, map);
  return map;
}

/**
 * The sentences of a summary in the SEE HTML format ROUGE-1.5.5 reads: the text of each
 * `<a ... id=N>text</a>` element, in file order.
 */
export function readSeeSummary(html: string): string[] {
  const sentences: string[] = [];
  const anchor = /<a\s[^>]*\bid\s*=\s*"?\d+"?[^>]*>([^<]*)<\/a>/gi;
  for (let m = anchor.exec(html); m !== null; m = anchor.exec(html)) sentences.push(m[1]);
  return sentences;
}

/** A summary as ROUGE sees it: token lists per sentence, after truncation and stemming. */
export interface Prepared155 {
  sentences: string[][];
  tokens: string[];
}

/** ROUGE-1.5.5's rendering of one token under -m. */
function stemToken(token: string, exceptions: ReadonlyMap<string, string> | null): string {
  if (token.length <= 3) return token;
  const base = exceptions?.get(token);
  return base ?? porterStemRouge155(token);
}

/**
 * Perl's split(/\s+/, $s): a leading empty field when $s starts with blanks, no trailing ones.
 * ROUGE-1.5.5 counts words for -l this way, so a sentence starting with a blank counts one
 * word more. Blanks are ASCII ones: Perl reads the files as bytes.
 */
function perlWords(text: string): string[] {
  const words = text.split(/[ \t\n\r\f\v]+/);
  while (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words;
}

/** Truncates, lower-cases, strips punctuation, tokenizes and stems one summary. */
export function prepare155(sentences: readonly string[], options: Rouge155Options = {}): Prepared155 {
  const exceptions = options.stem ? resolveExceptions(options.exceptions) : null;
  const stop = typeof options.stopwords === 'object' ? options.stopwords : options.stopwords ? smartStopwords() : null;
  const limit = options.words !== undefined && options.words > 0 ? Math.floor(options.words) : 0;
  // Only A-Z is lower-cased, as Perl's tr/A-Z/a-z/ does.
  const lowered = sentences.map((raw) => raw.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  let kept: string[] = lowered;
  if (limit > 0) {
    // -l N: whole sentences while the running word count stays under N, then the first words
    // of the sentence that reaches it.
    kept = [];
    let used = 0;
    for (const sentence of lowered) {
      const words = perlWords(sentence);
      if (used + words.length < limit) {
        kept.push(sentence);
        used += words.length;
      } else {
        kept.push(words.slice(0, limit - used).join(' '));
        break;
      }
    }
  }
  const out = kept.map((text) =>
    text
      .replace(/[^a-z0-9]/g, ' ')
      .split(' ')
      .filter((t) => t.length > 0 && !(stop !== null && stop.has(t)))
      .map((t) => (options.stem ? stemToken(t, exceptions) : t)),
  );
  return { sentences: out, tokens: out.flat() };
}

/** ROUGE-1.5.5's stop list for -s, shipped in data/ (one word a line). */
export const SMART_COMMON_WORDS = fileURLToPath(new URL('../../data/smart-common-words.txt', import.meta.url));
let smartCache: ReadonlySet<string> | null = null;

/** ROUGE-1.5.5's stop list for -s (data/smart-common-words.txt) as a set. */
export function smartStopwords(): ReadonlySet<string> {
  smartCache ??= new Set(readFileSync(SMART_COMMON_WORDS, 'utf8').split('\n').map((w) => w.trim()).filter((w) => w.length > 0));
  return smartCache;
}

/** The WordNet 2.0 exception list shipped with the package (data/ at the package root). */
export const WORDNET_20_EXCEPTIONS = fileURLToPath(new URL('../../data/wordnet-2.0-exceptions.tsv.gz', import.meta.url));

function resolveExceptions(exceptions: Rouge155Options['exceptions']): ReadonlyMap<string, string> {
  if (exceptions === undefined) return loadExceptions(WORDNET_20_EXCEPTIONS);
  return typeof exceptions === 'string' ? loadExceptions(exceptions) : exceptions;
}

// ----- counts -----


/**
 * Skip bigrams: ordered pairs with at most `gap` words between them, plus unigrams for SU.
 * ROUGE-1.5.5 leaves the last token's unigram out (its loop stops one short); DUC 2004's
 * ROUGE-SU4 lines are reproduced only with that.
 */
function skipBigramCounts(tokens: readonly string[], gap: number, withUnigrams: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (withUnigrams && i < tokens.length - 1) add(tokens[i]);
    for (let j = i + 1; j < tokens.length && (gap < 0 || j - i - 1 <= gap); j++) add(`${tokens[i]} ${tokens[j]}`);
  }
  return counts;
}

export function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

export function clippedOverlap(model: ReadonlyMap<string, number>, peer: ReadonlyMap<string, number>): number {
  let hits = 0;
  for (const [gram, c] of peer) {
    const mc = model.get(gram);
    if (mc !== undefined) hits += Math.min(c, mc);
  }
  return hits;
}

/** Summary-level union-LCS hits of a peer against one model, each token clipped to its counts. */
function unionLcsHits(model: Prepared155, peer: Prepared155): number {
  return unionLcsHitsOf(model.sentences, peer.sentences);
}

interface Tally {
  hits: number;
  modelCount: number;
  peerCount: number;
}

function tally(metric: ParsedMetric, peer: Prepared155, model: Prepared155): Tally {
  if (metric.kind === 'lcs') {
    return { hits: unionLcsHits(model, peer), modelCount: model.tokens.length, peerCount: peer.tokens.length };
  }
  const count = (p: Prepared155): Map<string, number> =>
    metric.kind === 'ngram' ? ngramCounts(p.tokens, metric.n) : skipBigramCounts(p.tokens, metric.gap, metric.withUnigrams);
  const m = count(model);
  const p = count(peer);
  return { hits: clippedOverlap(m, p), modelCount: total(m), peerCount: total(p) };
}

// ----- rounding as printf("%7.5f") does it -----

/**
 * Rounds to 5 decimals as C's printf does: to nearest on the exact binary value, ties (which
 * only dyadic values such as 1/64 = 0.015625 can be) to even. JavaScript's toFixed sends ties up.
 */
export function round5(x: number): number {
  if (!Number.isFinite(x)) return x;
  const exact = Math.abs(x).toFixed(40); // V8 prints the exact binary value to 40 places
  const dot = exact.indexOf('.');
  const intPart = exact.slice(0, dot);
  const frac = exact.slice(dot + 1);
  let kept = BigInt(intPart + frac.slice(0, 5));
  const rest = frac.slice(5);
  const firstDropped = rest.charCodeAt(0) - 48;
  const tail = rest.slice(1);
  const roundUp =
    firstDropped > 5 ||
    (firstDropped === 5 && (/[1-9]/.test(tail) || kept % 2n === 1n));
  if (roundUp) kept += 1n;
  const value = Number(kept) / 100000;
  return x < 0 ? -value : value;
}

function score(hits: number, modelCount: number, peerCount: number, alpha: number): Prf {
  const r = round5(modelCount > 0 ? hits / modelCount : 0);
  const p = round5(peerCount > 0 ? hits / peerCount : 0);
  const denominator = (1 - alpha) * p + alpha * r;
  const f = denominator > 0 ? round5((p * r) / denominator) : 0;
  return { r, p, f };
}

/**
 * ROUGE-1.5.5 scores of one peer summary against its model summaries, each a list of sentences.
 * Returns the rounded R, P, F that ROUGE-1.5.5 prints on its per-item "Eval" lines.
 */
export function rouge155(peer: readonly string[], models: readonly (readonly string[])[], options: Rouge155Options = {}): Rouge155Scores {
  if (models.length === 0) throw new Error('rouge155: no model summary');
  const metrics = (options.metrics ?? ['1', '2', 'L']).map(parseMetric);
  const alpha = options.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1)) throw new InputError(String(options.alpha), 'alpha must be between 0 and 1');
  const preparedPeer = prepare155(peer, options);
  const preparedModels = models.map((m) => prepare155(m, options));
  const scores: Rouge155Scores = {};
  for (const metric of metrics) {
    const tallies = preparedModels.map((model) => tally(metric, preparedPeer, model));
    if ((options.formula ?? 'A') === 'A') {
      let hits = 0;
      let modelCount = 0;
      let peerCount = 0;
      for (const t of tallies) {
        hits += t.hits;
        modelCount += t.modelCount;
        peerCount += t.peerCount;
      }
      scores[rouge155Key(metric.name)] = score(hits, modelCount, peerCount, alpha);
    } else {
      // -f B: the model with the best recall, compared as ROUGE-1.5.5 does: rounded to 5
      // decimals for n-grams and skip bigrams, unrounded for LCS; the first one on a tie.
      let best: Tally | null = null;
      let bestRecall = -1;
      for (const t of tallies) {
        const exact = t.modelCount > 0 ? t.hits / t.modelCount : 0;
        const recall = metric.kind === 'lcs' ? exact : round5(exact);
        if (recall > bestRecall) {
          bestRecall = recall;
          best = t;
        }
      }
      const chosen = best ?? tallies[0];
      scores[rouge155Key(metric.name)] = score(chosen.hits, chosen.modelCount, chosen.peerCount, alpha);
    }
  }
  return scores;
}
