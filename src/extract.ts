// Ingest + clean, without the rest of the pipeline: what `precis extract` prints.
import { cleanUsable } from './brief/index.js';
import { readInputs } from './ingest/index.js';
import type { Article, Problem } from './types.js';

export interface ExtractResult {
  articles: Article[];
  problems: Problem[];
}

/** Reads and cleans articles from files, folders or "-"; bad inputs become problems (or throw with strict). */
export async function extract(inputs: string[], options: { strict?: boolean } = {}): Promise<ExtractResult> {
  const { articles, problems } = await readInputs(inputs, options);
  return cleanUsable(articles, problems, options, inputs.join(' '));
}
