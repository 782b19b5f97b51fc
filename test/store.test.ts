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

test('a new store file is migrated to the current schema, in WAL mode', (t) => {
  const file = tempDb(t);
  openStore(file).close();
  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  assert.deepEqual(tables.map((r) => r.name), ['articles', 'briefings', 'stories']);
  // Reopening applies nothing twice.
  openStore(file).close();
});

test('a store written by a newer precis is refused, not damaged', (t) => {
  const file = tempDb(t);
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openStore(file), /newer than this precis understands/);
});

test('a story keeps its articles and its briefing, across reopening', (t) => {
  const file = tempDb(t);
  const store = openStore(file);
  const articles = [article('First text.', { title: 'One', url: 'https://a.example/1', published: '2018-01-28', outlet: 'A' }), article('<p>x</p>', { file: 'two.html' })];
  const { id, version } = store.createStory({ title: null, articles, briefing: briefingTitled('Fire at the port') });
  assert.match(id, /^[A-Za-z0-9_-]{12}$/);
  assert.equal(version, 1);
  store.close();

  const again = openStore(file);
  t.after(() => again.close());
  const story = again.getStory(id)!;
  assert.equal(story.title, 'Fire at the port');
  assert.equal(story.version, 1);
  assert.equal(story.articles, 2);
  assert.deepEqual(story.briefing, briefingTitled('Fire at the port'));
  assert.deepEqual(JSON.parse(story.briefingJson), story.briefing);
  const stored = again.getArticles(id)!;
  assert.deepEqual(
    stored.map(({ addedAt, ...rest }) => rest),
    [
      { position: 0, title: 'One', text: 'First text.', url: 'https://a.example/1', published: '2018-01-28', outlet: 'A' },
      { position: 1, file: 'two.html', text: '<p>x</p>' },
    ],
  );
  assert.equal(again.getStory('nope'), null);
  assert.equal(again.getArticles('nope'), null);
  assert.equal(again.countStories(), 1);
});

test('adding articles rebuilds the briefing from all of them and raises the version', (t) => {
  const store = openStore(tempDb(t));
  t.after(() => store.close());
  const { id } = store.createStory({ title: 'Asked title', articles: [article('a')], briefing: briefingTitled('v1', 1) });
  let seen: { texts: (string | null | undefined)[]; title: string | null } | null = null;
  const result = store.addArticles(id, [article('b'), article('c')], (all, title) => {
    seen = { texts: all.map((a) => a.text), title };
    return briefingTitled('v2', 3);
  });
  assert.deepEqual(result, { id, version: 2 });
  assert.deepEqual(seen, { texts: ['a', 'b', 'c'], title: 'Asked title' });
  const latest = store.getStory(id)!;
  assert.equal(latest.version, 2);
  assert.equal(latest.title, 'v2');
  assert.equal(latest.articles, 3);
  assert.equal(store.getStory(id, 1)!.briefing.story.title, 'v1', 'earlier versions are kept');
  assert.equal(store.getStory(id, 3), null);
  assert.deepEqual(store.listVersions(id), [1, 2]);
  assert.equal(store.addArticles('missing', [article('x')], () => briefingTitled('never')), null);
});

test('a rebuild that fails leaves the story exactly as it was', (t) => {
  const store = openStore(tempDb(t));
  t.after(() => store.close());
  const { id } = store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('v1', 1) });
  assert.throws(
    () =>
      store.addArticles(id, [article('bad')], () => {
        throw new Error('unusable article');
      }),
    /unusable article/,
  );
  assert.equal(store.getStory(id)!.version, 1);
  assert.deepEqual(store.getArticles(id)!.map((a) => a.text), ['a']);
  assert.deepEqual(store.listVersions(id), [1]);
});

test('stories are listed most recently updated first', async (t) => {
  const store = openStore(tempDb(t));
  t.after(() => store.close());
  const first = store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('First') }).id;
  await new Promise((r) => setTimeout(r, 5));
  const second = store.createStory({ title: null, articles: [article('b')], briefing: briefingTitled('Second') }).id;
  assert.deepEqual(store.listStories().map((s) => s.id), [second, first]);
  await new Promise((r) => setTimeout(r, 5));
  store.addArticles(first, [article('c')], () => briefingTitled('First, updated'));
  const list = store.listStories();
  assert.deepEqual(list.map((s) => [s.id, s.title, s.version]), [[first, 'First, updated', 2], [second, 'Second', 1]]);
  assert.equal(store.listStories({ limit: 1 }).length, 1);
  assert.ok(store.hasStory(first));
  assert.ok(!store.hasStory('x'));
});

test('appending with a briefing built from an older version is refused as a conflict, changing nothing', (t) => {
  const store = openStore(tempDb(t));
  t.after(() => store.close());
  const { id } = store.createStory({ title: 'Asked', articles: [article('a')], briefing: briefingTitled('v1', 1) });
  assert.equal(store.getStory(id)!.requestedTitle, 'Asked');
  assert.deepEqual(store.appendArticles(id, [article('b')], briefingTitled('v2', 2), 1), { id, version: 2 });
  assert.equal(store.appendArticles(id, [article('c')], briefingTitled('stale', 2), 1), 'conflict');
  assert.deepEqual(store.getArticles(id)!.map((a) => a.text), ['a', 'b']);
  assert.equal(store.getStory(id)!.title, 'v2');
  assert.equal(store.appendArticles('missing', [article('c')], briefingTitled('x'), 1), null);
});
