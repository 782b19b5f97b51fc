// Where stories, their articles and every version of their briefing persist: an embedded SQLite
// file (the default), or a PostgreSQL database named by a postgres:// URL. Everything codes
// against the Store interface only, and the same tests run against both back ends.
import type { ArticleInput, Briefing } from '../types.js';
import { openSqliteStore, type SqliteOptions } from './sqlite.js';
import { urlWithoutSecrets } from '../urls.js';

/** A story as listed: no articles, no briefing body. */
export interface StorySummary {
  id: string;
  title: string;
  /** Version of the latest briefing; 1 for a new story, +1 each time articles are added. */
  version: number;
  /** Articles in the latest briefing (an uploaded JSON file may hold several). */
  articles: number;
  createdAt: string;
  updatedAt: string;
}

/** A story with its latest briefing. */
export interface StoryRecord extends StorySummary {
  /** The title the story was created with; null when the briefing chose it. */
  requestedTitle: string | null;
  briefing: Briefing;
  /** The latest briefing exactly as stored (JSON text), to answer without re-serialising. */
  briefingJson: string;
}

/**
 * An article as a story keeps it: the fields a caller handed over, or an uploaded file's text
 * with the file's name, whose extension says how to read it (the name is never opened).
 */
export interface StoryArticle extends ArticleInput {
  /** Name of the uploaded file `text` came from; absent for articles sent as fields. */
  file?: string | null;
}

/** A stored article, as it was handed over. */
export interface StoredArticle extends StoryArticle {
  /** 0-based position in the story, in the order articles were added. */
  position: number;
  addedAt: string;
}

export interface NewStory {
  /** The title the caller asked for; null to let the briefing choose one. */
  title: string | null;
  articles: StoryArticle[];
  briefing: Briefing;
}

/** The result of a write: the story and the briefing version it now has. */
export interface Written {
  id: string;
  version: number;
}

/** One story's part of a stream flush: its new articles and the briefing rebuilt with them. */
export interface FlushStory {
  /** The clusterer's id of the story. */
  clusterId: string;
  /** The stored story the briefing was rebuilt on (streamStory(clusterId) as read then); null when not yet stored. */
  storyId: string | null;
  /** The stored story's version the briefing was rebuilt from; ignored when storyId is null. */
  expectedVersion: number;
  /**
   * How many articles the stored story held when the briefing was rebuilt (checked when given:
   * articles committed meanwhile without a briefing, see commitArticles, make it a conflict).
   */
  expectedArticles?: number;
  /** The new articles, added after the story's stored ones. */
  articles: StoryArticle[];
  /** Built from all of the story's articles: the stored ones, then `articles`. */
  briefing: Briefing;
}

/** An article's dedupe keys, recorded as seen (as markSeen does). */
export interface SeenArticle {
  keys: string[];
  articleId: string;
}

/** What one stream flush writes, all or nothing. */
export interface Flush {
  stories: FlushStory[];
  /** Keys of every article the flush covers, stored or not (an unusable article is not retried). */
  seen: SeenArticle[];
  /** The clusterer's snapshot after these articles; saved when given (see saveClusterState). */
  clusterState?: unknown;
}

/** One story's part of commitArticles: its new articles, without a briefing. */
export interface ArticlesStory {
  clusterId: string;
  articles: StoryArticle[];
}

/** What commitArticles writes, all or nothing. */
export interface ArticlesFlush {
  stories: ArticlesStory[];
  seen: SeenArticle[];
  clusterState?: unknown;
}

/** A story commitArticles wrote to: its stored id and how many articles it holds now. */
export interface CommittedStory {
  clusterId: string;
  id: string;
  articles: number;
}

/**
 * writeBriefing's answer. 'written': the briefing is the story's new latest version. 'current':
 * nothing written, the latest briefing already covers those articles. 'changed': nothing written,
 * the story holds another number of articles now (whoever committed them rebuilds it).
 * 'unusable': the briefing was null (no usable article); only the stale marker was cleared.
 */
export type BriefingWrite = { status: 'written' | 'current'; version: number } | { status: 'changed' | 'unusable' };

/** A story whose latest briefing does not cover all of its articles (see commitArticles). */
export interface StaleStory {
  id: string;
  /** Articles the story held when it was marked. */
  articles: number;
}

/**
 * commitFlush's answer. 'committed': every story written, `written` in the order given (a new
 * story's version is 1). 'conflict': nothing was written, because these stories changed since
 * their briefings were rebuilt (another write raised the version, or stored the clusterer story
 * meanwhile): rebuild them from the store's state and commit the whole flush again.
 */
export type FlushResult =
  | { status: 'committed'; written: (Written & { clusterId: string })[] }
  | { status: 'conflict'; clusterIds: string[] };

/**
 * Where stories live. Every method is asynchronous so that a networked back end (PostgreSQL) can
 * implement the same interface; the SQLite back end answers synchronously inside the promise.
 * A write's promise resolves only after its transaction has committed.
 */
export interface Store {
  /** Saves a story, its articles and its first briefing (version 1) in one transaction. */
  createStory(story: NewStory): Promise<Written>;
  /**
   * Adds articles with a briefing the caller rebuilt from the story's articles as of
   * `expectedVersion`, in one transaction, as version expectedVersion + 1. Resolves 'conflict'
   * (changing nothing) when another write raised the version meanwhile: the caller rebuilds from
   * the new state and retries. This optimistic check needs no lock held across the rebuild.
   * Resolves null when no story has that id.
   */
  appendArticles(id: string, articles: StoryArticle[], briefing: Briefing, expectedVersion: number): Promise<Written | 'conflict' | null>;
  /** Stories that have a briefing (version 1 on), most recently updated first. */
  listStories(options?: { limit?: number }): Promise<StorySummary[]>;
  /** The story with its latest briefing (or the given version); null when unknown. */
  getStory(id: string, version?: number): Promise<StoryRecord | null>;
  /** The story's articles in the order they were added; null when unknown. */
  getArticles(id: string): Promise<StoredArticle[] | null>;
  /** Versions of a story's briefing that exist, oldest first. */
  listVersions(id: string): Promise<number[]>;
  /** Stories that have a briefing, as listStories lists them. */
  countStories(): Promise<number>;
  hasStory(id: string): Promise<boolean>;
  close(): Promise<void>;
  /** Stream: the stored story a clusterer story id was saved as; null when not yet saved. */
  streamStory(clusterId: string): Promise<string | null>;
  linkStreamStory(clusterId: string, storyId: string): Promise<void>;
  /**
   * Stream dedupe: records the article's keys (URL, text hash) unless one is already known;
   * resolves the id of the article first seen with such a key, or null when the article is new.
   */
  markSeen(keys: string[], articleId: string): Promise<string | null>;
  /** The clusterer's snapshot, saved so that a restarted ingest resumes where it stopped. */
  saveClusterState(snapshot: unknown): Promise<void>;
  loadClusterState(): Promise<unknown>;
  /** How many of the story's articles (the first n) version `version` was built from; null when no such version. */
  articlesAtVersion(id: string, version: number): Promise<number | null>;
  /** Stream: records that version `version` of story `id` was built from its first `articles` articles. */
  recordVersionArticles(id: string, version: number, articles: number): Promise<void>;
  /** Stream dedupe without recording: the id of the article first seen under one of `keys`; null when none is known. */
  findSeen(keys: string[]): Promise<string | null>;
  /**
   * Stream: writes one flush in ONE transaction: for each story, its new articles and briefing
   * as the next version (a new story as version 1, linked to its clusterer id), with the number of
   * articles that version was built from (see articlesAtVersion); every seen key (an already known
   * key is kept as it was); the clusterer snapshot. A crash at any point leaves all of it or none.
   * Checks every story first (see FlushResult) and writes nothing on a conflict.
   */
  commitFlush(flush: Flush): Promise<FlushResult>;
  /**
   * Runs `fn` holding the store's exclusive story-assignment lock, for clusterers in several
   * processes or machines sharing one store: while one holds it, any other withClusterLock on the
   * same store waits (in this process or another). The lock is a transaction: the calls `fn` makes
   * on this store (in its async context) join it and are seen by other callers only once `fn`
   * has resolved, all together; when `fn` throws, or the process dies, they are rolled back and
   * the lock is released. Other calls on this store made meanwhile from outside `fn` wait for it
   * on SQLite (one connection), and run beside it on PostgreSQL (seeing none of fn's writes
   * until it is done). Hold it briefly: load the clusterer state, assign, commitFlush.
   * PostgreSQL: pg_advisory_xact_lock on a fixed key, in a transaction on one connection.
   * SQLite: BEGIN IMMEDIATE (the database's write lock, which other processes wait on for
   * busy_timeout). A nested call from inside `fn` just runs.
   */
  withClusterLock<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Stream, the cheap half of a flush (for workers, under withClusterLock): in ONE transaction,
   * each story's new articles appended (a clusterer story not yet stored is created as version 0:
   * no briefing, not listed, until writeBriefing), the story marked "briefing stale" with the
   * number of articles it holds now, every seen key, the clusterer snapshot. Conflict-free: a
   * clusterer story stored meanwhile is appended to. The briefings are written later, by
   * writeBriefing, outside the lock.
   */
  commitArticles(flush: ArticlesFlush): Promise<CommittedStory[]>;
  /**
   * Stream, the costly half: writes `briefing`, built from the story's first `articles` articles,
   * as its next version, only if the story holds exactly that many articles now and its latest
   * briefing was built from fewer (checked in the write's own transaction, the story's row
   * locked); clears the stale marker it satisfies. A null briefing (nothing usable) clears the
   * marker and writes nothing. Resolves null when no story has that id.
   */
  writeBriefing(id: string, briefing: Briefing | null, articles: number): Promise<BriefingWrite | null>;
  /**
   * Stories marked stale (see commitArticles), the longest-marked first: all of them, or those
   * marked at least `olderThanMs` ago (by the database's clock), or only those among `ids`.
   */
  staleStories(options?: { olderThanMs?: number; limit?: number; ids?: string[] }): Promise<StaleStory[]>;
}

export type StoreOptions = SqliteOptions;

/** True when `path` names a PostgreSQL database (a postgres:// or postgresql:// URL). */
export function isPostgresUrl(path: string): boolean {
  return /^postgres(ql)?:\/\//i.test(path.trim());
}

/**
 * How to name a store in messages: a file name as given; a PostgreSQL URL without its password
 * (nor query parameters, which may carry one): postgres://user@host:port/database.
 */
export function storeLabel(path: string): string {
  return isPostgresUrl(path) ? urlWithoutSecrets(path) : path;
}

/**
 * Opens the store at `path`: a postgres:// or postgresql:// URL opens that PostgreSQL database
 * (which must exist); anything else is a SQLite file (created when missing), or ':memory:'.
 * Applies pending schema migrations before returning; a store written by a newer precis is
 * refused with nothing changed. Problems reaching or opening it throw an InputError naming
 * the store (a URL without its password).
 */
export async function openStore(path: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(path)) {
    // Loaded only when asked for: SQLite users never load the PostgreSQL client.
    const { openPgStore } = await import('./pg.js');
    return openPgStore(path.trim());
  }
  return openSqliteStore(path, options);
}

export { MIGRATIONS, SCHEMA_VERSION } from './sqlite.js';
