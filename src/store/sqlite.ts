// The embedded SQLite back end of the store (better-sqlite3: synchronous, one connection).
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { InputError, type Briefing } from '../types.js';
import type { ArticlesFlush, BriefingWrite, CommittedStory, Flush, FlushResult, NewStory, StaleStory, Store, StoredArticle, StoryArticle, StoryRecord, StorySummary } from './index.js';

export interface SqliteOptions {
  /**
   * How hard a commit waits for the disk. With journal_mode=WAL:
   * - 'normal': a commit is written to the WAL file (the OS has it) but not fsynced; it survives
   *   the server process being killed at any point, but a power cut or OS crash may lose the
   *   last commits.
   * - 'full' (default): the WAL is fsynced at every commit, so a story acknowledged with 201
   *   survives a power cut too. An acknowledgement is a promise, so the default keeps it even
   *   when the machine dies; pick 'normal' only where the last second of writes may be lost.
   */
  synchronous?: 'full' | 'normal';
  /** Milliseconds to wait on a lock held by another connection (another process on the file). */
  busyTimeoutMs?: number;
  /** Largest the database may grow, in bytes; a write past it fails as on a full disk (SQLITE_FULL). */
  maxSizeBytes?: number;
}

/** A schema change: applied once, in order, each in its own transaction with the version bump. */
interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The schema history. Append only: never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stories, their articles, every version of their briefing',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        requested_title TEXT,
        title TEXT NOT NULL,
        version INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX stories_by_update ON stories (updated_at DESC, id);
      CREATE TABLE articles (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        file TEXT,
        title TEXT,
        text TEXT,
        html TEXT,
        url TEXT,
        published TEXT,
        outlet TEXT,
        added_at TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
      );
      CREATE TABLE briefings (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        briefing TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (story_id, version)
      );
    `,
  },
  {
    version: 2,
    description: 'stream: which clusterer story each stored story is, articles seen (dedupe), clusterer state',
    sql: `
      CREATE TABLE stream_stories (
        cluster_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
      );
      CREATE TABLE stream_seen (
        key TEXT PRIMARY KEY,
        article_id TEXT NOT NULL
      );
      CREATE TABLE stream_versions (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story_id, version)
      );
      CREATE TABLE stream_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        snapshot TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'stream: stories whose latest briefing does not cover all of their articles yet',
    sql: `
      CREATE TABLE stream_stale (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        articles INTEGER NOT NULL,
        marked_at TEXT NOT NULL
      );
      CREATE INDEX stream_stale_by_age ON stream_stale (marked_at);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Checks a database before anything is changed in it: it must be an SQLite file, not written by
 * a newer precis, and whole (every page readable: a corrupt page is found here, not by the first
 * write). Throws an InputError naming the file once; returns the schema version.
 */
function checkBeforeChanging(db: Database.Database, path: string): number {
  let current: number;
  let problems: string[];
  try {
    current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new InputError(path, `store schema version ${current} is newer than this precis understands (${SCHEMA_VERSION}); nothing was changed`);
    }
    problems = (db.pragma('quick_check(1)') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new InputError(path, 'not a precis store (not an SQLite database)');
    if (code === 'SQLITE_CORRUPT') throw new InputError(path, 'the store is corrupt (database disk image is malformed)');
    throw new InputError(path, `cannot read the store (${err instanceof Error ? err.message : String(err)})`);
  }
  if (problems.length) throw new InputError(path, `the store is corrupt (${problems[0]!.replace(/\*\*\* in database \w+ \*\*\*\s*/, '').replace(/\s+/g, ' ').trim()})`);
  return current;
}

/** Brings the database up to SCHEMA_VERSION (its version checked by checkBeforeChanging). */
function migrate(db: Database.Database, current: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // user_version is part of the database header, so it commits or rolls back with the DDL:
    // a crash mid-migration leaves the previous version intact.
    // The version is read again under the write lock: another process opening the same new file
    // at the same moment may have applied this migration since it was first read.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

/** Story ids: 72 random bits, URL-safe; unguessable, so a story is shared only by its link. */
export function newStoryId(): string {
  return randomBytes(9).toString('base64url');
}

/** A stories row; `Time` is how the driver returns timestamps (SQLite: ISO text). */
export interface StoryRow<Time = string> {
  id: string;
  title: string;
  requested_title: string | null;
  version: number;
  articles: number;
  created_at: Time;
  updated_at: Time;
}

export interface ArticleRow<Time = string> {
  position: number;
  file: string | null;
  title: string | null;
  text: string | null;
  html: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
  added_at: Time;
}

export function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    articles: row.articles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toInput(row: ArticleRow<unknown>): StoryArticle {
  const input: StoryArticle = {};
  if (row.file !== null) input.file = row.file;
  if (row.title !== null) input.title = row.title;
  if (row.text !== null) input.text = row.text;
  if (row.html !== null) input.html = row.html;
  if (row.url !== null) input.url = row.url;
  if (row.published !== null) input.published = row.published;
  if (row.outlet !== null) input.outlet = row.outlet;
  return input;
}

export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError(path, /directory does not exist/.test(message) ? 'no such folder' : `cannot open the store (${message})`);
  }
  try {
    const current = checkBeforeChanging(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, current);
    if (options.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
  } catch (err) {
    db.close();
    if (err instanceof InputError) throw err;
    throw new InputError(path, `cannot open the store (${err instanceof Error ? err.message : String(err)})`);
  }

  const storyColumns = `s.id, s.title, s.requested_title, s.version, s.articles, s.created_at, s.updated_at`;
  const insertStory = db.prepare(
    `INSERT INTO stories (id, requested_title, title, version, articles, created_at, updated_at)
     VALUES (@id, @requestedTitle, @title, @version, @articles, @now, @now)`,
  );
  const insertArticle = db.prepare(
    `INSERT INTO articles (story_id, position, file, title, text, html, url, published, outlet, added_at)
     VALUES (@storyId, @position, @file, @title, @text, @html, @url, @published, @outlet, @now)`,
  );
  const insertBriefing = db.prepare(
    `INSERT INTO briefings (story_id, version, briefing, created_at) VALUES (?, ?, ?, ?)`,
  );
  const selectStory = db.prepare(`SELECT ${storyColumns} FROM stories s WHERE s.id = ?`);
  // A stream story is stored with version 0 until its first briefing is written: not listed.
  const selectStories = db.prepare(`SELECT ${storyColumns} FROM stories s WHERE s.version > 0 ORDER BY s.updated_at DESC, s.id LIMIT ?`);
  const selectBriefing = db.prepare(`SELECT briefing FROM briefings WHERE story_id = ? AND version = ?`);
  const selectVersions = db.prepare(`SELECT version FROM briefings WHERE story_id = ? ORDER BY version`);
  const selectArticles = db.prepare(
    `SELECT position, file, title, text, html, url, published, outlet, added_at FROM articles WHERE story_id = ? ORDER BY position`,
  );
  const selectMaxPosition = db.prepare(`SELECT COALESCE(MAX(position), -1) AS max FROM articles WHERE story_id = ?`);
  const updateStory = db.prepare(`UPDATE stories SET title = ?, version = ?, articles = ?, updated_at = ? WHERE id = ?`);
  const countStories = db.prepare(`SELECT COUNT(*) AS n FROM stories WHERE version > 0`);
  const storyExists = db.prepare(`SELECT 1 FROM stories WHERE id = ?`);

  const saveArticles = (storyId: string, first: number, articles: StoryArticle[], now: string) => {
    articles.forEach((article, i) => {
      insertArticle.run({
        storyId,
        position: first + i,
        file: article.file ?? null,
        title: article.title ?? null,
        text: article.text ?? null,
        html: article.html ?? null,
        url: article.url ?? null,
        published: article.published ?? null,
        outlet: article.outlet ?? null,
        now,
      });
    });
  };

  // IMMEDIATE transactions take the write lock up front, so two processes on one file queue on
  // busy_timeout instead of failing with SQLITE_BUSY when a read lock would need upgrading.
  const create = db.transaction((story: NewStory) => {
    const now = new Date().toISOString();
    let id = newStoryId();
    while (storyExists.get(id)) id = newStoryId();
    insertStory.run({ id, requestedTitle: story.title, title: story.briefing.story.title, version: 1, articles: story.briefing.sources.length, now });
    saveArticles(id, 0, story.articles, now);
    insertBriefing.run(id, 1, JSON.stringify(story.briefing), now);
    return { id, version: 1 };
  });

  const append = db.transaction((id: string, articles: StoryArticle[], briefing: Briefing, expectedVersion: number) => {
    const row = selectStory.get(id) as StoryRow | undefined;
    if (!row) return null;
    if (row.version !== expectedVersion) return 'conflict' as const;
    const now = new Date().toISOString();
    const first = (selectMaxPosition.get(id) as { max: number }).max + 1;
    saveArticles(id, first, articles, now);
    const version = row.version + 1;
    insertBriefing.run(id, version, JSON.stringify(briefing), now);
    updateStory.run(briefing.story.title, version, briefing.sources.length, now, id);
    return { id, version };
  });

  // Read transactions, so a story row and its briefing come from the same snapshot.
  const readStory = db.transaction((id: string, version: number | undefined): StoryRecord | null => {
    const row = selectStory.get(id) as StoryRow | undefined;
    if (!row) return null;
    const wanted = version ?? row.version;
    const found = selectBriefing.get(id, wanted) as { briefing: string } | undefined;
    if (!found) return null;
    return { ...toSummary(row), requestedTitle: row.requested_title, version: wanted, briefing: JSON.parse(found.briefing) as Briefing, briefingJson: found.briefing };
  });
  const readArticles = db.transaction((id: string): StoredArticle[] | null => {
    if (!storyExists.get(id)) return null;
    return (selectArticles.all(id) as ArticleRow[]).map((row) => ({ ...toInput(row), position: row.position, addedAt: row.added_at }));
  });

  // The cluster lock is a transaction on the one connection: while it is held, only calls made
  // from inside its function (its async context) run; the others wait until it is released.
  const lockContext = new AsyncLocalStorage<symbol>();
  let holder: symbol | null = null;
  let released: Promise<void> = Promise.resolve();
  let lockQueue: Promise<void> = Promise.resolve();

  // Synchronous underneath: each promise settles after its statement or transaction has finished
  // (run at once, unless the cluster lock is held by someone else).
  const later = async <T>(work: () => T): Promise<T> => {
    while (holder !== null && lockContext.getStore() !== holder) await released;
    return work();
  };

  // The write lock, waited for without blocking the event loop (busy_timeout would block it):
  // as long as another process holds it, like PostgreSQL's advisory lock.
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
  const beginImmediate = async (begun: () => void): Promise<void> => {
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      db.pragma('busy_timeout = 0');
      try {
        db.exec('BEGIN IMMEDIATE');
        begun(); // at once: no other call may run between BEGIN and taking the lock
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      } finally {
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  const withClusterLock = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (holder !== null && lockContext.getStore() === holder) return fn();
    const before = lockQueue;
    let next!: () => void;
    lockQueue = new Promise<void>((resolve) => (next = resolve));
    await before;
    while (holder !== null) await released;
    const token = Symbol('cluster lock');
    let release!: () => void;
    try {
      await beginImmediate(() => {
        released = new Promise<void>((resolve) => (release = resolve));
        holder = token;
      });
    } catch (err) {
      next();
      throw err;
    }
    try {
      try {
        const result = await lockContext.run(token, fn);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      holder = null;
      release();
      next();
    }
  };

  const stream = streamStatements(db, later, saveArticles);

  return {
    ...stream,
    // A briefing written outside the cluster lock waits for the write lock as the lock does (without
    // blocking the event loop on busy_timeout): on SQLite both are the database's write lock.
    writeBriefing: (id, briefing, articles) => withClusterLock(() => stream.writeBriefing(id, briefing, articles)),
    withClusterLock,
    createStory: (story) => later(() => create.immediate(story)),
    appendArticles: (id, articles, briefing, expectedVersion) => later(() => append.immediate(id, articles, briefing, expectedVersion)),
    listStories: ({ limit = 100 } = {}) =>
      later(() => (selectStories.all(Math.max(1, Math.min(10_000, Math.floor(limit)))) as StoryRow[]).map(toSummary)),
    getStory: (id, version) => later(() => readStory.deferred(id, version)),
    getArticles: (id) => later(() => readArticles.deferred(id)),
    listVersions: (id) => later(() => (selectVersions.all(id) as { version: number }[]).map((r) => r.version)),
    countStories: () => later(() => (countStories.get() as { n: number }).n),
    hasStory: (id) => later(() => storyExists.get(id) !== undefined),
    close: () =>
      later(() => {
        if (db.open) db.close();
      }),
  };
}

/** The stream's part of the store: clusterer story ids, dedupe keys and the clusterer snapshot. */
function streamStatements(
  db: Database.Database,
  wrap: <T>(work: () => T) => Promise<T>,
  saveArticles: (storyId: string, first: number, articles: StoryArticle[], now: string) => void,
): Pick<
  Store,
  'streamStory' | 'linkStreamStory' | 'markSeen' | 'findSeen' | 'commitFlush' | 'commitArticles' | 'writeBriefing' | 'staleStories' | 'saveClusterState' | 'loadClusterState' | 'articlesAtVersion' | 'recordVersionArticles'
> {
  const selectLink = db.prepare(`SELECT story_id FROM stream_stories WHERE cluster_id = ?`);
  const insertLink = db.prepare(`INSERT OR REPLACE INTO stream_stories (cluster_id, story_id) VALUES (?, ?)`);
  const selectSeen = db.prepare(`SELECT article_id FROM stream_seen WHERE key = ?`);
  const insertSeen = db.prepare(`INSERT OR IGNORE INTO stream_seen (key, article_id) VALUES (?, ?)`);
  const upsertState = db.prepare(
    `INSERT INTO stream_state (id, snapshot, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
  );
  const selectState = db.prepare(`SELECT snapshot FROM stream_state WHERE id = 1`);
  const countAtVersion = db.prepare(
    `SELECT COUNT(*) AS n FROM articles a JOIN briefings b ON b.story_id = a.story_id AND b.version = ? WHERE a.story_id = ? AND a.added_at <= b.created_at`,
  );
  const versionExists = db.prepare(`SELECT 1 FROM briefings WHERE story_id = ? AND version = ?`);
  const selectVersionArticles = db.prepare(`SELECT articles FROM stream_versions WHERE story_id = ? AND version = ?`);
  const insertVersionArticles = db.prepare(`INSERT OR REPLACE INTO stream_versions (story_id, version, articles) VALUES (?, ?, ?)`);
  const seen = db.transaction((keys: string[], articleId: string): string | null => {
    const known = findSeen(keys);
    if (known !== null) return known;
    for (const key of keys) insertSeen.run(key, articleId);
    return null;
  });
  const findSeen = (keys: string[]): string | null => {
    for (const key of keys) {
      const row = selectSeen.get(key) as { article_id: string } | undefined;
      if (row) return row.article_id;
    }
    return null;
  };
  const selectStoryVersion = db.prepare(`SELECT version FROM stories WHERE id = ?`);
  const storyIdTaken = db.prepare(`SELECT 1 FROM stories WHERE id = ?`);
  const insertStory = db.prepare(
    `INSERT INTO stories (id, requested_title, title, version, articles, created_at, updated_at) VALUES (?, NULL, ?, 1, ?, ?, ?)`,
  );
  const insertUnbriefed = db.prepare(
    `INSERT INTO stories (id, requested_title, title, version, articles, created_at, updated_at) VALUES (?, NULL, '', 0, 0, ?, ?)`,
  );
  const insertBriefing = db.prepare(`INSERT INTO briefings (story_id, version, briefing, created_at) VALUES (?, ?, ?, ?)`);
  const updateStory = db.prepare(`UPDATE stories SET title = ?, version = ?, articles = ?, updated_at = ? WHERE id = ?`);
  const nextPosition = db.prepare(`SELECT COALESCE(MAX(position), -1) + 1 AS n FROM articles WHERE story_id = ?`);
  const markStale = db.prepare(
    `INSERT INTO stream_stale (story_id, articles, marked_at) VALUES (?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles, marked_at = excluded.marked_at`,
  );
  const clearStale = db.prepare(`DELETE FROM stream_stale WHERE story_id = ? AND articles <= ?`);
  const selectStale = db.prepare(`SELECT story_id AS id, articles FROM stream_stale WHERE marked_at <= ? ORDER BY marked_at, story_id LIMIT ?`);
  const selectStaleOne = db.prepare(`SELECT story_id AS id, articles FROM stream_stale WHERE story_id = ?`);
  const flush = db.transaction((batch: Flush): FlushResult => {
    // Every story is checked before anything is written: a conflict changes nothing.
    const conflicts = batch.stories
      .filter((story) => {
        const linked = (selectLink.get(story.clusterId) as { story_id: string } | undefined)?.story_id ?? null;
        if (linked !== story.storyId) return true;
        if (linked === null) return false;
        if ((selectStoryVersion.get(linked) as { version: number } | undefined)?.version !== story.expectedVersion) return true;
        return story.expectedArticles !== undefined && (nextPosition.get(linked) as { n: number }).n !== story.expectedArticles;
      })
      .map((story) => story.clusterId);
    if (conflicts.length > 0) return { status: 'conflict', clusterIds: conflicts };
    const now = new Date().toISOString();
    const written = batch.stories.map((story) => {
      const briefing = JSON.stringify(story.briefing);
      let id = story.storyId;
      let version = 1;
      if (id === null) {
        id = newStoryId();
        while (storyIdTaken.get(id)) id = newStoryId();
        insertStory.run(id, story.briefing.story.title, story.briefing.sources.length, now, now);
        insertLink.run(story.clusterId, id);
      } else {
        version = story.expectedVersion + 1;
        updateStory.run(story.briefing.story.title, version, story.briefing.sources.length, now, id);
      }
      const first = (nextPosition.get(id) as { n: number }).n;
      saveArticles(id, first, story.articles, now);
      insertBriefing.run(id, version, briefing, now);
      insertVersionArticles.run(id, version, first + story.articles.length);
      clearStale.run(id, first + story.articles.length);
      return { clusterId: story.clusterId, id, version };
    });
    for (const { keys, articleId } of batch.seen) for (const key of keys) insertSeen.run(key, articleId);
    if (batch.clusterState !== undefined) upsertState.run(JSON.stringify(batch.clusterState), now);
    return { status: 'committed', written };
  });
  const commitArticles = db.transaction((batch: ArticlesFlush): CommittedStory[] => {
    const now = new Date().toISOString();
    const committed = batch.stories.map((story) => {
      let id = (selectLink.get(story.clusterId) as { story_id: string } | undefined)?.story_id ?? null;
      if (id === null) {
        id = newStoryId();
        while (storyIdTaken.get(id)) id = newStoryId();
        insertUnbriefed.run(id, now, now);
        insertLink.run(story.clusterId, id);
      }
      const first = (nextPosition.get(id) as { n: number }).n;
      saveArticles(id, first, story.articles, now);
      markStale.run(id, first + story.articles.length, now);
      return { clusterId: story.clusterId, id, articles: first + story.articles.length };
    });
    for (const { keys, articleId } of batch.seen) for (const key of keys) insertSeen.run(key, articleId);
    if (batch.clusterState !== undefined) upsertState.run(JSON.stringify(batch.clusterState), now);
    return committed;
  });
  const writeBriefing = db.transaction((id: string, briefing: Briefing | null, articles: number): BriefingWrite | null => {
    const version = (selectStoryVersion.get(id) as { version: number } | undefined)?.version;
    if (version === undefined) return null;
    if ((nextPosition.get(id) as { n: number }).n !== articles) return { status: 'changed' };
    const covered = version > 0 ? ((selectVersionArticles.get(id, version) as { articles: number } | undefined)?.articles ?? 0) : 0;
    clearStale.run(id, articles);
    if (covered >= articles) return { status: 'current', version };
    if (briefing === null) return { status: 'unusable' };
    const now = new Date().toISOString();
    updateStory.run(briefing.story.title, version + 1, briefing.sources.length, now, id);
    insertBriefing.run(id, version + 1, JSON.stringify(briefing), now);
    insertVersionArticles.run(id, version + 1, articles);
    return { status: 'written', version: version + 1 };
  });
  return {
    findSeen: (keys) => wrap(() => findSeen(keys)),
    commitFlush: (batch) => wrap(() => flush.immediate(batch)),
    commitArticles: (batch) => wrap(() => commitArticles.immediate(batch)),
    writeBriefing: (id, briefing, articles) => wrap(() => writeBriefing.immediate(id, briefing, articles)),
    staleStories: ({ olderThanMs = 0, limit = 1000, ids } = {}) =>
      wrap(() => {
        if (ids) return ids.map((id) => selectStaleOne.get(id) as StaleStory | undefined).filter((row): row is StaleStory => row !== undefined);
        return selectStale.all(new Date(Date.now() - Math.max(0, olderThanMs)).toISOString(), Math.max(1, Math.floor(limit))) as StaleStory[];
      }),
    streamStory: (clusterId) => wrap(() => (selectLink.get(clusterId) as { story_id: string } | undefined)?.story_id ?? null),
    linkStreamStory: (clusterId, storyId) => wrap(() => void insertLink.run(clusterId, storyId)),
    markSeen: (keys, articleId) => wrap(() => seen.immediate(keys, articleId)),
    saveClusterState: (snapshot) => wrap(() => void upsertState.run(JSON.stringify(snapshot), new Date().toISOString())),
    articlesAtVersion: (id, version) =>
      wrap(() => {
        if (!versionExists.get(id, version)) return null;
        // Recorded by the stream when it wrote the version; else told by the write times.
        const recorded = selectVersionArticles.get(id, version) as { articles: number } | undefined;
        return recorded ? recorded.articles : (countAtVersion.get(version, id) as { n: number }).n;
      }),
    recordVersionArticles: (id, version, articles) => wrap(() => void insertVersionArticles.run(id, version, articles)),
    loadClusterState: () => wrap(() => {
      const row = selectState.get() as { snapshot: string } | undefined;
      return row ? (JSON.parse(row.snapshot) as unknown) : null;
    }),
  };
}
