import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, type StoryArticle } from '../src/store/index.js';
import type { Briefing } from '../src/types.js';

const fixture = fileURLToPath(new URL('./fixtures/server/briefing.json', import.meta.url));
const briefingTitled = (title: string, sources = 2): Briefing => {
  const b = JSON.parse(readFileSync(fixture, 'utf8')) as Briefing;
  b.story.title = title;
  b.sources = b.sources.slice(0, 1);
  while (b.sources.length < sources) b.sources.push({ ...b.sources[0], id: `s${b.sources.length}` });
  return b;
};

function tempDb(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'stories.db');
}

const article = (text: string, extra: Partial<StoryArticle> = {}): StoryArticle => ({ text, ...extra });

test('a new store file is migrated to the current schema, in WAL mode', async (t) => {
  const file = tempDb(t);
  await (await openStore(file)).close();
  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  assert.deepEqual(tables.map((r) => r.name), ['articles', 'briefings', 'stories', 'stream_seen', 'stream_state', 'stream_stories', 'stream_versions']);
  // Reopening applies nothing twice.
  await (await openStore(file)).close();
});

test('a store written by a newer precis is refused, not damaged', async (t) => {
  const file = tempDb(t);
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  await assert.rejects(openStore(file), /newer than this precis understands/);
});

test('a story keeps its articles and its briefing, across reopening', async (t) => {
  const file = tempDb(t);
  const store = await openStore(file);
  const articles = [article('First text.', { title: 'One', url: 'https://a.example/1', published: '2018-01-28', outlet: 'A' }), article('<p>x</p>', { file: 'two.html' })];
  const { id, version } = await store.createStory({ title: null, articles, briefing: briefingTitled('Fire at the port') });
  assert.match(id, /^[A-Za-z0-9_-]{12}$/);
  assert.equal(version, 1);
  await store.close();

  const again = await openStore(file);
  t.after(() => again.close());
  const story = (await again.getStory(id))!;
  assert.equal(story.title, 'Fire at the port');
  assert.equal(story.requestedTitle, null);
  assert.equal(story.version, 1);
  assert.equal(story.articles, 2);
  assert.deepEqual(story.briefing, briefingTitled('Fire at the port'));
  assert.deepEqual(JSON.parse(story.briefingJson), story.briefing);
  const stored = (await again.getArticles(id))!;
  assert.deepEqual(
    stored.map(({ addedAt, ...rest }) => rest),
    [
      { position: 0, title: 'One', text: 'First text.', url: 'https://a.example/1', published: '2018-01-28', outlet: 'A' },
      { position: 1, file: 'two.html', text: '<p>x</p>' },
    ],
  );
  assert.equal(await again.getStory('nope'), null);
  assert.equal(await again.getArticles('nope'), null);
  assert.equal(await again.countStories(), 1);
});

test('appending articles stores the rebuilt briefing as the next version; earlier versions stay', async (t) => {
  const store = await openStore(tempDb(t));
  t.after(() => store.close());
  const { id } = await store.createStory({ title: 'Asked title', articles: [article('a')], briefing: briefingTitled('v1', 1) });
  assert.equal((await store.getStory(id))!.requestedTitle, 'Asked title');
  assert.deepEqual(await store.appendArticles(id, [article('b'), article('c')], briefingTitled('v2', 3), 1), { id, version: 2 });
  const latest = (await store.getStory(id))!;
  assert.equal(latest.version, 2);
  assert.equal(latest.title, 'v2');
  assert.equal(latest.articles, 3);
  assert.deepEqual((await store.getArticles(id))!.map((a) => [a.position, a.text]), [[0, 'a'], [1, 'b'], [2, 'c']]);
  assert.equal((await store.getStory(id, 1))!.briefing.story.title, 'v1', 'earlier versions are kept');
  assert.equal(await store.getStory(id, 3), null);
  assert.deepEqual(await store.listVersions(id), [1, 2]);
  assert.equal(await store.appendArticles('missing', [article('x')], briefingTitled('never'), 1), null);
});

test('appending with a briefing built from an older version is refused as a conflict, changing nothing', async (t) => {
  const store = await openStore(tempDb(t));
  t.after(() => store.close());
  const { id } = await store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('v1', 1) });
  assert.deepEqual(await store.appendArticles(id, [article('b')], briefingTitled('v2', 2), 1), { id, version: 2 });
  assert.equal(await store.appendArticles(id, [article('c')], briefingTitled('stale', 2), 1), 'conflict');
  assert.deepEqual((await store.getArticles(id))!.map((a) => a.text), ['a', 'b']);
  assert.equal((await store.getStory(id))!.title, 'v2');
});

test('a write that fails half-way leaves nothing behind', async (t) => {
  const store = await openStore(tempDb(t));
  t.after(() => store.close());
  // A briefing that cannot be serialised fails after the story and article rows were inserted.
  const unserialisable = { ...briefingTitled('broken'), extra: BigInt(1) } as unknown as Briefing;
  await assert.rejects(store.createStory({ title: null, articles: [article('a')], briefing: unserialisable }), /BigInt/);
  assert.equal(await store.countStories(), 0);
  const { id } = await store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('v1', 1) });
  await assert.rejects(store.appendArticles(id, [article('b')], unserialisable, 1), /BigInt/);
  assert.equal((await store.getStory(id))!.version, 1);
  assert.deepEqual((await store.getArticles(id))!.map((a) => a.text), ['a']);
  assert.deepEqual(await store.listVersions(id), [1]);
});

test('stories are listed most recently updated first', async (t) => {
  const store = await openStore(tempDb(t));
  t.after(() => store.close());
  const first = (await store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('First') })).id;
  await new Promise((r) => setTimeout(r, 5));
  const second = (await store.createStory({ title: null, articles: [article('b')], briefing: briefingTitled('Second') })).id;
  assert.deepEqual((await store.listStories()).map((s) => s.id), [second, first]);
  await new Promise((r) => setTimeout(r, 5));
  await store.appendArticles(first, [article('c')], briefingTitled('First, updated'), 1);
  const list = await store.listStories();
  assert.deepEqual(list.map((s) => [s.id, s.title, s.version]), [[first, 'First, updated', 2], [second, 'Second', 1]]);
  assert.equal((await store.listStories({ limit: 1 })).length, 1);
  assert.ok(await store.hasStory(first));
  assert.ok(!(await store.hasStory('x')));
});
