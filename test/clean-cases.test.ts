import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle } from '../src/clean/index.js';
import { repoRoot } from './helpers.js';

// Golden tests on whole pages written for the purpose (a blog post with its widgets and
// comments, a wire story, a Markdown article): every file in test/fixtures/clean/cases is
// cleaned and compared with its hand-checked <name>.expected.txt and <name>.expected.json.
// A cleaning bug found on real text becomes a new page here first.
const casesDir = path.resolve(repoRoot, 'test/fixtures/clean/cases');

const inputs = readdirSync(casesDir).filter((f) => /\.(txt|md)$/.test(f) && !f.includes('.expected.')).sort();

test('there are golden cases', () => {
  assert.ok(inputs.length >= 3);
});

for (const file of inputs) {
  test(`case ${file}`, () => {
    const name = file.replace(/\.(txt|md)$/, '');
    const article = cleanArticle({
      id: name, path: null, format: file.endsWith('.md') ? 'markdown' : 'text', body: readFileSync(path.join(casesDir, file), 'utf8'),
      title: null, url: null, published: null, outlet: null, byline: null, removed: [],
    });
    const expectedText = readFileSync(path.join(casesDir, `${name}.expected.txt`), 'utf8').replace(/\n$/, '');
    const expected = JSON.parse(readFileSync(path.join(casesDir, `${name}.expected.json`), 'utf8'));
    assert.equal(article.text, expectedText);
    assert.deepEqual({ title: article.title, published: article.published, outlet: article.outlet, byline: article.byline, removed: article.removed }, expected);
  });
}
