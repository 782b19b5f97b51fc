// The PostgreSQL back end of the store (node-postgres, a small connection pool). Same tables,
// same semantics as the SQLite one (sqlite.ts); what differs is said where it does.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';
import { InputError, type Briefing } from '../types.js';
import {
  storeLabel,
  type ArticlesFlush,
  type BriefingWrite,
  type CommittedStory,
  type Flush,
  type FlushResult,
  type FlushStory,
  type NewStory,
  type StaleStory,
  type Store,
  type StoredArticle,
  type StoryArticle,
  type StoryRecord,
  type StorySummary,
} from './index.js';
import { newStoryId, SCHEMA_VERSION, toInput, toSummary, type ArticleRow, type StoryRow } from './sqlite.js';

/** A schema change: applied once, in order, each in its own transaction with its row in precis_schema. */
interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema history, version for version the same as the SQLite one (MIGRATIONS in sqlite.ts).
 * Append only. Ids compare byte-wise (COLLATE "C"), as SQLite's do, so lists come in the same order.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stories, their articles, every version of their briefing',
    sql: `
      CREATE TABLE stories (
        id TEXT COLLATE "C" PRIMARY KEY,
        requested_title TEXT,
        title TEXT NOT NULL,
        version INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX stories_by_update ON stories (updated_at DESC, id);
      CREATE TABLE articles (
        story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        file TEXT,
        title TEXT,
        text TEXT,
        html TEXT,
        url TEXT,
        published TEXT,
        outlet TEXT,
        added_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (story_id, position)
      );
      CREATE TABLE briefings (
        story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        briefing JSON NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (story_id, version)
      );
    `,
  },
  {
    version: 2,
    description: 'stream: which clusterer story each stored story is, articles seen (dedupe), clusterer state',
    sql: `
      CREATE TABLE stream_stories (
        cluster_id TEXT COLLATE "C" PRIMARY KEY,
        story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE
      );
      CREATE TABLE stream_seen (
        key TEXT COLLATE "C" PRIMARY KEY,
        article_id TEXT NOT NULL
      );
      CREATE TABLE stream_versions (
        story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story_id, version)
      );
      CREATE TABLE stream_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        snapshot JSON NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'stream: stories whose latest briefing does not cover all of their articles yet',
    sql: `
      CREATE TABLE stream_stale (
        story_id TEXT COLLATE "C" PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        articles INTEGER NOT NULL,
        marked_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX stream_stale_by_age ON stream_stale (marked_at);
    `,
  },
];

/** Advisory lock keys (two-int form): precis's key space, then which lock. */
const LOCK_SPACE = 0x70726563; // "prec"
const MIGRATION_LOCK = 1;
const CLUSTER_LOCK = 2;

/** Connection-level failures, as one readable problem; null for other errors. */
function connectionProblem(err: unknown): string | null {
  const e = err as { code?: string; message?: string } | null;
  const code = e?.code ?? '';
  const message = e?.message ?? String(err);
  switch (code) {
    case 'ECONNREFUSED':
      return 'cannot reach the server (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot reach the server (unknown host)';
    case 'ETIMEDOUT':
      return 'cannot reach the server (no answer in time)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'cannot reach the server (no route to host)';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection to the server was lost';
    case 'ENOENT':
      return 'cannot reach the server (no such socket)';
    case '28P01':
    case '28000':
    case '3D000':
      return message; // password authentication failed for user "u" / role "u" does not exist / database "d" does not exist
  }
  if (/^(08|57P)/.test(code)) return message; // connection exceptions; the server shutting down
  if (/timeout expired/i.test(message)) return 'cannot reach the server (no answer in time)';
  if (/Connection terminated/i.test(message)) return 'the connection to the server was lost';
  if (/client password must be a string/i.test(message)) return 'the server asks for a password and the URL has none';
  if (/\bSSL\b/.test(message) && !code) return message;
  return null;
}

/** A failure as the store reports it: connection problems as an InputError naming the store. */
function storeError(err: unknown, label: string, secret: string, opening = false): unknown {
  if (err instanceof InputError) return err;
  const scrub = (text: string) => (secret ? text.split(secret).join('***') : text);
  const problem = connectionProblem(err);
  if (problem !== null) return new InputError(label, scrub(problem));
  if (opening) return new InputError(label, `cannot open the store (${scrub(err instanceof Error ? err.message : String(err))})`);
  return err;
}

/** PostgreSQL text cannot hold U+0000: it is stored as U+FFFD (SQLite keeps it). */
const storable = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/\u0000/g, '\uFFFD') : Array.isArray(value) ? value.map(storable) : value;

type Run = <R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;
const runOn =
  (client: pg.Pool | PoolClient): Run =>
  async <R extends QueryResultRow>(sql: string, params?: unknown[]) =>
    (await client.query<R>(sql, params?.map(storable))).rows;

/** The lock's connection and the queue its statements run in, one at a time. */
interface Session {
  client: PoolClient;
  tail: Promise<unknown>;
}

const storyColumns = `s.id, s.title, s.requested_title, s.version, s.articles, s.created_at, s.updated_at`;

const summaryOf = (row: StoryRow<Date>): StorySummary => toSummary({ ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() });

async function schemaVersion(run: Run): Promise<number> {
  const [table] = await run<{ t: string | null }>(`SELECT to_regclass('precis_schema')::text AS t`);
  if (!table?.t) return 0;
  const [row] = await run<{ v: number }>(`SELECT COALESCE(MAX(version), 0)::int AS v FROM precis_schema`);
  return row?.v ?? 0;
}

const newer = (label: string, version: number) =>
  new InputError(label, `store schema version ${version} is newer than this precis understands (${SCHEMA_VERSION}); nothing was changed`);

/** Refuses a database from a newer precis before changing anything, then applies pending migrations. */
async function migrate(client: PoolClient, label: string): Promise<void> {
  const run = runOn(client);
  const current = await schemaVersion(run);
  if (current > SCHEMA_VERSION) throw newer(label, current);
  for (const migration of PG_MIGRATIONS) {
    if (migration.version <= current) continue;
    await run('BEGIN');
    try {
      // Two processes opening a new database at once: the second waits, then finds it done.
      await run('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
      await run(`CREATE TABLE IF NOT EXISTS precis_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const now = await schemaVersion(run);
      if (now > SCHEMA_VERSION) throw newer(label, now);
      if (now < migration.version) {
        await run(migration.sql);
        await run(`INSERT INTO precis_schema (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
      }
      await run('COMMIT');
    } catch (err) {
      await run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}

/** Thrown inside a transaction to roll it back and answer 'conflict'. */
class Conflict {
  constructor(readonly clusterIds: string[]) {}
}
/** Thrown inside markSeen's transaction when a concurrent writer recorded one of the keys first. */
const RETRY = Symbol('retry');

/**
 * Opens the PostgreSQL store at `url` (postgres://user:password@host:port/database; the database
 * must exist). Connection problems, bad credentials or a missing database throw an InputError
 * naming the URL without its password.
 */
export async function openPgStore(url: string): Promise<Store> {
  const label = storeLabel(url);
  let secret = '';
  try {
    secret = decodeURIComponent(new URL(url).password);
  } catch {
    throw new InputError(label, 'not a valid postgres:// URL');
  }
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 10_000, application_name: 'precis' });
  } catch (err) {
    throw storeError(err, label, secret, true);
  }
  // An idle connection the server dropped: the pool forgets it and the next query opens another.
  pool.on('error', () => undefined);
  const fail = (err: unknown) => storeError(err, label, secret);
  const guard = <T>(work: Promise<T>): Promise<T> => work.catch((err: unknown) => Promise.reject(fail(err)));

  try {
    const client = await pool.connect();
    try {
      await migrate(client, label);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw storeError(err, label, secret, true);
  }

  const lockContext = new AsyncLocalStorage<Session>();
  const serial = <T>(session: Session, work: () => Promise<T>): Promise<T> => {
    const run = session.tail.then(work);
    session.tail = run.catch(() => undefined);
    return run;
  };

  /** One statement: on the lock's connection inside withClusterLock, else on any pooled one. */
  const query: Run = (sql, params) => {
    const session = lockContext.getStore();
    return guard(session ? serial(session, () => runOn(session.client)(sql, params)) : runOn(pool)(sql, params));
  };

  /** A transaction (a savepoint inside withClusterLock): all of `work` or, when it throws, none. */
  const transaction = <T>(work: (run: Run) => Promise<T>): Promise<T> => {
    const session = lockContext.getStore();
    if (session) {
      return guard(
        serial(session, async () => {
          const run = runOn(session.client);
          await run('SAVEPOINT precis_write');
          try {
            const result = await work(run);
            await run('RELEASE SAVEPOINT precis_write');
            return result;
          } catch (err) {
            await run('ROLLBACK TO SAVEPOINT precis_write').catch(() => undefined);
            throw err;
          }
        }),
      );
    }
    return guard(
      (async () => {
        for (let attempt = 1; ; attempt++) {
          const client = await pool.connect();
          let broken = false;
          try {
            const run = runOn(client);
            await run('BEGIN');
            try {
              const result = await work(run);
              await run('COMMIT');
              return result;
            } catch (err) {
              await run('ROLLBACK').catch(() => (broken = true));
              // Two writers locking rows in turn: PostgreSQL cancels one; it runs again.
              const code = (err as { code?: string }).code;
              if ((code === '40P01' || code === '40001') && attempt < 3) continue;
              throw err;
            }
          } finally {
            client.release(broken);
          }
        }
      })(),
    );
  };

  const insertNewStory = async (run: Run, requestedTitle: string | null, briefing: Briefing, now: string): Promise<string> => {
    for (;;) {
      const rows = await run(
        `INSERT INTO stories (id, requested_title, title, version, articles, created_at, updated_at)
         VALUES ($1, $2, $3, 1, $4, $5, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [newStoryId(), requestedTitle, briefing.story.title, briefing.sources.length, now],
      );
      if (rows.length === 1) return rows[0]!.id as string;
    }
  };

  const insertArticles = async (run: Run, storyId: string, first: number, articles: StoryArticle[], now: string): Promise<void> => {
    if (articles.length === 0) return;
    const column = (field: keyof StoryArticle) => articles.map((a) => (a[field] as string | null | undefined) ?? null);
    await run(
      `INSERT INTO articles (story_id, position, file, title, text, html, url, published, outlet, added_at)
       SELECT $1, t.* , $10 FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS t (position, file, title, text, html, url, published, outlet)`,
      [storyId, articles.map((_, i) => first + i), column('file'), column('title'), column('text'), column('html'), column('url'), column('published'), column('outlet'), now],
    );
  };

  const nextPosition = async (run: Run, storyId: string): Promise<number> =>
    (await run<{ n: number }>(`SELECT (COALESCE(MAX(position), -1) + 1)::int AS n FROM articles WHERE story_id = $1`, [storyId]))[0]!.n;

  const insertBriefing = (run: Run, storyId: string, version: number, briefing: Briefing, now: string) =>
    run(`INSERT INTO briefings (story_id, version, briefing, created_at) VALUES ($1, $2, $3, $4)`, [storyId, version, JSON.stringify(briefing), now]);

  const updateStory = (run: Run, storyId: string, version: number, briefing: Briefing, now: string) =>
    run(`UPDATE stories SET title = $1, version = $2, articles = $3, updated_at = $4 WHERE id = $5`, [briefing.story.title, version, briefing.sources.length, now, storyId]);

  const recordVersion = (run: Run, storyId: string, version: number, articles: number) =>
    run(
      `INSERT INTO stream_versions (story_id, version, articles) VALUES ($1, $2, $3)
       ON CONFLICT (story_id, version) DO UPDATE SET articles = excluded.articles`,
      [storyId, version, articles],
    );

  const findSeenWith = async (run: Run, keys: string[]): Promise<string | null> => {
    if (keys.length === 0) return null;
    const rows = await run<{ key: string; article_id: string }>(`SELECT key, article_id FROM stream_seen WHERE key = ANY($1::text[])`, [keys]);
    const known = new Map(rows.map((r) => [r.key, r.article_id]));
    for (const key of storable(keys) as string[]) if (known.has(key)) return known.get(key)!;
    return null;
  };

  const insertSeen = (run: Run, keys: string[], articleIds: string[]) =>
    run<{ key: string }>(
      `INSERT INTO stream_seen (key, article_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [keys, articleIds],
    );

  const saveState = (run: Run, snapshot: unknown, now: string) =>
    run(
      `INSERT INTO stream_state (id, snapshot, updated_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
      [JSON.stringify(snapshot), now],
    );

  /** Writes one flush; throws Conflict (rolling it back) when a story changed since it was rebuilt. */
  const writeFlush = async (run: Run, batch: Flush): Promise<FlushResult> => {
    const clusterIds = batch.stories.map((s) => s.clusterId);
    const links = new Map(
      (await run<{ cluster_id: string; story_id: string }>(`SELECT cluster_id, story_id FROM stream_stories WHERE cluster_id = ANY($1::text[])`, [clusterIds])).map((r) => [r.cluster_id, r.story_id]),
    );
    const existing = batch.stories.filter((s) => s.storyId !== null).map((s) => s.storyId!);
    // Locked in id order, so two flushes touching the same stories queue rather than deadlock.
    const versions = new Map(
      (await run<{ id: string; version: number }>(`SELECT id, version FROM stories WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [existing])).map((r) => [r.id, r.version]),
    );
    const counted = batch.stories.filter((s) => s.storyId !== null && s.expectedArticles !== undefined).map((s) => s.storyId!);
    const counts = new Map(
      counted.length === 0
        ? []
        : (await run<{ id: string; n: number }>(`SELECT story_id AS id, (MAX(position) + 1)::int AS n FROM articles WHERE story_id = ANY($1::text[]) GROUP BY story_id`, [counted])).map((r) => [r.id, r.n]),
    );
    const changed = (s: FlushStory) =>
      (links.get(s.clusterId) ?? null) !== s.storyId ||
      (s.storyId !== null && (versions.get(s.storyId) !== s.expectedVersion || (s.expectedArticles !== undefined && (counts.get(s.storyId) ?? 0) !== s.expectedArticles)));
    const conflicts = batch.stories.filter(changed).map((s) => s.clusterId);
    if (conflicts.length > 0) throw new Conflict(conflicts);
    const now = new Date().toISOString();
    const written: (FlushResult & { status: 'committed' })['written'] = [];
    for (const story of batch.stories) {
      let id = story.storyId;
      let version = 1;
      if (id === null) {
        id = await insertNewStory(run, null, story.briefing, now);
        // Another writer stored this clusterer story meanwhile: its link wins, this flush rebuilds.
        const linked = await run(`INSERT INTO stream_stories (cluster_id, story_id) VALUES ($1, $2) ON CONFLICT (cluster_id) DO NOTHING RETURNING cluster_id`, [story.clusterId, id]);
        if (linked.length === 0) throw new Conflict([story.clusterId]);
      } else {
        version = story.expectedVersion + 1;
        await updateStory(run, id, version, story.briefing, now);
      }
      const first = await nextPosition(run, id);
      await insertArticles(run, id, first, story.articles, now);
      await insertBriefing(run, id, version, story.briefing, now);
      await recordVersion(run, id, version, first + story.articles.length);
      await run(`DELETE FROM stream_stale WHERE story_id = $1 AND articles <= $2`, [id, first + story.articles.length]);
      written.push({ clusterId: story.clusterId, id, version });
    }
    const keys = batch.seen.flatMap((s) => s.keys);
    if (keys.length > 0) await insertSeen(run, keys, batch.seen.flatMap((s) => s.keys.map(() => s.articleId)));
    if (batch.clusterState !== undefined) await saveState(run, batch.clusterState, now);
    return { status: 'committed', written };
  };

  /** Appends a flush's articles without briefings (see Store.commitArticles). */
  const writeArticles = async (run: Run, batch: ArticlesFlush): Promise<CommittedStory[]> => {
    const now = new Date().toISOString();
    const clusterIds = batch.stories.map((s) => s.clusterId);
    const links = new Map(
      (await run<{ cluster_id: string; story_id: string }>(`SELECT cluster_id, story_id FROM stream_stories WHERE cluster_id = ANY($1::text[])`, [clusterIds])).map((r) => [r.cluster_id, r.story_id]),
    );
    // The stories' rows locked in id order: a briefing written meanwhile (writeBriefing locks the
    // row too) either comes before, and is then marked stale again here, or sees these articles.
    await run(`SELECT id FROM stories WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [[...links.values()]]);
    const committed: CommittedStory[] = [];
    for (const story of batch.stories) {
      let id = links.get(story.clusterId) ?? null;
      if (id === null) {
        const made = await insertUnbriefed(run, now);
        const linked = await run(`INSERT INTO stream_stories (cluster_id, story_id) VALUES ($1, $2) ON CONFLICT (cluster_id) DO NOTHING RETURNING cluster_id`, [story.clusterId, made]);
        if (linked.length === 1) id = made;
        else {
          // Stored by another writer meanwhile (only outside the cluster lock): append to that one.
          await run(`DELETE FROM stories WHERE id = $1`, [made]);
          id = (await run<{ story_id: string }>(`SELECT story_id FROM stream_stories WHERE cluster_id = $1`, [story.clusterId]))[0]!.story_id;
          await run(`SELECT id FROM stories WHERE id = $1 FOR UPDATE`, [id]);
        }
      }
      const first = await nextPosition(run, id);
      await insertArticles(run, id, first, story.articles, now);
      const articles = first + story.articles.length;
      await run(
        `INSERT INTO stream_stale (story_id, articles, marked_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles, marked_at = excluded.marked_at`,
        [id, articles],
      );
      committed.push({ clusterId: story.clusterId, id, articles });
    }
    const keys = batch.seen.flatMap((s) => s.keys);
    if (keys.length > 0) await insertSeen(run, keys, batch.seen.flatMap((s) => s.keys.map(() => s.articleId)));
    if (batch.clusterState !== undefined) await saveState(run, batch.clusterState, now);
    return committed;
  };

  const insertUnbriefed = async (run: Run, now: string): Promise<string> => {
    for (;;) {
      const rows = await run(
        `INSERT INTO stories (id, requested_title, title, version, articles, created_at, updated_at)
         VALUES ($1, NULL, '', 0, 0, $2, $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [newStoryId(), now],
      );
      if (rows.length === 1) return rows[0]!.id as string;
    }
  };

  /** Writes a briefing if the story still holds exactly `articles` articles (see Store.writeBriefing). */
  const writeBriefingWith = async (run: Run, id: string, briefing: Briefing | null, articles: number): Promise<BriefingWrite | null> => {
    const [row] = await run<{ version: number }>(`SELECT version FROM stories WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) return null;
    // Read after the row lock: articles committed before it are counted.
    if ((await nextPosition(run, id)) !== articles) return { status: 'changed' };
    const [covered] = await run<{ articles: number }>(`SELECT articles FROM stream_versions WHERE story_id = $1 AND version = $2`, [id, row.version]);
    await run(`DELETE FROM stream_stale WHERE story_id = $1 AND articles <= $2`, [id, articles]);
    if (row.version > 0 && (covered?.articles ?? 0) >= articles) return { status: 'current', version: row.version };
    if (briefing === null) return { status: 'unusable' };
    const now = new Date().toISOString();
    const version = row.version + 1;
    await updateStory(run, id, version, briefing, now);
    await insertBriefing(run, id, version, briefing, now);
    await recordVersion(run, id, version, articles);
    return { status: 'written', version };
  };

  let localQueue: Promise<void> = Promise.resolve();
  const withClusterLock = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (lockContext.getStore()) return fn();
    // One lock connection per process at a time: waiters queue here, not on pooled connections
    // the holder's own statements may need.
    const before = localQueue;
    let next!: () => void;
    localQueue = new Promise<void>((resolve) => (next = resolve));
    await before;
    try {
      const client = await guard(pool.connect());
      let broken = false;
      try {
        const run = runOn(client);
        await guard(run('BEGIN'));
        const session: Session = { client, tail: Promise.resolve() };
        let result: T;
        try {
          await guard(run('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, CLUSTER_LOCK]));
          result = await lockContext.run(session, fn);
          await session.tail;
        } catch (err) {
          await session.tail;
          await run('ROLLBACK').catch(() => (broken = true));
          throw err;
        }
        await guard(run('COMMIT'));
        return result;
      } catch (err) {
        if (connectionProblem(err) !== null || (err instanceof InputError && err.input === label)) broken = true;
        throw err;
      } finally {
        client.release(broken);
      }
    } finally {
      next();
    }
  };

  let closed = false;
  return {
    createStory: (story: NewStory) =>
      transaction(async (run) => {
        const now = new Date().toISOString();
        const id = await insertNewStory(run, story.title, story.briefing, now);
        await insertArticles(run, id, 0, story.articles, now);
        await insertBriefing(run, id, 1, story.briefing, now);
        return { id, version: 1 };
      }),
    appendArticles: async (id, articles, briefing, expectedVersion) => {
      try {
        return await transaction(async (run) => {
          const [row] = await run<{ version: number }>(`SELECT version FROM stories WHERE id = $1 FOR UPDATE`, [id]);
          if (!row) return null;
          if (row.version !== expectedVersion) throw new Conflict([]);
          const now = new Date().toISOString();
          await insertArticles(run, id, await nextPosition(run, id), articles, now);
          const version = row.version + 1;
          await insertBriefing(run, id, version, briefing, now);
          await updateStory(run, id, version, briefing, now);
          return { id, version };
        });
      } catch (err) {
        if (err instanceof Conflict) return 'conflict' as const;
        throw err;
      }
    },
    listStories: async ({ limit = 100 } = {}) =>
      // A stream story is stored with version 0 until its first briefing is written: not listed.
      (await query<StoryRow<Date>>(`SELECT ${storyColumns} FROM stories s WHERE s.version > 0 ORDER BY s.updated_at DESC, s.id LIMIT $1`, [Math.max(1, Math.min(10_000, Math.floor(limit)))])).map(summaryOf),
    getStory: async (id, version): Promise<StoryRecord | null> => {
      // One statement, one snapshot: the story row and its briefing agree.
      const [row] = await query<StoryRow<Date> & { wanted: number | null; briefing: string | null }>(
        `SELECT ${storyColumns}, b.version AS wanted, b.briefing::text AS briefing
         FROM stories s LEFT JOIN briefings b ON b.story_id = s.id AND b.version = COALESCE($2::int, s.version)
         WHERE s.id = $1`,
        [id, version ?? null],
      );
      if (!row || row.briefing === null || row.wanted === null) return null;
      return { ...summaryOf(row), requestedTitle: row.requested_title, version: row.wanted, briefing: JSON.parse(row.briefing) as Briefing, briefingJson: row.briefing };
    },
    getArticles: async (id): Promise<StoredArticle[] | null> => {
      const rows = await query<ArticleRow<Date> & { story: string }>(
        `SELECT s.id AS story, a.position, a.file, a.title, a.text, a.html, a.url, a.published, a.outlet, a.added_at
         FROM stories s LEFT JOIN articles a ON a.story_id = s.id WHERE s.id = $1 ORDER BY a.position`,
        [id],
      );
      if (rows.length === 0) return null;
      return rows.filter((r) => r.position !== null).map((r) => ({ ...toInput(r), position: r.position, addedAt: r.added_at.toISOString() }));
    },
    listVersions: async (id) => (await query<{ version: number }>(`SELECT version FROM briefings WHERE story_id = $1 ORDER BY version`, [id])).map((r) => r.version),
    countStories: async () => (await query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM stories WHERE version > 0`))[0]!.n,
    hasStory: async (id) => (await query(`SELECT 1 FROM stories WHERE id = $1`, [id])).length > 0,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
    streamStory: async (clusterId) => (await query<{ story_id: string }>(`SELECT story_id FROM stream_stories WHERE cluster_id = $1`, [clusterId]))[0]?.story_id ?? null,
    linkStreamStory: async (clusterId, storyId) => {
      await query(`INSERT INTO stream_stories (cluster_id, story_id) VALUES ($1, $2) ON CONFLICT (cluster_id) DO UPDATE SET story_id = excluded.story_id`, [clusterId, storyId]);
    },
    markSeen: async (keys, articleId) => {
      const unique = [...new Set(storable(keys) as string[])];
      for (;;) {
        try {
          return await transaction(async (run) => {
            const known = await findSeenWith(run, unique);
            if (known !== null) return known;
            // A concurrent writer's key, committed after the look-up: roll back and look again.
            if (unique.length > 0 && (await insertSeen(run, unique, unique.map(() => articleId))).length < unique.length) throw RETRY;
            return null;
          });
        } catch (err) {
          if (err !== RETRY) throw err;
        }
      }
    },
    findSeen: (keys) => guard(findSeenWith(query, keys)),
    commitFlush: async (batch) => {
      try {
        return await transaction((run) => writeFlush(run, batch));
      } catch (err) {
        if (err instanceof Conflict) return { status: 'conflict', clusterIds: err.clusterIds };
        throw err;
      }
    },
    commitArticles: (batch) => transaction((run) => writeArticles(run, batch)),
    writeBriefing: (id, briefing, articles) => transaction((run) => writeBriefingWith(run, id, briefing, articles)),
    staleStories: async ({ olderThanMs = 0, limit = 1000, ids } = {}): Promise<StaleStory[]> =>
      ids
        ? query<StaleStory>(`SELECT story_id AS id, articles FROM stream_stale WHERE story_id = ANY($1::text[]) ORDER BY marked_at, story_id`, [ids])
        : query<StaleStory>(
            `SELECT story_id AS id, articles FROM stream_stale WHERE marked_at <= now() - make_interval(secs => $1::float8 / 1000) ORDER BY marked_at, story_id LIMIT $2`,
            [Math.max(0, olderThanMs), Math.max(1, Math.floor(limit))],
          ),
    saveClusterState: async (snapshot) => {
      await saveState(query, snapshot, new Date().toISOString());
    },
    loadClusterState: async () => {
      const [row] = await query<{ snapshot: string }>(`SELECT snapshot::text AS snapshot FROM stream_state WHERE id = 1`);
      return row ? (JSON.parse(row.snapshot) as unknown) : null;
    },
    articlesAtVersion: async (id, version) => {
      // Recorded by the stream when it wrote the version; else told by the write times.
      const [row] = await query<{ recorded: number | null; counted: number }>(
        `SELECT v.articles AS recorded,
                (SELECT COUNT(*)::int FROM articles a WHERE a.story_id = b.story_id AND a.added_at <= b.created_at) AS counted
         FROM briefings b LEFT JOIN stream_versions v ON v.story_id = b.story_id AND v.version = b.version
         WHERE b.story_id = $1 AND b.version = $2`,
        [id, version],
      );
      if (!row) return null;
      return row.recorded ?? row.counted;
    },
    recordVersionArticles: async (id, version, articles) => {
      await recordVersion(query, id, version, articles);
    },
    withClusterLock,
  };
}
