import type { ArticleInput, Briefing, Problem } from '../types.js';

export interface BriefOptions {
  /** Summary word budget (default 150). */
  words?: number;
  /** Story title; by default the most representative article title. */
  title?: string;
  /** Any bad input fails the whole brief (InputError) instead of being reported and skipped. */
  strict?: boolean;
}

export interface BriefResult {
  briefing: Briefing;
  /** Inputs that could not be used, one line each; the briefing was built from the others. */
  problems: Problem[];
}

/** Brief articles held in memory (the HTTP API, the library). Work in progress. */
export function briefArticles(_articles: ArticleInput[], _options: BriefOptions = {}): BriefResult {
  throw new Error('not yet');
}

/** Brief files and folders ("-" for stdin). Work in progress. */
export async function brief(_inputs: string[], _options: BriefOptions = {}): Promise<BriefResult> {
  throw new Error('not yet');
}
