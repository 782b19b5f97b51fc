import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { openStore } from '../src/store/index.js';
import { ingestStream } from '../src/stream/ingest.js';
import type { Store } from '../src/store/index.js';
import { storeEngines } from './store-engines.js';

const lines = (items: unknown[]) => Readable.from(items.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') + '\n');

const dam1 = { title: 'Dam fails in Orlia', url: 'http://a.test/1', published: '2026-03-01', text: 'The Orlia dam failed on Monday, flooding three villages. Officials said 12 people were missing.' };
const dam2 = { title: 'Orlia dam breach', url: 'http://b.test/2', published: '2026-03-01', text: 'Floodwater from the failed Orlia dam reached three villages on Monday. Rescuers searched for 12 missing people.' };
const dam3 = { title: 'Orlia toll rises', url: 'http://c.test/3', published: '2026-03-02', text: 'The Orlia dam failure has left 15 people missing, rescuers said on Tuesday. Three villages remain flooded.' };

for (const engine of storeEngines()) {
  test(`${engine.name}: ingest: bad lines are named and skipped, a reprint is stored once, each flush is a new version`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    const problems: string[] = [];
    const first = await ingestStream(lines([dam1, 'not json', { title: 'empty' }, dam2, { ...dam1, url: 'http://other.test/9' }]), 'wire', store, { flushEvery: 1, onProblem: (p) => problems.push(p) });
    assert.deepEqual(problems, ['wire:2: malformed JSON line', 'wire:3: article has no text']);
    assert.equal(first.stored, 2);
    assert.equal(first.duplicates, 1);
    const stories = await store.listStories();
    assert.equal(stories.length, 1);
    assert.equal(stories[0].articles, 2);
    assert.deepEqual(await store.listVersions(stories[0].id), [1, 2]);

    // A second run resumes from the saved clusterer state: the follow-up joins the same story.
    const second = await ingestStream(lines([dam3, dam2]), 'wire2', store, { onProblem: (p) => problems.push(p) });
    assert.equal(second.stored, 1);
    assert.equal(second.duplicates, 1);
    const after = await store.listStories();
    assert.equal(after.length, 1);
    assert.equal(after[0].articles, 3);
    assert.equal(after[0].version, 3);
    assert.equal((await store.getArticles(after[0].id))?.length, 3);
    await store.close();
  });

  test(`${engine.name}: what is new since a version: the added article is the new source, its facts the update`, async (t) => {
    const { storyChanges, renderChanges } = await import('../src/stream/story-changes.js');
    const store = await openStore(await engine.fresh(t));
    await ingestStream(lines([dam1, dam3]), 'wire', store, { flushEvery: 1, onProblem: () => {} });
    const [story] = await store.listStories();
    assert.equal(story.version, 2);
    assert.equal(await store.articlesAtVersion(story.id, 1), 1);
    const changes = await storyChanges(store, story.id, 1);
    assert.ok(changes);
    assert.deepEqual(changes.sources.map((s) => s.title), ['Orlia toll rises']);
    assert.ok(changes.summary.length > 0);
    assert.ok(changes.summary.every((s) => s.citations.every((c) => dam3.text.includes(c.quote))));
    assert.match(renderChanges(changes, 'md'), /^# What is new since version 1 \(now version 2\)/);
    assert.equal(await storyChanges(store, story.id, 7), null);
    await store.close();
  });

  test(`${engine.name}: GET /api/stories/:id/changes?since=N answers the change report; a bad since is 400, an unknown version 404`, async (t) => {
    const http = await import('node:http');
    const { createPrecisServer } = await import('../src/server/index.js');
    const store = await openStore(await engine.fresh(t));
    await ingestStream(lines([dam1, dam3]), 'wire', store, { flushEvery: 1, onProblem: () => {} });
    const [story] = await store.listStories();
    const server = createPrecisServer({ store });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as import('node:net').AddressInfo).port;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path, timeout: 10_000 }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d) => (body += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    try {
      const ok = await get(`/api/stories/${story.id}/changes?since=1`);
      assert.equal(ok.status, 200);
      const changes = JSON.parse(ok.body);
      assert.equal(changes.since, 1);
      assert.equal(changes.version, 2);
      assert.deepEqual(changes.sources.map((s: { title: string }) => s.title), ['Orlia toll rises']);
      assert.equal((await get(`/api/stories/${story.id}/changes?since=x`)).status, 400);
      assert.equal((await get(`/api/stories/${story.id}/changes?since=9`)).status, 404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    }
  });

  test(`${engine.name}: a flush that fails stores nothing and marks nothing seen: the same input again loses no article`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    // The process dies at its first flush, before the transaction commits.
    const dying: Store = Object.assign(Object.create(store) as Store, { commitFlush: () => Promise.reject(new Error('killed')) });
    await assert.rejects(ingestStream(lines([dam1, dam2]), 'wire', dying, { onProblem: () => {} }), /killed/);
    assert.equal(await store.countStories(), 0);
    assert.equal(await store.findSeen(['url:http://a.test/1']), null);
    const again = await ingestStream(lines([dam1, dam2]), 'wire', store, { onProblem: () => {} });
    assert.deepEqual([again.stored, again.duplicates], [2, 0]);
    const [story] = await store.listStories();
    assert.equal(story?.articles, 2);
  });

  test(`${engine.name}: a live input that goes quiet is stored without waiting for more articles`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    const done = ingestStream(input, 'live', store, { idleFlushMs: 50, onProblem: () => {} });
    input.write(`${JSON.stringify(dam1)}\n`);
    while ((await store.countStories()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await store.findSeen(['url:http://a.test/1']), 'live:1');
    input.end(`${JSON.stringify(dam3)}\n`);
    const report = await done;
    assert.equal(report.stored, 2);
    assert.equal((await store.listStories())[0]?.articles, 2);
  });
}
