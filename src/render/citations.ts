import type { Briefing, BriefingSource, Citation } from '../types.js';

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

/** The site of an http(s) URL, without "www."; null for anything else. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url.trim())) return null;
  try {
    return new URL(url.trim()).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * What a reader calls a source, short enough to label every citation: its outlet, else the site
 * of its URL, else its file's name, else its place in the list ("Article 3"). Never its title,
 * which for an article without a headline is its whole first sentence.
 */
export function shortLabel(source: BriefingSource, position: number): string {
  if (source.outlet?.trim()) return source.outlet.trim();
  const site = siteOf(source.url);
  if (site) return site;
  const file = source.path && source.path !== '-' ? source.path.split(/[\\/]/).pop() : null;
  return file || `Article ${position}`;
}

/** A source's short label (shortLabel) by its id. */
export function sourceLabel(b: Briefing, id: string): string {
  const at = b.sources.findIndex((x) => x.id === id);
  return at < 0 ? id : shortLabel(b.sources[at]!, at + 1);
}

/**
 * The quotation marks to put around a quote: none when the quoted sentence opens with its own
 * (a sentence that is itself a quotation), so a reader never sees doubled marks (“"As far as).
 */
export function quoteMarks(quote: string): [open: string, close: string] {
  return /^\s*["“”„‘’'«»]/.test(quote) ? ['', ''] : ['“', '”'];
}

/** What the briefing says of a section it found nothing for, in every format. */
export const NOTHING_FOUND = {
  summary: 'No summary could be drawn from these articles.',
  timeline: 'No dated events were found.',
  entities: 'No people, organisations or places were recognised.',
} as const;

/**
 * What a timeline says of articles that carry no date: only the dates they state in full could
 * be placed, never "on Tuesday". Null when every article is dated.
 */
export function undatedNote(undated: number): string | null {
  if (undated === 0) return null;
  const n = undated;
  return `${n} article${n === 1 ? ' has' : 's have'} no date of ${n === 1 ? 'its' : 'their'} own: only the absolute dates ${n === 1 ? 'it gives' : 'they give'} are used, relative ones ("on Tuesday") could not be resolved.`;
}

/** Sources of the briefing with no date of their own. */
export function undatedSources(b: Briefing): number {
  return b.sources.filter((s) => !s.published).length;
}

/** What the briefing says when no conflict was found: what was compared, never a blanket "no contradiction". */
export function noConflictNote(sources: number): string {
  if (sources < 2) return 'One source only: there was nothing to compare across sources.';
  return `No disagreement found between the ${sources} sources on the figures, dates and names that could be compared (a figure is compared only with figures counting the same thing).`;
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
