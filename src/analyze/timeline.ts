// The timeline: dated events across all sources, one item per event, each citing every source
// that reports it, in date order.
//
// An event is a sentence with a resolved date. The same event told by several outlets (wire
// copy, or the same fact in other words on the same day) becomes one item. A cluster mentions
// many dates in passing (background years, reporting days), so items are ranked by how many
// sources carry them and how close they sit to the story's own dates, and only the top few kept.
import type { Citation, Doc, Sentence, TimelineItem } from '../types.js';
import { overlap, profileOf, type Profile } from './agreement.js';
import type { DateMention } from './dates.js';

export interface TimelineInput {
  docs: Doc[];
  /** Sentence.id -> the dates it mentions (from findDates). */
  dates: Map<string, DateMention[]>;
  /** Near-duplicate groups of Sentence ids (from groupNearDuplicates). */
  groups: string[][];
  /** Article id -> its date (from articleDate), used to find the story's centre in time. */
  published: Record<string, string | null>;
}

export interface TimelineOptions {
  /** Items kept at most; by default 12 for a small cluster, growing slowly with its size. */
  maxItems?: number;
}

export interface Timeline {
  items: TimelineItem[];
  /** The first and last day-precision dates of the items (any precision when none has a day). */
  from: string | null;
  to: string | null;
}

/** Sentences shorter than this are date lines, captions or fragments, not events. */
const MIN_EVENT_TOKENS = 6;
/** Two same-day sentences tell one event when they share this share of the smaller one's content stems... */
const SAME_EVENT_OVERLAP = 0.4;
/** ...and at least this many content stems. */
const SAME_EVENT_MIN_SHARED = 3;
/** A reporting verb right before a date dates the statement, not the event ("said on Sunday"). */
const REPORTING_BEFORE = /\b(?:said|says|told|announced|added|confirmed|reported|stated|according)\s*$/i;

interface Event {
  sentence: Sentence;
  date: string;
  profile: Profile;
}

function maxItemsFor(docs: number): number {
  return docs <= 10 ? 12 : Math.min(24, 12 + Math.floor(docs / 10));
}

const DAY_MS = 86_400_000;

/** A date string's middle instant, for distances: "2025-03" -> mid-March, "2011" -> mid-2011. */
function midpoint(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (d !== undefined) return Date.UTC(y!, m! - 1, d);
  if (m !== undefined) return Date.UTC(y!, m! - 1, 15);
  return Date.UTC(y!, 6, 1);
}

/** The mention that dates a sentence's event: a day rather than a month or year, not the day something was said when the event has its own. */
function eventDate(sentence: Sentence, mentions: DateMention[]): string | null {
  const usable = mentions.filter((m) => !m.approximate);
  if (!usable.length) return null;
  const dateChars = usable.reduce((n, m) => n + (m.end - m.start), 0);
  if (dateChars > sentence.text.length / 2) return null; // a date line, not an event
  const precision = (m: DateMention) => m.date.length;
  const best = Math.max(...usable.map(precision));
  const precise = usable.filter((m) => precision(m) === best);
  const notReporting = precise.filter((m) => !REPORTING_BEFORE.test(sentence.text.slice(0, m.start - sentence.start)));
  return (notReporting[0] ?? precise[0])!.date;
}

function sameEvent(a: Event, b: Event): boolean {
  const shared = overlap(a.profile.stems, b.profile.stems);
  const smaller = Math.min(a.profile.stems.size, b.profile.stems.size);
  return shared >= SAME_EVENT_MIN_SHARED && shared / Math.max(1, smaller) >= SAME_EVENT_OVERLAP;
}

/** The span of the articles' own dates: the story happens within it, or near it. */
function storySpan(published: Record<string, string | null>): [number, number] | null {
  const days = Object.values(published)
    .filter((d): d is string => !!d)
    .map(midpoint)
    .sort((a, b) => a - b);
  if (!days.length) return null;
  return [days[0]!, days[days.length - 1]!];
}

/** Days from a date to the story's span (0 inside it). */
function distanceToSpan(date: string, span: [number, number] | null): number {
  if (!span) return 0;
  const t = midpoint(date);
  if (t < span[0]) return (span[0] - t) / DAY_MS;
  if (t > span[1]) return (t - span[1]) / DAY_MS;
  return 0;
}

/**
 * Each further item on a date already shown weighs this much less: a timeline is for seeing the
 * order of events, so five items of one busy day should not push out the only item of another.
 */
const SAME_DATE_DISCOUNT = 0.6;

/** The timeline of a cluster: merged, ranked, cut to the items that matter, in date order. */
export function buildTimeline(input: TimelineInput, options: TimelineOptions = {}): Timeline {
  const { docs, dates, groups } = input;
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));

  const events: Event[] = [];
  for (const d of docs) {
    for (const s of d.sentences) {
      const mentions = dates.get(s.id);
      if (!mentions?.length || s.tokens.length < MIN_EVENT_TOKENS) continue;
      const date = eventDate(s, mentions);
      if (date) events.push({ sentence: s, date, profile: profileOf(s) });
    }
  }

  // Merge events of one date: same near-duplicate group, or enough shared content words.
  const byDate = new Map<string, Event[]>();
  for (const e of events) {
    let list = byDate.get(e.date);
    if (!list) byDate.set(e.date, (list = []));
    list.push(e);
  }
  const clusters: Event[][] = [];
  for (const list of byDate.values()) {
    const parent = list.map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const gi = groupOf.get(list[i]!.sentence.id);
        const same = (gi !== undefined && gi === groupOf.get(list[j]!.sentence.id)) || sameEvent(list[i]!, list[j]!);
        if (same) parent[find(i)] = find(j);
      }
    }
    const byRoot = new Map<number, Event[]>();
    list.forEach((e, i) => {
      const root = find(i);
      let c = byRoot.get(root);
      if (!c) byRoot.set(root, (c = []));
      c.push(e);
    });
    clusters.push(...byRoot.values());
  }

  const span = storySpan(input.published);
  const docOrder = new Map(docs.map((d, i) => [d.article.id, i]));
  const scored = clusters.map((members) => {
    // One citation per source: its first sentence telling the event.
    const perSource = new Map<string, Event>();
    for (const e of members) {
      const prev = perSource.get(e.sentence.source);
      if (!prev || e.sentence.index < prev.sentence.index) perSource.set(e.sentence.source, e);
    }
    const chosen = [...perSource.values()].sort(
      (a, b) => docOrder.get(a.sentence.source)! - docOrder.get(b.sentence.source)! || a.sentence.index - b.sentence.index,
    );
    // The item reads as the most concise of its sentences that is still a full sentence.
    const text = [...chosen].sort((a, b) => a.sentence.tokens.length - b.sentence.tokens.length)[0]!.sentence.text.trim();
    const date = members[0]!.date;
    const precision = date.length === 10 ? 1 : date.length === 7 ? 0.4 : 0.1;
    const proximity = 1 / (1 + distanceToSpan(date, span) / 14); // two weeks outside the story's span halves the weight
    const score = (chosen.length + 1) * precision * (0.5 + proximity) - Math.min(...chosen.map((e) => e.sentence.index)) * 0.001;
    const citations: Citation[] = chosen.map((e) => ({ source: e.sentence.source, quote: e.sentence.text }));
    const first = Math.min(...chosen.map((e) => docOrder.get(e.sentence.source)! * 10_000 + e.sentence.index));
    return { item: { date, text, citations } as TimelineItem, score, first };
  });

  const limit = options.maxItems ?? maxItemsFor(docs.length);
  // Greedy: take the best item, discount the rest of its date, repeat.
  const pool = [...scored];
  const shownOnDate = new Map<string, number>();
  const kept: typeof scored = [];
  while (kept.length < limit && pool.length) {
    let bestAt = 0;
    let bestScore = -Infinity;
    pool.forEach((c, i) => {
      const adjusted = c.score * SAME_DATE_DISCOUNT ** (shownOnDate.get(c.item.date) ?? 0);
      if (adjusted > bestScore) {
        bestScore = adjusted;
        bestAt = i;
      }
    });
    const [best] = pool.splice(bestAt, 1);
    kept.push(best!);
    shownOnDate.set(best!.item.date, (shownOnDate.get(best!.item.date) ?? 0) + 1);
  }
  kept.sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.first - b.first));
  const items = kept.map((k) => k.item);

  const precise = items.filter((i) => i.date.length === 10).map((i) => i.date);
  const bounds = precise.length ? precise : items.map((i) => i.date);
  const sorted = [...bounds].sort();
  return { items, from: sorted[0] ?? null, to: sorted[sorted.length - 1] ?? null };
}
