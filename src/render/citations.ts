import type { Briefing, Citation } from '../types.js';

/** Numbers every distinct citation of the summary, timeline and conflicts in order of first use. */
export class CitationIndex {
  private readonly numbers = new Map<string, number>();
  readonly list: Citation[] = [];

  number(c: Citation): number {
    const key = `${c.source}\u0000${c.quote}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.list.length + 1;
      this.numbers.set(key, n);
      this.list.push(c);
    }
    return n;
  }
}

/** A source's human label: its outlet when known, else its title. */
export function sourceLabel(b: Briefing, id: string): string {
  const s = b.sources.find((x) => x.id === id);
  if (!s) return id;
  return s.outlet ? s.outlet : s.title || id;
}

/** "from – to", one of them, or "" when the story has no dates. */
export function dateSpan(b: Briefing): string {
  const { from, to } = b.story;
  if (from && to && from !== to) return `${from} to ${to}`;
  return from ?? to ?? '';
}

/** Counts of removals per reason, most frequent first: "reader-comments ×12, related-links ×3". */
export function removalSummary(removed: { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([reason, n]) => (n > 1 ? `${reason} ×${n}` : reason)).join(', ');
}
