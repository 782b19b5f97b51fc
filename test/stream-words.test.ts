import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClusterer, scanWords } from '../src/stream/cluster.js';
import { toArticle } from '../src/stream/article.js';
import { toArticle as evalToArticle } from '../src/eval/stream.js';

/** The words the clusterer's scan finds, as [index, word]. */
function scanned(text: string, limit = Infinity): [number, string][] {
  const out: [number, string][] = [];
  scanWords(text, limit, (start, end, hash) => {
    const word = text.slice(start, end);
    assert.equal(hash, fnv(word), `hash of ${JSON.stringify(word)}`);
    out.push([start, word]);
  });
  return out;
}

/** 32-bit FNV-1a of the UTF-16 code units, signed: the hash scanWords makes on the way. */
function fnv(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** The same words as the regular expression the scan stands for. */
function matched(text: string): [number, string][] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu)].map((m) => [m.index!, m[0]]);
}

test('scanWords: letters and digits, apostrophe tails, accents, other scripts and astral letters, as the regular expression finds them, each with the hash of its characters', () => {
  const cases = [
    "The mayor's office in Velmar said the 3rd bridge won't reopen.",
    'Kamotho’s team met O’Brien at 10:30; rock ’n’ roll, rock \'n roll.',
    'Café façade in Zürich – naïve coöperation; ½ and ² and Ⅻ; ٣ days.',
    'Tokyo 東京 and 𝐀𝐁𝐂 letters; emoji 😀 between; a lone \uD800 surrogate.',
    "trailing apostrophe' and 'leading, and double '' quotes, and x'1",
    '',
    '   ...   ',
  ];
  for (const text of cases) assert.deepEqual(scanned(text), matched(text), text);
});

test('scanWords: the same words as the regular expression on seeded random strings of tricky characters', () => {
  const alphabet = ['a', 'Z', 'é', 'ß', '1', '٣', '²', ' ', "'", '’', '-', '.', '𝐀', '😀', '\uD800', '中', '_', '\n', 'Ⅻ'];
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let t = 0; t < 3000; t++) {
    let text = '';
    const length = Math.floor(next() * 16);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    assert.deepEqual(scanned(text), matched(text), JSON.stringify(text));
  }
});

test('scanWords: stops after the limit and counts what it found', () => {
  const text = 'one two three four five';
  assert.deepEqual(scanned(text, 3).map(([, w]) => w), ['one', 'two', 'three']);
  assert.equal(scanWords(text, 10, () => {}), 5);
});

test('words past the lead do not reach the clusterer: articles alike in their lead and unlike after it join only when the lead is short', () => {
  const leadA = 'The ferry Aldora ran aground off Orsund harbour with its passengers aboard.';
  const leadB = 'The ferry Aldora grounded off Orsund harbour late with its passengers aboard.';
  const tailA = 'Bus drivers in Kelby walked out over pay and the union rejected the transport board offer before a vote on the deal. Commuters queued for taxis while buses stood idle in the depot and shops closed early across the city.';
  const tailB = 'A fire swept through vineyards near Tarrow and winemakers counted burned vines while firefighters watched dry grass in the valley. Smoke drifted over orchards as growers moved barrels from cellars and roads were shut.';
  const run = (leadWords: number): boolean => {
    const c = createClusterer({ leadWords });
    const first = c.assign({ id: 'a', text: `${leadA} ${tailA}` });
    return c.assign({ id: 'b', text: `${leadB} ${tailB}` }).story === first.story;
  };
  assert.equal(run(13), true);
  assert.equal(run(400), false);
});

test('toArticle: the stream article fields, of the right type only, never the label; the evaluator reads the same', () => {
  const raw = { id: 7, title: 'Ferry aground', text: 'The Aldora ran aground.', html: 3, url: 'https://example.org/a', date: '2024-03-01', outlet: null, story: 'ferry' };
  const article = toArticle(raw);
  assert.deepEqual(article, { id: '7', title: 'Ferry aground', text: 'The Aldora ran aground.', html: null, url: 'https://example.org/a', published: '2024-03-01', outlet: null });
  assert.equal('story' in article, false);
  assert.deepEqual(evalToArticle(raw), article);
});
