import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/analyze/index.js';
import { analyzeConcurrently, findEntitiesConcurrently } from '../src/analyze/concurrent.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { cleanConcurrently } from '../src/clean/concurrent.js';
import { readInputs } from '../src/ingest/index.js';
import { docsOf, exampleDir, hasData, sharedDir } from './helpers.js';
import path from 'node:path';


test('entities found on a worker thread are the ones found on this thread', async (t) => {
  if (!hasData(t, path.join(sharedDir, 'seeds'))) return;
  const docs = await docsOf([exampleDir, path.join(sharedDir, 'seeds')]);
  assert.deepEqual(await findEntitiesConcurrently(docs), findEntities(docs));
});

test('concurrent analysis gives the same Analysis, and runs the work given alongside', async () => {
  const docs = await docsOf([exampleDir]);
  const { analysis, alongside } = await analyzeConcurrently(docs, () => 'summary', { minSentences: 0 });
  assert.equal(alongside, 'summary');
  assert.deepEqual(analysis, analyze(docs));
});

test('articles cleaned partly on a worker thread are the ones cleaned here, in order', async () => {
  const { articles } = await readInputs([exampleDir]);
  // An article with nothing left after cleaning stays in its place (the caller reports it).
  const raws = [...articles.slice(0, 2), { ...articles[0]!, id: 'empty', body: '***' }, ...articles.slice(2)];
  const here = raws.map((raw) => cleanArticle(raw));
  const split = await cleanConcurrently(raws, { minChars: 0 });
  assert.deepEqual(split, here);
  assert.deepEqual(split.map((a) => a.id), raws.map((r) => r.id));
});
