// The hand-labelled real-text analysis gold (test/fixtures/gold-real/, format in its README):
// its schema, a loader, the matching normalisation, and the labelled articles' text read at run
// time from the evaluation data (never copied into the project).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot, sharedDir } from './helpers.js';
import { cleanArticle } from '../src/clean/index.js';
import { fromArticleInput } from '../src/ingest/index.js';
import { segment } from '../src/text/index.js';
import type { Doc } from '../src/types.js';

export const goldRealDir = path.join(repoRoot, 'test/fixtures/gold-real');

export const goldRealData = {
  multinews: path.join(sharedDir, 'data/multinews/dev.jsonl'),
  duc2007: path.join(sharedDir, 'data/duc2007/main.jsonl'),
} as const;

const Claim = z.strictObject({ value: z.string().min(1), article: z.number().int().min(0), quote: z.string().min(1) });

export const GoldReal = z.strictObject({
  set: z.enum(['multinews', 'duc2007']),
  id: z.string().min(1),
  articles: z.array(z.number().int().min(0)).min(1),
  half: z.enum(['choose', 'confirm', 'choose2', 'choose3']),
  /**
   * `conflicts`: only the figure conflicts are labelled (entities, quotes left empty, not scored);
   * `entities`: only entities, notEntities and apart (conflicts, quotes left empty, not scored).
   */
  scope: z.enum(['all', 'conflicts', 'entities']).optional(),
  entities: z.array(
    z.strictObject({
      name: z.string().min(1),
      type: z.enum(['person', 'organization', 'place', 'other']),
      forms: z.array(z.string().min(1)).min(1),
      role: z.string().min(1).optional(),
    }),
  ),
  notEntities: z.array(z.string().min(1)),
  apart: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  conflicts: z.array(
    z.strictObject({
      thing: z.string().min(1),
      nature: z.enum(['disagreement', 'update']),
      claims: z.array(Claim).min(2),
    }),
  ),
  notConflicts: z.array(z.strictObject({ why: z.string().min(1), claims: z.array(Claim).min(2) })),
  quotes: z.array(z.strictObject({ speaker: z.string().min(1).nullable(), article: z.number().int().min(0), quote: z.string().min(1) })),
  notes: z.string().optional(),
});
export type GoldReal = z.infer<typeof GoldReal>;

/** The README's matching normalisation: one space for any white space, ASCII quotes. */
export function normMatch(s: string): string {
  return s
    .replace(/``|''|[“”]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
}

/** The gold files in index order. */
export function goldRealFiles(): string[] {
  return (JSON.parse(readFileSync(path.join(goldRealDir, 'index.json'), 'utf8')) as { files: string[] }).files;
}

export function loadGoldReal(file: string): GoldReal {
  return GoldReal.parse(JSON.parse(readFileSync(path.join(goldRealDir, file), 'utf8')));
}

export function goldRealDataPresent(): boolean {
  return existsSync(goldRealData.multinews) && existsSync(goldRealData.duc2007);
}

/** The publication day (YYYY-MM-DD) of every article of both sets, keyed `<set>/<id>`; null where the data has none. */
export function goldRealDates(): Map<string, (string | null)[]> {
  const dates = new Map<string, (string | null)[]>();
  for (const set of ['multinews', 'duc2007'] as const) {
    for (const line of readFileSync(goldRealData[set], 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { id: string; articles: { date?: string }[] };
      dates.set(`${set}/${c.id}`, c.articles.map((a) => (typeof a.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : null)));
    }
  }
  return dates;
}

/** Raw article texts of every cluster of both sets, keyed `<set>/<id>`. */
export function goldRealTexts(): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const set of ['multinews', 'duc2007'] as const) {
    for (const line of readFileSync(goldRealData[set], 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { id: string; articles: { text: string }[] };
      texts.set(`${set}/${c.id}`, c.articles.map((a) => a.text));
    }
  }
  return texts;
}

/**
 * The labelled articles of a gold cluster as a briefing reads them: each with its date (when the
 * data gives one), through cleaning and the text stage; article i gets the id `a<i>`.
 */
export function goldRealDocs(file: string, g: GoldReal, arts: string[], dates?: (string | null)[]): Doc[] {
  return g.articles.map((i) => segment(cleanArticle(fromArticleInput({ text: arts[i]!, published: dates?.[i] ?? null }, `${file} article ${i}`, `a${i}`, null))));
}
