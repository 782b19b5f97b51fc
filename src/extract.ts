// Ingest + clean, without the rest of the pipeline: what `precis extract` prints.
import { NothingUsableError } from './brief/index.js';
import { cleanArticle } from './clean/index.js';
import { describeArticle, readInputs } from './ingest/index.js';
import { InputError, type Article, type Problem } from './types.js';

export interface ExtractResult {
  articles: Article[];
  problems: Problem[];
}

/** Reads and cleans articles from files, folders or "-"; bad inputs become problems (or throw with strict). */
export async function extract(inputs: string[], options: { strict?: boolean } = {}): Promise<ExtractResult> {
  const { articles: raws, problems } = await readInputs(inputs, options);
  const articles: Article[] = [];
  for (const raw of raws) {
    const a = cleanArticle(raw);
    if (!a.text.trim()) {
      const p = { input: describeArticle(raw), message: 'no article text left after cleaning' };
      if (options.strict) throw new InputError(p.input, p.message);
      problems.push(p);
    } else articles.push(a);
  }
  if (articles.length === 0) throw new NothingUsableError(inputs.join(' '), problems);
  return { articles, problems };
}
