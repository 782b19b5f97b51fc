// Big stories for the speed bench and the output-identity check, built at run time from the
// evaluation data beside the repository (never copied into it).
// The pool is every article of Multi-News dev, then DUC 2007 main, then the DUC 2007 update sets,
// then Timeline17 dev, each in file order; a story of N articles is the pool's first N, so every
// run reads the same articles. With dates where the data has them ("published").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const shared = path.resolve(repoRoot, '../shared');

const SOURCES = ['data/multinews/dev.jsonl', 'data/duc2007/main.jsonl', 'data/duc2007/update.jsonl', 'data/timeline17/t17-dev.jsonl'];

export interface PoolArticle {
  text: string;
  title?: string;
  published?: string;
}

interface Cluster {
  id: string;
  articles?: PoolArticle[];
  sets?: { articles: PoolArticle[] }[];
}

/** The evaluation files the pool needs that are missing (empty when all are there). */
export function missingPoolData(): string[] {
  return SOURCES.map((s) => path.join(shared, s)).filter((f) => !existsSync(f));
}

/** Every cluster of every pool file, in file order. */
export function poolClusters(): { file: string; id: string; articles: PoolArticle[] }[] {
  const out: { file: string; id: string; articles: PoolArticle[] }[] = [];
  for (const source of SOURCES) {
    for (const line of readFileSync(path.join(shared, source), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as Cluster;
      const articles = c.articles ?? (c.sets ?? []).flatMap((s) => s.articles);
      out.push({ file: source, id: c.id, articles: articles.map((a) => ({ text: a.text, title: a.title, published: a.published ?? (a as { date?: string }).date })) });
    }
  }
  return out;
}

let pool: PoolArticle[] | null = null;

/** The pool's first n articles (fewer when the pool is smaller). */
export function poolArticles(n: number): PoolArticle[] {
  pool ??= poolClusters().flatMap((c) => c.articles);
  return pool.slice(0, n);
}

/** Writes articles as a JSONL story (ids a1, a2, ...); returns its size in bytes. */
export function writeStory(file: string, articles: PoolArticle[]): number {
  const body = articles
    .map((a, i) => JSON.stringify({ id: `a${i + 1}`, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}), text: a.text }))
    .join('\n') + '\n';
  writeFileSync(file, body);
  return Buffer.byteLength(body);
}
