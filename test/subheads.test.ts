import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle, readerView } from '../src/clean/index.js';
import { segment } from '../src/text/index.js';
import type { RawArticle } from '../src/types.js';
import { precis, tempDir } from './helpers.js';

const body = [
  'The harbour board approved the new ferry timetable on Monday after three months of talks with the unions.',
  'What changes for commuters',
  'Morning crossings will leave every twenty minutes instead of every half hour from the first of June.',
  'Fares stay the same',
  'The board said ticket prices would not rise before the end of the year, whatever the cost of fuel.',
].join('\n\n');
const raw: RawArticle = { id: 'a', path: null, format: 'text', body, title: 'Ferry timetable approved', url: null, published: null, outlet: null, byline: null, removed: [] };

test('subheads stay out of the sentences but are part of what a reader sees', () => {
  const article = cleanArticle(raw);
  assert.deepEqual(article.removed.filter((r) => r.reason === 'section-heading').map((r) => r.text), ['What changes for commuters', 'Fares stay the same']);
  assert.ok(!article.text.includes('What changes for commuters'));
  assert.ok(segment(article).sentences.every((s) => !/What changes|Fares stay/.test(s.text)));
  const view = readerView(article);
  assert.equal(view.text, body);
  assert.ok(!view.removed.some((r) => r.reason === 'section-heading'));
});

test('an article without subheads reads the same in both views', () => {
  const article = cleanArticle({ ...raw, body: body.split('\n\n').filter((_, i) => i % 2 === 0).join('\n\n') });
  assert.equal(article.withSubheads, undefined);
  assert.equal(readerView(article).text, article.text);
});

test('precis extract prints the subheads in place and does not list them as removed', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ferry.txt');
  writeFileSync(file, `Ferry timetable approved\n\n${body}\n`);
  const r = precis(['extract', file]);
  assert.equal(r.code, 0, r.stderr);
  const line = JSON.parse(r.stdout);
  assert.equal(line.text, body);
  assert.ok(!line.removed.some((x: { reason: string }) => x.reason === 'section-heading'));
});
