// Timeline-summarization metrics in the sense of Martschat & Markert (2017), "Improving ROUGE for
// timeline summarization", as the tilse package computes them for the standard Timeline17 task:
//   - date selection: precision / recall / F1 of the predicted dates against the reference dates;
//   - concat ROUGE-N: the whole predicted timeline against the whole reference as two texts;
//   - agreement ROUGE-N: only n-grams that match on the same date count as hits.
// Text is prepared as ROUGE-1.5.5 with -m -s does (prepare155: lower-case, a-z0-9 tokens,
// stop words dropped, WordNet exceptions then Porter). A date listed twice: the last entry counts.
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
