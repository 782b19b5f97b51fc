import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, type Store, type StoryArticle } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/sqlite.js';
import { PG_MIGRATIONS } from '../src/store/pg.js';
import type { Briefing } from '../src/types.js';
import { onServer, storeEngines } from './store-engines.js';

const fixture = fileURLToPath(new URL('./fixtures/server/briefing.json', import.meta.url));
const briefingTitled = (title: string, sources = 2): Briefing => {
  const b = JSON.parse(readFileSync(fixture, 'utf8')) as Briefing;
  b.story.title = title;
  b.sources = b.sources.slice(0, 1);
  while (b.sources.length < sources) b.sources.push({ ...b.sources[0], id: `s${b.sources.length}` });
  return b;
};

const article = (text: string, extra: Partial<StoryArticle> = {}): StoryArticle => ({ text, ...extra });

const TABLES = ['articles', 'briefings', 'stories', 'stream_seen', 'stream_stale', 'stream_state', 'stream_stories', 'stream_versions'];

test('both back ends have the same schema history', () => {
  assert.deepEqual(PG_MIGRATIONS.map((m) => [m.version, m.description]), MIGRATIONS.map((m) => [m.version, m.description]));
});

test('SQLite: a new store file is migrated to the current schema, in WAL mode; a newer one is refused', async (t) => {
  const [engine] = storeEngines().filter((e) => e.name === 'SQLite');
  const file = await engine!.fresh(t);
  await (await openStore(file)).close();
  const db = new Database(file, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  assert.deepEqual(tables.map((r) => r.name), TABLES);
  db.close();
  // Reopening applies nothing twice.
  await (await openStore(file)).close();

  const newer = await engine!.fresh(t);
  const w = new Database(newer);
  w.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  w.close();
  await assert.rejects(openStore(newer), /newer than this precis understands/);
});

for (const engine of storeEngines().filter((e) => e.name === 'PostgreSQL')) {
  test('PostgreSQL: a new database is migrated to the current schema (precis_schema); a newer one is refused, nothing changed', async (t) => {
    const url = await engine.fresh(t);
    await (await openStore(url)).close();
    await (await openStore(url)).close(); // reopening applies nothing twice
    const tables = async () =>
      (await onServer(url, (c) => c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`))).rows.map((r) => r.t);
    assert.deepEqual(await tables(), ['precis_schema', ...TABLES].sort());
    const versions = await onServer(url, (c) => c.query<{ version: number }>(`SELECT version FROM precis_schema ORDER BY version`));
    assert.deepEqual(versions.rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));

    // A database a newer precis wrote: refused, and not one row or table changes.
    await onServer(url, (c) => c.query(`INSERT INTO precis_schema (version, description) VALUES ($1, 'from the future')`, [SCHEMA_VERSION + 1]));
    const before = await tables();
    await assert.rejects(openStore(url), /newer than this precis understands/);
    assert.deepEqual(await tables(), before);
    const after = await onServer(url, (c) => c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM precis_schema`));
    assert.equal(after.rows[0]!.n, PG_MIGRATIONS.length + 1);

    // An empty database a newer precis created: refused before anything is created.
    const empty = await engine.fresh(t);
    await onServer(empty, (c) => c.query(`CREATE TABLE precis_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL); INSERT INTO precis_schema VALUES (${SCHEMA_VERSION + 5}, 'x')`));
    await assert.rejects(openStore(empty), /store schema version \d+ is newer/);
    const left = await onServer(empty, (c) => c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`));
    assert.equal(left.rowCount, 1);
  });
}

for (const engine of storeEngines()) {
  test(`${engine.name}: a story keeps its articles and its briefing, across reopening`, async (t) => {
    const file = await engine.fresh(t);
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

  test(`${engine.name}: appending articles stores the rebuilt briefing as the next version; earlier versions stay`, async (t) => {
    const store = await openStore(await engine.fresh(t));
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

  test(`${engine.name}: appending with a briefing built from an older version is refused as a conflict, changing nothing`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const { id } = await store.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('v1', 1) });
    assert.deepEqual(await store.appendArticles(id, [article('b')], briefingTitled('v2', 2), 1), { id, version: 2 });
    assert.equal(await store.appendArticles(id, [article('c')], briefingTitled('stale', 2), 1), 'conflict');
    assert.deepEqual((await store.getArticles(id))!.map((a) => a.text), ['a', 'b']);
    assert.equal((await store.getStory(id))!.title, 'v2');
  });

  test(`${engine.name}: a write that fails half-way leaves nothing behind`, async (t) => {
    const store = await openStore(await engine.fresh(t));
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

  test(`${engine.name}: stories are listed most recently updated first`, async (t) => {
    const store = await openStore(await engine.fresh(t));
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

  test(`${engine.name}: a NUL character in an article is stored (PostgreSQL text cannot hold it: U+FFFD there)`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const { id } = await store.createStory({ title: 'a\u0000b', articles: [article('x\u0000y', { url: 'http://n.test/\u0000' })], briefing: briefingTitled('t') });
    const kept = engine.name === 'SQLite' ? '\u0000' : '\uFFFD';
    const [stored] = (await store.getArticles(id))!;
    assert.deepEqual([stored!.text, stored!.url], [`x${kept}y`, `http://n.test/${kept}`]);
    assert.equal((await store.getStory(id))!.requestedTitle, `a${kept}b`);
    assert.equal(await store.markSeen(['text:\u0000'], 'n1'), null);
    assert.equal(await store.findSeen(['text:\u0000']), 'n1');
  });

  test(`${engine.name}: stream bookkeeping: links, seen keys, clusterer state, articles per version`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    assert.equal(await store.loadClusterState(), null);
    await store.saveClusterState({ stories: [{ id: 'c1', terms: ['dam', 'flood'] }], next: 2 });
    await store.saveClusterState({ stories: [{ id: 'c1', terms: ['dam'] }], next: 3 });
    assert.deepEqual(await store.loadClusterState(), { stories: [{ id: 'c1', terms: ['dam'] }], next: 3 });

    assert.equal(await store.findSeen(['url:a', 'text:1']), null);
    assert.equal(await store.markSeen(['url:a', 'text:1'], 'first'), null);
    assert.equal(await store.markSeen(['url:b', 'text:1'], 'second'), 'first', 'same text, other URL');
    assert.equal(await store.findSeen(['url:b']), null, 'a duplicate records none of its keys');
    assert.equal(await store.findSeen(['url:x', 'url:a']), 'first');
    assert.equal(await store.markSeen([], 'keyless'), null);

    const { id } = await store.createStory({ title: null, articles: [article('a'), article('b')], briefing: briefingTitled('v1') });
    assert.equal(await store.streamStory('c1'), null);
    await store.linkStreamStory('c1', id);
    assert.equal(await store.streamStory('c1'), id);
    assert.equal(await store.articlesAtVersion(id, 1), 2, 'told by the write times when not recorded');
    await store.recordVersionArticles(id, 1, 1);
    assert.equal(await store.articlesAtVersion(id, 1), 1);
    assert.equal(await store.articlesAtVersion(id, 2), null);
  });

  test(`${engine.name}: a flush commits stories, links, versions, seen keys and the clusterer state together`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const first = await store.commitFlush({
      stories: [
        { clusterId: 'c1', storyId: null, expectedVersion: 0, articles: [article('a'), article('b')], briefing: briefingTitled('Dam', 2) },
        { clusterId: 'c2', storyId: null, expectedVersion: 0, articles: [article('c')], briefing: briefingTitled('Ferry', 1) },
      ],
      seen: [{ keys: ['url:a', 'text:a'], articleId: 'a' }, { keys: ['text:b'], articleId: 'b' }, { keys: ['text:c'], articleId: 'c' }],
      clusterState: { n: 1 },
    });
    assert.equal(first.status, 'committed');
    assert.ok(first.status === 'committed');
    const [dam, ferry] = first.written;
    assert.deepEqual([dam!.clusterId, dam!.version, ferry!.clusterId, ferry!.version], ['c1', 1, 'c2', 1]);
    assert.equal(await store.streamStory('c1'), dam!.id);
    assert.equal(await store.articlesAtVersion(dam!.id, 1), 2);
    assert.equal(await store.findSeen(['text:b']), 'b');
    assert.deepEqual(await store.loadClusterState(), { n: 1 });

    const second = await store.commitFlush({
      stories: [{ clusterId: 'c1', storyId: dam!.id, expectedVersion: 1, articles: [article('d')], briefing: briefingTitled('Dam, later', 3) }],
      seen: [{ keys: ['text:d', 'url:a'], articleId: 'd' }],
      clusterState: { n: 2 },
    });
    assert.deepEqual(second, { status: 'committed', written: [{ clusterId: 'c1', id: dam!.id, version: 2 }] });
    assert.deepEqual((await store.getArticles(dam!.id))!.map((a) => [a.position, a.text]), [[0, 'a'], [1, 'b'], [2, 'd']]);
    assert.equal(await store.articlesAtVersion(dam!.id, 2), 3);
    assert.equal(await store.findSeen(['url:a']), 'a', 'a key already known keeps its first article');
    assert.equal((await store.getStory(dam!.id))!.title, 'Dam, later');
  });

  test(`${engine.name}: a flush with a story changed meanwhile, or failing half-way, writes nothing`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const made = await store.commitFlush({ stories: [{ clusterId: 'c1', storyId: null, expectedVersion: 0, articles: [article('a')], briefing: briefingTitled('v1', 1) }], seen: [], clusterState: { n: 1 } });
    assert.ok(made.status === 'committed');
    const id = made.written[0]!.id;
    // Another writer appends: the flush's briefing of c1 is stale, and c2 was stored by someone else.
    await store.appendArticles(id, [article('x')], briefingTitled('v2', 2), 1);
    const other = await store.createStory({ title: null, articles: [article('y')], briefing: briefingTitled('other', 1) });
    await store.linkStreamStory('c2', other.id);
    const stale = {
      stories: [
        { clusterId: 'c1', storyId: id, expectedVersion: 1, articles: [article('b')], briefing: briefingTitled('stale', 2) },
        { clusterId: 'c2', storyId: null, expectedVersion: 0, articles: [article('c')], briefing: briefingTitled('new', 1) },
        { clusterId: 'c3', storyId: null, expectedVersion: 0, articles: [article('e')], briefing: briefingTitled('fine', 1) },
      ],
      seen: [{ keys: ['text:b'], articleId: 'b' }],
      clusterState: { n: 2 },
    };
    assert.deepEqual(await store.commitFlush(stale), { status: 'conflict', clusterIds: ['c1', 'c2'] });
    const unchanged = async () => {
      assert.equal(await store.countStories(), 2);
      assert.equal(await store.streamStory('c3'), null);
      assert.equal(await store.findSeen(['text:b']), null);
      assert.deepEqual(await store.loadClusterState(), { n: 1 });
      assert.deepEqual((await store.getArticles(id))!.map((a) => a.text), ['a', 'x']);
    };
    await unchanged();
    // Fails after the first story was written: the briefing of the second cannot be serialised.
    const unserialisable = { ...briefingTitled('broken'), extra: BigInt(1) } as unknown as Briefing;
    await assert.rejects(
      store.commitFlush({
        stories: [
          { clusterId: 'c3', storyId: null, expectedVersion: 0, articles: [article('e')], briefing: briefingTitled('fine', 1) },
          { clusterId: 'c1', storyId: id, expectedVersion: 2, articles: [article('b')], briefing: unserialisable },
        ],
        seen: stale.seen,
        clusterState: stale.clusterState,
      }),
      /BigInt/,
    );
    await unchanged();
    assert.deepEqual(await store.listVersions(id), [1, 2]);
  });

  test(`${engine.name}: two writers at once: one stores a new clusterer story, the other is told to rebuild; a key is first seen once`, async (t) => {
    const at = await engine.fresh(t);
    const [a, b] = [await openStore(at), await openStore(at)];
    t.after(async () => {
      await a.close();
      await b.close();
    });
    for (let round = 0; round < 5; round++) {
      const flush = (label: string) => ({
        stories: [{ clusterId: `c${round}`, storyId: null, expectedVersion: 0, articles: [article(label)], briefing: briefingTitled(label, 1) }],
        seen: [{ keys: [`text:${label}`], articleId: label }],
      });
      const results = await Promise.all([a.commitFlush(flush(`a${round}`)), b.commitFlush(flush(`b${round}`))]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['committed', 'conflict']);
      const seen = await Promise.all([a.markSeen([`url:${round}`], 'from a'), b.markSeen([`url:${round}`], 'from b')]);
      assert.equal(seen.filter((x) => x === null).length, 1, `round ${round}: ${seen}`);
    }
    assert.equal(await a.countStories(), 5);
  });

  test(`${engine.name}: articles committed without a briefing: stored as version 0, unlisted and marked stale until a briefing built from exactly them is written`, async (t) => {
    const store = await openStore(await engine.fresh(t));
    t.after(() => store.close());
    const committed = await store.commitArticles({
      stories: [
        { clusterId: 'c1', articles: [article('a'), article('b')] },
        { clusterId: 'c2', articles: [article('c')] },
      ],
      seen: [{ keys: ['text:a'], articleId: 'a' }, { keys: ['text:b'], articleId: 'b' }, { keys: ['text:c'], articleId: 'c' }],
      clusterState: { n: 1 },
    });
    const [dam, ferry] = committed;
    assert.deepEqual(committed.map((c) => [c.clusterId, c.articles]), [['c1', 2], ['c2', 1]]);
    assert.equal(await store.streamStory('c1'), dam!.id);
    assert.equal(await store.findSeen(['text:c']), 'c');
    assert.deepEqual(await store.loadClusterState(), { n: 1 });
    // Not a story a reader sees yet: no briefing.
    assert.equal(await store.countStories(), 0);
    assert.deepEqual(await store.listStories(), []);
    assert.equal(await store.getStory(dam!.id), null);
    assert.deepEqual((await store.getArticles(dam!.id))!.map((a) => a.text), ['a', 'b']);
    const stale = async () => (await store.staleStories()).map((s) => [s.id, s.articles]).sort();
    assert.deepEqual(await stale(), [[dam!.id, 2], [ferry!.id, 1]].sort());
    assert.deepEqual(await store.staleStories({ olderThanMs: 3_600_000 }), [], 'marked just now');
    assert.deepEqual(await store.staleStories({ ids: [ferry!.id, 'nope'] }), [{ id: ferry!.id, articles: 1 }]);

    // More articles for c1, committed while its briefing was being built from the first two.
    const more = await store.commitArticles({ stories: [{ clusterId: 'c1', articles: [article('d')] }], seen: [] });
    assert.deepEqual(more, [{ clusterId: 'c1', id: dam!.id, articles: 3 }]);
    assert.deepEqual(await store.writeBriefing(dam!.id, briefingTitled('Dam', 2), 2), { status: 'changed' });
    assert.equal(await store.getStory(dam!.id), null, 'nothing written');
    assert.deepEqual(await store.writeBriefing(dam!.id, briefingTitled('Dam', 3), 3), { status: 'written', version: 1 });
    assert.equal(await store.articlesAtVersion(dam!.id, 1), 3);
    assert.equal((await store.getStory(dam!.id))!.title, 'Dam');
    assert.deepEqual((await store.listStories()).map((s) => [s.id, s.version, s.articles]), [[dam!.id, 1, 3]]);
    // A second builder of the same articles finds the briefing current: no version twice.
    assert.deepEqual(await store.writeBriefing(dam!.id, briefingTitled('Dam again', 3), 3), { status: 'current', version: 1 });
    assert.deepEqual(await store.listVersions(dam!.id), [1]);
    // Nothing usable: the mark goes, nothing is written.
    assert.deepEqual(await store.writeBriefing(ferry!.id, null, 1), { status: 'unusable' });
    assert.deepEqual(await stale(), []);
    assert.equal(await store.writeBriefing('nope', briefingTitled('x'), 1), null);

    // Appended again: stale again, and the next version covers all four.
    await store.commitArticles({ stories: [{ clusterId: 'c1', articles: [article('e')] }], seen: [] });
    assert.deepEqual(await stale(), [[dam!.id, 4]]);
    assert.deepEqual(await store.writeBriefing(dam!.id, briefingTitled('Dam, later', 4), 4), { status: 'written', version: 2 });
    assert.deepEqual(await stale(), []);
    // The single-process flush checks the article count too: a briefing built before these articles is refused.
    await store.commitArticles({ stories: [{ clusterId: 'c1', articles: [article('f')] }], seen: [] });
    const flush = (expectedArticles: number) => ({
      stories: [{ clusterId: 'c1', storyId: dam!.id, expectedVersion: 2, expectedArticles, articles: [article('g')], briefing: briefingTitled('Dam, flushed', 6) }],
      seen: [],
    });
    assert.deepEqual(await store.commitFlush(flush(4)), { status: 'conflict', clusterIds: ['c1'] });
    assert.deepEqual(await store.commitFlush(flush(5)), { status: 'committed', written: [{ clusterId: 'c1', id: dam!.id, version: 3 }] });
    assert.deepEqual(await stale(), [], 'a flush that covers the articles clears the mark');
    assert.equal(await store.articlesAtVersion(dam!.id, 3), 6);
  });

  test(`${engine.name}: a briefing written while another handle commits articles to its story waits, then is refused as changed`, async (t) => {
    const at = await engine.fresh(t);
    const [a, b] = [await openStore(at), await openStore(at)];
    t.after(async () => {
      await a.close();
      await b.close();
    });
    const [story] = await a.commitArticles({ stories: [{ clusterId: 'c1', articles: [article('a')] }], seen: [] });
    let letGo!: () => void;
    const holding = new Promise<void>((resolve) => (letGo = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const committing = a.withClusterLock(async () => {
      await a.commitArticles({ stories: [{ clusterId: 'c1', articles: [article('b')] }], seen: [] });
      entered();
      await holding;
    });
    await inside;
    let answered = false;
    const writing = b.writeBriefing(story!.id, briefingTitled('one article', 1), 1).finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(answered, false, 'the write waits for the commit');
    letGo();
    await committing;
    assert.deepEqual(await writing, { status: 'changed' });
    assert.deepEqual(await b.staleStories(), [{ id: story!.id, articles: 2 }]);
    assert.deepEqual(await b.writeBriefing(story!.id, briefingTitled('two articles', 2), 2), { status: 'written', version: 1 });
  });

  test(`${engine.name}: the cluster lock is exclusive between two handles; its writes land together, or not at all`, async (t) => {
    const at = await engine.fresh(t);
    const a = await openStore(at);
    const b = await openStore(at);
    t.after(async () => {
      await a.close();
      await b.close();
    });
    const events: string[] = [];
    let letGo!: () => void;
    const holding = new Promise<void>((resolve) => (letGo = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = a.withClusterLock(async () => {
      events.push('a in');
      await a.createStory({ title: null, articles: [article('a')], briefing: briefingTitled('A') });
      await a.saveClusterState({ by: 'a' });
      entered();
      await holding;
      events.push('a out');
      return 'a';
    });
    await inside;
    const second = b.withClusterLock(async () => {
      events.push('b in');
      // a's writes, committed when a let go, are all there.
      assert.deepEqual(await b.loadClusterState(), { by: 'a' });
      return b.countStories();
    });
    // While a holds the lock, b waits, and another handle sees none of a's writes yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(events, ['a in']);
    assert.equal(await b.countStories(), 0);
    assert.equal(await b.loadClusterState(), null);
    letGo();
    assert.equal(await first, 'a');
    assert.equal(await second, 1);
    assert.deepEqual(events, ['a in', 'a out', 'b in']);

    // A function that throws: what it wrote is rolled back, and the lock is free again.
    await assert.rejects(
      a.withClusterLock(async () => {
        await a.createStory({ title: null, articles: [article('z')], briefing: briefingTitled('Z') });
        await a.saveClusterState({ by: 'z' });
        throw new Error('worker died');
      }),
      /worker died/,
    );
    assert.equal(await b.countStories(), 1);
    assert.deepEqual(await a.loadClusterState(), { by: 'a' });
    // A nested call just runs; a store call from inside sees the function's own writes.
    const nested = await b.withClusterLock(async () => {
      await b.saveClusterState({ by: 'b' });
      return b.withClusterLock(async () => b.loadClusterState());
    });
    assert.deepEqual(nested, { by: 'b' });
  });
}
