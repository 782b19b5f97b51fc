// ROUGE as the Python rouge_score package computes it ("rs" style): the scorer behind most
// published summarization figures of the last years (Hugging Face `evaluate`, LongBench).
//   - tokens: lower-cased text, every character other than a-z and 0-9 turned into a space;
//   - stemming (optional, on by default here): tokens longer than 3 letters are Porter-stemmed.
//     rouge_score calls NLTK's PorterStemmer, whose default mode adds NLTK's own rules; the
//     reference figures of ../shared/data/multinews/README.md were computed with Porter's
//     reference rendering (it reproduces them; NLTK's rules give R-1 0.07 higher on
//     greedy-concepts-250), so that is the default and `stemmer: 'nltk'` is the alternative;
//   - ROUGE-N: clipped n-gram matches; recall over the reference's n-grams, precision over the
//     prediction's; F1;
//   - rougeLsum: summary-level union LCS (Lin 2004, section 3.2) over sentences split on "\n",
//     with each token counted at most as often as it occurs on both sides;
//   - several references: for each metric, the reference with the best F (rouge_score's
//     score_multi takes the argmax of F per metric).
import { porterStemNltk, porterStem } from '../text/porter.js';

/** Recall, precision and F as fractions (not x100). */
export interface Prf {
  r: number;
  p: number;
  f: number;
}

export interface RsScores {
  rouge1: Prf;
  rouge2: Prf;
  rougeLsum: Prf;
}

export interface RsOptions {
  /** Porter-stem tokens longer than 3 letters (rouge_score's use_stemmer). Default true. */
  stem?: boolean;
  /** Which Porter rendering: Porter's reference code (default) or NLTK's extensions. */
  stemmer?: 'reference' | 'nltk';
}

const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** rouge_score's tokenizer: lower-case, a-z0-9 runs, stems of tokens longer than 3 letters. */
export function rsTokenize(text: string, stem = true, stemmer: (word: string) => string = porterStem): string[] {
  const tokens = text.toLowerCase().replace(NOT_ALPHANUMERIC, ' ').split(' ');
  const out: string[] = [];
  for (const token of tokens) {
    if (token.length === 0) continue;
    const t = stem && token.length > 3 ? stemmer(token) : token;
    // rouge_score drops any token the stemmer left empty or outside a-z0-9.
    if (t.length > 0 && /^[a-z0-9]+$/.test(t)) out.push(t);
  }
  return out;
}

export function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

/** rouge_score's _score_ngrams: clipped matches, denominators floored at 1. */
export function rsNgramScore(reference: readonly string[], prediction: readonly string[], n: number): Prf {
  const ref = ngramCounts(reference, n);
  const pred = ngramCounts(prediction, n);
  let overlap = 0;
  for (const [gram, c] of pred) {
    const rc = ref.get(gram);
    if (rc !== undefined) overlap += Math.min(c, rc);
  }
  const p = overlap / Math.max(total(pred), 1);
  const r = overlap / Math.max(total(ref), 1);
  return { r, p, f: f1(p, r) };
}

/** Dynamic-programming LCS length table, (a.length+1) x (b.length+1), row-major. */
function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array {
  const cols = b.length + 1;
  const table = new Uint32Array((a.length + 1) * cols);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      table[i * cols + j] =
        ai === b[j - 1]
          ? table[(i - 1) * cols + j - 1] + 1
          : Math.max(table[(i - 1) * cols + j], table[i * cols + j - 1]);
    }
  }
  return table;
}

/**
 * Positions in `reference` of one LCS with `candidate`, walked back from the end as rouge_score
 * does (on a tie it moves up in the reference): which LCS is taken changes the union below.
 */
function lcsReferencePositions(reference: readonly string[], candidate: readonly string[]): number[] {
  const table = lcsTable(reference, candidate);
  const cols = candidate.length + 1;
  const positions: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1] > table[(i - 1) * cols + j]) {
      j--;
    } else {
      i--;
    }
  }
  return positions;
}

/** rouge_score's summary-level LCS over sentence token lists. */
export function rsSummaryLcs(referenceSentences: readonly string[][], predictionSentences: readonly string[][]): Prf {
  let m = 0;
  let n = 0;
  for (const s of referenceSentences) m += s.length;
  for (const s of predictionSentences) n += s.length;
  if (m === 0 || n === 0) return { r: 0, p: 0, f: 0 };
  // Each token may be a hit at most as often as it occurs in both texts.
  const refLeft = new Map<string, number>();
  const predLeft = new Map<string, number>();
  for (const s of referenceSentences) for (const t of s) refLeft.set(t, (refLeft.get(t) ?? 0) + 1);
  for (const s of predictionSentences) for (const t of s) predLeft.set(t, (predLeft.get(t) ?? 0) + 1);
  let hits = 0;
  for (const refSentence of referenceSentences) {
    const union = new Set<number>();
    for (const predSentence of predictionSentences) {
      for (const pos of lcsReferencePositions(refSentence, predSentence)) union.add(pos);
    }
    for (const pos of [...union].sort((a, b) => a - b)) {
      const t = refSentence[pos];
      const inPred = predLeft.get(t) ?? 0;
      const inRef = refLeft.get(t) ?? 0;
      if (inPred > 0 && inRef > 0) {
        hits++;
        predLeft.set(t, inPred - 1);
        refLeft.set(t, inRef - 1);
      }
    }
  }
  const r = hits / m;
  const p = hits / n;
  return { r, p, f: f1(p, r) };
}

/** rouge_score's rougeLsum sentence split: on "\n", empty pieces dropped. */
export function rsSentences(text: string): string[] {
  return text.split('\n').filter((s) => s.length > 0);
}

function scoreOne(prediction: string, reference: string, options: RsOptions): RsScores {
  const stem = options.stem ?? true;
  const stemmer = options.stemmer === 'nltk' ? porterStemNltk : porterStem;
  const tokenize = (text: string): string[] => rsTokenize(text, stem, stemmer);
  return {
    rouge1: rsNgramScore(tokenize(reference), tokenize(prediction), 1),
    rouge2: rsNgramScore(tokenize(reference), tokenize(prediction), 2),
    rougeLsum: rsSummaryLcs(rsSentences(reference).map(tokenize), rsSentences(prediction).map(tokenize)),
  };
}

/**
 * rouge_score-style ROUGE-1, ROUGE-2 and ROUGE-Lsum of one prediction against its references;
 * for each metric the reference whose F is highest (the first one on a tie).
 */
export function rougeRs(prediction: string, references: string[], options: RsOptions = {}): RsScores {
  if (references.length === 0) throw new Error('rougeRs: no reference summary');
  const all = references.map((ref) => scoreOne(prediction, ref, options));
  const best = (key: keyof RsScores): Prf =>
    all.reduce((a, b) => (b[key].f > a[key].f ? b : a))[key];
  return { rouge1: best('rouge1'), rouge2: best('rouge2'), rougeLsum: best('rougeLsum') };
}

export interface RsItem {
  prediction: string;
  references: string[];
}

/** Corpus figures: the mean of each item's R, P and F (what rouge_score's users report). */
export function rougeRsCorpus(items: readonly RsItem[], options: RsOptions = {}): RsScores & { items: RsScores[] } {
  const scores = items.map((item) => rougeRs(item.prediction, item.references, options));
  const mean = (key: keyof RsScores): Prf => {
    const n = Math.max(scores.length, 1);
    let r = 0;
    let p = 0;
    let f = 0;
    for (const s of scores) {
      r += s[key].r;
      p += s[key].p;
      f += s[key].f;
    }
    return { r: r / n, p: p / n, f: f / n };
  };
  return { rouge1: mean('rouge1'), rouge2: mean('rouge2'), rougeLsum: mean('rougeLsum'), items: scores };
}
