// Types of the stream stage: a stream of articles -> stories (online clustering) -> briefings kept
// current, with what changed since a version. The clustering (cluster.ts) and the change report
// (changes.ts) are pure functions of their inputs; the ingest loop, the stores and the workers
// call them through these types only.
import type { ArticleInput, Briefing, Citation, Conflict, SummaryItem, TimelineItem, BriefingSource } from '../types.js';

/** An article as a stream delivers it: what precis reads anywhere, with an optional caller id. */
export interface StreamArticle extends ArticleInput {
  id?: string | null;
}

/** Where one article went. */
export interface Assignment {
  /** The article's id: the caller's, else one derived from its position or content. */
  id: string;
  /** The story it joined. */
  story: string;
  /** True when this article opened a new story. */
  created: boolean;
  /** Id of an earlier article with the same text (wire copy reprinted), when there is one. */
  copyOf?: string;
}

export interface ClustererOptions {
  /** A story whose newest article is older than this (in days of article time) is closed. */
  windowDays?: number;
  /** Similarity an article needs to join a story (fitted default in cluster.ts). */
  threshold?: number;
}

/**
 * Online clustering: each article is assigned when it arrives, from what came before only.
 * Memory and time per article stay bounded (closed stories are dropped).
 */
export interface Clusterer {
  assign(article: StreamArticle): Assignment;
  /** Stories still open. */
  openStories(): number;
  /** A JSON-serialisable state from which `createClusterer(options, state)` resumes exactly. */
  snapshot(): unknown;
}

/** What is new in a story's briefing since an earlier version. */
export interface Changes {
  since: number;
  version: number;
  /** An update summary: facts in the new articles that version `since` did not carry. */
  summary: SummaryItem[];
  /** Timeline items not in version `since`. */
  timeline: TimelineItem[];
  /** Conflicts that are new, or whose claims changed (e.g. a death toll that rose). */
  conflicts: Conflict[];
  /** Sources added since version `since`. */
  sources: BriefingSource[];
}

/** What `whatsNew` (changes.ts) reads. */
export interface ChangesInput {
  since: number;
  version: number;
  /** The articles version `since` was built from, and those added after it. */
  before: ArticleInput[];
  added: ArticleInput[];
  previous: Briefing;
  current: Briefing;
  /** Words in the update summary (default 100). */
  words?: number;
}

export type { Citation };
