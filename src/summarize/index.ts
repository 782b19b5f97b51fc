import type { Doc, Selection } from '../types.js';

export interface SummarizeOptions {
  /** Word budget (default 150). */
  words?: number;
}

// Placeholder until the real summarizer lands: lead sentences, round robin across articles.
export function summarize(docs: Doc[], options: SummarizeOptions = {}): Selection {
  const budget = options.words ?? 150;
  const picked = [];
  let used = 0;
  const depth = Math.max(0, ...docs.map((d) => d.sentences.length));
  outer: for (let i = 0; i < depth; i++) {
    for (const d of docs) {
      const s = d.sentences[i];
      if (!s) continue;
      if (used + s.tokens.length > budget) {
        if (used > 0) break outer;
        continue;
      }
      picked.push(s);
      used += s.tokens.length;
    }
  }
  return { sentences: picked };
}
