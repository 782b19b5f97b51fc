import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brief, briefArticles, render, extract, InputError } from '../src/index.js';
import { precis, exampleDir } from './helpers.js';

test('the library gives the same briefing as the CLI', async () => {
  const { briefing, problems } = await brief([exampleDir]);
  assert.deepEqual(problems, []);
  const cli = precis(['brief', exampleDir, '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), briefing);
  assert.equal(render(briefing, 'md'), precis(['brief', exampleDir]).stdout);
});

test('briefArticles briefs articles held in memory; a bad one is an InputError naming it', () => {
  const files = ['northern-times.json'].map((f) => JSON.parse(readFileSync(path.join(exampleDir, f), 'utf8')));
  const { briefing } = briefArticles([...files, { title: 'Second', text: 'Fire crews in Velmar stayed at the warehouse on Sunday. The mayor thanked them.' }]);
  assert.equal(briefing.sources.length, 2);
  assert.deepEqual(briefing.sources.map((s) => s.id), ['a1', 'a2']);
  assert.ok(briefing.summary.length > 0);
  assert.throws(() => briefArticles([{ title: 'Empty' }]), (e: unknown) => e instanceof InputError && e.input === 'article 1');
});

test('extract returns cleaned articles with their removals', async () => {
  const { articles } = await extract([exampleDir]);
  assert.equal(articles.length, 5);
  assert.ok(articles.some((a) => a.removed.length > 0));
});
