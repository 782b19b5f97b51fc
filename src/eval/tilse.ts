// Timeline-summarization metrics in the sense of Martschat & Markert (2017), "Improving ROUGE for
// timeline summarization", as the tilse package computes them for the standard Timeline17 task:
//   - date selection: precision / recall / F1 of the predicted dates against the reference dates;
//   - concat ROUGE-N: the whole predicted timeline against the whole reference as two texts;
//   - agreement ROUGE-N: only n-grams that match on the same date count as hits;
//   - alignment-based ROUGE-N many-to-one (alignmentRouge).
// ROUGE counts are ROUGE-1.5.5's with -m -s (prepare155: lower-case, a-z0-9 tokens, the script's
// own stop list dropped, WordNet exceptions then Porter, n-grams across the sentences of a day),
// pooled as raw counts: hits, predicted and reference n-gram totals are summed over the date
// pairs, then P = hits / predicted total, R = hits / reference total, F from that P and R.
// A date listed twice: the last entry counts.
// Checked against the reference scorer's own scores of a published system on the 11 Timeline17
// dev timelines (test/tilse.test.ts): alignment m:1 ROUGE-1/2 P, R and F equal to the last bit on
// every topic. Two things were needed for that, besides the pooling above:
//   - the stop list is the one ROUGE-1.5.5 ships (data/smart-common-words.txt): "first", "last"
//     and "name" are not in it, "amid" is. With "first", "last" and "name" dropped the
//     reference and predicted n-gram totals fell 1-6 short of the scorer's;
//   - the alignment's content cost (roughRouge1) leaves out tokens that are punctuation in
//     Python's sense: a whitespace token that occurs inside the string of ASCII punctuation
//     !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ ("," or ";" but also "()" or ",-"; not "``" or "--").
//     Counting them aligned two predicted dates in each of two topics to another reference date
//     (the two costs were within 0.004 of each other), which moved precision by up to .0016.
import { clippedOverlap as clipped, prepare155, total } from './rouge-155.js';
import { ngramCounts } from './ngrams.js';
import type { Prf } from './rouge-rs.js';

/** A timeline: [YYYY-MM-DD, sentences] pairs. */
export type TimelinePairs = readonly (readonly [string, readonly string[]])[];

function byDate(timeline: TimelinePairs): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const [date, sentences] of timeline) map.set(date, sentences);
  return map;
}

function prf(hits: number, predTotal: number, refTotal: number): Prf {
  const p = predTotal > 0 ? hits / predTotal : 0;
  const r = refTotal > 0 ? hits / refTotal : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Date-selection precision, recall and F1. */
export function dateSelection(prediction: TimelinePairs, reference: TimelinePairs): Prf {
  const pred = byDate(prediction);
  const ref = byDate(reference);
  let hits = 0;
  for (const date of pred.keys()) if (ref.has(date)) hits++;
  return prf(hits, pred.size, ref.size);
}

function counts(sentences: readonly string[], n: number): Map<string, number> {
  return ngramCounts(prepare155(sentences, { stem: true, stopwords: true }).tokens, n);
}

/** Concat ROUGE-N: the timelines' sentences as one text each. */
export function concatRouge(prediction: TimelinePairs, reference: TimelinePairs, n: number): Prf {
  const p = counts([...byDate(prediction).values()].flat(), n);
  const r = counts([...byDate(reference).values()].flat(), n);
  return prf(clipped(p, r), total(p), total(r));
}

/** Agreement ROUGE-N: n-gram hits counted only between the same date's summaries. */
export function agreementRouge(prediction: TimelinePairs, reference: TimelinePairs, n: number): Prf {
  const pred = byDate(prediction);
  const ref = byDate(reference);
  let hits = 0;
  let predTotal = 0;
  let refTotal = 0;
  for (const [date, sentences] of pred) {
    const p = counts(sentences, n);
    predTotal += total(p);
    const r = ref.get(date);
    if (r) hits += clipped(p, counts(r, n));
  }
  for (const sentences of ref.values()) refTotal += total(counts(sentences, n));
  return prf(hits, predTotal, refTotal);
}

/** ASCII punctuation, in the order of Python's string.punctuation (the alignment drops its substrings). */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Python's str.split() separators: Unicode white space plus the ASCII separators 0x1c-0x1f and 0x85. */
const PYTHON_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Day number of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * The cheap ROUGE-1 F the alignment uses to compare two days' summaries: tokens split on white
 * space as Python's str.split() does, as written (no case folding, stemming or stop words),
 * without those that are punctuation (a substring of PUNCTUATION), clipped counts.
 */
function roughRouge1(prediction: readonly string[], reference: readonly string[]): number {
  const count = (sentences: readonly string[]) => {
    const m = new Map<string, number>();
    for (const s of sentences) for (const t of s.split(PYTHON_WHITESPACE)) if (t && !PUNCTUATION.includes(t)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const p = count(prediction);
  const r = count(reference);
  let match = 0;
  for (const [t, c] of p) match += Math.min(c, r.get(t) ?? 0);
  const pTotal = [...p.values()].reduce((a, b) => a + b, 0);
  const rTotal = [...r.values()].reduce((a, b) => a + b, 0);
  const precision = pTotal ? match / pTotal : 0;
  const recall = rTotal ? match / rTotal : 0;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/**
 * Alignment-based ROUGE-N, many-to-one (Martschat & Markert 2017, "align+ m:1"): each predicted
 * date is aligned to the reference date of least cost, and for recall each reference date to
 * the predicted date of least cost, where the cost of a pair is (1 - 1 / (days apart + 1)) x
 * (1 - a rough ROUGE-1 F of their summaries); the first of equal costs in date order wins. The
 * ROUGE counts of every aligned pair (as 1.5.5 with -m -s) are summed, hits discounted by
 * 1 / (days apart + 1): precision over the predicted n-grams, recall over the reference ones.
 */
export function alignmentRouge(prediction: TimelinePairs, reference: TimelinePairs, n: number): Prf {
  const pred = [...byDate(prediction)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const ref = [...byDate(reference)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (pred.length === 0 || ref.length === 0) return prf(0, 0, 0);
  const predDays = pred.map(([d]) => dayNumber(d));
  const refDays = ref.map(([d]) => dayNumber(d));
  const rough = pred.map(([, ps]) => ref.map(([, rs]) => roughRouge1(ps, rs)));
  const cost = (i: number, j: number) => (1 - 1 / (Math.abs(predDays[i]! - refDays[j]!) + 1)) * (1 - rough[i]![j]!);
  const predCounts = pred.map(([, s]) => counts(s, n));
  const refCounts = ref.map(([, s]) => counts(s, n));
  const weight = (i: number, j: number) => 1 / (Math.abs(predDays[i]! - refDays[j]!) + 1);
  let precisionHits = 0;
  let predTotal = 0;
  for (let i = 0; i < pred.length; i++) {
    let best = 0;
    for (let j = 1; j < ref.length; j++) if (cost(i, j) < cost(i, best)) best = j;
    precisionHits += weight(i, best) * clipped(predCounts[i]!, refCounts[best]!);
    predTotal += total(predCounts[i]!);
  }
  let recallHits = 0;
  let refTotal = 0;
  for (let j = 0; j < ref.length; j++) {
    let best = 0;
    for (let i = 1; i < pred.length; i++) if (cost(i, j) < cost(best, j)) best = i;
    recallHits += weight(best, j) * clipped(predCounts[best]!, refCounts[j]!);
    refTotal += total(refCounts[j]!);
  }
  const p = predTotal > 0 ? precisionHits / predTotal : 0;
  const r = refTotal > 0 ? recallHits / refTotal : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}
