// Dates in news text: each article's own date, and every date a sentence mentions, resolved
// against that article date.
//
// chrono-node finds the expressions; the rules here decide what they mean in news copy:
// - a weekday follows the tense of its clause ("said on Saturday" -> the Saturday before the
//   article, "opens on Tuesday" / "will meet on Tuesday" -> the coming one); chrono alone takes
//   the nearest one either way;
// - a date without a year ("November 28", "Jan. 29-30") takes the year that puts it closest to
//   the article date, with the clause's tense breaking near-ties;
// - nothing is ever resolved against today or the crawl time: an undated article yields only
//   dates that carry their own year.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { Doc } from '../../types.js';
import { clauseTense, type Tense } from './date-tense.js';

/** One date mentioned in a sentence, resolved to a calendar date. */
export interface DateMention {
  /** Sentence.id */
  sentence: string;
  /** The expression as written ("on Saturday", "Jan. 29-30", "since 2011"). */
  text: string;
  /** Offsets in Article.text: text === article.text.slice(start, end). */
  start: number;
  end: number;
  /** YYYY-MM-DD | YYYY-MM | YYYY */
  date: string;
  /** True when the expression only means something against the article date ("on Saturday", "yesterday", "last week"). */
  relative: boolean;
  /** True when the expression names a span rather than a day ("last week", "this week", "the weekend"). */
  approximate?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * chrono's casual English parser without the parts that only find times of day and time zones
 * ("07:55", "at six in the morning", "CET"): a time never changes the date we keep, and those
 * parsers and refiners cost about a third of the parse.
 */
const newsChrono = (() => {
  const c = chrono.casual.clone();
  const drop = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser', 'ExtractTimezoneAbbrRefiner', 'ExtractTimezoneOffsetRefiner']);
  c.parsers = c.parsers.filter((p) => !drop.has(p.constructor.name));
  c.refiners = c.refiners.filter((r) => !drop.has(r.constructor.name));
  return c;
})();
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = /\b(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\b/i;
const MONTH_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/i;

/**
 * The cost, in days, of reading a year-less date on the "wrong" side of the article date for
 * the clause's tense. Within two weeks it is a mild 60 days: a past-tense clause naming a date a
 * few days ahead is usually a preview ("discussed the congress on Jan. 29-30"). Further out the
 * tense decides: "the trial began on January 9" in an October article is last January, even
 * though next January is closer.
 */
const TENSE_PENALTY_DAYS = 60;
const TENSE_NEAR_DAYS = 14;
const TENSE_DECISIVE_DAYS = 400;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC, so a date never shifts with the machine's time zone)

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A day or month that exists (Feb. 30 does not). */
function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A metadata date ("2025-03-16T14:20:00+01:00", "2025-03-16", "2025-03", "2025") -> YYYY-MM-DD | YYYY-MM | YYYY. */
function normalizeIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return s;
  if (/^\d{4}$/.test(s)) return s;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The article's own date

/** Words allowed on a date line besides the date itself (labels, outlets, bylines are short). */
const DATE_LINE_MAX_OTHER_WORDS = 8;
/** How many leading paragraphs of a scraped text may hold the date line (title, outlet, byline, date). */
const HEAD_PARAGRAPHS = 8;

/** A full date with its own year on a short line that is little else: "Published: 6 November 2023". */
function dateOfDateLine(line: string): { date: string; updated: boolean } | null {
  const text = line.trim();
  // Only a result with a written four-digit year is kept below: skip chrono when there is none.
  if (!text || text.length > 160 || !/\d{4}/.test(text)) return null;
  const results = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)));
  for (const r of results) {
    if (!(r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))) continue;
    if (!/\b\d{4}\b/.test(r.text)) continue;
    const rest = (text.slice(0, r.index) + ' ' + text.slice(r.index + r.text.length)).replace(/\b\d{1,2}[:.]\d{2}\b/g, ' ');
    const others = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (others.length > DATE_LINE_MAX_OTHER_WORDS) continue;
    const y = r.start.get('year')!;
    const m = r.start.get('month')!;
    const d = r.start.get('day')!;
    if (!validDay(y, m, d)) continue;
    return { date: `${y}-${pad(m)}-${pad(d)}`, updated: /\b(updated|modified|edited|last changed)\b/i.test(rest) };
  }
  return null;
}

/** The head of a paragraph up to the dash that ends a wire dateline (an optional "(Agency)" before it). */
const DATELINE = /^([^\n]{4,80}?)\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]{1,2}\s/;

/**
 * The article's own date: its metadata date first; else a date line near the top of the text
 * ("March 16, 2025", "Published: 6 November 2023", "Coastline Post · March 19, 2025 · By ...")
 * or one the cleaner removed as a date line. Only dates with an explicit year count; an
 * "Updated" line is used only when no other date line exists. Null when none: never today.
 */
export function articleDate(doc: Doc): string | null {
  const fromMeta = normalizeIso(doc.article.published);
  if (fromMeta) return fromMeta;
  const found: { date: string; updated: boolean }[] = [];
  const paragraphs = doc.article.text.split(/\n\s*\n/).slice(0, HEAD_PARAGRAPHS);
  for (const p of paragraphs) {
    for (const line of p.split('\n')) {
      const hit = dateOfDateLine(line.replace(/^[#*_>\s]+|[*_\s]+$/g, ''));
      if (hit) found.push(hit);
    }
  }
  for (const r of doc.article.removed) {
    // Comments and teasers carry their own dates ("posted March 17, 2025"): only lines the
    // cleaner itself tagged as a date, or lines that are nothing but a date, are trusted.
    if (/comment|teaser|related|more news|share|tag/i.test(r.reason) && !/date/i.test(r.reason)) continue;
    for (const line of r.text.split('\n')) {
      const hit = dateOfDateLine(line);
      if (hit && (/date/i.test(r.reason) || line.trim().split(/\s+/).length <= 6)) found.push(hit);
    }
  }
  if (!found.length) {
    // A wire dateline opening the body: "VELMAR, March 16, 2025 (Reuters) - Two workers ...".
    for (const p of paragraphs.slice(0, 3)) {
      const m = DATELINE.exec(p);
      const hit = m ? dateOfDateLine(m[1]!) : null;
      if (hit) {
        found.push(hit);
        break;
      }
    }
  }
  const published = found.filter((f) => !f.updated);
  const pool = published.length ? published : found;
  if (!pool.length) return null;
  // The earliest: a page showing both a publication and a later revision date was first published on the former.
  return pool.map((f) => f.date).sort()[0]!;
}

// ---------------------------------------------------------------------------------------------
// Dates mentioned in the text

/** Year expressions chrono leaves alone: "in 2011", "since the beginning of 2017", "by 2030". */
const YEAR_PHRASE =
  /\b(?:(?:in|since|by|until|till|from|before|after|during|through|of|early|late|mid|mid-|end of|start of|beginning of|the beginning of|the end of|the start of|spring|summer|autumn|fall|winter)\s+)+((?:1[89]|20)\d\d)\b(?![,.]?\d)(?!\s*(?:people|votes|ballots|delegates|tonnes|troops|workers|residents|homes|euros|dollars|pounds|km|kilometres|miles|metres|meters))/gi;

/**
 * A cheap pre-check before chrono (which costs far more per sentence): a weekday, a month name
 * (or an abbreviation before a number), a deictic word, a four-digit number or a numeric date.
 * A sentence failing it holds nothing chrono would turn into a date we keep.
 */
const MAY_HOLD_DATE =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s*\d+|today|tonight|yesterday|tomorrow|ago|weekend|week|month|year|\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b/i;

/** Deictic words that need the article date to mean anything. */
const RELATIVE_WORDS = /\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this|coming|earlier|later|weekend|week|month|year)\b/i;

type Kind = 'weekday' | 'deictic' | 'calendar' | 'yearless' | 'month';

interface Candidate {
  index: number;
  text: string;
  date: string;
  relative: boolean;
  approximate: boolean;
}

function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/**
 * The day a weekday names, from the article date and the clause's tense: "last"/past -> on or
 * before the article day, "next"/future -> on or after it; the article's own weekday is the
 * article day itself ("said on Sunday" in a Sunday paper) unless "last"/"next" says otherwise.
 */
export function resolveWeekday(refMs: number, weekday: number, tense: Tense | null, modifier: 'last' | 'next' | null): number {
  const refDay = new Date(refMs).getUTCDay();
  const back = (refDay - weekday + 7) % 7;
  const ahead = (weekday - refDay + 7) % 7;
  if (modifier === 'next') return addDays(refMs, ahead === 0 ? 7 : ahead);
  if (modifier === 'last') return addDays(refMs, -(back === 0 ? 7 : back));
  if (tense === 'future') return addDays(refMs, ahead);
  return addDays(refMs, -back); // news reports the past unless the clause says otherwise
}

/** The year for a month (and day) written without one: closest to the article date, tense breaking near-ties. */
export function resolveYearless(refMs: number, month: number, day: number | null, tense: Tense | null): number | null {
  const refYear = new Date(refMs).getUTCFullYear();
  let best: { year: number; cost: number } | null = null;
  for (const year of [refYear - 1, refYear, refYear + 1]) {
    if (day !== null && !validDay(year, month, day)) continue;
    const ms = Date.UTC(year, month - 1, day ?? 15);
    const offset = (ms - refMs) / DAY_MS;
    let cost = Math.abs(offset);
    // A month named on its own spans it: "in March" in a March article is this March.
    if (day === null && Math.abs(offset) <= 16) cost = 0;
    const wrongSide = (tense === 'past' && offset > 0) || (tense === 'future' && offset < 0);
    if (wrongSide) cost += Math.abs(offset) <= TENSE_NEAR_DAYS ? TENSE_PENALTY_DAYS : TENSE_DECISIVE_DAYS;
    if (!best || cost < best.cost) best = { year, cost };
  }
  return best?.year ?? null;
}

/** A length of time, not a point in it: "for three days", "for a fortnight", "for 10 weeks". */
const DURATION = /^for\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+)?(?:days?|nights?|weeks?|fortnights?|months?|years?)\b/i;

/** Words that put the date after them aside: "not next month", "rather than on Friday". */
const SET_ASIDE = /\b(?:not|rather than|instead of)\s+$/i;

/** Offsets from another event, not from the article date: "a day later", "two weeks after". */
const ANAPHORIC = /\b(?:later|after|before|earlier|afterwards|prior)\s*$/i;

function kindOf(r: ParsedResult): Kind | null {
  const s = r.start;
  if (/^(?:right\s+)?now$/i.test(r.text.trim())) return null; // "now" is when the writer wrote, not an event date
  if (ANAPHORIC.test(r.text) && !WEEKDAY_RE.test(r.text) && !MONTH_RE.test(r.text)) return null;
  if (/\bweekend\b/i.test(r.text)) return 'weekday';
  // "for three days", "for two weeks": how long something lasted, which chrono reads as that
  // many days after the article date.
  if (DURATION.test(r.text)) return null;
  const hasYear = /\b\d{4}\b/.test(r.text) && s.isCertain('year');
  if (s.isCertain('day') && s.isCertain('month')) {
    if (hasYear) return 'calendar';
    if (MONTH_RE.test(r.text) || /\b\d{1,2}[./-]\d{1,2}\b/.test(r.text)) {
      return RELATIVE_WORDS.test(r.text) && !MONTH_RE.test(r.text) ? 'deictic' : 'yearless';
    }
    return 'deictic'; // "yesterday", "three days ago", "end of next week": chrono fills in day and month
  }
  if (s.isCertain('month') && !s.isCertain('day')) {
    if (hasYear) return 'calendar';
    // "next month", "last month": no month name, so chrono's month from the article date stands.
    return RELATIVE_WORDS.test(r.text) && !MONTH_RE.test(r.text) ? 'deictic' : 'month';
  }
  if (s.get('weekday') !== null && s.get('weekday') !== undefined && WEEKDAY_RE.test(r.text)) return 'weekday';
  if (s.isCertain('year') && RELATIVE_WORDS.test(r.text)) return 'deictic';
  if (RELATIVE_WORDS.test(r.text) && /\b(week|weekend|today|tonight|yesterday|tomorrow)\b/i.test(r.text)) return 'deictic';
  return null;
}

function resolve(r: ParsedResult, sentence: string, refMs: number | null): Candidate | null {
  const kind = kindOf(r);
  if (!kind) return null;
  const text = r.text.replace(/[\s,.;:]+$/, '');
  const start = r.start;
  const tense = () => clauseTense(sentence, r.index, r.index + r.text.length);
  if (kind === 'calendar') {
    const y = start.get('year')!;
    const m = start.get('month')!;
    if (start.isCertain('day')) {
      const d = start.get('day')!;
      if (!validDay(y, m, d)) return null;
      return { index: r.index, text, date: `${y}-${pad(m)}-${pad(d)}`, relative: false, approximate: false };
    }
    return { index: r.index, text, date: `${y}-${pad(m)}`, relative: false, approximate: false };
  }
  if (refMs === null) return null; // nothing below has a year of its own
  if (kind === 'yearless') {
    const m = start.get('month')!;
    const d = start.get('day')!;
    const year = resolveYearless(refMs, m, d, tense());
    if (year === null) return null;
    return { index: r.index, text, date: `${year}-${pad(m)}-${pad(d)}`, relative: false, approximate: false };
  }
  if (kind === 'month') {
    // A month name alone must be written as one ("in November"), not the verb "may" or "march".
    const word = MONTH_RE.exec(sentence.slice(r.index, r.index + r.text.length));
    if (!word || !/^[A-Z]/.test(word[0])) return null;
    const m = start.get('month')!;
    const year = resolveYearless(refMs, m, null, tense());
    if (year === null) return null;
    return { index: r.index, text, date: `${year}-${pad(m)}`, relative: false, approximate: false };
  }
  if (kind === 'weekday') {
    // "the weekend" is read as its Saturday, with the same tense rule as a weekday.
    const weekday = /\bweekend\b/i.test(r.text) ? 6 : start.get('weekday')!;
    const modifier = /\b(?:next|coming)\b/i.test(r.text) ? 'next' : /\b(?:last|past|previous)\b/i.test(r.text) ? 'last' : null;
    const ms = resolveWeekday(refMs, weekday, tense(), modifier);
    const approximate = /weekend/i.test(r.text);
    return { index: r.index, text, date: isoDay(ms), relative: true, approximate };
  }
  // deictic: chrono computed it from the reference instant, which is the article date here.
  const lower = r.text.toLowerCase();
  if (/\b(years?)\b/.test(lower)) {
    return { index: r.index, text, date: String(start.get('year')), relative: true, approximate: false };
  }
  if (/\b(months?)\b/.test(lower)) {
    return { index: r.index, text, date: `${start.get('year')}-${pad(start.get('month')!)}`, relative: true, approximate: false };
  }
  const approximate = /\b(week|weekend)\b/.test(lower);
  let ms = Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!);
  if (/\bthis week\b/.test(lower)) ms = refMs;
  return { index: r.index, text, date: isoDay(ms), relative: true, approximate };
}

/**
 * Every date a document's sentences mention, resolved against the article date. With no
 * article date, only expressions carrying their own year are kept.
 */
export function findDates(doc: Doc, articleDateValue: string | null): DateMention[] {
  const refDay = articleDateValue ? dayMs(articleDateValue) : null;
  // Noon, so that chrono's own arithmetic never crosses a day boundary.
  const refMs = refDay !== null ? refDay + DAY_MS / 2 : null;
  const out: DateMention[] = [];
  for (const sentence of doc.sentences) {
    const text = sentence.text;
    const taken: [number, number][] = [];
    if (MAY_HOLD_DATE.test(text)) {
      const results = newsChrono.parse(text, { instant: new Date(refMs ?? Date.UTC(2000, 0, 1)), timezone: 0 });
      for (const r of results) {
        // "today, not next month": a date set aside in a contrast is not one the story happens on.
        if (SET_ASIDE.test(text.slice(0, r.index))) continue;
        const c = resolve(r, text, refMs);
        if (!c) continue;
        taken.push([c.index, c.index + c.text.length]);
        out.push({
          sentence: sentence.id,
          text: c.text,
          start: sentence.start + c.index,
          end: sentence.start + c.index + c.text.length,
          date: c.date,
          relative: c.relative,
          ...(c.approximate ? { approximate: true } : {}),
        });
      }
    }
    for (const m of text.matchAll(YEAR_PHRASE)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (taken.some(([a, b]) => index < b && end > a)) continue;
      out.push({ sentence: sentence.id, text: m[0], start: sentence.start + index, end: sentence.start + end, date: m[1]!, relative: false });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

export { WEEKDAYS };
