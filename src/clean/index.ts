import type { Article, RawArticle } from '../types.js';

// Placeholder until the cleaning rules land: first line is the title, the rest is kept.
export function cleanArticle(raw: RawArticle): Article {
  const lines = raw.body.split(/\n/);
  const title = raw.title ?? (lines.find((l) => l.trim())?.trim() || raw.id);
  const text = raw.body.trim().replace(/\r\n?/g, '\n').replace(/\n\s*\n+/g, '\n\n');
  return {
    id: raw.id, path: raw.path, title, url: raw.url, published: raw.published, outlet: raw.outlet,
    byline: raw.byline, text, removed: [...raw.removed],
  };
}
