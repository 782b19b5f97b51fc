import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle } from '../src/clean/index.js';
import type { RawArticle } from '../src/types.js';
import { hasData, repoRoot } from './helpers.js';

// Golden tests: each real scraped seed against its hand-checked cleaned text and metadata.
// The expected files were written by reading every seed line by line: only titles, date
// lines, comments, teasers, tags, sign-offs, counters, captions and subheads are dropped.
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const fixturesDir = path.resolve(repoRoot, 'test/fixtures/clean/seeds');

function raw(id: string, body: string): RawArticle {
  return { id, path: null, format: 'text', body, title: null, url: null, published: null, outlet: null, byline: null, removed: [] };
}

const seeds = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.expected.txt'))
  .map((f) => f.replace(/\.expected\.txt$/, ''))
  .sort();

test('every seed has golden files', (t) => {
  if (!hasData(t, seedsDir)) return;
  const available = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
  assert.ok(seeds.length >= 5);
  for (const name of available) assert.ok(seeds.includes(name), `no golden files for seed ${name}`);
});

for (const name of seeds) {
  test(`seed ${name} cleans to its golden text and metadata`, (t) => {
    if (!hasData(t, seedsDir)) return;
    const source = path.join(seedsDir, `${name}.txt`);
    assert.ok(existsSync(source), `missing seed ${source}`);
    const article = cleanArticle(raw(name, readFileSync(source, 'utf8')));
    const expectedText = readFileSync(path.join(fixturesDir, `${name}.expected.txt`), 'utf8').replace(/\n$/, '');
    const expected = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.expected.json`), 'utf8'));
    assert.equal(article.text, expectedText);
    assert.deepEqual(
      { title: article.title, published: article.published, outlet: article.outlet, byline: article.byline, removed: article.removed },
      expected,
    );
  });
}

test('cleaned seeds are paragraphs separated by exactly one blank line, nothing else', (t) => {
  if (!hasData(t, seedsDir)) return;
  for (const name of seeds) {
    const article = cleanArticle(raw(name, readFileSync(path.join(seedsDir, `${name}.txt`), 'utf8')));
    const paragraphs = article.text.split('\n\n');
    for (const p of paragraphs) {
      assert.ok(p.length > 0 && !p.includes('\n'), `${name}: stray line break in ${JSON.stringify(p.slice(0, 60))}`);
      assert.equal(p, p.trim(), `${name}: paragraph with edge whitespace`);
      assert.ok(!/ {2}/.test(p), `${name}: run of spaces`);
    }
  }
});

test('nothing of a seed disappears without a reason', (t) => {
  if (!hasData(t, seedsDir)) return;
  for (const name of seeds) {
    const body = readFileSync(path.join(seedsDir, `${name}.txt`), 'utf8');
    const article = cleanArticle(raw(name, body));
    const accounted = [article.text, ...article.removed.map((r) => r.text)].join('\n');
    const words = (s: string) => s.replace(/\u00a0/g, ' ').split(/\s+/).filter(Boolean);
    // Every word of the seed is in the text or in a removal (as many times as it occurs).
    const pool = new Map<string, number>();
    for (const w of words(accounted)) pool.set(w, (pool.get(w) ?? 0) + 1);
    for (const w of words(body)) {
      const left = pool.get(w) ?? 0;
      assert.ok(left > 0, `${name}: "${w}" neither kept nor removed`);
      pool.set(w, left - 1);
    }
  }
});
