// Who said what: direct quotations and their speakers, from one article's text.
// A speaker is found next to a speech verb in the quote's sentence ("...," said X / X said "..."),
// else in the sentence before; a pronoun stands for the last person named.
import { addTo } from '../collections.js';
import type { Doc, Entity, Quote } from '../../types.js';
import { NameIndex } from '../name-index.js';

export interface Quotation {
  /** The quoted words, without the quote marks. */
  quote: string;
  /** Who said it, as the text names them; null when the text does not say. */
  speaker: string | null;
  /** Index of the sentence holding the quotation. */
  sentence: number;
}

const VERBS = 'said|says|told|added|asked|wrote|explained|stated|noted|warned|insisted|declared|recalled|testified';
const NAME = String.raw`(?:[A-Z][\p{L}'’.-]+(?:\s+(?:[A-Z][\p{L}'’.-]+|de|van|der|von|al))*)`;
// A descriptive speaker: "a prosecutor", "the company's spokesman", or a name with its role.
const DESC = String.raw`(?:(?:[Tt]he|[Aa]n?|[A-Z][\p{L}'’.-]+['’]s?)\s+[\p{L}'’ -]{1,60}?|${NAME})`;
// Anywhere in the sentence: "X, a spokeswoman for Y, said", "X said in court", "according to X".
const ANYWHERE = new RegExp(String.raw`(${DESC})(?:,\s[^,"“”]{1,80},)?\s+(?:${VERBS})\b|according to (${DESC})(?=[,.;]|$)`, 'u');
const PRONOUN = /^(?:he|she|they)$/i;
// Quote marks: straight, typographic, or the `` '' (and '' '') pairs of older wire text.
const QUOTE = /(?:["“]|``|'')((?:(?!``|'')[^"“”]){2,}?)(?:["”]|'')/g;

const AFTER = new RegExp(String.raw`^[\s,]*(?:${VERBS})\s+(${DESC}|he|she|they)(?=[\s,.;]|$)|^[\s,]*(${DESC}|he|she|they)\s+(?:${VERBS})\b`, 'u');
const BEFORE = new RegExp(String.raw`(${DESC}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:${VERBS})(?:\s+[\p{L}]+){0,3}?[\s,:]*$`, 'u');

function cleanSpeaker(s: string): string {
  return s
    .replace(/\s+(?:in|on|at|of)\s+(?:a|an|the)\s+.*$/u, '')
    .replace(/[\s,]+$/u, '')
    .replace(/(?<!\b(?:\p{Lu}|Jr|Sr|Inc|Co|Corp|Ltd|St))\.$/u, '')
    .trim();
}

/** The person form written last in `text` (by where it ends), or null. */
function lastNamed(text: string, known: NameIndex): string | null {
  return known.endingLast(text);
}

// A speaker named in the sentence before the quotation.
const PREV = new RegExp(String.raw`(${DESC})\s+(?:${VERBS})\b`, 'u');

/** A character that can be part of a BEFORE match (a surrogate may be half of a letter). */
const BEFORE_CHAR = /[\p{L}\s'’.,:-]/u;

/**
 * The speaker BEFORE finds ending at `end` (where a quotation starts), else null. Every character
 * of a BEFORE match is a letter, a space or one of ' ’ . , : -, so the match lies within the run of
 * such characters that ends there: only that run is searched, which gives the same leftmost match
 * as searching the whole text before the quotation, in time bounded by the run.
 */
function speakerBefore(text: string, end: number): string | null {
  let from = end;
  while (from > 0) {
    const c = text.charCodeAt(from - 1);
    if ((c < 0xd800 || c > 0xdfff) && !BEFORE_CHAR.test(text[from - 1]!)) break;
    from--;
  }
  const before = text.slice(from, end).match(BEFORE);
  return before ? before[1] : null;
}

/** Direct quotations of an article, each with its speaker when the text gives one. */
export function attributeQuotes(sentences: string[], persons: string[] = []): Quotation[] {
  return attributeWith(sentences, new NameIndex(persons.filter((p) => p.length > 2)));
}

function attributeWith(sentences: string[], known: NameIndex): Quotation[] {
  const out: Quotation[] = [];
  let lastPerson: string | null = null;
  sentences.forEach((text, index) => {
    let named: string | null = null;
    // What does not depend on the quotation: found once per text, when first needed.
    let anywhere: string | null | undefined;
    let previous: string | null | undefined;
    for (const m of text.matchAll(QUOTE)) {
      const start = m.index ?? 0;
      const after = text.slice(start + m[0].length).match(AFTER);
      const before = after ? null : speakerBefore(text, start);
      let speaker: string | null = after ? (after[1] ?? after[2] ?? null) : before;
      if (!speaker) {
        if (anywhere === undefined) {
          const any = text.replace(QUOTE, (x) => ' '.repeat(x.length)).match(ANYWHERE);
          anywhere = any ? (any[1] ?? any[2] ?? null) : null;
        }
        speaker = anywhere;
      }
      // A pronoun stands for the person named last before the quotation, in this paragraph
      // (its quotations blanked out) or, failing that, in the ones before.
      if (speaker && PRONOUN.test(speaker)) speaker = lastNamed(text.slice(0, start).replace(QUOTE, (x) => ' '.repeat(x.length)), known) ?? named ?? lastPerson;
      else if (speaker) speaker = cleanSpeaker(speaker);
      if (!speaker && index > 0) {
        if (previous === undefined) {
          const prev = sentences[index - 1].match(PREV);
          previous = prev && !prev[1].match(QUOTE) ? cleanSpeaker(prev[1]) : null;
        }
        if (previous !== null) speaker = previous;
      }
      if (speaker) named = speaker;
      out.push({ quote: m[1].replace(/[,.]$/u, '').trim(), speaker, sentence: index });
    }
    const person = named ?? known.lastIn(text);
    if (person) lastPerson = person;
  });
  return out;
}

const SPACE = /\s/u;

/**
 * The person a speaker string names: the one whose name or alias it contains as whole words
 * (after the start or a space, before the end, a space, a comma or an apostrophe), longest first,
 * the first person listed among equally long ones. Forms are looked up by the speaker's spans.
 */
class ActorIndex {
  /** Each form (over 2 characters) -> the first person listed with it, and that form's rank. */
  private readonly first = new Map<string, { name: string; rank: number }>();
  constructor(persons: Entity[]) {
    for (const e of persons)
      for (const form of [e.name, ...e.aliases])
        if (form.length > 2 && !this.first.has(form)) this.first.set(form, { name: e.name, rank: this.first.size });
  }
  personIn(speaker: string): string | null {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < speaker.length; i++) {
      const c = speaker[i]!;
      const space = SPACE.test(c);
      if (space) starts.push(i + 1);
      if (space || c === ',' || c === "'" || c === '’') ends.push(i);
    }
    ends.push(speaker.length);
    let best: string | null = null;
    let bestLen = 0;
    let bestRank = Infinity;
    for (const s of starts)
      for (const e of ends) {
        if (e - s < 3 || e - s < bestLen) continue;
        const form = this.first.get(speaker.slice(s, e));
        if (form === undefined) continue;
        if (e - s > bestLen || form.rank < bestRank) {
          best = form.name;
          bestLen = e - s;
          bestRank = form.rank;
        }
      }
    return best;
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A capitalised word and the space after it, opening a speaker string ("Cypriot "). */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}.'’-]*\s+/u;

/**
 * The organisations and places of a cluster by each of their forms (the first listed with a
 * form wins), and the people of each source by the nouns their stated roles end in.
 */
class SpeakerIndex {
  private readonly bodies = new Map<string, string>();
  private readonly roles = new Map<string, Entity[]>();
  constructor(readonly entities: Entity[]) {
    for (const e of entities)
      if (e.type === 'organization' || e.type === 'place')
        for (const form of [e.name, ...e.aliases]) if (!this.bodies.has(form)) this.bodies.set(form, e.name);
  }
  /**
   * The organisation or place a speaker names with at most two capitalised words before the
   * form ("the Cypriot Justice Ministry", "the FBI"): the longest form that ends the string.
   */
  bodyIn(bare: string): string | null {
    const tails = [bare];
    let rest = bare;
    for (let k = 0; k < 2; k++) {
      const m = CAPITALISED_WORD.exec(rest);
      if (!m) break;
      rest = rest.slice(m[0].length);
      tails.push(rest);
    }
    for (const tail of tails) {
      const name = this.bodies.get(tail);
      if (name !== undefined) return name;
    }
    return null;
  }
  /** The people of a source whose stated role ends in a noun. */
  holders(noun: string, source: string): Entity[] {
    const ends = new RegExp(String.raw`(?:^|\s)${escapeRe(noun)}$`, 'i');
    return (this.roleHolders().get(source) ?? []).filter((e) => ends.test(e.role!.text));
  }
  /** Per source, its people with a stated role, in list order (built on first use, not per speaker). */
  private roleHoldersBySource: Map<string, Entity[]> | null = null;
  private roleHolders(): Map<string, Entity[]> {
    if (!this.roleHoldersBySource) {
      this.roleHoldersBySource = new Map();
      for (const e of this.entities) if (e.type === 'person' && e.role) for (const source of new Set(e.sources)) addTo(this.roleHoldersBySource, source, e);
    }
    return this.roleHoldersBySource;
  }
}

/**
 * The actor a speaker string names. A person whose name or alias it contains (longest form
 * first: "attorney Howard King"); else an organisation or place it names with at most two
 * capitalised words before ("the Cypriot Justice Ministry", "the FBI"); else, for "the <role>"
 * ("the sheriff"), the one person of this article whose stated role ends in that noun. Otherwise
 * the speaker string as written.
 */
function actorOf(speaker: string, source: string, persons: ActorIndex, speakers: SpeakerIndex): string {
  const person = persons.personIn(speaker);
  if (person !== null) return person;
  const body = speakers.bodyIn(speaker.replace(/^(?:the|The)\s+/, ''));
  if (body !== null) return body;
  const role = /^(?:the|The)\s+([\p{Ll}-]+(?:\s+[\p{Ll}-]+)?)$/u.exec(speaker);
  if (role) {
    const holders = speakers.holders(role[1]!.toLowerCase(), source);
    if (holders.length === 1) return holders[0]!.name;
  }
  return speaker;
}

/** Every direct quotation of the cluster with its speaker, merged with the actor list. */
export function quotesOf(docs: Doc[], entities: Entity[]): Quote[] {
  const persons = entities.filter((e) => e.type === 'person');
  const forms = new NameIndex(persons.flatMap((e) => [e.name, ...e.aliases]).filter((p) => p.length > 2));
  const actors = new ActorIndex(persons);
  const speakers = new SpeakerIndex(entities);
  const out: Quote[] = [];
  for (const d of docs) {
    // A quotation often runs over several sentences of one paragraph: attribute per paragraph,
    // cite the sentence where the quotation starts.
    const paragraphs: Doc['sentences'][] = [];
    for (const s of d.sentences) {
      const last = paragraphs[paragraphs.length - 1];
      if (last && last[0]!.paragraph === s.paragraph) last.push(s);
      else paragraphs.push([s]);
    }
    const texts = paragraphs.map((p) => p.map((s) => s.text).join(' '));
    for (const q of attributeWith(texts, forms)) {
      const para = paragraphs[q.sentence]!;
      const head = q.quote.slice(0, 20);
      const s = para.find((x) => x.text.includes(head)) ?? para[0]!;
      out.push({ speaker: q.speaker === null ? null : actorOf(q.speaker, d.article.id, actors, speakers), text: q.quote, citation: { source: s.source, quote: s.text } });
    }
  }
  return out;
}

/** Words of a quotation. */
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Each actor's quoted words to show: at most `perActor` quotations attributed to it, whole
 * sentences of speech first (5 to 30 words), then longer ones, then fragments of 4 words or
 * more (a scare-quoted phrase, "common sense", says nothing of what the actor said); one
 * quotation per sentence, and the same words once. Entities without quotations are returned unchanged.
 */
export function withQuotes(entities: Entity[], quotes: Quote[], perActor = 3): Entity[] {
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of quotes) {
    if (q.speaker === null) continue;
    const list = bySpeaker.get(q.speaker);
    if (list) list.push(q);
    else bySpeaker.set(q.speaker, [q]);
  }
  const rank = (q: Quote) => {
    const n = wordCount(q.text);
    return n >= 5 && n <= 30 ? 0 : n > 30 ? 1 : n >= 4 ? 2 : 3;
  };
  return entities.map((e) => {
    const said = bySpeaker.get(e.name);
    if (!said?.length) return e;
    const seen = new Set<string>();
    const picked: Quote[] = [];
    // Stable: within a rank, reading order (sources in order, sentences in order).
    for (const q of [...said].sort((a, b) => rank(a) - rank(b))) {
      if (rank(q) === 3) break;
      const k = q.text.toLowerCase().replace(/\W+/g, ' ').trim();
      const where = `${q.citation.source}\u0000${q.citation.quote}`;
      if (seen.has(k) || seen.has(where)) continue;
      seen.add(k);
      seen.add(where);
      picked.push(q);
      if (picked.length >= perActor) break;
    }
    if (picked.length === 0) return e;
    return { ...e, quotes: picked.map((q) => ({ text: q.text, citation: q.citation })) };
  });
}
