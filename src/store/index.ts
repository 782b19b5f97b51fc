// Where stories, their articles and every version of their briefing persist.
// The server codes against the Store interface only, so a PostgreSQL back end can be added
// later next to the SQLite one without touching the HTTP layer.
import type { ArticleInput, Briefing } from '../types.js';
import { openSqliteStore, type SqliteOptions } from './sqlite.js';

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
  /** Stories, most recently updated first. */
  listStories(options?: { limit?: number }): Promise<StorySummary[]>;
  /** The story with its latest briefing (or the given version); null when unknown. */
  getStory(id: string, version?: number): Promise<StoryRecord | null>;
  /** The story's articles in the order they were added; null when unknown. */
  getArticles(id: string): Promise<StoredArticle[] | null>;
  /** Versions of a story's briefing that exist, oldest first. */
  listVersions(id: string): Promise<number[]>;
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
}

export type StoreOptions = SqliteOptions;

/**
 * Opens (creating when missing) the store at `path`: a SQLite file, or ':memory:'.
 * Applies pending schema migrations before returning.
 */
export async function openStore(path: string, options: StoreOptions = {}): Promise<Store> {
  return openSqliteStore(path, options);
}

export { MIGRATIONS, SCHEMA_VERSION } from './sqlite.js';
