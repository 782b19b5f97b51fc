import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { agreementRouge, concatRouge, dateSelection, type TimelinePairs } from '../src/eval/tilse.js';
import { sharedDir } from './helpers.js';

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
  if (!existsSync(vectors)) {
    t.skip(`no ${vectors}`);
    return;
  }
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
