// The article-body extraction metric of the Zyte (Scrapinghub) article-extraction-benchmark:
// texts are compared as multisets of 4-token shingles, precision and recall are computed per
// page, averaged over pages, and F1 is taken of the two averages (not averaged per page).

/** Shingle length used by the benchmark. */
export const SHINGLE_SIZE = 4;

// The benchmark tokenizes with Python's `\w+` on str patterns: letters (L*), numbers (N*) and the
// underscore. Python's \w leaves out combining marks, so they split tokens here too.
const WORD = /[\p{L}\p{N}_]+/gu;

/** Word tokens as the benchmark sees them: runs of word characters, case kept. */
export function benchmarkTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * The multiset of n-token shingles of a text. A text shorter than n tokens is one shingle of
 * what it has; a text with no tokens has no shingles.
 */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (!shingle) continue;
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

/** Shared, surplus and missed shingles of a predicted text against the true one. */
export function matchShingles(truth: string, predicted: string, n = SHINGLE_SIZE): ShingleMatch {
  const want = shingles(truth, n);
  const got = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, count] of got) {
    const expected = want.get(shingle) ?? 0;
    tp += Math.min(count, expected);
    fp += Math.max(0, count - expected);
  }
  for (const [shingle, count] of want) {
    fn += Math.max(0, count - (got.get(shingle) ?? 0));
  }
  return { tp, fp, fn };
}

export interface PageScore extends ShingleMatch {
  id: string;
  /** null when nothing was predicted (and something was expected): left out of the average. */
  precision: number | null;
  recall: number;
  /** Per-page F1, for listing worst pages; the benchmark itself does not average it. */
  f1: number;
}

/** Precision and recall of one page, with the benchmark's special cases. */
export function scorePage(id: string, truth: string, predicted: string): PageScore {
  const { tp, fp, fn } = matchShingles(truth, predicted);
  let precision: number | null;
  let recall: number;
  if (fp === 0 && fn === 0) {
    precision = 1;
    recall = 1;
  } else {
    precision = tp + fp > 0 ? tp / (tp + fp) : null;
    recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  }
  const p = precision ?? 0;
  const f1 = p + recall > 0 ? (2 * p * recall) / (p + recall) : 0;
  return { id, tp, fp, fn, precision, recall, f1 };
}

export interface ExtractionScore {
  f1: number;
  precision: number;
  recall: number;
  pages: PageScore[];
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * Scores predictions against ground truth, both keyed by page id. Every ground-truth page is
 * scored; a page missing from the predictions counts as nothing predicted.
 */
export function scoreExtraction(
  truth: Record<string, string>,
  predicted: Record<string, string | null | undefined>,
): ExtractionScore {
  const pages = Object.keys(truth)
    .sort()
    .map((id) => scorePage(id, truth[id], predicted[id] ?? ''));
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.map((p) => p.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages };
}

// Metadata. A published date is compared on its day (YYYY-MM-DD): 'exact' when the day matches,
// 'wrong' when a different day is given (worse than none: the timeline is built on it),
// 'missing' when the page has a date and none is given, 'unasked' when the page has none.
export type DateOutcome = 'exact' | 'wrong' | 'missing' | 'unasked';

export function scoreDate(truth: string | null | undefined, predicted: string | null | undefined): DateOutcome {
  const want = truth ? truth.slice(0, 10) : '';
  if (!want) return 'unasked';
  const got = predicted ? predicted.slice(0, 10) : '';
  if (!got) return 'missing';
  return got === want ? 'exact' : 'wrong';
}

/** Case, accents kept; punctuation and runs of spaces removed: what a title comparison ignores. */
export function normaliseTitle(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** A title is right when it equals the true one after normalising case and punctuation. */
export function titleMatches(truth: string, predicted: string | null | undefined): boolean {
  return normaliseTitle(truth) === normaliseTitle(predicted ?? '');
}

/**
 * An author is right when the normalised true name is contained in the normalised byline given;
 * a byline given for a page with no author counts as a false byline.
 */
export type AuthorOutcome = 'right' | 'wrong' | 'missing' | 'unasked' | 'spurious';

export function scoreAuthor(truth: string | null | undefined, predicted: string | null | undefined): AuthorOutcome {
  const want = normaliseTitle(truth ?? '');
  const got = normaliseTitle(predicted ?? '');
  if (!want) return got ? 'spurious' : 'unasked';
  if (!got) return 'missing';
  return ` ${got} `.includes(` ${want} `) ? 'right' : 'wrong';
}

/** Stable half of a page id: parity of a 32-bit FNV-1a hash of the id. */
export function pageHalf(id: string): 'A' | 'B' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'A' : 'B';
}
