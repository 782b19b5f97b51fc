// The shortcuts taken for speed in cleaning, segmenting and ingest give the answers of the
// plain computations they replace, and heavy modules stay unloaded when an input does not
// need them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { comparable, comparableWordCount, hasAtLeastWords, wordCount, words } from '../src/clean/cues.js';
import { readInputs } from '../src/ingest/index.js';
import { stem, tokenize } from '../src/text/index.js';
import { porterStem } from '../src/text/porter.js';
import { exampleDir, sharedDir } from './helpers.js';

const seedsDir = path.join(sharedDir, 'seeds');

/** Paragraphs and lines of the seed articles, with tricky invented cases. */
function samples(): string[] {
  const out = [
    '',
    '   ',
    '— · —',
    'Hello',
    'U.S. officials said 3.5 million people (about 40%) were affected.',
    'Kelvin: 5 \u212a, Straße, İstanbul, ΟΔΥΣΣΕΥΣ: done.',
    '東京で会議が開かれた。 Tokyo talks',
    'Zoë’s café—open 24/7 — “closed” on Sundays…',
    'Math 𝐀𝐁𝐂 and emoji 😀 and digits ٣ ½ Ⅻ',
    'word '.repeat(60).trim(),
  ];
  // Real scraped text when the evaluation data is there, the bundled example always.
  const dirs = existsSync(seedsDir) ? [exampleDir, seedsDir] : [exampleDir];
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      out.push(...text.split(/\n+/));
    }
  }
  return out;
}

test('hasAtLeastWords answers as counting every word would', () => {
  for (const s of samples()) {
    const n = words(s).length;
    for (const k of [0, 1, 2, n - 1, n, n + 1, 40]) assert.equal(hasAtLeastWords(s, k), n >= k, `${JSON.stringify(s.slice(0, 60))} at ${k}`);
  }
});

test('comparable keeps letters and digits only, lower-cased, on ASCII and Unicode text alike', () => {
  assert.equal(comparable('  The U.S. -- and 3,000 Others!  '), 'the u s and 3 000 others');
  assert.equal(comparable('Zoë’s CAFÉ—Open'), 'zoë s café open');
  assert.equal(comparable('Kelvin \u212a'), 'kelvin k');
  for (const s of samples()) {
    const expected = s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    assert.equal(comparable(s), expected);
    // Asked twice (the memo), the same answer.
    assert.equal(comparable(s), expected);
  }
});

test('comparableWordCount counts the words of a comparable key, ideographs one each', () => {
  assert.equal(comparableWordCount(''), 0);
  assert.equal(comparableWordCount('one'), 1);
  assert.equal(comparableWordCount('one two 3'), 3);
  assert.equal(comparableWordCount(comparable('東京で会議 Tokyo')), wordCount(comparable('東京で会議 Tokyo')));
  for (const s of samples()) {
    const key = comparable(s);
    assert.equal(comparableWordCount(key), words(key).length, JSON.stringify(key.slice(0, 60)));
  }
});

test('tokenize and stem give the plain per-word results', () => {
  for (const s of samples()) {
    const expected: string[] = [];
    for (const m of s.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) expected.push(m[0].replace(/’/g, "'"));
    const tokens = tokenize(s);
    assert.deepEqual(tokens, expected);
    assert.deepEqual(
      stem(tokens),
      tokens.map((t) => porterStem(t.endsWith("'s") ? t.slice(0, -2) : t)),
    );
  }
  assert.deepEqual(tokenize('Assad’s forces'), ["assad's", 'forces']);
});

test('text input is read without loading the HTML parser', async () => {
  const { articles } = await readInputs(['baltic-wire.txt', 'velmar-courier.txt', 'coastline-post.md'].map((f) => path.join(exampleDir, f)));
  assert.ok(articles.length > 0);
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.ok(!loaded.some((k) => k.includes(`${path.sep}linkedom${path.sep}`)), 'linkedom was loaded for plain text');
});
