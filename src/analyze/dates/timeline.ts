// The timeline: dated events across all sources, one item per event, each citing every source
// that reports it, in date order.
//
// An event is a sentence with a resolved date. The same event told by several outlets (wire
// copy, or the same fact in other words on the same day) becomes one item. A cluster mentions
// many dates in passing (background years, reporting days), so items are ranked by how many
// sources carry them and how close they sit to the story's own dates, and only the top few kept.
import type { Citation, Doc, Sentence, TimelineItem } from '../../types.js';
import { overlap, profileOf, type Profile } from '../agreement/index.js';
import type { DateMention } from './dates.js';
import { isPastForm } from './date-tense.js';
import { shownAlone, standsAlone } from '../../text/standalone.js';

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
  /** What the item says when it is not the whole sentence (the opening clause of a two-date sentence). */
  text?: string;
  profile: Profile;
  /** Stems of the words right around the date: the verb and noun the date belongs to ("recount would begin"). */
  near: Set<string>;
  /** The sentence before it, shown with it because this one leans on it. */
  lead?: Sentence;
}

/** What an event's item says: its own text, after the sentence it leans on when it has one. */
function eventText(e: Event): string {
  return e.lead ? `${e.lead.text.trim()} ${e.sentence.text.trim()}` : (e.text ?? e.sentence.text);
}

/** Irregular past forms -> the stem of their base form, so "began" meets "begin" (Porter stems do not). */
const IRREGULAR_BASE = new Map(
  Object.entries({
    began: 'begin', broke: 'break', took: 'take', held: 'hold', met: 'meet', went: 'go', came: 'come', gave: 'give',
    left: 'leav', won: 'win', lost: 'lose', fell: 'fall', rose: 'rise', ran: 'run', sent: 'send', struck: 'strike',
    brought: 'bring', fought: 'fight', led: 'lead', fled: 'flee', spoke: 'speak', wrote: 'write', chose: 'choos',
    drove: 'drive', flew: 'fli', grew: 'grow', knew: 'know', threw: 'throw', drew: 'draw', shot: 'shoot', kept: 'keep',
    built: 'build', paid: 'pai', sold: 'sell', tore: 'tear', became: 'becom', withdrew: 'withdraw', sank: 'sink',
    found: 'find', stood: 'stand', told: 'tell', said: 'sai', made: 'make', saw: 'see', sat: 'sit', swore: 'swear',
  }),
);

/** Content words before / after the date expression that name the dated event. */
const NEAR_BEFORE = 4;
const NEAR_AFTER = 0;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const DATE_WORDS =
  /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|on|in|at|late|early|last|next|this|morning|afternoon|evening|night|week|weekend|day|year|month|\d+(?:st|nd|rd|th)?)$/;

/** The stems of the content words nearest a date mention in its sentence, names and date words left out. */
function wordsNear(sentence: Sentence, mention: DateMention, profile: Profile): Set<string> {
  const words = [...sentence.text.matchAll(WORD)].map((m) => ({ at: sentence.start + (m.index ?? 0), text: m[0] }));
  const out = new Set<string>();
  if (words.length !== sentence.stems.length) return out;
  const base = (i: number) => IRREGULAR_BASE.get(sentence.tokens[i]!) ?? sentence.stems[i]!;
  const usable = (i: number) => {
    const stem = sentence.stems[i]!;
    return profile.stems.has(stem) && !profile.names.has(stem) && !DATE_WORDS.test(sentence.tokens[i]!);
  };
  let taken = 0;
  for (let i = words.length - 1; i >= 0 && taken < NEAR_BEFORE; i--) {
    if (words[i]!.at >= mention.start) continue;
    if (usable(i)) {
      out.add(base(i));
      taken++;
    }
  }
  taken = 0;
  for (let i = 0; i < words.length && taken < NEAR_AFTER; i++) {
    if (words[i]!.at < mention.end) continue;
    if (usable(i)) {
      out.add(base(i));
      taken++;
    }
  }
  return out;
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

/** Verbs whose "that" opens a reported clause (the event itself), not a relative clause. */
const COMPLEMENT_VERBS =
  /^(?:said|says|say|told|tells|announced|announces|confirmed|confirms|warned|warns|added|adds|believed|believes|thinks|thought|knew|knows|claimed|claims|reported|reports|stated|states|insisted|insists|noted|notes|explained|explains|argued|argues|agreed|agrees|learned|heard|showed|shows|found|revealed|denied|admitted|acknowledged|hoped|hopes|expects|expected|feared|fears)$/i;

/**
 * Whether the text before a date ends inside a relative clause opened after a noun ("rain that
 * began ", ", which opened "). A second verb after the pronoun means the relative clause has
 * closed and the main clause goes on ("rain that began on Friday pushed the river ... ").
 */
function inRelativeClause(before: string): boolean {
  const m = /(?:,\s*|\b([\p{L}']+)\s+)(?:that|which|who)\b([^,;]*)$/iu.exec(before);
  if (!m) return false;
  if (m[1] !== undefined && COMPLEMENT_VERBS.test(m[1])) return false;
  if (m[1] === undefined && /^\s*that\b/i.test(m[0].replace(/^,\s*/, ''))) return false; // ", that ..." is not relative
  const verbs = (m[2]!.toLowerCase().match(/[\p{L}']+/gu) ?? []).filter(isPastForm).length;
  return verbs < 2;
}

/** The mention that dates a sentence's event: a day rather than a month or year, not the day something was said when the event has its own. */
function eventDate(sentence: Sentence, mentions: DateMention[]): DateMention | null {
  // "since 2015" starts a state ("has led the council since 2015"), it does not date an event.
  // "as of August 2016" dates a state of affairs, and "on or after August 1" a rule's scope:
  // neither is an event.
  const usable = mentions.filter(
    (m) => !m.approximate && !/^since\b/i.test(m.text) && !/\b(?:as of|on or (?:after|before))\s*$/i.test(sentence.text.slice(0, m.start - sentence.start)),
  );
  if (!usable.length) return null;
  const dateChars = usable.reduce((n, m) => n + (m.end - m.start), 0);
  if (dateChars > sentence.text.length / 2) return null; // a date line, not an event
  const precision = (m: DateMention) => m.date.length;
  const best = Math.max(...usable.map(precision));
  const precise = usable.filter((m) => precision(m) === best);
  const notReporting = precise.filter((m) => !REPORTING_BEFORE.test(sentence.text.slice(0, m.start - sentence.start)));
  // A date inside a relative clause ("rain that began on Friday pushed the river over its banks
  // early on Sunday") dates a detail; the main clause's date dates the event.
  const main = notReporting.filter((m) => !inRelativeClause(sentence.text.slice(0, m.start - sentence.start)));
  return main[0] ?? notReporting[0] ?? precise[0]!;
}

/**
 * Two same-date sentences tell one event when they share much of their content, or when the
 * words right around the date share a word ("recount would begin" / "recount, which began") and
 * the sentences share at least one more.
 */
/** Where an opening clause ends: a relative or coordinated clause, a semicolon or a dash. */
// "... said on Wednesday that it had found the recorder and would publish ... by December 5": a
// second predicate of the reported clause, coordinated without a comma, carrying its own future.
const CLAUSE_END = /,\s+(?:who|which|where|while|and|but|as|when|after|before|with)\b|;\s|\s[–—]\s|\s+and\s+(?:would|will|is due to|was due to|plans to|planned to|expects to|expected to)\s/g;

/**
 * "The board said on Sunday that it would recommend the offer to shareholders, who will vote at a
 * meeting on May 2": the sentence is dated by May 2, but its opening clause is a dated event of its
 * own (a statement with content, 'said on Sunday that ...'). Returns that clause and its date
 * when the sentence opens with such a statement and its event date lies in a later clause.
 */
function openingStatement(sentence: Sentence, mentions: DateMention[], primary: DateMention): { mention: DateMention; text: string } | null {
  const text = sentence.text;
  let end = -1;
  for (const m of text.matchAll(CLAUSE_END)) {
    end = m.index ?? -1;
    break;
  }
  if (end < 0 || primary.start - sentence.start < end) return null;
  const reporting = mentions.find((m) => {
    const at = m.start - sentence.start;
    return at < end && m !== primary && m.date.length === 10 && !m.approximate && m.date !== primary.date && REPORTING_BEFORE.test(text.slice(0, at)) && /^\s*(?:,\s*)?that\b/i.test(text.slice(m.end - sentence.start));
  });
  if (!reporting) return null;
  const clause = text.slice(0, end).trim();
  if (clause.split(/\s+/).length < MIN_EVENT_TOKENS) return null;
  return { mention: reporting, text: `${clause}.` };
}

function sameEvent(a: Event, b: Event): boolean {
  const shared = overlap(a.profile.stems, b.profile.stems);
  const smaller = Math.min(a.profile.stems.size, b.profile.stems.size);
  if (shared >= SAME_EVENT_MIN_SHARED && shared / Math.max(1, smaller) >= SAME_EVENT_OVERLAP) return true;
  let nearShared = 0;
  let nearOnly = 0; // shared only once irregular past forms are mapped to their base ("began" ~ "begin")
  for (const w of a.near) {
    if (!b.near.has(w)) continue;
    nearShared++;
    if (!(a.profile.stems.has(w) && b.profile.stems.has(w))) nearOnly++;
  }
  return nearShared >= 1 && shared + nearOnly >= 2;
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

/** Finite verbs and auxiliaries that show a sentence tells something, besides past forms. */
const FINITE = new Set(
  'is are was were be been being am will would can could may might must shall should has have had do does did says say tells opens begins starts ends meets'.split(' '),
);

/**
 * "4 March, 1996, at the opening of the new bridge.", "Statement on the harbour closure,
 * October 3, 2019:": a line with no verb is a caption, a heading or a list entry,
 * not an event.
 */
export function hasVerb(text: string): boolean {
  for (const m of text.toLowerCase().replace(/’/g, "'").matchAll(/[\p{L}']+/gu)) {
    const w = m[0];
    if (FINITE.has(w) || isPastForm(w) || /n't$/.test(w)) return true;
  }
  return false;
}

// Abbreviations that never end a sentence: a title before a name, a month before its day.
const NEEDS_CONTINUATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.[\s"”’)]*$/;

/**
 * A sentence that stops on "Mr." or "Jan." was cut off where a scrape or a preview ended
 * ("... bought the house from Mr."): half an event, not an item to show.
 */
export function endsCutOff(text: string): boolean {
  return NEEDS_CONTINUATION.test(text.trim());
}

const MONTH_NAME = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// A date stamp run into the next line: "July 31, 2013 A woman waves ...", "31 July 2013 The ...".
const STAMP_THEN_LINE = new RegExp(`^(?:${MONTH_NAME} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH_NAME},? \\d{4})\\s+\\p{Lu}`, 'u');
// A photographer's credit closing the line: "... in the square, May 2 2019 (Jane Roe)".
const CREDIT_AT_END = /\(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*\/\s*[^)]{1,40})?\)$/u;

// A gallery caption led by its date, with no main clause after it: "November 1989, as the wall
// fell.", "June 3, 1990, speaking to reporters in Bonn."
const DATE_THEN_ASIDE = new RegExp(
  `^(?:\\d{1,2} )?${MONTH_NAME}(?: \\d{1,2})?,? \\d{4},\\s+(?:as|when|while|after|before|during|on|at|in|with|shortly|just|\\p{Ll}+ing)\\b`,
  'u',
);

/**
 * A photo caption or a page's date stamp glued to a line: the date says when the page or the
 * picture was made, and the line is no event of the story.
 */
export function isStampOrCaption(text: string): boolean {
  const t = text.trim();
  return STAMP_THEN_LINE.test(t) || CREDIT_AT_END.test(t) || DATE_THEN_ASIDE.test(t);
}

/** The timeline of a cluster: merged, ranked, cut to the items that matter, in date order. */
export function buildTimeline(input: TimelineInput, options: TimelineOptions = {}): Timeline {
  const { docs, dates, groups } = input;
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));

  const events: Event[] = [];
  for (const d of docs) {
    // An item is read alone: a sentence leaning on the one before it ("The man ... died in
    // hospital on Tuesday", the end of a quotation) brings that sentence along when it stands
    // alone itself, and is no item otherwise.
    let alone: boolean[] | null = null;
    for (const s of d.sentences) {
      const mentions = dates.get(s.id);
      if (!mentions?.length || s.tokens.length < MIN_EVENT_TOKENS || !hasVerb(s.text) || endsCutOff(s.text) || isStampOrCaption(s.text)) continue;
      alone ??= shownAlone(d.sentences);
      let lead: Sentence | undefined;
      if (!alone[s.index]) {
        const before = d.sentences[s.index - 1];
        if (!before || !alone[before.index] || !standsAlone(s, true)) continue;
        lead = before;
      }
      const mention = eventDate(s, mentions);
      if (!mention) continue;
      const profile = profileOf(s);
      events.push({ sentence: s, date: mention.date, profile, near: wordsNear(s, mention, profile), lead });
      if (lead) continue;
      const opening = openingStatement(s, mentions, mention);
      if (opening) events.push({ sentence: s, date: opening.mention.date, text: opening.text, profile, near: wordsNear(s, opening.mention, profile) });
    }
  }

  // Merge events of one date: same near-duplicate group, or enough shared content words.
  const byDate = new Map<string, Event[]>();
  for (const e of events) {
    let list = byDate.get(e.date);
    if (!list) byDate.set(e.date, (list = []));
    list.push(e);
  }
  // Leader clustering, not single link: an event joins a cluster only if it tells the same event
  // as the cluster's first sentence (or is wire copy of one of its sentences), so a chain of
  // loosely similar sentences ("talks ended" ~ "ships waited at the port" ~ ...) cannot merge a
  // busy day into one item.
  const clusters: Event[][] = [];
  for (const list of byDate.values()) {
    const own: Event[][] = [];
    for (const e of list) {
      const group = groupOf.get(e.sentence.id);
      const home = own.find(
        (c) => sameEvent(c[0]!, e) || (group !== undefined && c.some((m) => groupOf.get(m.sentence.id) === group)),
      );
      if (home) home.push(e);
      else own.push([e]);
    }
    clusters.push(...own);
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
    const shortest = [...chosen].sort((a, b) => eventText(a).length - eventText(b).length)[0]!;
    const text = eventText(shortest).trim();
    const date = members[0]!.date;
    const precision = date.length === 10 ? 1 : date.length === 7 ? 0.4 : 0.1;
    const proximity = 1 / (1 + distanceToSpan(date, span) / 14); // two weeks outside the story's span halves the weight
    const score = (chosen.length + 1) * precision * (0.5 + proximity) - Math.min(...chosen.map((e) => e.sentence.index)) * 0.001;
    // A background year ("in 2016") earns a place only when two sources bring it up: one
    // article's aside is context, not part of the story's timeline.
    if (date.length === 4 && chosen.length < 2) return null;
    const citations: Citation[] = chosen.flatMap((e) => [
      ...(e.lead ? [{ source: e.sentence.source, quote: e.lead.text }] : []),
      { source: e.sentence.source, quote: e.sentence.text },
    ]);
    const first = Math.min(...chosen.map((e) => docOrder.get(e.sentence.source)! * 10_000 + e.sentence.index));
    return { item: { date, text, citations } as TimelineItem, score, first };
  }).filter((c): c is NonNullable<typeof c> => c !== null);

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

  return { items, ...storyBounds(items, input.published) };
}

/**
 * The story's span: its first and last day-precision items. With none, the month and year
 * items bound it only when some article is dated: then they sit near the reporting. In a
 * cluster of undated articles a lone "in March 2014" is background the reporter recalls, and
 * a span set by it would misdate the whole story, so the span stays unknown (null).
 */
export function storyBounds(items: readonly TimelineItem[], published: Record<string, string | null>): { from: string | null; to: string | null } {
  const precise = items.filter((i) => i.date.length === 10).map((i) => i.date);
  const dated = Object.values(published).some((d) => d !== null);
  const bounds = precise.length ? precise : dated ? items.map((i) => i.date) : [];
  const sorted = [...bounds].sort();
  return { from: sorted[0] ?? null, to: sorted[sorted.length - 1] ?? null };
}
