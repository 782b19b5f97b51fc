import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agreementRouge, alignmentRouge, concatRouge, dateSelection, type TimelinePairs } from '../src/eval/tilse.js';
import { hasData, sharedDir } from './helpers.js';

const vectors = path.join(sharedDir, 'data/timeline17/tilse-vectors.jsonl');

test('tilse: date selection, concat and agreement ROUGE on invented timelines', () => {
  const ref: TimelinePairs = [['2020-01-02', ['Floods closed the bridge.']], ['2020-01-05', ['The bridge reopened.']]];
  const pred: TimelinePairs = [['2020-01-02', ['The bridge reopened.']], ['2020-01-09', ['Floods closed roads.']]];
  assert.deepEqual(dateSelection(pred, ref), { p: 0.5, r: 0.5, f: 0.5 });
  // Tokens after -m -s: ref "flood close bridg" + "bridg reopen"; pred "bridg reopen" + "flood close road".
  // Hits: flood, close, reopen and one of the two "bridg": 4 of 5 either way.
  const c1 = concatRouge(pred, ref, 1);
  assert.equal(c1.r, 4 / 5);
  assert.equal(c1.p, 4 / 5);
  // Same date only: 2020-01-02 pred "bridg reopen" vs ref "flood close bridg": 1 hit.
  const a1 = agreementRouge(pred, ref, 1);
  assert.equal(a1.r, 1 / 5);
  assert.equal(a1.p, 1 / 5);
});

test('tilse: date-selection P/R/F of the Timeline17 reference vectors to 3 decimals', (t) => {
  if (!hasData(t, vectors)) return;
  let n = 0;
  for (const line of readFileSync(vectors, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line) as {
      topic: string;
      reference: TimelinePairs;
      prediction: TimelinePairs;
      expected: { date: { precision: number; recall: number; f_score: number } };
    };
    const got = dateSelection(v.prediction, v.reference);
    assert.ok(Math.abs(got.p - v.expected.date.precision) < 5e-4, `${v.topic} P`);
    assert.ok(Math.abs(got.r - v.expected.date.recall) < 5e-4, `${v.topic} R`);
    assert.ok(Math.abs(got.f - v.expected.date.f_score) < 5e-4, `${v.topic} F`);
    n++;
  }
  assert.ok(n > 0);
});

test('tilse: alignment-based ROUGE m:1 of the Timeline17 reference vectors, per topic, within 0.001 in F', (t) => {
  if (!hasData(t, vectors)) return;
  // Max |got - expected| over the 11 topics (see src/eval/tilse.ts for the hypotheses tried):
  // ROUGE-1 P .0021 R .0008 F .0008; ROUGE-2 P .0017 R .0001 F .0009.
  const bound = { p: 0.0025, r: 0.001, f: 0.001 };
  let n = 0;
  for (const line of readFileSync(vectors, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line) as {
      topic: string;
      reference: TimelinePairs;
      prediction: TimelinePairs;
      expected: { alignment_m1: Record<'rouge_1' | 'rouge_2', { precision: number; recall: number; f_score: number }> };
    };
    for (const order of [1, 2] as const) {
      const got = alignmentRouge(v.prediction, v.reference, order);
      const want = v.expected.alignment_m1[`rouge_${order}`];
      for (const [k, g, w] of [['p', got.p, want.precision], ['r', got.r, want.recall], ['f', got.f, want.f_score]] as const) {
        assert.ok(Math.abs(g - w) <= bound[k], `${v.topic} ROUGE-${order} ${k}: ${g} vs ${w}`);
      }
    }
    n++;
  }
  assert.equal(n, 11);
});

test('tilse: the timeline stop list is ROUGE-1.5.5\'s without "first"', () => {
  // Two invented days: "first" counts as a word for the timeline metrics, not for ROUGE-1.5.5 -s.
  const ref: TimelinePairs = [['2020-01-02', ['The first ferry sailed.']]];
  const pred: TimelinePairs = [['2020-01-02', ['The first ferry sailed.']]];
  const c1 = concatRouge(pred, ref, 1);
  assert.deepEqual([c1.p, c1.r], [1, 1]);
  // Tokens: first, ferri, sail -> 3 unigrams, 2 bigrams.
  assert.equal(agreementRouge(pred, [['2020-01-02', ['The ferry sailed.']]], 1).p, 2 / 3);
  assert.equal(agreementRouge(pred, [['2020-01-02', ['The ferry sailed.']]], 2).p, 1 / 2);
});

test('tilse: alignment m:1 aligns each date to its cheapest partner and discounts by distance', () => {
  const ref: TimelinePairs = [['2020-01-01', ['the dam burst at night']], ['2020-01-10', ['rescuers reached the valley']]];
  // Same dates, same words: everything matches.
  const same = alignmentRouge(ref, ref, 1);
  assert.deepEqual([same.p, same.r], [1, 1]);
  // One day off: hits count half.
  const shifted: TimelinePairs = [['2020-01-02', ['the dam burst at night']]];
  const s = alignmentRouge(shifted, ref, 1);
  assert.equal(s.p, 0.5);
});
