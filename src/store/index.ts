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

/** Builds the briefing for a story from all of its articles, oldest first. */
export type BriefingBuilder = (articles: StoryArticle[], title: string | null) => Briefing;

export interface NewStory {
  /** The title the caller asked for; null to let the briefing choose one. */
  title: string | null;
  articles: StoryArticle[];
  briefing: Briefing;
}

export interface Store {
  /** Saves a story, its articles and its first briefing (version 1) in one transaction. */
  createStory(story: NewStory): { id: string; version: number };
  /**
   * Adds articles to a story and stores the briefing rebuilt from all of its articles as the next
   * version, in one transaction: the rebuild sees exactly the articles it is stored with.
   * Returns null when no story has that id.
   */
  addArticles(id: string, articles: StoryArticle[], build: BriefingBuilder): { id: string; version: number } | null;
  /**
   * Adds articles with a briefing the caller already rebuilt from the story's articles as of
   * `expectedVersion`, in one transaction. Returns 'conflict' (and changes nothing) when another
   * write raised the version meanwhile: the caller rebuilds from the new state and retries.
   */
  appendArticles(
    id: string,
    articles: StoryArticle[],
    briefing: Briefing,
    expectedVersion: number,
  ): { id: string; version: number } | 'conflict' | null;
  /** Stories, most recently updated first. */
  listStories(options?: { limit?: number }): StorySummary[];
  /** The story with its latest briefing (or the given version); null when unknown. */
  getStory(id: string, version?: number): StoryRecord | null;
  getArticles(id: string): StoredArticle[] | null;
  /** Versions of a story's briefing that exist, oldest first. */
  listVersions(id: string): number[];
  countStories(): number;
  /** Does a story with this id exist? */
  hasStory(id: string): boolean;
  close(): void;
}

export type StoreOptions = SqliteOptions;

/**
 * Opens (creating when missing) the store at `path`: a SQLite file, or ':memory:'.
 * Applies pending schema migrations before returning.
 */
export function openStore(path: string, options: StoreOptions = {}): Store {
  return openSqliteStore(path, options);
}

export { MIGRATIONS, SCHEMA_VERSION } from './sqlite.js';
