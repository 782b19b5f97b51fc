// Cross-source analysis: from the cluster's Docs to everything the briefing shows besides the
// summary: each article's date, the dates it mentions, near-duplicate groups, what each source
// alone reports, the timeline, entities and conflicting figures.
import type { Analysis, Doc, Entity } from '../types.js';
import { groupNearDuplicates, uniqueBySource } from './agreement/index.js';
import { findConflicts } from './figures/index.js';
import { findEntities } from './entities/index.js';
import { articleDate, findDates, type DateMention } from './dates/index.js';
import { buildTimeline } from './dates/index.js';
import { quotesOf, withQuotes } from './quotes/index.js';

export { articleDate, findDates, type DateMention } from './dates/index.js';
export { groupNearDuplicates, uniqueBySource } from './agreement/index.js';
export { buildTimeline, type Timeline, type TimelineInput, type TimelineOptions } from './dates/index.js';
export { findConflicts, type ConflictContext } from './figures/index.js';
export { findEntities } from './entities/index.js';
export { attributeQuotes, quotesOf, withQuotes, type Quotation } from './quotes/index.js';

/** Each article's date (metadata, else inferred from its text) and the dates its sentences mention. */
export function datesOf(docs: Doc[]): { published: Record<string, string | null>; dates: Map<string, DateMention[]> } {
  const published: Record<string, string | null> = {};
  const dates = new Map<string, DateMention[]>();
  for (const d of docs) {
    const date = articleDate(d);
    published[d.article.id] = date;
    for (const m of findDates(d, date)) {
      let list = dates.get(m.sentence);
      if (!list) dates.set(m.sentence, (list = []));
      list.push(m);
    }
  }
  return { published, dates };
}

export interface AnalyzeOptions {
  /** Entities found elsewhere (e.g. on another thread): then they are not looked for here. */
  entities?: Entity[];
  /** False: quotations are left for the caller to attribute (once the entities are known); the result has none. */
  quotes?: boolean;
}

export function analyze(docs: Doc[], options: AnalyzeOptions = {}): Analysis {
  const { published, dates } = datesOf(docs);
  const groups = groupNearDuplicates(docs);
  const unique = uniqueBySource(docs, groups);
  const timeline = buildTimeline({ docs, dates, groups, published });
  const conflicts = findConflicts(docs, { groups, published, dates });
  const found = options.entities ?? findEntities(docs);
  const quotes = options.quotes === false ? [] : quotesOf(docs, found);
  const entities = withQuotes(found, quotes);
  return {
    entities,
    timeline: timeline.items,
    conflicts,
    quotes,
    groups,
    unique,
    published,
    from: timeline.from,
    to: timeline.to,
  };
}
