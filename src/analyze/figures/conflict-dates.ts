// Date conflicts: one event dated differently by two sources ("the vote was held on March 3" in
// one, "on March 4" in another). Only sentences that tell the same fact are compared: sentences of
// one near-duplicate group, or sentences whose content words mostly coincide. Each such sentence
// must carry exactly one day-precise date, so that the date compared is the date of that fact.
import type { Conflict, Doc, Sentence } from '../../types.js';
import type { ConflictContext, ConflictDateMention } from './conflicts.js';
import { FUNCTION_WORDS, UPDATE_GAP_DAYS, daysBetween, tokensWithOffsets } from './conflicts.js';
import { addTo } from '../collections.js';

/**
 * Two sentences tell the same dated fact when the happening word next to each date is the same
 * ("vote on February 19", "vote on February 20") and, besides it, their content words overlap
 * at least this much (Dice) and share at least one more word: enough to tie "shareholders vote"
 * to "shareholder vote", not "council vote" to "parliament vote" in one story.
 */
export const SAME_FACT_DICE = 0.2;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_NAMED = /\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight/i;
const CALENDAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|next|last|week|day|month|year)$/;

// A date that moved says so: without such words, two dates of one fact are a disagreement,
// however far apart the reports are (a plan does not change silently).
const POSTPONED =
  /\b(?:postponed|delayed|pushed back|brought forward|moved (?:to|forward|back|up)|rescheduled|put off|now (?:set|due|scheduled|expected)|(?:later|earlier|sooner) than (?:[\w']+ ){0,4}(?:planned|expected|hoped|scheduled|announced|promised|forecast))\b/i;

interface Dated {
  sentence: Sentence;
  mention: ConflictDateMention;
  /** Last day covered when the mention is a range ("Jan. 29-30"). */
  until: string;
  words: { stem: string; text: string }[];
}

function content(sentence: Sentence, mention: ConflictDateMention): { stem: string; text: string }[] {
  const out: { stem: string; text: string }[] = [];
  const from = mention.start - sentence.start;
  const to = mention.end - sentence.start;
  for (const t of tokensWithOffsets(sentence.text)) {
    if (!t.word || (t.start >= from && t.end <= to)) continue;
    if (FUNCTION_WORDS.has(t.lower) || CALENDAR.test(t.lower) || /\d/.test(t.text) || t.lower.length < 3) continue;
    out.push({ stem: t.stem, text: /^\p{Lu}/u.test(t.text) ? '' : t.lower });
  }
  return out;
}

/** "Jan. 29-30" dated 2018-01-29 covers through 2018-01-30. */
function rangeEnd(mention: ConflictDateMention): string {
  const m = /\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b/.exec(mention.text);
  if (!m || !DAY.test(mention.date)) return mention.date;
  const last = Number(m[2]);
  if (last <= Number(m[1]) || last > 31) return mention.date;
  return `${mention.date.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/**
 * The happening a date is attached to: the nearest lower-case content word before the date
 * ("lifted on Friday", "tariff on March 12") and the nearest after it. Names around a date say
 * who, not what happened.
 */
function near(d: Dated): string[] {
  const from = d.mention.start - d.sentence.start;
  const to = d.mention.end - d.sentence.start;
  const content = (t: { word: boolean; lower: string; text: string }) =>
    t.word && !FUNCTION_WORDS.has(t.lower) && !CALENDAR.test(t.lower) && !/\d/.test(t.text) && t.lower.length >= 3 && !/^\p{Lu}/u.test(t.text) && !AUXILIARY.test(t.lower);
  const toks = tokensWithOffsets(d.sentence.text).filter((t) => t.word);
  const beforeAll = toks.filter((t) => t.end <= from);
  const afterAll = toks.filter((t) => t.start >= to);
  // "said on Saturday", "were told on Sunday": the date of a statement, not of what it is about.
  const lead = beforeAll.filter((t) => !/^(?:on|at|in|late|early|by|from|until|last|this|next)$/.test(t.lower)).pop();
  // But "was confirmed on May 8", "was reported on Monday": a passive of these is the happening.
  const leadAt = lead ? beforeAll.indexOf(lead) : -1;
  const passive = lead && HAPPENING_WHEN_PASSIVE.test(lead.lower) && leadAt > 0 && /^(?:was|were|been|being|is|are|be)$/.test(beforeAll[leadAt - 1]!.lower);
  if (lead && SPEECH.test(lead.lower) && !passive) return [];
  const before = beforeAll.slice(-NEAR_WORDS).filter(content).pop();
  const after = afterAll.slice(0, NEAR_WORDS).filter(content)[0];
  const key = (t: { stem: string; lower: string }) => (NOMINAL.test(t.lower) ? `${t.stem}:n` : t.stem);
  return [before ? `<${key(before)}` : '', after ? `>${key(after)}` : ''].filter(Boolean);
}

/**
 * What a date is of, right at it: the word before it ("warned Wednesday", "tumbled today") and a
 * name it dates ("Thursday's New England Journal"). Two dates are of one thing unless both give
 * one and they differ.
 */
function sameDated(a: Dated, b: Dated): boolean {
  const at = (d: Dated) => {
    const from = d.mention.start - d.sentence.start;
    const to = d.mention.end - d.sentence.start;
    const toks = tokensWithOffsets(d.sentence.text).filter((t) => t.word);
    const prev = toks.filter((t) => t.end <= from).filter((t) => !/^(?:on|at|in|late|early|by|from|until|last|this|next|the|of)$/.test(t.lower)).pop();
    const verb = prev && !/^\p{Lu}/u.test(prev.text) && !FUNCTION_WORDS.has(prev.lower) && !AUXILIARY.test(prev.lower) ? prev.stem : '';
    const owned = /^['’]s\s+((?:\p{Lu}[\p{L}.&-]*\s*(?:of\s+(?:the\s+)?)?){1,6})/u.exec(d.sentence.text.slice(to));
    return { verb, name: owned ? owned[1]!.trim().toLowerCase() : '' };
  };
  const x = at(a);
  const y = at(b);
  if (x.name && y.name && x.name !== y.name) return false;
  return !(x.verb && y.verb && x.verb !== y.verb);
}

const REPEATED = /\b(?:again|another|a further|once more|resume|resumes|resumed|next (?:round|meeting|session|hearing))\b/i;

const NEAR_WORDS = 3;
const SPEECH = /^(?:said|says|say|told|tells|announced|added|stated|confirmed|reported|wrote|warned|urged|insisted|argued|claimed|declared|explained|noted|asked)$/;

const HAPPENING_WHEN_PASSIVE = /^(?:confirmed|reported|announced|declared)$/;

// A noun made from a verb ("the Ardley derailment on Tuesday") is often not what the date is of
// ("widened the zone around the derailment on Tuesday"): it matches the verb ("derailed on Sunday")
// by stem only, which is too weak to call two dates of one event.
const NOMINAL = /(?:ment|tion|sion|ance|ence)s?$/;

const AUXILIARY = /^(?:be|been|being|is|are|was|were|will|would|shall|should|can|could|may|might|must|due|set|held|scheduled|planned|expected)$/;

/** Dice's coefficient of two sets that share n members. */
function diceOf(n: number, a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  return (2 * n) / (a.size + b.size);
}

function overlapping(a: Dated, b: Dated): boolean {
  return !(a.until < b.mention.date || b.until < a.mention.date);
}

export function findDateConflicts(docs: Doc[], context: ConflictContext): Conflict[] {
  const groupOf = new Map<string, number>();
  context.groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const dated: Dated[] = [];
  for (const doc of docs) {
    for (const s of doc.sentences) {
      // Only dates a text names to the day ("Tuesday", "March 3"), not "next week" resolved to a day.
      const mentions = (context.dates.get(s.id) ?? []).filter((m) => DAY.test(m.date) && DAY_NAMED.test(m.text));
      if (mentions.length !== 1 || (context.dates.get(s.id) ?? []).length !== 1) continue;
      dated.push({ sentence: s, mention: mentions[0], until: rangeEnd(mentions[0]), words: content(s, mentions[0]) });
    }
  }
  const conflicts: Conflict[] = [];
  const used = new Set<number>();
  // Per sentence once, not per pair: a big story has many pairs sharing a word.
  const stemsOf = dated.map((d) => new Set(d.words.map((w) => w.stem)));
  // "meet again on Friday", "another round on Monday": a further occurrence, not the same one.
  const repeated = dated.map((d) => REPEATED.test(d.sentence.text));
  const nearOf = dated.map(near);
  // Two sentences are compared only when they share a word, and, unless one near-duplicate group
  // holds both, a word next to the date (below): blocked by those words and by group.
  const byNear = new Map<string, number[]>();
  nearOf.forEach((words, i) => {
    for (const w of new Set(words)) addTo(byNear, w, i);
  });
  const byGroup = new Map<number, number[]>();
  dated.forEach((d, i) => {
    const g = groupOf.get(d.sentence.id);
    if (g !== undefined) addTo(byGroup, g, i);
  });
  const seen = new Int32Array(dated.length).fill(-1);
  for (let i = 0; i < dated.length; i++) {
    if (used.has(i) || repeated[i]) continue;
    const a = dated[i];
    const aStems = stemsOf[i]!;
    const stems = [...aStems];
    const ga = groupOf.get(a.sentence.id);
    const pool: number[] = [];
    const gather = (list: number[] | undefined) => {
      for (const j of list ?? []) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        pool.push(j);
      }
    };
    for (const w of nearOf[i]!) gather(byNear.get(w));
    if (ga !== undefined) gather(byGroup.get(ga));
    // Later sentences sharing a stem, in the order first met going through this sentence's stems
    // (the first stem held, then sentence order), each with the number of stems shared.
    const ranked: { j: number; first: number; shared: number }[] = [];
    for (const j of pool) {
      const bStems = stemsOf[j]!;
      let first = -1;
      let n = 0;
      for (let k = 0; k < stems.length; k++) {
        if (!bStems.has(stems[k]!)) continue;
        if (first < 0) first = k;
        n++;
      }
      if (first >= 0) ranked.push({ j, first, shared: n });
    }
    ranked.sort((x, y) => x.first - y.first || x.j - y.j);
    const candidates = ranked.map((r) => r.j);
    const sharedWith = ranked.map((r) => r.shared);
    for (let c = 0; c < candidates.length; c++) {
      const j = candidates[c]!;
      if (used.has(j)) continue;
      const b = dated[j];
      if (a.sentence.source === b.sentence.source || overlapping(a, b)) continue;
      if (repeated[j]) continue;
      const ga = groupOf.get(a.sentence.id);
      const sameGroup = ga !== undefined && ga === groupOf.get(b.sentence.id);
      const bStems = stemsOf[j]!;
      if (!sameGroup && diceOf(sharedWith[c]!, aStems, bStems) < SAME_FACT_DICE) continue;
      const nearA = nearOf[i]!;
      const nearB = nearOf[j]!;
      const nearShared = nearA.filter((w) => nearB.includes(w)).map((w) => w.slice(1));
      if (!sameGroup && ![...aStems].some((w) => bStems.has(w) && !nearShared.includes(w))) continue;
      // The words around each date must name the same happening ("lifted on Friday", "lifted on
      // Saturday"): two sentences of one story can share most words and date different events.
      if (!sameGroup && nearShared.length === 0) continue;
      // Even sentences that tell one story may date two things ("warned Wednesday", "tumbled
      // today after ... warned"; "Wednesday's Journal of ...", "Thursday's New England Journal").
      if (!sameDated(a, b)) continue;
      used.add(i);
      used.add(j);
      const pa = context.published[a.sentence.source] ?? null;
      const pb = context.published[b.sentence.source] ?? null;
      const gap = daysBetween(pa, pb);
      const moved = POSTPONED.test(a.sentence.text) || POSTPONED.test(b.sentence.text);
      const nature = moved ? 'update' : 'disagreement';
      const [first, second] = gap !== null && gap < 0 ? [b, a] : [a, b];
      const shared = first.words.filter((w) => bStems.has(w.stem) && aStems.has(w.stem)).map((w) => w.text).filter(Boolean);
      const topic = `date: ${[...new Set(shared)].slice(0, 3).join(' ') || 'event'}`;
      conflicts.push({
        topic,
        kind: 'date',
        nature,
        claims: [first, second].map((d) => ({
          value: d.mention.date === d.until ? d.mention.date : `${d.mention.date}/${d.until}`,
          citations: [{ source: d.sentence.source, quote: d.sentence.text }],
        })),
      });
      break;
    }
  }
  return conflicts;
}
