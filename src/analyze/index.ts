import type { Analysis, Doc } from '../types.js';

// Placeholder until cross-source analysis lands.
export function analyze(docs: Doc[]): Analysis {
  const published: Record<string, string | null> = {};
  for (const d of docs) published[d.article.id] = d.article.published;
  return { entities: [], timeline: [], conflicts: [], groups: [], unique: {}, published, from: null, to: null };
}
