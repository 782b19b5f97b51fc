// Entities: people, organisations and places named in a cluster, each with every surface form
// merged under one name. Names are found as runs of capitalised words (with name particles such
// as "al-" and "de"), stripped of titles and possessives; typed by cues (titles, role nouns,
// organisation and place words, a gazetteer, place prepositions) voted over all mentions; and
// merged across the cluster: surname-only mentions to the full name, acronyms to the name they
// abbreviate, spelling variants by transliteration form, phonetic key and edit distance.
// Only the cleaned article text is read, so names that occur only in removed noise (commenters,
// teasers, bylines) never become entities.
import type { Doc, Entity, EntityType } from '../../types.js';
import {
  CELESTIAL,
  DEMONYMS,
  EVENT_ALONE,
  EVENT_ENDINGS,
  FIGURE_WORDS,
  FIRST_NAMES,
  JOURNALS,
  LANGUAGES,
  ORG_KIND_NOUNS,
  THING_ENDINGS,
  THING_FOLLOWERS,
  TIME_SPAN_ENDINGS,
  TIME_SPAN_WORDS,
  GAZETTEER,
  GAZETTEER_PHRASES,
  NOT_NAMES,
  NOT_ORG_ACRONYMS,
  ORG_WORDS,
  PERSON_TITLES,
  PLACE_PREPOSITIONS,
  PLACE_NOUNS,
  PLACE_WORDS,
  PROPER_ORGS,
  PROPER_ORG_PHRASES,
  ORG_FOLLOWERS,
  ROMAN_NUMERAL,
  ROLE_NOUNS,
  STATE_ABBREVIATIONS,
  STREET_WORDS,
  ROAD_WORDS,
  TITLES,
  US_STATES,
} from './entity-lexicon.js';
import { blockingKeys, closeEnough, fold, forgetNamePairs, sameNameWord, transliterationForm } from './entity-names.js';
import { addTo } from '../collections.js';
import { isPersonRoleWord, isRoleWord, roleAfter, withRoles } from './roles.js';
import { givenNameKeys, sameGivenName } from './hypocorisms.js';
import { knownGivenName } from './given-names.js';
import { ordinaryInCorpus } from './corpus-words.js';

interface Mention {
  /** The name as written, title and possessive removed. */
  surface: string;
  words: string[];
  source: string;
  sentence: string;
  votes: Record<'person' | 'organization' | 'place', number>;
  /** The first word of its sentence, where capitals say nothing. */
  initial: boolean;
  /** Written in quotation marks by itself ("the “Night Harbour” star"): a title of a work. */
  quoted?: boolean;
  /** Followed by a noun of a kind of thing ("the Velden algorithm", "the Marrow virus"). */
  thingCue?: boolean;
  /** Written right after "the". */
  article?: boolean;
  /** Qualifying a lower-case noun after it ("an Internet portal", "the Goodyear plant"). */
  attributive?: boolean;
  /** The name written right after it with "and" between ("Basque Homeland" and "Freedom"). */
  joinedWith?: Mention;
  /** Written right after a noun of a kind of body ("the conciliation service Accord"). */
  kindBefore?: boolean;
  /** Followed by a role noun it qualifies ("the Green Civic candidate"). */
  roleAfter?: boolean;
  /** The ordinary word that opened the sentence before it, dropped from the name ("Recording"). */
  opener?: string;
}

// Cue weights: a title or gazetteer entry is near-certain (3); a preposition or a role noun is
// a hint (1).
const STRONG = 3;
const WEAK = 1;

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'le', 'la', 'du', 'dos', 'das', 'ben', 'abu', 'ter', 'st', 'st.']);
const PARTICLE_PREFIX = /^(?:al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu|bel|ben)-(?=\p{Lu})/u;
const CONNECTORS = new Set(['of', 'for', 'on', '&']);
// Words after a name that show it is not a modifier of a noun: verbs, conjunctions, prepositions.
const CLAUSE_WORDS = new Set(
  'said says say has have had is was were are be been will would can could may might must should did does do and or but nor of in on at to for with from by which who that as than since after before when while if'.split(' '),
);
/** Institutions named after someone in the possessive: "St. Brigid's Hospital", "King's College". */
const POSSESSIVE_NAMED = new Set(['hospital', 'school', 'college', 'church', 'cathedral', 'university', 'academy', 'clinic', 'infirmary', 'chapel', 'abbey', 'park', 'square', 'hall', 'bay', 'island', 'point', 'cove']);
/** Verbs of speech right after a name: its bearer speaks, so is most often a person. */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'explained', 'recalled', 'testified', 'insisted', 'wrote', 'tweeted']);
const CALENDAR_WORDS =
  /^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;
// "North Korea", "West Fullerton": a compass word opens a name when a capitalised word follows.
const COMPASS = new Set(['north', 'south', 'east', 'west']);
const DETERMINERS = new Set('the a an this that these those his her their our its my your'.split(' '));
// "Six-year-old Kameron Prescott", "52-year-old": ages open a run but are not names.
const AGE = /^(?:\d+|[A-Za-z]+)-years?-old$/i;

const WORD = /[\p{L}\p{N}]+(?:[’'´.-][\p{L}\p{N}]+)*\.?(?:[’'´]s?)?|[^\s\p{L}\p{N}]/gu;

/** Adverbs by their endings ("Fortunately", "Admittedly", "Sadly"); "-erly" names ("Kimberly") are not matched. */
const SENTENCE_ADVERB = /^\p{Lu}\p{Ll}+(?:ally|ately|ously|ively|ently|antly|fully|ably|ibly|ingly|edly|ssly|adly|ckly|ntly)$/u;
/** Compounds that make the name before the hyphen an owner, backer or runner of what follows. */
const OWNER_SUFFIX = /-(?:owned|backed|funded|controlled|run|led|sponsored|allied|aligned|affiliated|linked|supported|financed|operated)$/;
/** Verbs whose object is told something: with an article, that object is a publication ("told the Guardian"). */
const ADDRESSEE_VERBS = new Set(['told', 'tells', 'tell', 'telling']);
const REPORTING_VERBS = new Set(['said', 'says', 'reported', 'reports', 'announced', 'announces', 'confirmed', 'added', 'told', 'stated', 'wrote', 'noted']);
const SYLLABLE_NAME = /^\p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$/u;
const FOOTNOTED = /^\p{Lu}\p{Ll}{2,}\d{1,3}$/u;

interface Tok {
  text: string;
  start: number;
  /** The word without a possessive ending. */
  bare: string;
  possessive: boolean;
  word: boolean;
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019 || c === 0xb4;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(WORD)) {
    let t = m[0];
    // A token is a word when it opens with a letter or digit (WORD's first branch); ASCII is
    // read off the character code, the rest of Unicode by its classes.
    const c0 = t.charCodeAt(0);
    const word = c0 < 128 ? (c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) : /[\p{L}\p{N}]/u.test(t);
    let possessive = false;
    const tail = t.charCodeAt(t.length - 1);
    // (A word ending in "s" matches only with an apostrophe before it.)
    const pm = (tail === 115 && isApostrophe(t.charCodeAt(t.length - 2))) || isApostrophe(tail) ? /^(.*?)(?:[’'´]s|(?<=s)[’'´])$/u.exec(t) : null;
    if (word && pm && pm[1].length > 1) {
      t = pm[1];
      possessive = true;
    }
    // "the ‘Velmarin’ strain": a closing quote after a word that does not end in s is no possessive.
    const last = t.charCodeAt(t.length - 1);
    if (word && !possessive && (last === 0x2019 || last === 39 || last === 0xb4)) t = t.slice(0, -1);
    // A sentence-final period is not part of a word, an abbreviation's period is ("Mr.", "U.N.").
    let bare = t;
    if (word && bare.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(bare) && !TITLES.has(bare.toLowerCase()) && !/^(?:St|Jr|Sr|Co|Inc|Corp|Ltd)\.$/.test(bare)) {
      bare = bare.slice(0, -1);
    }
    // "Anchorvale12": a citation number printed right after a name ("Velmarus20 and
    // Ostrix4", as scientific text cites) is no part of it. Only letters in name case followed
    // by one to three digits: codes ("PS4", "SU1A", "B52") keep their digits.
    const end = bare.charCodeAt(bare.length - 1);
    if (word && end >= 48 && end <= 57 && FOOTNOTED.test(bare)) bare = bare.replace(/\d+$/, '');
    out.push({ text: m[0], start: m.index!, bare, possessive, word });
  }
  return out;
}

/** Lower-case words that follow a name with a hyphen as an adjective ("Obama-era", "Texas-born"), not a syllable of it. */
const COMPOUND_SUFFIXES = new Set('era born made like run wide owned free type style area only bound size class week year day long level'.split(' '));

/** "UN-backed", "Kremlin-allied": the name is the part before a lower-case suffix. */
function splitCompound(bare: string): { name: string; compound: boolean } {
  if (!bare.includes('-')) return { name: bare, compound: false };
  const m = /^(\p{Lu}[\p{L}.]*)-\p{Ll}+$/u.exec(bare);
  // "Jae-in", "Yo-jong": two short syllables joined are a given name, not a name and a suffix.
  if (m && /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,5}$/u.test(bare) && !/(?:ed|ing|ly)$/.test(bare) && !COMPOUND_SUFFIXES.has(bare.slice(bare.indexOf('-') + 1))) return { name: bare, compound: false };
  if (m && !PARTICLE_PREFIX.test(bare)) return { name: m[1], compound: true };
  return { name: bare, compound: false };
}

/** Where the last connector ("of", "for") of a run stands, 0 without one. */
function lastConnector(run: { name: string }[]): number {
  for (let k = run.length - 1; k >= 0; k--) if (CONNECTORS.has(run[k]!.name.toLowerCase())) return k;
  return 0;
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return w.indexOf('-') > 0 && PARTICLE_PREFIX.test(w); // "al-Assad"
  return /^\p{Lu}/u.test(w);
}

function isAcronym(w: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(w);
}

const LOWER_ASCII = /[a-z]/;
function looksAllCaps(sentence: string): boolean {
  // (A lower-case ASCII letter settles it without an upper-cased copy of the sentence.)
  if (LOWER_ASCII.test(sentence) || sentence !== sentence.toUpperCase()) return false;
  const letters = sentence.replace(/[^\p{L}]/gu, '');
  return letters.length > 8 && letters === letters.toUpperCase();
}

function placeKey(words: string[]): boolean {
  const phrase = words.map((w) => fold(w)).join(' ');
  return GAZETTEER_PHRASES.has(phrase) || (words.length === 1 && GAZETTEER.has(phrase));
}

/** Mentions of names in one sentence. */
/** Epithet -> genus word -> the distinct sentences that write them together ("Velmarus ostrensis"). */
type SpeciesPairs = Map<string, Map<string, Set<string>>>;

/**
 * Whether an acronym in parentheses spells the lower-case words just before it: "coronary
 * heart disease (CHD)", "optically stimulated luminescence (OSL)" abbreviate terms, not
 * bodies ("the Harbour Safety Board (HSB)" is written in capitals). Small words may be skipped.
 */
function spellsTermBefore(toks: Tok[], open: number, acronym: string): boolean {
  const letters = acronym.replace(/\./g, '');
  const parts: string[] = [];
  for (let k = open - 1; k >= 0 && parts.length < 12; k--) {
    if (!toks[k].word) {
      if (toks[k].text === '-') continue;
      break;
    }
    parts.unshift(...toks[k].bare.split('-').filter(Boolean));
  }
  let li = letters.length - 1;
  let pi = parts.length - 1;
  let lower = 0;
  let used = 0;
  while (li >= 0 && pi >= 0) {
    const p = parts[pi];
    if (p[0].toLowerCase() === letters[li].toLowerCase()) {
      if (/^\p{Ll}/u.test(p)) lower++;
      used++;
      li--;
    } else if (!SMALL_WORDS.has(p)) return false;
    pi--;
  }
  return li < 0 && lower * 2 >= used;
}
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'to', 'a', 'on', '&']);

/**
 * A possessive inside a name: "Harbour Workers' Federation" (a plural's), "St. Brigid's
 * Hospital" (before an institution's noun), "Cook County Sheriff's Office", "Children's Learning
 * Place" (of a word the cluster writes in lower case, or of a title: no person's name).
 */
function possessiveInside(toks: Tok[], k: number, commonWords: Set<string>, opening = false): boolean {
  const u = toks[k];
  const next = toks[k + 1];
  if (!u.possessive || !next?.word || !/^\p{Lu}/u.test(next.bare)) return false;
  const owner = u.bare.toLowerCase();
  // Opening a run, a plural's possessive is a name's as often ("Ferrellgas' Scott Brockelmeyer").
  return (!opening && /s[’'´]$/.test(u.text)) || POSSESSIVE_NAMED.has(next.bare.toLowerCase()) || ((commonWords.has(owner) || TITLES.has(owner)) && !PERSON_TITLES.has(owner));
}

function mentionsIn(text: string, source: string, sentence: string, commonWords: Set<string>, species?: SpeciesPairs, terms?: Set<string>, apposed?: [Mention, Mention, boolean?][]): Mention[] {
  if (looksAllCaps(text)) return [];
  const toks = tokenize(text);
  const out: Mention[] = [];
  let firstWord = toks.findIndex((t) => t.word);
  // Quotation marks and dashes do not start a name: the first word after them is sentence-initial too.
  let i = 0;
  let lastRunEnd = -2;
  const spans: { m: Mention; start: number; end: number }[] = [];
  while (i < toks.length) {
    const t = toks[i];
    const { name, compound } = splitCompound(t.bare);
    const startsWithParticle =
      t.word && PARTICLES.has(t.bare) && toks[i + 1]?.word && /^\p{Lu}/u.test(toks[i + 1].bare) && i !== firstWord;
    if (!startsWithParticle && (!t.word || !isCapitalised(name) || /^\d/.test(name)) && !ordinalStreet(toks, i)) {
      i++;
      continue;
    }
    // Grow a run of capitalised words, particles and connectors.
    const opensInside = possessiveInside(toks, i, commonWords, true);
    const run: { tok: Tok; name: string; index: number }[] = [{ tok: t, name: opensInside ? t.text : name, index: i }];
    let j = i + 1;
    let ended = (t.possessive && !opensInside) || compound;
    while (!ended && j < toks.length) {
      const u = toks[j];
      // "Schertz Bank & Trust", "Procter & Gamble": an ampersand between capitalised words joins one name.
      // Two agencies' acronyms ("CGTN & AFP") are two names.
      const twoAcronyms = isAcronym(run[run.length - 1].name) && isAcronym(toks[j + 1]?.bare ?? '');
      if (u.text === '&' && toks[j + 1]?.word && isCapitalised(toks[j + 1].bare) && !run[run.length - 1].tok.possessive && !twoAcronyms) {
        run.push({ tok: u, name: '&', index: j });
        j++;
        continue;
      }
      // "Bureau of Alcohol, Tobacco, Firearms and Explosives": a list of single capitalised words
      // after "of" in a body's name, closed by "and" and one more, is part of the name.
      if (u.text === ',' && run.some((r) => ORG_WORDS.has(r.name.toLowerCase())) && run.some((r) => r.name.toLowerCase() === 'of')) {
        let k = j;
        while (toks[k]?.text === ',' && toks[k + 1]?.word && isCapitalised(toks[k + 1].bare) && !toks[k + 1].possessive) k += 2;
        if (toks[k]?.text === ',') k++; // a serial comma
        // The items are nouns the cluster also writes in lower case, or four or more: not names
        // ("Labor, Smith and Jones").
        const items = toks.slice(j, k + 2).filter((t) => t.word && t.bare !== 'and');
        const nouns = items.filter((t) => commonWords.has(t.bare.toLowerCase()) || commonWords.has(`${t.bare.toLowerCase()}s`)).length;
        if (k > j + 1 && toks[k]?.bare === 'and' && toks[k + 1]?.word && isCapitalised(toks[k + 1].bare) && !(toks[k + 2]?.word && isCapitalised(toks[k + 2].bare)) && (nouns * 2 >= items.length || items.length >= 4)) {
          run[run.length - 1] = { ...run[run.length - 1], name: `${run[run.length - 1].name},` };
          for (let x = j; x <= k + 1; x++) if (toks[x].word) run.push({ tok: toks[x], name: toks[x + 1]?.text === ',' ? `${toks[x].bare},` : toks[x].bare, index: x });
          j = k + 2;
          break;
        }
      }
      if (!u.word) break;
      const part = splitCompound(u.bare);
      // "Fox News Thursday": a weekday or a month ends a name.
      if (CALENDAR_WORDS.test(u.bare)) break;
      if ((isCapitalised(part.name) && !/^\d/.test(part.name)) || ordinalStreet(toks, j)) {
        // "Harbour Workers' Federation": a plural possessive inside a name does not end it.
        const inside = possessiveInside(toks, j, commonWords);
        run.push({ tok: u, name: inside ? u.text : part.name, index: j });
        j++;
        if ((u.possessive && !inside) || part.compound) ended = true;
        continue;
      }
      const lower = u.bare.toLowerCase();
      const next = toks[j + 1];
      const nextCap = next && next.word && isCapitalised(splitCompound(next.bare).name);
      if (PARTICLES.has(lower) && nextCap) {
        run.push({ tok: u, name: u.bare, index: j });
        j++;
        continue;
      }
      // "Hans van den Broek", "Ursula von der Leyen": two particles before the family name.
      const third0 = toks[j + 2];
      if (PARTICLES.has(lower) && next?.word && PARTICLES.has(next.bare) && third0?.word && isCapitalised(splitCompound(third0.bare).name)) {
        run.push({ tok: u, name: u.bare, index: j }, { tok: next, name: next.bare, index: j + 1 });
        j += 2;
        continue;
      }
      // "Ministry of Defence", "Observatory for Human Rights": connectors inside organisation names.
      // A word that opens sentences but not names ("Near") is still a name word when another follows
      // ("Institute for Near East Policy"); a determiner never is.
      const nextIsName =
        nextCap && (!NOT_NAMES.has(next.bare.toLowerCase()) || (!!toks[j + 2]?.word && isCapitalised(toks[j + 2].bare) && !DETERMINERS.has(next.bare.toLowerCase())));
      // "Secretary of State Rex Tillerson": "of" after a title, read with the title later.
      // ("U.S. Secretary of State", "Then Secretary of State": the title is the run's last word).
      const titled = lower === 'of' && TITLES.has(run[run.length - 1].name.toLowerCase());
      // "Republic of San Marino": a state's formal name.
      const stateOf = lower === 'of' && STATE_NOUNS.has(run[run.length - 1].name.toLowerCase());
      if (CONNECTORS.has(lower) && (titled || stateOf || run.some((r) => ORG_WORDS.has(r.name.toLowerCase()))) && nextIsName) {
        run.push({ tok: u, name: u.bare, index: j });
        j++;
        continue;
      }
      // "Department of Children and Family Services": after "of", an "and" between two
      // capitalised words stays inside the organisation's name when a second capitalised word follows.
      const third = toks[j + 2];
      if (
        lower === 'and' && nextIsName && third?.word && isCapitalised(third.bare) &&
        run.some((r) => ORG_WORDS.has(r.name.toLowerCase())) && run.some((r) => CONNECTORS.has(r.name.toLowerCase())) &&
        // "University of Southern California and Indiana University": a place on either side of
        // "and" closes one name and opens another.
        !GAZETTEER.has(fold(next.bare)) && !run.slice(lastConnector(run)).some((r) => GAZETTEER.has(fold(r.name)))
      ) {
        run.push({ tok: u, name: u.bare, index: j });
        j++;
        continue;
      }
      if (CONNECTORS.has(lower) && next?.word && next.bare.toLowerCase() === 'the' && toks[j + 2]?.word && isCapitalised(toks[j + 2].bare) && run.some((r) => ORG_WORDS.has(r.name.toLowerCase()))) {
        run.push({ tok: u, name: u.bare, index: j }, { tok: next, name: next.bare, index: j + 1 });
        j += 2;
        continue;
      }
      break;
    }
    // A lone capitalised word with a Latin-looking lower-case word right after it may be a
    // genus and its species: recorded here, judged over the cluster by generaOf.
    const after = toks[j];
    if (species && run.length === 1 && after?.word && after.start === t.start + t.text.length + 1 && text[t.start + t.text.length] === ' ') {
      const epithet = after.possessive ? '' : after.bare;
      if (EPITHET.test(epithet) && !NOT_EPITHETS.has(epithet) && !CLAUSE_WORDS.has(epithet) && !NOT_NAMES.has(epithet)) {
        let row = species.get(epithet);
        if (!row) species.set(epithet, (row = new Map()));
        let seen = row.get(t.text);
        if (!seen) row.set(t.text, (seen = new Set()));
        seen.add(text);
      }
    }
    // "coronary heart disease (CHD)", "Body mass index, or BMI,": an acronym defined by the term before it.
    if (terms && run.length === 1 && isAcronym(t.bare)) {
      if ((toks[i - 1]?.text === '(' && spellsTermBefore(toks, i - 1, t.bare)) || (toks[i - 1]?.bare === 'or' && toks[i - 2]?.text === ',' && spellsTermBefore(toks, i - 2, t.bare))) terms.add(fold(t.bare));
    }
    i = j;
    const runStart = run[0].index;
    const found = mentionsOfRun(run, toks, firstWord, source, sentence, commonWords, text);
    // "between Kelmbridge and Harwell": a name joined by "and"/"or" to a place just named, with no
    // cue of its own, is a place too.
    const joined = toks[runStart - 1];
    const before = out[out.length - 1];
    if (found.length === 1 && before && lastRunEnd === runStart - 2 && joined?.word && ['and', 'or'].includes(joined.bare) && before.votes.place > 0 && before.votes.place > before.votes.person + before.votes.organization) {
      const v = found[0]!.votes;
      if (v.person + v.organization + v.place === 0) v.place += WEAK;
    }
    lastRunEnd = j - 1;
    if (found.length === 1) spans.push({ m: found[0]!, start: runStart, end: j - 1 });
    out.push(...found);
  }
  shareListType(spans, toks);
  // "ETA, a Basque language acronym for Basque Homeland and Freedom": an acronym said to stand for a name.
  if (apposed) {
    for (let a = 0; a + 1 < spans.length; a++) {
      const x = spans[a]!;
      if (x.m.words.length !== 1 || spans[a + 1]!.start - x.end > 9 || !isAcronym(x.m.words[0]!)) continue;
      const between = toks.slice(x.end + 1, spans[a + 1]!.start).map((t) => t.text.toLowerCase());
      const said = between.slice(-2).join(' ');
      if (between.length <= 8 && ((between.includes('acronym') && said.endsWith('for')) || said === 'stands for' || said === 'short for')) apposed.push([x.m, spans[a + 1]!.m, true]);
    }
  }
  // "Basque Homeland and Freedom": two runs joined by "and" alone, read over the cluster by joinedNames.
  for (let a = 0; a + 1 < spans.length; a++) {
    const x = spans[a]!;
    const y = spans[a + 1]!;
    if (y.start === x.end + 2 && toks[x.end + 1]!.text === 'and' && !toks[x.end]!.possessive) x.m.joinedWith = y.m;
  }
  // "Highway 20, the North Cascades Highway, ...": a name set after another by a comma and "the",
  // closed by a comma or the sentence's end, renames it.
  if (apposed) {
    for (let a = 0; a + 1 < spans.length; a++) {
      const x = spans[a]!;
      const y = spans[a + 1]!;
      if (y.start - x.end > 4 || toks[y.start - 1]!.bare !== 'the') continue;
      // A road's number follows its run ("Highway 20").
      const endOf = (z: { m: Mention; end: number }) => (toks[z.end + 1]?.bare === z.m.words[z.m.words.length - 1] ? z.end + 1 : z.end);
      const between = toks.slice(endOf(x) + 1, y.start).map((t) => t.text.toLowerCase());
      const after = toks[endOf(y) + 1]?.text;
      if (between.length === 2 && between[0] === ',' && between[1] === 'the' && (after === undefined || /^[,.;]$/.test(after)) && !toks[x.end]!.possessive && !toks[y.end]!.possessive) apposed.push([x.m, y.m]);
    }
  }
  return out;
}

/**
 * "includes Catherine Breillat, Lucrecia Martel, Abbas Kiarostami and Karyn Kusama", "Anna Berg
 * and Karyn Kusama": the items of a list of names are of one kind. When at least half of them are people by
 * their own evidence (a known given name, a title), an item shaped as a person's name with no
 * cue of its own is a person's too; likewise places by the gazetteer.
 */
function shareListType(spans: { m: Mention; start: number; end: number }[], toks: Tok[]): void {
  const joins = (a: { end: number }, b: { start: number }) => {
    const between = toks.slice(a.end + 1, b.start).map((t) => t.text.toLowerCase());
    // "..., Mary Harron, the Wachowskis, Apichatpong Weerasethakul": an item may take an article.
    if (between.length > 1 && between[between.length - 1] === 'the') between.pop();
    return (between.length === 1 && [',', 'and', 'or'].includes(between[0]!)) || (between.length === 2 && between[0] === ',' && ['and', 'or'].includes(between[1]!));
  };
  for (let a = 0; a < spans.length; ) {
    let b = a;
    while (b + 1 < spans.length && joins(spans[b]!, spans[b + 1]!)) b++;
    const items = spans.slice(a, b + 1).map((x) => x.m);
    a = b + 1;
    if (items.length < 2) continue;
    const bare = (m: Mention) => m.votes.person + m.votes.organization + m.votes.place === 0;
    const people = items.filter((m) => m.votes.person >= STRONG || (personShaped(m.words) && knownGivenName(m.words[0]))).length;
    const places = items.filter((m) => placeKey(m.words) || m.votes.place >= STRONG).length;
    if (people * 2 >= items.length) for (const m of items) if (bare(m) && personShaped(m.words)) m.votes.person += WEAK;
    if (places * 2 >= items.length) for (const m of items) if (bare(m) && m.words.length <= 3) m.votes.place += WEAK;
  }
}

function mentionsOfRun(
  run: { tok: Tok; name: string; index: number }[],
  toks: Tok[],
  firstWord: number,
  source: string,
  sentence: string,
  commonWords: Set<string>,
  text?: string,
): Mention[] {
  const votes = { person: 0, organization: 0, place: 0 };
  let droppedThe = false;
  // An ordinary word opening the sentence, dropped from the name's front ("Recording").
  let opener = '';
  let initial = run[0].index === firstWord || (run[0].index > 0 && /^[“"‘'(\-–—:]$/.test(toks[run[0].index - 1].text) && run[0].index - 1 <= firstWord + 1);
  while (run.length && AGE.test(run[0].name)) {
    run.shift();
    initial = false;
  }
  // "Fortunately Kieran", "Separately, Putin's envoy ...": an adverb opening the sentence is no
  // part of the name after it, and alone before a comma no name at all.
  if (initial && run[0].index === firstWord && SENTENCE_ADVERB.test(run[0].name) && !FIRST_NAMES.has(fold(run[0].name))) {
    if (run.length > 1) {
      run.shift();
      initial = false;
    } else if (toks[run[0].index + 1]?.text === ',') return [];
  }
  // A run that was only an age ("said Twenty-Year-Old was there") names nobody.
  if (!run.length) return [];
  // "NEW YORK (AP) --", "PORTLAND, Ore. -": a dateline, a run in capitals opening the text before
  // a parenthesis, a dash or a comma, names a place; none of its words is dropped as a sentence opener.
  const capsRun = run.every((r) => /^\p{Lu}[\p{Lu}.'’-]+$/u.test(r.name));
  const afterRun = toks[run[run.length - 1].index + 1]?.text;
  const dateline = initial && capsRun && run[0].index === firstWord && ['(', '-', '—', '–', ','].includes(afterRun ?? '');
  // Drop leading words that open sentences but are not names ("The", "But", "Earlier").
  while (!dateline && run.length && ((NOT_NAMES.has(run[0].name.toLowerCase()) && !(run.length > 1 && COMPASS.has(run[0].name.toLowerCase()))) || (initial && run[0].index === firstWord && commonWords.has(run[0].name.toLowerCase()) && !GAZETTEER.has(fold(run[0].name)) && !(PARTICLES.has(run[0].name.toLowerCase()) && run.length > 1)))) {
    const dropped = run.shift()!;
    if (dropped.name.toLowerCase() === 'the') droppedThe = true;
    else if (!NOT_NAMES.has(dropped.name.toLowerCase())) opener = dropped.name;
    initial = false;
  }
  // Trailing connectors and particles never end a name.
  while (run.length && (CONNECTORS.has(run[run.length - 1].name.toLowerCase()) || PARTICLES.has(run[run.length - 1].name))) run.pop();
  if (!run.length) return [];
  const out: Mention[] = [];

  // Titles: "Russian Foreign Minister Sergei Lavrov", "UN Secretary-General Antonio Guterres".
  let lastTitle = -1;
  for (let k = 0; k < run.length - 1; k++) {
    const w = run[k].name.toLowerCase();
    // After "of" a title word names a body's field ("Ministry of Health, Welfare and Sport").
    if ((TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))) && !(k > 0 && CONNECTORS.has(run[k - 1].name.toLowerCase()) && run.slice(0, k).some((r) => ORG_WORDS.has(r.name.toLowerCase())))) lastTitle = k;
    // "Secretary of State Rex Tillerson": "of" and one word continue a title when a two-word name follows.
    else if (lastTitle === k - 1 && w === 'of' && k + 3 < run.length + 0 && /^\p{Lu}/u.test(run[k + 1].name) && personShaped(run.slice(k + 2).map((r) => r.name)) && !run.slice(k + 2).some((r) => ORG_WORDS.has(r.name.toLowerCase()) || PLACE_WORDS.has(r.name.toLowerCase()))) {
      lastTitle = k + 1;
      k++;
    }
    // "Prosecutor Nasri Lahoud", "Security Coordinator John Himmel": a role noun in capitals before a two-word name.
    else if (k + 2 < run.length && (lastTitle === k - 1 || k === 0) && /^\p{Lu}\p{Ll}+$/u.test(run[k].name) && !FIRST_NAMES.has(fold(run[k].name)) && (ROLE_NOUNS.has(w) || (isRoleWord(run[k].name.toLowerCase()) && commonWords.has(w))) && personShaped(run.slice(k + 1).map((r) => r.name)) && run.length - k - 1 <= 3) lastTitle = k;
    // "CEO of Three Rivers Hospital", "Mayor of London": the body or place the title serves.
    else if (lastTitle === k - 1 && w === 'of') {
      const served = run.slice(k + 1);
      if (served.length < 2 && !placeKey(served.map((r) => r.name)) && !isAcronym(served[0].name)) return out; // "Secretary of State"
      run = served;
      lastTitle = -1;
      initial = false;
      break;
    } else if (lastTitle >= 0) break;
  }
  let words = run.map((r) => r.name);
  const hasOrgWord = words.some((w) => ORG_WORDS.has(w.toLowerCase()));
  if (lastTitle >= 0 && !(hasOrgWord && words.slice(lastTitle + 1).some((w) => ORG_WORDS.has(w.toLowerCase())))) {
    const titleWords = words.slice(0, lastTitle + 1);
    const firstTitle = titleWords.findIndex((w) => TITLES.has(w.toLowerCase()));
    const prefix = titleWords.slice(0, firstTitle);
    // What precedes the title names the one the titled person serves: "UN" in "UN Secretary-General".
    if (prefix.length && !prefix.every((w) => DEMONYMS.has(w.toLowerCase()))) {
      const kept = prefix.filter((w) => !DEMONYMS.has(w.toLowerCase()));
      if (kept.length) {
        const prefixVotes = { person: 0, organization: 0, place: 0 };
        if (placeKey(kept) || PLACE_WORDS.has(kept[kept.length - 1].toLowerCase())) prefixVotes.place += STRONG + 1; // "U.S. Defense Secretary", "Bexar County Sheriff"
        else if (isAcronym(kept[0]) || kept.some((w) => ORG_WORDS.has(w.toLowerCase()))) prefixVotes.organization += WEAK;
        out.push(makeMention(kept, source, sentence, prefixVotes, initial));
      }
    }
    if (titleWords.some((w) => PERSON_TITLES.has(w.toLowerCase()))) votes.person += STRONG;
    else votes.person += WEAK;
    words = words.slice(lastTitle + 1);
    initial = false;
  } else if (words.length > 1 && DEMONYMS.has(words[0].toLowerCase()) && !hasOrgWord && !placeKey(words) && !PLACE_WORDS.has(words[words.length - 1].toLowerCase())) {
    // "Syrian Bashar al-Assad" is rare; "Turkish Mevlut Cavusoglu" drops the adjective.
    words = words.slice(1);
  }
  if (!words.length) return out;
  // "Israeli-Palestinian": a compound of nationality words is an adjective.
  if (words.length === 1 && words[0].includes('-') && words[0].split('-').every((w) => DEMONYMS.has(w.toLowerCase()))) return out;
  // "Syrian", "the Russians", "South Korean", "N. Koreans": a nationality word, a compass word or its initial before it.
  const demonym = (w: string) => DEMONYMS.has(w.toLowerCase()) || DEMONYMS.has(w.toLowerCase().replace(/s$/, ''));
  if (demonym(words[words.length - 1]) && words.slice(0, -1).every((w) => COMPASS.has(w.toLowerCase()) || /^[NSEW]\.$/.test(w))) return out;
  if (words.length === 1 && CALENDAR_WORDS.test(words[0])) return out; // "Mondays", "Sept."
  if (words.every((w) => TITLES.has(w.toLowerCase()))) return out; // "President" alone refers back
  // "J", "O": a lone letter is an initial cut from its name, not a name.
  if (words.length === 1 && /^\p{Lu}\.?$/u.test(words[0])) return out;
  // "We’re", "I’ve": contractions are no names.
  if (words.length === 1 && /[’'](?:re|ve|ll|d|m)$/i.test(words[0])) return out;
  // "II", "XIV", "TV", "DNA": numerals and abbreviations of things are no names on their own.
  if (words.length === 1 && (ROMAN_NUMERAL.test(words[0]) || NOT_ORG_ACRONYMS.has(words[0].replace(/\./g, '').toLowerCase()))) return out;

  // "Supplementary Figs", "Extended Data Table": a pointer into a paper, not a name.
  if (words.some((w) => FIGURE_WORDS.has(w.toLowerCase()))) return out;
  // "from the Mandarin for 'rainbow'": a language on its own is neither a body nor a place.
  if (words.length === 1 && LANGUAGES.has(fold(words[0]))) return out;

  // Cues around the run.
  const first = run[run.length - words.length];
  const last = run[run.length - 1];
  // "#OscarsSoWhite", "@Reuters": hashtags and handles; "REUTERS/Brian Snyder", "AP Photo/Evan
  // Vucci": a name joined to another by a slash is a picture's credit. Neither names an actor.
  const glued = (a: Tok | undefined, b: Tok | undefined) => !!a && !!b && a.start + a.text.length === b.start;
  const before0 = toks[first.index - 1];
  if (before0 && ['#', '@'].includes(before0.text) && glued(before0, first.tok)) return out;
  if (words.length > 1 && before0 && before0.text === '/' && glued(before0, first.tok)) return out;
  if (words.length > 1 && toks[last.index + 1]?.text === '/' && glued(last.tok, toks[last.index + 1])) return out;
  // "8 p.m. ET": a zone after a clock time.
  if (words.length === 1 && /^(?:[ap]\.?m\.?|\d{1,2}(?::\d{2})?)$/i.test(toks[first.index - 1]?.bare ?? '') && /^\p{Lu}{1,4}$/u.test(words[0])) return out;
  // "UPDATE:", "BREAKING": a word in capitals that the cluster writes in lower case, or that
  // opens its sentence before a colon, is a label.
  // "UPDATE: ...", "UPDATE- ...": a colon, or a dash glued to the word (a dateline's has a space).
  const labelled = initial && (toks[last.index + 1]?.text === ':' || (toks[last.index + 1]?.text === '-' && glued(last.tok, toks[last.index + 1])));
  if (words.length === 1 && /^\p{Lu}{4,}$/u.test(words[0]) && (labelled || commonWords.has(words[0].toLowerCase())) && !placeKey(words)) return out;
  // "S-300", "Beech A-35": a model's designation is a thing.
  if (/^\p{Lu}{1,3}-\d+\p{Lu}?$/u.test(words[words.length - 1])) return out;
  // "Idaho-Washington": places joined by a hyphen are each a place.
  if (words.length === 1 && words[0].includes('-') && words[0].split('-').every((w) => placeKey([w]))) {
    for (const w of words[0].split('-')) out.push(makeMention([w], source, sentence, { person: 0, organization: 0, place: STRONG }, initial));
    return out;
  }
  // "Resolution 2224", "Flight 370": a name followed by a number is a document or a code; but
  // "Interstate 435", "Highway 20", "FM 78" number a road.
  const numbered = toks[last.index + 1]?.word && /^\d/.test(toks[last.index + 1].bare);
  const road = numbered && ROAD_WORDS.has(words[words.length - 1]!.toLowerCase()) && /^\d{1,4}$/.test(toks[last.index + 1].bare);
  if (numbered && !road) return out;
  if (road) {
    words = [...words, toks[last.index + 1].bare];
    votes.place += STRONG + 1;
  }
  let prevIndex = first.index - 1;
  while (prevIndex >= 0 && !toks[prevIndex].word) prevIndex--;
  const prev = prevIndex >= 0 ? toks[prevIndex] : undefined;
  const prevLower = prev?.bare.toLowerCase() ?? '';
  // A person's role written in lower case ("spokesman", "the company's founder").
  const roleWord = (t: Tok) => ROLE_NOUNS.has(t.bare.toLowerCase()) || (/^\p{Ll}/u.test(t.bare) && isPersonRoleWord(t.bare));
  if (prev && prevIndex === first.index - 1 && roleWord(prev)) votes.person += STRONG;
  // "proxy adviser firm Halden Ross": a noun of kind names an organisation; a hint that a title
  // or a known given name still outweighs ("the company Anna Berg founded").
  // "her mother, Misty Bowman, relocated", "a spokesman, Lars Venter.": a person's role, a comma
  // and a name closed by a comma or the sentence's end.
  const closed = (t: Tok | undefined) => !t || /^[,.;]$/.test(t.text);
  if (prev && prevIndex === first.index - 2 && toks[first.index - 1]!.text === ',' && /^\p{Ll}/u.test(prev.bare) && roleWord(prev) && closed(toks[last.index + 1]) && !last.tok.possessive && personShaped(words)) votes.person += STRONG;
  const kindBefore = !!prev && prevIndex === first.index - 1 && ORG_KIND_NOUNS.has(prevLower);
  if (kindBefore && !roleWord(prev)) votes.organization += WEAK + 1;
  // "Ivo the Builder", "Mara the Elder": a word after a given name and "the" is an epithet of
  // that person, not a body.
  if (words.length === 1 && prevLower === 'the' && prevIndex === first.index - 1 && toks[prevIndex - 1]?.word && FIRST_NAMES.has(fold(toks[prevIndex - 1].bare))) return out;
  // Speech: "told Trump", ", said Brenda Oakes", "Keita said". Organisations speak too, but their
  // names carry an organisation word or a gazetteer entry that outweighs this hint.
  const nextTok = toks[last.index + 1];
  // '..., said Name' and '...,” said Name': the comma may be inside the closing quotation mark.
  // A name that goes on in lower case ("said Anaheim police Sgt. Bob Dunn") qualifies the
  // speaker named after it and is not the speaker.
  const qualifies = !!nextTok?.word && /^\p{Ll}/u.test(nextTok.bare) && (ORG_WORDS.has(nextTok.bare) || roleWord(nextTok));
  if (prev && !qualifies && (prevLower === 'told' || (prevLower === 'said' && (toks[prevIndex - 1]?.text === ',' || CLOSING_QUOTES.test(toks[prevIndex - 1]?.text ?? ''))))) votes.person += WEAK;
  // A lone word opening the sentence ("Doctors said", "Witnesses told") is most often a plural noun.
  if (nextTok?.word && !last.tok.possessive && SPEECH_VERBS.has(nextTok.bare.toLowerCase()) && !(initial && words.length === 1)) votes.person += WEAK;
  // ", who": people, not things ("which"); ", 34,": an age.
  if (nextTok?.text === ',' && toks[last.index + 2]?.word) {
    const w2 = toks[last.index + 2].bare;
    // An age closed by a comma, a bracket, "and" or the sentence's end: "Udi Hargov, 27 and Igal Damary, 49."
    const closes = (t: Tok | undefined) => !!t && (/^[,)]$/.test(t.text) || t.text === 'and' || (t.text === '.' && !toks[last.index + 4]));
    const ageEnds = /^\d{1,2}\.$/.test(toks[last.index + 2]!.text) && !toks[last.index + 3];
    if (w2.toLowerCase() === 'who' || (/^\d{1,2}$/.test(w2) && (closes(toks[last.index + 3]) || ageEnds))) votes.person += STRONG;
  }
  // "analysts at Nordbank Markets", "a spokesman for the Port Authority": a role held at a name
  // ("of" is left out: "the mayor of X" names a place)
  // makes it an organisation, whatever the preposition suggests.
  let roleAt = false;
  if (prev && ['at', 'for', 'with'].includes(prevLower)) {
    let k = prevIndex - 1;
    while (k >= 0 && (!toks[k].word || toks[k].bare.toLowerCase() === 'the')) k--;
    const role = k >= 0 ? toks[k].bare.toLowerCase() : '';
    roleAt = ROLE_NOUNS.has(role) || (role.endsWith('s') && ROLE_NOUNS.has(role.slice(0, -1)));
  }
  if (roleAt) votes.organization += WEAK + 1;
  // "Liberty-based Ferrellgas": what is based somewhere is a body, where it is based a place.
  if (prev && prevIndex === first.index - 1 && /^\p{Lu}[\p{L}.]*-based$/u.test(prev.bare)) votes.organization += STRONG;
  if (/-based$/.test(last.tok.bare)) votes.place += STRONG;
  // "Comcast-owned NBC", "Kremlin-backed groups": what owns, backs or runs something is a body
  // (a state or a person when the gazetteer or a given name says so).
  else if (words.length === 1 && OWNER_SUFFIX.test(last.tok.bare) && !placeKey(words) && !knownGivenName(words[0]!)) votes.organization += WEAK + 1;
  // "Tazo, an Oregon company", "the Anatolia news agency": a noun of kind in apposition, or
  // right after the name, says it is a body.
  const kind = toks.slice(last.index + 1, last.index + 6).filter((t) => t.word).map((t) => t.bare.toLowerCase());
  // "Cinarcik, a suburb of Yalova", "Herri Batasuna, the political party linked to ETA": the
  // head noun of an apposition says a place or a body.
  const head = last.tok.possessive ? '' : appositionHead(toks, last.index);
  if (PLACE_NOUNS.has(head)) votes.place += STRONG;
  else if (ORG_WORDS.has(head) && !TITLES.has(head)) votes.organization += STRONG;
  if (!last.tok.possessive && toks[last.index + 1]?.text === ',' && ['a', 'an', 'the'].includes(kind[0] ?? '') && kind.slice(1, 4).some((w) => ORG_KIND_NOUNS.has(w))) votes.organization += STRONG;
  else if (!last.tok.possessive && toks[last.index + 1]?.word && kind.slice(0, 2).some((w, n) => ORG_KIND_NOUNS.has(w) && kind.slice(0, n).every((x) => /^\p{Ll}/u.test(x)) && /^\p{Ll}/u.test(toks[last.index + 1].bare))) votes.organization += WEAK + 1;
  // "the United Nations", "the Red Cross": a person's name takes no article; but in "the Bush
  // administration" the article belongs to the noun after the name.
  const after1 = toks[last.index + 1];
  // A verb in the past after the name ("the Kansas City Star reported") is no noun it qualifies.
  const attributive = !!after1?.word && !last.tok.possessive && /^\p{Ll}/u.test(after1.bare) && !CLAUSE_WORDS.has(after1.bare.toLowerCase()) && !/^\p{Ll}{3,}ed$/u.test(after1.bare);
  if ((droppedThe || (prevLower === 'the' && prevIndex === first.index - 1)) && !placeKey(words) && !attributive) {
    votes.organization += WEAK;
    // "the Kansas City Star reported", "the Pentagon said": a name with an article that speaks or
    // reports is a body (a person's name takes no article).
    if (after1?.word && !last.tok.possessive && REPORTING_VERBS.has(after1.bare.toLowerCase())) votes.organization += WEAK + 1;
  }
  else if (prev && PLACE_PREPOSITIONS.has(prevLower)) votes.place += WEAK;
  // "the port of Velmar", "the town of X": a place noun and "of" right before the name.
  if (prevLower === 'of') {
    let k = prevIndex - 1;
    while (k >= 0 && !toks[k].word) k--;
    if (k >= 0 && PLACE_NOUNS.has(toks[k].bare.toLowerCase())) votes.place += STRONG;
  }
  const nextWord = toks[last.index + 1]?.word ? toks[last.index + 1].bare.toLowerCase() : '';
  if (!last.tok.possessive && PLACE_NOUNS.has(nextWord)) votes.place += WEAK + 1; // "the Kessel Point district"
  if (!last.tok.possessive && ORG_FOLLOWERS.has(nextWord) && !placeKey(run.map((r) => r.name))) votes.organization += WEAK;
  const after = toks.slice(last.index + 1, last.index + 4).filter((t) => t.word).map((t) => t.bare.toLowerCase());
  if (toks[last.index + 1]?.text === ',' && ['a', 'an', 'the', 'who', 'whose'].includes(after[0] ?? '') && ROLE_NOUNS.has(after[1] ?? '')) votes.person += STRONG;
  // "Lars Venter, head of the Chamber": an apposition that is a role.
  if (toks[last.index + 1]?.text === ',' && ROLE_NOUNS.has(after[0] ?? '') && ['of', 'at', 'for'].includes(after[1] ?? '')) votes.person += STRONG;
  // "Geneva, Switzerland", "Mebane, N.C."; not "Founders National Bank, California's only bank".
  if (toks[last.index + 1]?.text === ',' && toks[last.index + 2]?.word && !toks[last.index + 2].possessive && (placeKey([toks[last.index + 2].bare]) || stateAfterComma(toks, last.index + 2))) votes.place += STRONG;
  // "Mebane, N.C.", "Charlottesville, VA": a state's abbreviation after a place and a comma.
  if (words.length === 1 && stateAfterComma(toks, first.index)) {
    votes.place += STRONG + 1;
    if (/^\p{L}+\.$/u.test(first.tok.text)) words = [first.tok.text]; // written with its period: "Colo."
  }
  // "Tevfik Aksoy, chief economist of ...", "Peskov, 54, a spokesman for ...": an apposition stating a person's role.
  else if (text && toks[last.index + 1]?.text === ',' && !last.tok.possessive && roleAfter(text.slice(toks[last.index + 1].start), isPersonRoleWord)) votes.person += STRONG;
  const lowerWords = words.map((w) => w.toLowerCase());
  // "Procter & Gamble", "Johnson & Johnson": a name joined by an ampersand is a firm's, never a person's.
  if (words.includes('&')) votes.organization += STRONG;
  if (lowerWords.some((w) => ORG_WORDS.has(w))) votes.organization += STRONG;
  // "KNAC.com", "WBZ-TV", "Israel TV": a web address, a broadcaster's call sign or a channel names a body.
  else if (words.some((w) => /\.(?:com|org|net|gov|edu)$/i.test(w) || /^\p{Lu}{2,5}-(?:TV|FM|AM|DT)$/u.test(w)) || (words.length > 1 && /^(?:TV|Radio)$/.test(words[words.length - 1]))) votes.organization += STRONG;
  if (PLACE_WORDS.has(lowerWords[lowerWords.length - 1]) || (words.length > 1 && STREET_WORDS.has(lowerWords[lowerWords.length - 1]!))) votes.place += STRONG;
  else if (words.length > 1 && PLACE_WORDS.has(lowerWords[0]) && !lowerWords.some((w) => ORG_WORDS.has(w))) votes.place += STRONG; // "River Amsel", "Lake Geneva"
  if (placeKey(words)) votes.place += STRONG + 1;
  // "the North Cascades", "the Northwest Side", "the South Pacific": a compass word opening a name
  // with no body's word names a region.
  else if (words.length >= 2 && /^(?:north|south|east|west)(?:east|west|ern)?$/.test(lowerWords[0]!) && !lowerWords.some((w) => ORG_WORDS.has(w) || DEMONYMS.has(w))) votes.place += WEAK + 1;
  // "Park Chan-wook", "Moon Jae-in", "Kim Byung-kee": a given name of two syllables joined by a
  // hyphen, the second in lower case, after a family name.
  if (words.length >= 2 && words.length <= 3 && words[0]!.indexOf('-') < 0 && words.some((w) => w.includes('-')) && words.slice(1).some((w) => SYLLABLE_NAME.test(w) && !/(?:ed|ing|ly)$/.test(w) && !COMPOUND_SUFFIXES.has(w.slice(w.indexOf('-') + 1))) && !lowerWords.some((w) => ORG_WORDS.has(w))) votes.person += STRONG + 1;
  if (PROPER_ORG_PHRASES.has(words.map((w) => fold(w).replace(/-/g, ' ')).join(' '))) votes.organization += 2 * STRONG + 1;
  if (dateline) votes.place += STRONG + 1;
  else if (words.length === 1 && isAcronym(words[0]) && !placeKey(words)) votes.organization += WEAK + 1;
  // Journals: a publication, typed as newspapers are. A journal's own multi-word name is
  // enough ("Current Biology"); a one-word title ("Nature", "Science") needs the context of a
  // publication: "the journal Nature", "published in Science".
  const journal = fold(words.join(' ').replace(/-/g, ' '));
  if (JOURNALS.has(journal) && (words.length > 1 || publicationCue(toks, prevIndex))) votes.organization += 2 * STRONG + 1;
  // "told the Guardian", "in an interview with the Times": a body with an article that is told
  // something is a publication (a person takes no article); "according to Nielsen('s figures)": a lone word
  // that is a source of figures and no known given name is most often a body (people are cited
  // by their full name first).
  if (!initial) {
    const withThe = prevLower === 'the' && prevIndex === first.index - 1;
    // The word before "the" or "to".
    let k = prevIndex - 1;
    while (k >= 0 && !toks[k].word) k--;
    const before = k >= 0 ? toks[k].bare.toLowerCase() : '';
    if (withThe && !last.tok.possessive && ADDRESSEE_VERBS.has(before) && !placeKey(words) && !attributive) votes.organization += STRONG;
    else if (!withThe && prevLower === 'to' && before === 'according' && words.length === 1 && !knownGivenName(words[0]!) && !placeKey(words)) votes.organization += WEAK + 1;
  }
  const mention = makeMention(words, source, sentence, votes, initial);
  if (droppedThe || (prevLower === 'the' && prevIndex === first.index - 1)) mention.article = true;
  if (opener && first === run[0]) mention.opener = opener;
  if (quotedAlone(toks, first.index, last)) mention.quoted = true;
  if (attributive) mention.attributive = true;
  if (kindBefore) mention.kindBefore = true;
  // "the Green Civic candidate", "a Kremlin spokesman": a name that qualifies a role names what the role serves.
  if (!last.tok.possessive && ROLE_NOUNS.has(nextWord)) mention.roleAfter = true;
  if (!last.tok.possessive && THING_FOLLOWERS.has(nextWord)) mention.thingCue = true;
  out.push(mention);
  return out;
}

/**
 * The head noun of an apposition after the name at `last` (", a suburb of ...", ", the political
 * party linked to ..."): the last lower-case word, not a possessive, before a clause word, a
 * participle or a stop; capitalised words and "of" between them ("a University of North Carolina
 * professor") are passed over. '' when no apposition with an article follows.
 */
function appositionHead(toks: Tok[], last: number): string {
  if (toks[last + 1]?.text !== ',' || !['a', 'an', 'the'].includes(toks[last + 2]?.bare.toLowerCase() ?? '')) return '';
  let head = '';
  for (let k = last + 3; k < Math.min(toks.length, last + 12); k++) {
    const t = toks[k]!;
    if (!t.word) break;
    const lower = t.bare.toLowerCase();
    if (/^\p{Lu}/u.test(t.bare) || t.possessive || /^\d/.test(t.bare)) {
      if (head) break;
      continue;
    }
    if (CLAUSE_WORDS.has(lower) || (head && /ed$/.test(lower))) {
      if (head || !(lower === 'of' && /^\p{Lu}/u.test(toks[k - 1]?.bare ?? '') && /^\p{Lu}/u.test(toks[k + 1]?.bare ?? ''))) break;
      continue;
    }
    head = lower;
  }
  return head;
}

/** "East 84th Street", "57th Street": an ordinal before a street's noun is a word of its name. */
function ordinalStreet(toks: Tok[], k: number): boolean {
  const t = toks[k];
  const c = t?.bare.charCodeAt(0) ?? 0;
  if (c < 48 || c > 57) return false;
  const next = toks[k + 1];
  return !!t?.word && /^\d+(?:st|nd|rd|th)$/.test(t.bare) && !!next?.word && STREET_WORDS.has(next.bare.toLowerCase()) && /^\p{Lu}/u.test(next.bare);
}

/** A US state's abbreviation at `k`, written after a capitalised name and a comma and closing its phrase. */
function stateAfterComma(toks: Tok[], k: number): boolean {
  const t = toks[k];
  if (!t?.word || toks[k - 1]?.text !== ',' || !toks[k - 2]?.word || !/^\p{Lu}/u.test(toks[k - 2].bare)) return false;
  const next = toks[k + 1];
  if (next?.word && /^\p{Lu}/u.test(next.bare)) return false;
  const folded = t.bare.replace(/\./g, '').toLowerCase();
  // Postal codes only in capitals ("VA", not "Va"), news-style ones with their periods or capital.
  return STATE_ABBREVIATIONS.has(folded) && (t.bare.replace(/\./g, '').length > 2 || /^\p{Lu}{2}$|^(?:\p{Lu}\.){2}$/u.test(t.bare) || t.text.endsWith('.'));
}

/** Words before a name that say it is a publication: "the journal X", "published (online) in X". */
function publicationCue(toks: Tok[], prevIndex: number): boolean {
  const at = (k: number) => (k >= 0 && toks[k].word ? toks[k].bare.toLowerCase() : '');
  let k = prevIndex;
  if (at(k) === 'journal' || at(k) === 'journals') return true;
  if (!['in', 'to'].includes(at(k))) return false;
  k--;
  if (at(k) === 'the' && (at(k - 1) === 'journal' || at(k + 2) === 'journal')) return true;
  while (k >= 0 && ['online', 'today', 'recently', 'also'].includes(at(k))) k--;
  return ['published', 'publishes', 'publish', 'appears', 'appeared', 'reported', 'writing', 'write', 'wrote', 'submitted'].includes(at(k));
}

const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '«']);
const CLOSING_QUOTES = /^[”"’'»]$/;

/** A name standing alone between quotation marks (a closing comma or stop may come first). */
function quotedAlone(toks: Tok[], firstIndex: number, last: { tok: Tok; index: number }): boolean {
  if (firstIndex === 0 || !OPENING_QUOTES.has(toks[firstIndex - 1].text)) return false;
  if (!last.tok.possessive && /[’']$/.test(last.tok.text)) return true;
  const next = toks[last.index + 1];
  if (!next) return false;
  if (CLOSING_QUOTES.test(next.text)) return true;
  return /^[,.!?]$/.test(next.text) && !!toks[last.index + 2] && CLOSING_QUOTES.test(toks[last.index + 2].text);
}

function makeMention(words: string[], source: string, sentence: string, votes: Mention['votes'], initial: boolean): Mention {
  return { surface: words.join(' '), words, source, sentence, votes: { ...votes }, initial };
}

/** The text with every word holding a slash or an at sign (web and e-mail addresses, paths) blanked out. */
function withoutAddresses(text: string): string {
  const marks = /[/@]/g;
  let m = marks.exec(text);
  if (!m) return text;
  const white = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
  let out = '';
  let from = 0;
  while (m) {
    let a = m.index;
    while (a > from && !white(text.charCodeAt(a - 1))) a--;
    let b = m.index;
    while (b < text.length && !white(text.charCodeAt(b))) b++;
    out += text.slice(from, a) + ' ';
    from = b;
    marks.lastIndex = b;
    m = marks.exec(text);
  }
  return out + text.slice(from);
}

/** Lower-case words of the cluster: a sentence-initial "Earlier" that also appears as "earlier" is no name. */
function commonWordsOf(docs: Doc[]): Set<string> {
  const out = new Set<string>();
  // Web addresses and e-mail addresses are written in lower case whatever they name
  // ("www.elektra.com/retro/metallica"): their words say nothing of how the cluster writes names.
  for (const d of docs) for (const m of withoutAddresses(d.article.text).matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'-]+/gu)) out.add(m[0]);
  return out;
}

// Species names: a genus in capitals followed by a Latin epithet in lower case ("Velmarus
// ostrensis", "T. rex"). Latin endings of epithets; English words with such endings that follow
// names ("the Obama era", "Zenith stadium") are listed so they are not read as epithets.
const EPITHET = /^\p{Ll}{3,}(?:us|um|ii|ae|ensis|ens|oides|i|ex|is|ica|ata|osa|ina|ana)$/u;
const NOT_EPITHETS = new Set(
  'era area media data campus status museum stadium bonus focus plus bus analysis basis crisis thesis axis emphasis alumni menu visa agenda formula drama camera opera pizza vodka gala idea extra via mafia militia saga panda trivia quota umbrella villa zebra tuna sofa dilemma arena gorilla nostalgia mania hernia criteria phenomena bacteria antenna'.split(' '),
);

/**
 * Genera of the cluster: capitalised words written with a species epithet after them. An
 * epithet must follow a capitalised word or an initial at least twice and in at least half of
 * its lower-case uses, so an ordinary word after a name is not taken for one.
 */
function generaOf(docs: Doc[], species: SpeciesPairs): Set<string> {
  // Counted in distinct sentences: a story copied into two sources does not count twice.
  const pairs = new Map<string, Map<string, number>>();
  for (const [epithet, row] of species) pairs.set(epithet, new Map([...row].map(([genus, seen]) => [genus, seen.size])));
  const out = new Set<string>();
  const total = (row: Map<string, number>) => {
    let n = 0;
    for (const c of row.values()) n += c;
    return n;
  };
  // Only epithets seen twice after a capital need their other uses counted (one search for all).
  const candidates = [...pairs.keys()].filter((e) => total(pairs.get(e)!) >= 2);
  if (!candidates.length) return out;
  const lower = new Map<string, number>();
  const uses = new RegExp(`(?<![\\p{L}\\p{N}])(?:${candidates.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const sentences = new Set<string>();
  for (const d of docs) for (const s of d.sentences) sentences.add(s.text);
  for (const text of sentences) for (const m of text.matchAll(uses)) lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
  for (const epithet of candidates) {
    const row = pairs.get(epithet)!;
    if (total(row) * 2 < (lower.get(epithet) ?? 0)) continue;
    for (const genus of row.keys()) {
      const g = fold(genus);
      if (!genus.endsWith('.') && !FIRST_NAMES.has(g) && !GAZETTEER.has(g) && !TITLES.has(g) && !NOT_NAMES.has(g)) out.add(g);
    }
  }
  return out;
}

/** A form of a name for comparison: folded words, particles kept apart ("al-Assad" -> "al assad"). */
function keyWords(words: string[]): string[] {
  // Merging compares forms many times over; a form's words never change, so its key is kept.
  let key = keyWordsOf.get(words);
  if (!key) {
    key = words
      .flatMap((w) => fold(w).split(/-/))
      .map((w) => w.replace(/\.$/, ''))
      .filter(Boolean);
    keyWordsOf.set(words, key);
  }
  return key;
}
const keyWordsOf = new WeakMap<string[], string[]>();
/** A form's key by its words, read once per words array. */
const formKeys = new WeakMap<string[], string>();

/** The first letter of a name word as its phonetic key starts (i and e read as a). */
function nameInitial(word: string): string {
  const c = transliterationForm(word)[0] ?? '';
  return c === 'i' || c === 'e' ? 'a' : c === 'g' ? 'k' : c;
}

/** The surname part of a person's name: the last word with no particles. */
/** "Jr.", "III": a generation after a name is no part of the name compared. */
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

function surname(words: string[]): string {
  const k = keyWords(words).filter((w) => !PARTICLES.has(w) && !GENERATIONS.has(w));
  return k[k.length - 1] ?? '';
}

/** The surname with the particles before it, written together: "van der Meer" -> "vandermeer". */
function compactSurname(words: string[]): string {
  const k = keyWords(words).filter((w) => !GENERATIONS.has(w));
  let start = k.length - 1;
  while (start > 1 && PARTICLES.has(k[start - 1])) start--;
  return k.slice(start).join('');
}

function acronymOf(words: string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w) && !CONNECTORS.has(w.toLowerCase()))
    // "U.S. Olympic Committee" is "USOC": initials give all their letters.
    .flatMap((w) => (INITIALS.test(w) ? w.replace(/\./g, '').split('') : w.split('-').map((x) => x[0])))
    .join('')
    .toUpperCase();
}

interface Form {
  key: string;
  words: string[];
  mentions: Mention[];
  votes: Mention['votes'];
}

class UnionFind {
  parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

const INITIALS = /^(?:\p{Lu}\.)+$/u;

/** A middle initial ("Elisa K. McEachern") or an Arabic name particle ("al-Majid") marks a person's name. */
function personByForm(words: string[]): boolean {
  return personShaped(words) && words.some((w, i) => (i > 0 && i < words.length - 1 && INITIALS.test(w)) || (i > 0 && PARTICLE_PREFIX.test(w)));
}

/**
 * Evidence in the words themselves that a name is an organisation's: an organisation word, also
 * inside a hyphenated word ("Avalanche-Journal"); an acronym ("WXKT", "KTV2"); an office
 * ("Harlan County District Attorney"); or a plural that the cluster never writes in lower case
 * (teams, bands, units: "the Raiders", "the Vandettes").
 */
function organisationByForm(words: string[], common: Set<string>): boolean {
  const parts = words.flatMap((w) => w.toLowerCase().split('-'));
  if (parts.some((w) => ORG_WORDS.has(w))) return true;
  if (words.some((w) => /^\p{Lu}{2,}\d*$/u.test(w.replace(/\./g, '')))) return true;
  if (parts.some((w) => PLACE_WORDS.has(w)) && TITLES.has(parts[parts.length - 1])) return true;
  const last = parts[parts.length - 1];
  return /^\p{Ll}{3,}[^s]s$/u.test(last) && !common.has(last) && !common.has(last.slice(0, -1));
}

function personShaped(words: string[]): boolean {
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || INITIALS.test(w) || PARTICLES.has(w.toLowerCase()) || PARTICLE_PREFIX.test(w));
}

/**
 * Whether a name holds a word the cluster also writes in lower case ("Cigarette Smoke", "Star
 * Wars", "Respiratory Diseases"): such a name is a thing's or a title's, not a person's. A known
 * given name in front does not count ("Dennis Young").
 */
function hasCommonWord(words: string[], common: Set<string>): boolean {
  return words.some((w, i) => {
    if (i === 0 && FIRST_NAMES.has(fold(w))) return false;
    const l = w.toLowerCase();
    return common.has(l) || (l.endsWith('s') && common.has(l.slice(0, -1))) || common.has(`${l}s`);
  });
}

/**
 * Latin endings of animal and plant genera and clades ("Velociraptor", "Archaeopteryx",
 * "Hadrosauridae"): names of kinds of living things, never people, bodies or places. Only words
 * of seven letters or more, so short surnames ("Gordon") are not read by ending.
 */
const GENUS_ENDING = /(?:saurus|sauria|raptor|pteryx|ornis|odon|mimus|therium|pithecus|ceratops|suchus|nychus|venator|ichthys|rhynchus|gnathus|dactylus|opteris|idae|inae|oidea|iformes|aceae|alae)$/;

/**
 * A name of a thing rather than of a person, body or place: a genus or clade (by its Latin
 * ending, or because the cluster writes it with a species name after it: `genera`), or a span
 * of geological or archaeological time ("Jurassic Period", "Middle Stone Age"), unless an
 * organisation or place word makes it a name ("Jurassic Coast Trust").
 */
function thingName(words: string[], genera: ReadonlySet<string>): boolean {
  // Typing asks about the same forms many times while merging; a form's words never change
  // within one call of findEntities (the genera of that call with them).
  let known = thingNames.get(words);
  if (known === undefined) {
    known = readsAsThing(words, genera);
    thingNames.set(words, known);
  }
  return known;
}
const thingNames = new WeakMap<string[], boolean>();

/**
 * The last word of a name as its ending: folded, and empty when that word is a hyphenated
 * compound, whose last part ends a surname, not an event ("Alex Peters-Day", "Anna Smith-Games").
 */
function endingOf(words: string[], k: string[]): string {
  const last = words[words.length - 1] ?? '';
  return last.includes('-') ? '' : (k[k.length - 1] ?? '');
}

function readsAsThing(words: string[], genera: ReadonlySet<string>): boolean {
  const k = keyWords(words);
  if (!k.length) return false;
  const end = endingOf(words, k);
  // The last word decides for awards and events ("Public Service Medal", "Harbour Festival Event").
  if (k.length >= 2 && THING_ENDINGS.has(end)) return true;
  if (EVENT_ALONE.has(end) || (k.length >= 2 && EVENT_ENDINGS.has(end) && !k.some((w) => ORG_WORDS.has(w)))) return true;
  if (k.some((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w))) return false;
  if (k.some((w) => TIME_SPAN_WORDS.has(w))) return true;
  if (CELESTIAL.has(k.join(' '))) return true;
  if (k.length >= 2 && TIME_SPAN_ENDINGS.has(end)) return true;
  if (k.length <= 2 && (genera.has(k[0]) || (k[0].length >= 7 && GENUS_ENDING.test(k[0])))) return true;
  return false;
}

/** A name of an event, a war or a holiday by its last word ("Winter Olympics", "Cold War"). */
function readsAsEvent(words: string[]): boolean {
  const k = keyWords(words);
  const end = endingOf(words, k);
  return EVENT_ALONE.has(end) || (k.length >= 2 && EVENT_ENDINGS.has(end));
}

const NO_GENERA: ReadonlySet<string> = new Set();
// Endings of adjectives made from names (Mediterranean, Adriatic, Balinese, Cornish).
const ADJECTIVE_ENDING = /\p{Ll}(?:an|ese|ish|ic)$/u;

function typeOf(votes: Mention['votes'], words: string[], common: Set<string>, genera: ReadonlySet<string> = NO_GENERA): EntityType {
  if (thingName(words, genera)) return 'other';
  const v = { ...votes };
  // A known given name first is worth a little more than a hint from an article or preposition.
  if (words.length >= 2 && FIRST_NAMES.has(fold(words[0])) && personShaped(words)) v.person += WEAK + 1;
  const best = (Object.entries(v) as [EntityType, number][]).sort((a, b) => b[1] - a[1])[0];
  // One weak hint ("in Political Affairs") does not make a phrase of ordinary words a name.
  // Organisation and place words ("Police Department") are ordinary words that do make names.
  const generic = (w: string) => ORG_WORDS.has(w.toLowerCase()) || PLACE_WORDS.has(w.toLowerCase()) || GAZETTEER.has(fold(w));
  if (best[1] > 0 && best[1] <= WEAK && words.length >= 2 && !words.some(generic) && hasCommonWord(words, common)) return 'other';
  if (best[1] > 0) return best[0];
  // Two or three name words with no other cue read as a person's name ("Hediye Yusuf", "O.J.
  // Simpson"), unless one of them is an ordinary word of the cluster.
  if (personShaped(words) && !hasCommonWord(words, common)) return 'person';
  return 'other';
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => sameNameWord(w, b[i]));
}

/**
 * A surname that two full names share ("Simpson": "O.J. Simpson", "Nicole Brown Simpson") goes,
 * mention by mention, to the full name last seen before it in the same article (news writes the
 * full name first); when two thirds of its mentions agree, the form is linked there.
 */
function linkByAntecedent(f: Form, self: number, matches: { f: Form; i: number }[], uf: UnionFind): boolean {
  const at = (m: Mention) => Number(m.sentence.slice(m.sentence.lastIndexOf('#') + 1));
  const tally = new Map<number, number>();
  let voted = 0;
  for (const m of f.mentions) {
    let best: { root: number; index: number } | null = null;
    for (const { f: g, i } of matches) {
      for (const n of g.mentions) {
        if (n.source !== m.source || at(n) > at(m)) continue;
        if (!best || at(n) > best.index) best = { root: uf.find(i), index: at(n) };
      }
    }
    if (!best) continue;
    voted++;
    tally.set(best.root, (tally.get(best.root) ?? 0) + 1);
  }
  const top = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top || top[1] * 3 < voted * 2) return false;
  uf.union(top[0], self);
  return true;
}

const TABLE_ROW = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}) [\d][\d,.]*(?: |%|$)/u;

/**
 * Names heading the rows of a table written as lines ("Izmit 4,179 dead, 10,759 injured",
 * "Bolu 226 dead"): three or more sentences in a row, each a name and a figure. Read alone, a
 * name before a number is a code ("Flight 370"); in a table it is an item, of the kind its
 * known items show (a place of the gazetteer, a person's known given name).
 */
function tableRowNames(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const ss = doc.sentences;
  for (let k = 0; k < ss.length; ) {
    let end = k;
    const names: string[][] = [];
    for (; end < ss.length; end++) {
      const m = TABLE_ROW.exec(ss[end]!.text);
      const words = m ? m[1]!.split(' ') : [];
      if (!m || NOT_NAMES.has(words[0]!.toLowerCase()) || CALENDAR_WORDS.test(words[0]!) || TITLES.has(words[0]!.toLowerCase())) break;
      names.push(words);
    }
    if (names.length >= 3) {
      const place = names.some((w) => placeKey(w));
      const person = names.some((w) => personShaped(w) && FIRST_NAMES.has(fold(w[0]!)));
      const votes = { person: person && !place ? WEAK : 0, organization: 0, place: place && !person ? WEAK : 0 };
      names.forEach((w, n) => out.push(makeMention(w, doc.article.id, ss[k + n]!.id, votes, false)));
    }
    k = Math.max(end, k + 1);
  }
  return out;
}

const DATELINE = /^\s*(.*?)\s*(?:\(([^()]+)\))?\s*(--|[-—–_|:]|>>)?\s*$/u;
const DATELINE_PART = /^\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3}$/u;

/**
 * "SEATTLE (AP) —", "Seoul, South Korea (CNN)", "MEBANE, N.C. (WXII/WNCN) —": the dateline that
 * cleaning cut from an article names the place the story was filed from (with its region) and
 * the agencies that filed it. A date in it is passed over; a label alone ("UPDATE:") with no
 * region, agency or dash is no dateline. Words in capitals are written as names are.
 */
function datelineMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  for (const r of doc.article.removed ?? []) {
    if (r.reason !== 'dateline') continue;
    const m = DATELINE.exec(r.text.replace(/\s+/g, ' '));
    if (!m) continue;
    const parts = m[1] ? m[1].split(/,\s*/).filter((p) => !/\d/.test(p) && !CALENDAR_WORDS.test(p.split(' ')[0]!)) : [];
    const agencies = m[2] ? m[2].split(/\s*\/\s*/).filter((a) => DATELINE_PART.test(a)) : [];
    if (!parts.every((p) => DATELINE_PART.test(p))) continue;
    if (!agencies.length && parts.length < 2 && !(m[3] && m[3] !== ':')) continue;
    const at = `${doc.article.id}#-1`;
    const cased = (w: string) => (/^\p{Lu}{3,}$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w);
    for (const p of parts) {
      const words = p.split(' ');
      const caps = words.every((w) => w === w.toUpperCase());
      out.push(makeMention(caps ? words.map(cased) : words, doc.article.id, at, { person: 0, organization: 0, place: STRONG + 1 }, false));
    }
    for (const a of agencies) out.push(makeMention(a.split(' '), doc.article.id, at, { person: 0, organization: STRONG, place: 0 }, false));
  }
  return out;
}

/** Words holding digits ("84th", "20") are read as written: "East 68th Street" is not "East 84th Street". */
function sameNumbers(a: string[], b: string[]): boolean {
  return a.every((w, k) => !/\d/.test(w + b[k]!) || w === b[k]);
}

/**
 * Whether two forms are both written in one article. One writer keeps to one spelling of a name,
 * so two close spellings in one article ("Pyongyang" and "Pyeongchang") are two names.
 */
function sharesSource(a: Form, b: Form): boolean {
  const sa = sourcesOf(a);
  for (const s of sourcesOf(b)) if (sa.has(s)) return true;
  return false;
}
/** Two forms one of which writes a word of the other with a plural "s" ("Olympic" / "Olympics"): one name, even in one article. */
function pluralOf(a: string[], b: string[]): boolean {
  return a.every((w, k) => w === b[k] || w === `${b[k]}s` || `${w}s` === b[k]);
}
function sourcesOf(f: Form): Set<string> {
  let s = formSources.get(f);
  if (!s) formSources.set(f, (s = new Set(f.mentions.map((m) => m.source))));
  return s;
}
const formSources = new WeakMap<Form, Set<string>>();

/**
 * "Basque Homeland and Freedom", "Racketeering Influenced and Corrupt Organizations Act": two
 * runs the cluster writes only together, joined by "and", at least twice, one of them holding an
 * ordinary word of the cluster, are one name. Names also written apart, paired once, or people
 * ("Bill and Melinda Gates") stay two.
 */
function joinNames(mentions: Mention[], formKey: (w: string[]) => string, common: Set<string>): void {
  const pairs = new Map<string, Mention[]>();
  for (const m of mentions) if (m.joinedWith) addTo(pairs, `${formKey(m.words)}\u0000${formKey(m.joinedWith.words)}`, m);
  // Only names paired twice need counting.
  const count = new Map<string, number>();
  for (const [key, firsts] of pairs) if (firsts.length >= 2) for (const k of key.split('\u0000')) count.set(k, 0);
  if (!count.size) return;
  for (const m of mentions) {
    const k = formKey(m.words);
    const n = count.get(k);
    if (n !== undefined) count.set(k, n + 1);
  }
  const gone = new Set<Mention>();
  for (const [key, firsts] of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (firsts.length < 2 || a === b || count.get(a) !== firsts.length || count.get(b) !== firsts.length) continue;
    // "Bill and Melinda Gates": people are named together, not one name.
    if (firsts.some((m) => m.votes.person > 0 || m.joinedWith!.votes.person > 0 || (m.words.length === 1 && knownGivenName(m.words[0]!)))) continue;
    // Two proper names each ("Trinidad and Tobago" aside) are more often two bodies or places
    // named together; a side holding an ordinary word of the cluster ("Freedom", "Corrupt
    // Organizations Act") is no name on its own.
    if (!hasCommonWord(firsts[0]!.words, common) && !hasCommonWord(firsts[0]!.joinedWith!.words, common)) continue;
    for (const m of firsts) {
      const n = m.joinedWith!;
      m.words = [...m.words, 'and', ...n.words];
      m.surface = m.words.join(' ');
      m.votes = { person: 0, organization: m.votes.organization + n.votes.organization, place: m.votes.place + n.votes.place };
      gone.add(n);
    }
  }
  if (!gone.size) return;
  const kept = mentions.filter((m) => !gone.has(m));
  mentions.length = 0;
  mentions.push(...kept);
}

/** Nouns of a state's formal name ("Republic of ...", "Russian Federation"). */
const STATE_NOUNS = new Set(['republic', 'kingdom', 'federation', 'principality', 'commonwealth', 'emirate', 'sultanate', 'confederation']);

/** Legal forms of companies after their names ("Corp.", "Co.", "Inc."), as keys are written. */
const LEGAL_FORMS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'ag', 'sa', 'gmbh', 'nv', 'corporation', 'incorporated']);

/** 1 for a one-word abbreviation with a period ("Calif.") or of two capitals ("VA"), which never names its entity when the full word is there. */
const abbreviated = (words: string[]) => Number(words.length === 1 && /^\p{Lu}\p{Ll}+\.$|^\p{Lu}{2}$/u.test(words[0]));

/** The parts of an article that cleaning cut and that the entity stage still reads for names. */
export const NAMING_REMOVALS: ReadonlySet<string> = new Set(['dateline', 'byline', 'sign-off']);

/** People, organisations and places of a cluster, spelling variants and partial names merged. */
export function findEntities(docs: Doc[]): Entity[] {
  const commonWords = commonWordsOf(docs);
  const mentions: Mention[] = [];
  const species: SpeciesPairs = new Map();
  const terms = new Set<string>();
  const apposed: [Mention, Mention, boolean?][] = [];
  for (const doc of docs) for (const s of doc.sentences) mentions.push(...mentionsIn(s.text, s.source, s.id, commonWords, species, terms, apposed));
  for (const doc of docs) mentions.push(...tableRowNames(doc), ...datelineMentions(doc));
  // "By Alex Acquisto", "Associated Press writer Phuong Le contributed to this report": a byline or
  // a sign-off that cleaning cut names the people and agencies that wrote the story (not those
  // who edited it: "Reporting by X; editing by Y" is a credit line).
  for (const doc of docs) {
    for (const r of doc.article.removed ?? []) {
      const text = r.text.replace(/^\s*[—–-]+\s*/, '').replace(/[;,.]?\s*\b(?:editing|edited|produced|compiled|designed|graphics)\s+by\b.*$/isu, '');
      if (r.reason !== 'dateline' && NAMING_REMOVALS.has(r.reason)) mentions.push(...mentionsIn(text, doc.article.id, `${doc.article.id}#-1`, commonWords));
    }
  }
  // Words that name things in this cluster: genera, and acronyms of lower-case terms.
  const genera = generaOf(docs, species);
  for (const t of terms) genera.add(t);

  // "Recording Industry Association of America: ...": a sentence-initial ordinary word was
  // dropped from the front of a name; when the cluster writes the name with it elsewhere, it is
  // the name's own first word.
  const formKey = (words: string[]) => {
    let k = formKeys.get(words);
    if (k === undefined) formKeys.set(words, (k = keyWords(words).join(' ').replace(/\./g, '')));
    return k;
  };
  const openers = mentions.filter((m) => m.opener);
  if (openers.length) {
    const whole = new Map(openers.map((m): [Mention, string[]] => [m, [m.opener!, ...m.words]]));
    const wanted = new Set([...whole.values()].map(formKey));
    const seen = new Set<string>();
    for (const m of mentions) {
      const k = formKey(m.words);
      if (wanted.has(k)) seen.add(k);
    }
    for (const [m, words] of whole) {
      if (!seen.has(formKey(words))) continue;
      m.words = words;
      m.surface = words.join(' ');
    }
  }
  joinNames(mentions, formKey, commonWords);
  // Forms: mentions with the same folded words.
  const forms: Form[] = [];
  const byKey = new Map<string, Form>();
  for (const m of mentions) {
    const key = formKey(m.words);
    let f = byKey.get(key);
    if (!f) {
      f = { key, words: m.words, mentions: [], votes: { person: 0, organization: 0, place: 0 } };
      byKey.set(key, f);
      forms.push(f);
    }
    f.mentions.push(m);
    f.votes.person += m.votes.person;
    f.votes.organization += m.votes.organization;
    f.votes.place += m.votes.place;
  }
  // A form seen only sentence-initially, never with a cue, and only once is too weak to keep.
  // Every form takes part in merging (a sentence-initial "Lavrentiev" still links to its full
  // name); forms left alone with no cue are dropped when entities are gathered.
  const live = forms;
  const byKeyIndex = new Map(forms.map((f, i) => [f.key, i]));
  const uf = new UnionFind(live.length);
  // A form's votes and words are final once forms are gathered, so its type is read once.
  const formTypes = new Map<Form, EntityType>();
  const typeOfForm = (f: Form): EntityType => {
    let t = formTypes.get(f);
    if (t === undefined) {
      t = typeOf(f.votes, f.words, commonWords, genera);
      formTypes.set(f, t);
    }
    return t;
  };

  // Index forms by the phonetic-insensitive first letter of each word, to compare only forms
  // that could be variants (blocking instead of all pairs).
  const bySurname = new Map<string, number[]>();
  live.forEach((f, i) => {
    // Variants have as many words as each other, each starting as its counterpart does when
    // read by sameNameWord (step 1 compares word by word).
    const block = keyWords(f.words).map(nameInitial).join('');
    addTo(bySurname, block, i);
  });

  // 1. Spelling variants of the same length: every word a variant of its counterpart.
  // Each form's key and gazetteer lookup are read once, not once per pair in its block.
  const keysOf = live.map((f) => keyWords(f.words));
  const isPlace = live.map((f) => placeKey(f.words));
  // Blocks hold thousands of forms in a big story: pairs whose words cannot be one name by length
  // are passed over on transliteration forms computed once per form.
  // Within a block, only forms whose first words share a blocking key are compared (every pair
  // sameNameWord could accept does), each pair once.
  const variants = (x: number, y: number) => {
    if (keysOf[x].length !== keysOf[y].length) return;
    if (isPlace[x] && isPlace[y]) return; // two places of the gazetteer are two places
    const [ka, kb] = [keysOf[x], keysOf[y]];
    if (sameNumbers(ka, kb) && sameWords(ka, kb) && (pluralOf(ka, kb) || !sharesSource(live[x]!, live[y]!))) uf.union(x, y);
  };
  for (const ids of bySurname.values()) {
    if (ids.length < 2) continue;
    const byKey = new Map<string, number[]>();
    for (const id of ids) if (keysOf[id].length) for (const key of blockingKeys(keysOf[id][0]!)) addTo(byKey, key, id);
    const compared = new Set<number>();
    for (const list of byKey.values()) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const pair = list[a]! * live.length + list[b]!;
          if (compared.has(pair)) continue;
          compared.add(pair);
          variants(list[a]!, list[b]!);
        }
      }
    }
  }

  // Spacing: "Van der Meer" / "Vandermeer", "De Souza" / "DeSouza", "Mac Donald" / "MacDonald":
  // one name when its words written together are the same.
  const byCompact = new Map<string, number[]>();
  live.forEach((f, i) => addTo(byCompact, keysOf[i].join(''), i));
  for (const ids of byCompact.values()) for (const j of ids.slice(1)) if (keysOf[j].length !== keysOf[ids[0]].length) uf.union(ids[0], j);

  // Places renamed in apposition ("Highway 20, the North Cascades Highway,"), unless both are
  // places of the gazetteer ("Paris, the France of ...").
  // An acronym said to stand for a name is that name.
  for (const [a, b, acronym] of apposed) {
    const i = byKeyIndex.get(formKey(a.words));
    const j = byKeyIndex.get(formKey(b.words));
    if (i === undefined || j === undefined || i === j) continue;
    if (acronym) uf.union(j, i);
    else if (typeOfForm(live[i]!) === 'place' && typeOfForm(live[j]!) === 'place' && !(isPlace[i] && isPlace[j])) uf.union(i, j);
  }

  // "Highway 20", "state Route 20": roads of one number in a cluster are one road.
  const roads = new Map<string, number[]>();
  live.forEach((f, i) => {
    const k = keysOf[i];
    if (k.length === 2 && ROAD_WORDS.has(k[0]!) && /^\d+$/.test(k[1]!)) addTo(roads, k[1]!, i);
  });
  for (const ids of roads.values()) for (const j of ids.slice(1)) uf.union(ids[0]!, j);

  // Hypocorisms: "Bill Clinton" / "William Clinton", "Pete Strella" / "Peter Strella": people
  // whose names differ only in a given name that the data list gives as forms of one name.
  const peopleByRest = new Map<string, number[]>();
  live.forEach((f, i) => {
    const k = keysOf[i];
    if (k.length >= 2 && typeOfForm(f) === 'person') addTo(peopleByRest, k.slice(1).join(' '), i);
  });
  for (const ids of peopleByRest.values())
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) if (sameGivenName(keysOf[ids[x]][0], keysOf[ids[y]][0])) uf.union(ids[x], ids[y]);

  // 2. Acronyms: "UN" / "U.N." for "United Nations", "SNC" for "Syrian Negotiations Commission".
  const acronyms = new Map<string, number[]>();
  live.forEach((f, i) => {
    if (f.words.length >= 2 && typeOfForm(f) !== 'person') {
      const a = acronymOf(f.words);
      if (a.length >= 2) addTo(acronyms, a, i);
    }
  });
  live.forEach((f, i) => {
    if (f.words.length !== 1) return;
    const w = f.words[0].replace(/\./g, '');
    if (!/^\p{Lu}{2,6}$/u.test(w)) return;
    // "US" is a country: it abbreviates a place ("United States"), not "University of Southampton".
    const targets = placeKey(f.words) ? acronyms.get(w)?.filter((t) => typeOfForm(live[t]) === 'place') : acronyms.get(w);
    if (targets && new Set(targets.map((t) => uf.find(t))).size === 1) uf.union(targets[0], i);
  });

  // Surnames of people and names of places, for plurals that name a family or a pair of
  // countries ("the Bowmans", "the two Koreas"): groups, not actors.
  const pluralStems = new Set<string>();
  live.forEach((f) => {
    const k = keyWords(f.words);
    const t = typeOfForm(f);
    if (t === 'person' && k.length >= 2) pluralStems.add(k[k.length - 1]);
    if (t === 'place' || placeKey(f.words)) pluralStems.add(k.join(' '));
  });
  const familyPlural = (w: string) => {
    const l = fold(w);
    return l.endsWith('s') && (pluralStems.has(l.slice(0, -1)) || (l.endsWith('es') && pluralStems.has(l.slice(0, -2))));
  };

  // Abbreviations with a period ("Calif.", "Va.") or of two capitals ("VA") to the one place whose name holds their letters
  // in order from its first ("California", "Virginia").
  const placesByInitial = new Map<string, number[]>();
  live.forEach((f, i) => {
    // Only names written out: "VA" is no target of "Va." (nor of itself).
    if (f.words.length === 1 && !f.words[0].endsWith('.') && !isAcronym(f.words[0]) && typeOfForm(f) === 'place') addTo(placesByInitial, fold(f.words[0])[0] ?? '', i);
  });
  live.forEach((f, i) => {
    if (f.words.length !== 1 || !/^\p{Lu}\p{Ll}+\.$|^\p{Lu}{2}$/u.test(f.words[0]) || typeOfForm(f) !== 'place' || placeKey(f.words)) return;
    const letters = fold(f.words[0]).replace(/\.$/, '');
    const subsequence = (w: string) => {
      let k = 0;
      for (const c of w) if (c === letters[k]) k++;
      return k === letters.length;
    };
    // A state's abbreviation stands for a state, never for a city or a country that holds its
    // letters ("Va." is not Vienna, "Ga." not Gaza).
    const state = STATE_ABBREVIATIONS.has(letters);
    const hits = (placesByInitial.get(letters[0] ?? '') ?? []).filter((j) => subsequence(fold(live[j].words[0])) && (!state || US_STATES.has(fold(live[j].words[0]))));
    if (new Set(hits.map((j) => uf.find(j))).size === 1) uf.union(hits[0], i);
  });

  // 3. Partial names: "Lavrov", "de Mistura", "Assad" to the one full name in the cluster whose
  // surname they match. A surname shared by two full names links to neither.
  const fullPeople = live.map((f, i) => ({ f, i })).filter(({ f }) => keyWords(f.words).filter((w) => !PARTICLES.has(w)).length >= 2 && typeOfForm(f) === 'person');
  // Longer full names containing a shorter one ("Recep Tayyip Erdogan" / "Tayyip Erdogan").
  const namePartsOf = new Map(fullPeople.map(({ f, i }) => [i, keyWords(f.words).filter((w) => !PARTICLES.has(w) && !GENERATIONS.has(w))]));
  // Blocking: a longer name can contain a shorter one only if their last words or their first
  // words could be one name, so each name is compared with the names sharing the phonetic
  // initial of its last or first word, not with every full name (quadratic on a 200-article story).
  const byLastInitial = new Map<string, number[]>();
  const byFirstInitial = new Map<string, number[]>();
  for (const { i } of fullPeople) {
    const k = namePartsOf.get(i)!;
    const last = nameInitial(k[k.length - 1]!);
    const first = nameInitial(k[0]!);
    addTo(byLastInitial, last, i);
    addTo(byFirstInitial, first, i);
  }
  // Every rule below needs the last words or the first words to be one name: pairs where neither
  // could be are passed over on spellings computed once per name.
  const endsOf = new Map([...namePartsOf].map(([i, k]) => [i, [transliterationForm(k[0]!), transliterationForm(k[k.length - 1]!)] as const]));
  const seenIn = new Int32Array(live.length);
  // Only longer names can contain a name: each block's members with more than n parts, kept once per n.
  const longerIn = new Map<number[], Map<number, number[]>>();
  const longer = (block: number[], n: number): number[] => {
    let byParts = longerIn.get(block);
    if (!byParts) longerIn.set(block, (byParts = new Map()));
    let list = byParts.get(n);
    if (!list) byParts.set(n, (list = block.filter((j) => namePartsOf.get(j)!.length > n)));
    return list;
  };
  for (const { i } of fullPeople) {
    const k = namePartsOf.get(i)!;
    const [firstK, lastK] = endsOf.get(i)!;
    const lastBlock = longer(byLastInitial.get(nameInitial(k[k.length - 1]!)) ?? [], k.length);
    const firstBlock = longer(byFirstInitial.get(nameInitial(k[0]!)) ?? [], k.length);
    for (let c = 0; c < lastBlock.length + firstBlock.length; c++) {
      const j = c < lastBlock.length ? lastBlock[c]! : firstBlock[c - lastBlock.length]!;
      // Each name once: a name in both blocks is read from the first.
      if (i === j || (c >= lastBlock.length && seenIn[j] === i + 1)) continue;
      seenIn[j] = i + 1;
      const kg = namePartsOf.get(j)!;
      if (kg.length <= k.length) continue;
      const [firstG, lastG] = endsOf.get(j)!;
      if (!closeEnough(lastK, lastG) && !closeEnough(firstK, firstG)) continue;
      const tail = kg.slice(kg.length - k.length);
      if (
        sameWords(tail, k) ||
        (k.length === 2 && sameNameWord(k[0], kg[0]) && sameNameWord(k[1], kg[kg.length - 1])) ||
        sameWords(kg.slice(0, k.length), k) // "Frances Bean" / "Frances Bean Cobain"
      )
        uf.union(j, i);
    }
  }  // Organisations by their first word: "Brightwater" for "Brightwater Capital".
  const orgsByFirst = new Map<string, number[]>();
  // "Kameron Prescott Memorial Fund", "Bill Gates Foundation": a body named after a person of the
  // cluster does not claim that person's given name.
  // Looked up by each proper prefix of a name that ends at a space (a set, not a scan of all people).
  const fullNames = new Set(fullPeople.map(({ f }) => keyWords(f.words).join(' ') + ' '));
  const namedAfterPerson = (k: string[]): boolean => {
    const s = k.join(' ') + ' ';
    for (let p = s.indexOf(' '); p >= 0 && p < s.length - 1; p = s.indexOf(' ', p + 1)) if (fullNames.has(s.slice(0, p + 1))) return true;
    return false;
  };
  live.forEach((f, i) => {
    const k = keyWords(f.words);
    if (namedAfterPerson(k)) return;
    if (k.length >= 2 && typeOfForm(f) === 'organization' && !DEMONYMS.has(k[0])) addTo(orgsByFirst, k[0], i);
    // "the Brotherhood" for "Muslim Brotherhood": the name without its adjectives.
    if (k.length >= 2 && typeOfForm(f) === 'organization' && k.slice(0, -1).every((w) => DEMONYMS.has(w))) {
      const last = k[k.length - 1];
      addTo(orgsByFirst, last, i);
    }
  });
  // "Starbucks Corp." and "Starbucks Coffee Co.": legal names of one company, the one of its
  // first word and a legal form alone ("X Corp.") with the others of that first word and a legal form.
  for (const [first, ids] of orgsByFirst) {
    const legal = ids.filter((i) => LEGAL_FORMS.has(keysOf[i][keysOf[i].length - 1]!) && keysOf[i][0] === first);
    if (legal.some((i) => keysOf[i].length === 2)) for (const i of legal.slice(1)) uf.union(legal[0]!, i);
  }
  // "Chicago Police" / "Chicago Police Department", "Reciprocal" / "Reciprocal Inc.": a name that
  // is one body's name without its last word, a body's noun (the shorter name of two words or
  // more) or a legal form. A name that several bodies' names extend links to none of them.
  const formByKey = new Map<string, number>();
  live.forEach((f, i) => formByKey.set(keysOf[i].join(' '), i));
  const extensions = new Map<number, number[]>();
  live.forEach((f, i) => {
    const k = keysOf[i];
    const last = k[k.length - 1]!;
    if (k.length < 2 || typeOfForm(f) !== 'organization' || !(LEGAL_FORMS.has(last) || (k.length > 2 && ORG_WORDS.has(last)))) return;
    const shorter = formByKey.get(k.slice(0, -1).join(' '));
    if (shorter === undefined) return;
    const g = live[shorter]!;
    if (placeKey(g.words) || typeOfForm(g) === 'place' || (typeOfForm(g) === 'person' && g.votes.person >= STRONG)) return;
    addTo(extensions, shorter, i);
  });
  for (const [shorter, longer] of extensions) if (longer.length === 1) uf.union(longer[0]!, shorter);
  // "Nationalist Party" / "Basque Nationalist Party", "Security Council" / "UN Security Council": a
  // body's name of two words or more, ending in a body's noun, that ends one other body's name only.
  const tails = new Map<number, number[]>();
  live.forEach((f, i) => {
    const k = keysOf[i];
    if (k.length < 3 || typeOfForm(f) !== 'organization') return;
    for (let n = 1; n + 2 <= k.length; n++) {
      const shorter = formByKey.get(k.slice(n).join(' '));
      if (shorter === undefined || shorter === i || typeOfForm(live[shorter]!) !== 'organization' || !ORG_WORDS.has(k[k.length - 1]!)) continue;
      addTo(tails, shorter, i);
    }
  });
  for (const [shorter, longer] of tails) if (new Set(longer.map((i) => uf.find(i))).size === 1) uf.union(longer[0]!, shorter);
  // "the Star" for "Kansas City Star", "the Academy" for "Academy of Motion Picture Arts": one word
  // always written after "the" that is the last word, or the first before "of", of one body's name only.
  const byHead = new Map<string, number[]>();
  live.forEach((f, i) => {
    const k = keysOf[i];
    if (k.length < 2 || typeOfForm(f) !== 'organization') return;
    addTo(byHead, k[k.length - 1]!, i);
    if (k[1] === 'of') addTo(byHead, k[0]!, i);
  });
  live.forEach((f, i) => {
    const k = keysOf[i];
    if (k.length !== 1 || !f.mentions.every((m) => m.article) || placeKey(f.words) || typeOfForm(f) === 'person') return;
    const longer = byHead.get(k[0]!);
    if (longer && new Set(longer.map((j) => uf.find(j))).size === 1) uf.union(longer[0]!, i);
  });
  // A state's formal name and its short one: "Republic of San Marino" / "San Marino", "Russian
  // Federation" / "Russia" (the adjective begins with the short name).
  live.forEach((f, i) => {
    const k = keysOf[i];
    let short: number | undefined;
    // The formal name says what its short name is: a place, whatever its own cues.
    if (k.length >= 3 && STATE_NOUNS.has(k[0]!) && k[1] === 'of') {
      short = formByKey.get(k.slice(2).join(' '));
      if (short !== undefined && short !== i) uf.union(short, i);
      return;
    }
    else if (k.length === 2 && STATE_NOUNS.has(k[1]!)) {
      for (const [key, j] of formByKey) if (!key.includes(' ') && key.length >= 4 && k[0]!.startsWith(key) && k[0]!.length - key.length <= 2 && placeKey(live[j]!.words)) short = j;
    }
    if (short !== undefined && short !== i && typeOfForm(live[short]!) === 'place') uf.union(short, i);
  });
  // Full names by the first letter of their surname as sameNameWord compares it, so a partial
  // name is compared with the few full names that could match (blocking, not all pairs).
  const peopleByInitial = new Map<string, { f: Form; i: number }[]>();
  const peopleByFirstWord = new Map<string, { f: Form; i: number }[]>();
  // Each full name's surname once, not once per partial name compared with it.
  const surnameOf = new Map<Form, string>();
  const compactSurnameOf = new Map<Form, string>();
  for (const p of fullPeople) {
    const last = surname(p.f.words);
    surnameOf.set(p.f, last);
    const initial = nameInitial(last);
    addTo(peopleByInitial, initial, p);
    // "Vandermeer" for "Pieter van der Meer": the surname with its particles, written together.
    const compact = compactSurname(p.f.words);
    compactSurnameOf.set(p.f, compact);
    if (compact !== last) addTo(peopleByInitial, nameInitial(compact), p);
    for (const g of givenNameKeys(keyWords(p.f.words)[0])) addTo(peopleByFirstWord, g, p);
  }
  const uniquePeopleByInitial = new Map([...peopleByInitial].map(([initial, list]) => [initial, [...new Set(list)]]));
  // The full names a one-word name could be the surname of: those whose surname is the same name
  // word (spellings of close length only, each distinct surname compared once) or whose particles
  // and surname written together are that word. In the order of the initial's list; once per word.
  const blocks = new Map<string, { byKey: Map<string, number[]>; byCompact: Map<string, number[]> }>();
  for (const [initial, list] of uniquePeopleByInitial) {
    const byKey = new Map<string, number[]>();
    const byCompact = new Map<string, number[]>();
    list.forEach(({ f: g }, at) => {
      for (const key of blockingKeys(surnameOf.get(g)!)) addTo(byKey, key, at);
      addTo(byCompact, compactSurnameOf.get(g)!, at);
    });
    blocks.set(initial, { byKey, byCompact });
  }
  const surnameMatches = new Map<string, { f: Form; i: number }[]>();
  const surnameMatchesOf = (s: string): { f: Form; i: number }[] => {
    let found = surnameMatches.get(s);
    if (found) return found;
    const initial = nameInitial(s);
    const list = uniquePeopleByInitial.get(initial) ?? [];
    const block = blocks.get(initial);
    const at = new Set<number>();
    if (block) {
      for (const key of blockingKeys(s)) for (const x of block.byKey.get(key) ?? []) if (!at.has(x) && sameNameWord(s, surnameOf.get(list[x]!.f)!)) at.add(x);
      for (const x of block.byCompact.get(s) ?? []) at.add(x);
    }
    found = [...at].sort((a, b) => a - b).map((x) => list[x]!);
    surnameMatches.set(s, found);
    return found;
  };
  live.forEach((f, i) => {
    const k = keyWords(f.words).filter((w) => !PARTICLES.has(w));
    if (k.length !== 1 || placeKey(f.words) || (f.words.length === 1 && familyPlural(f.words[0]))) return;
    const s = k[0];
    // An acronym ("UN") is linked by its letters, never as the first word of a longer name
    // ("UN Security Council").
    const orgs = keyWords(f.words).length === 1 && !isAcronym(f.words[0]) ? orgsByFirst.get(s) ?? [] : [];
    // Only a word that is itself an organisation's ("Kremlin", "NATO") keeps a surname-like form
    // from the person: "the Abbott campaign" is Greg Abbott's.
    const strongOrg = typeOfForm(f) === 'organization' && (ORG_WORDS.has(s) || isAcronym(f.words[0]));
    const matches = surnameMatchesOf(s);
    const people = strongOrg ? [] : matches;
    // A word that starts an organisation's name and ends a person's ("Halvorsen" of "Halvorsen
    // Foods" and "Ingrid Halvorsen") is linked to neither unless a title says it is the person.
    if (orgs.length && people.length && f.votes.person < STRONG) return;
    if (orgs.length && !people.length) {
      // A place that names an organisation ("Dornbach" and "Dornbach General Hospital") stays a place.
      if (new Set(orgs.map((o) => uf.find(o))).size === 1 && typeOfForm(f) !== 'person' && typeOfForm(f) !== 'place') uf.union(orgs[0], i);
      return;
    }
    if (strongOrg) return;
    const placeLike = typeOfForm(f) === 'place' && f.votes.place >= STRONG;
    const roots = new Set(matches.map((m) => uf.find(m.i)));
    if (roots.size === 0 && !placeLike && !orgs.length) {
      // A first name alone ("Jeff") for the one full name in the cluster that starts with it.
      const byFirst = [...new Set(givenNameKeys(s).flatMap((g) => peopleByFirstWord.get(g) ?? []))];
      if (new Set(byFirst.map((m) => uf.find(m.i))).size === 1) uf.union(byFirst[0].i, i);
      return;
    }
    if (roots.size === 1) uf.union(matches[0].i, i);
    else if (roots.size > 1) {
      // Prefer the full name that shares a source with this mention.
      const sources = new Set(f.mentions.map((m) => m.source));
      const local = matches.filter(({ f: g }) => g.mentions.some((m) => sources.has(m.source)));
      const localRoots = new Set(local.map((m) => uf.find(m.i)));
      if (localRoots.size === 1) uf.union(local[0].i, i);
      else if (!linkByAntecedent(f, i, matches, uf)) {
        // One full name mentioned far more than the others is the one meant.
        const weight = new Map<number, number>();
        for (const m of matches) weight.set(uf.find(m.i), (weight.get(uf.find(m.i)) ?? 0) + m.f.mentions.length);
        const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]);
        if (ranked[0][1] >= 3 * ranked[1][1]) uf.union(ranked[0][0], i);
      }
    }
  });


  // 4. Organisation names with the same content words in another order or with a nationality
  // adjective ("Syrian National Dialogue Congress", "Congress of National Dialogue").
  const orgSets = new Map<string, number[]>();
  live.forEach((f, i) => {
    if (typeOfForm(f) !== 'organization') return;
    const content = keyWords(f.words).filter((w) => !DEMONYMS.has(w) && !CONNECTORS.has(w) && w !== 'the');
    if (content.length < 2) return;
    const k = [...new Set(content)].sort().join(' ');
    addTo(orgSets, k, i);
  });
  for (const ids of orgSets.values()) for (const i of ids.slice(1)) uf.union(ids[0], i);

  // Gather entities.
  let holding: Set<string> | undefined;
  const longerHolding = (w: string) => {
    holding ??= new Set(live.filter((f) => f.words.length > 1).flatMap((f) => keyWords(f.words)));
    return holding.has(keyWords([w])[0] ?? '');
  };
  const groups = new Map<number, Form[]>();
  live.forEach((f, i) => {
    const r = uf.find(i);
    addTo(groups, r, f);
  });
  const entities: Entity[] = [];
  for (const group of groups.values()) {
    const votes = { person: 0, organization: 0, place: 0 };
    for (const f of group) {
      votes.person += f.votes.person;
      votes.organization += f.votes.organization;
      votes.place += f.votes.place;
    }
    const all = group.flatMap((f) => f.mentions);
    const wordUse = new Map<string, number>();
    for (const f of group) for (const w of keyWords(f.words)) wordUse.set(w, (wordUse.get(w) ?? 0) + f.mentions.length);
    const use = (f: Form) => keyWords(f.words).reduce((n, w) => n + (wordUse.get(w) ?? 0), 0);
    const longest = [...group].sort(
      (a, b) =>
        keyWords(b.words).length - keyWords(a.words).length || abbreviated(a.words) - abbreviated(b.words) || b.mentions.length - a.mentions.length || use(b) - use(a) || a.key.localeCompare(b.key),
    )[0];
    let type = typeOf(votes, longest.words, commonWords, genera);
    // A name mostly written in quotation marks on its own is a title of a show, a song or a
    // book ("the “Night Harbour” star"), not a person or a place, unless a title or a strong cue
    // says otherwise.
    if ((type === 'person' || type === 'place') && votes[type] < STRONG && all.filter((m) => m.quoted).length * 2 > all.length) type = 'other';
    // Named with a noun of a kind of thing after it in at least half of its mentions ("the
    // Velden algorithm"): a method, a disease, a product, unless a strong cue says otherwise.
    else if (type !== 'other' && votes[type] < STRONG && all.filter((m) => m.thingCue).length * 2 >= all.length) type = 'other';
    if (type === 'other' && (all.length < 2 || all.every((m) => m.initial))) continue;
    // One name word named more than once with no cue at all, never written in lower case
    // ("Craigslist", "Goodyear", "ABC7"): on the real gold's choose half most such words named
    // bodies (companies, brands, stations), fewer places or things: that is the reading when
    // nothing else tells.
    if (type === 'other' && group.every((f) => f.words.length === 1) && votes.person + votes.organization + votes.place === 0 && !group.some((f) => thingName(f.words, genera)) && !all.some((m) => m.quoted || m.thingCue) && !hasCommonWord(longest.words, commonWords)) type = 'organization';
    // An acronym the cluster defines by a lower-case term ("body mass index, or BMI") names a thing.
    if (group.every((f) => f.words.length === 1 && terms.has(fold(f.words[0]!)))) continue;
    // Events, wars, holidays, genera, spans of time: things the words themselves name, never actors.
    if (type === 'other' && group.some((f) => thingName(f.words, genera)) && readsAsEvent(longest.words)) continue;
    // An organisation named once, with nothing behind the type but an article ("from the Red
    // Vixen to the Grey Heron": kinds of animals, titles, things), no organisation word,
    // acronym or known name: too uncertain to list.
    if (type === 'organization' && all.length < 2 && votes.organization <= WEAK && votes.person + votes.place === 0 && !organisationByForm(longest.words, commonWords)) continue;
    // A person known only by the shape of the name (no title, role, speech, given name), named
    // once in one source, is too uncertain to list: a wrong entity costs more than a missing one.
    if (type === 'person' && all.length < 2 && votes.person === 0 && !FIRST_NAMES.has(fold(longest.words[0])) && !personByForm(longest.words)) continue;
    if (group.every((f) => f.words.length === 1 && familyPlural(f.words[0]))) continue;
    // "the Mediterranean island", "its Adriatic coast": one word with an adjective's ending that only
    // ever qualifies a noun, with no gazetteer entry, is an adjective, not a name.
    if (group.every((f) => f.words.length === 1 && ADJECTIVE_ENDING.test(f.words[0]) && !placeKey(f.words)) && all.every((m) => m.attributive)) continue;
    // "the Internet", "the Web": one word always written after "the", with no cue but the article
    // (no speech, role, organisation word, gazetteer entry or acronym), is a thing's name.
    if (
      type === 'organization' && group.every((f) => f.words.length === 1) && all.every((m) => m.article) && votes.person === 0 && votes.place === 0 && votes.organization <= all.length * WEAK &&
      !PROPER_ORGS.has(longest.words[0].toLowerCase()) && !isAcronym(longest.words[0]) && !placeKey(longest.words) && !organisationByForm(longest.words, commonWords)
    )
      continue;
    // A lone word that is also a common word of the cluster ("Office", "Love", "Made") or a generic
    // name word, with no gazetteer entry or title behind it, is not kept on its own.
    if (group.every((f) => keyWords(f.words).length === 1)) {
      const w = group[0].words[0];
      const strong = placeKey([w]) || (type === 'person' && votes.person >= STRONG) || isAcronym(w) || PROPER_ORGS.has(w.toLowerCase());
      // A body's generic word that the cluster never writes in lower case and writes capitalised
      // inside a sentence ("the Navy said") is that body's name.
      // A longer name holding the word may be what it stands for ("the Academy"): then it is not kept.
      const named = !hasCommonWord([w], commonWords) && all.some((m) => !m.initial) && !longerHolding(w);
      if (!strong && (hasCommonWord([w], commonWords) || PLACE_WORDS.has(w.toLowerCase()) || (ORG_WORDS.has(w.toLowerCase()) && !named))) continue;
      // "the Internet", "the Web", a dog named Shaker: a word English mostly writes in lower case,
      // with no mention bearing a cue of a name of its own (only hints: "the", "in") and never
      // set after a noun of its kind ("the conciliation service Accord"), is an ordinary word capitalised.
      if (!strong && ordinaryInCorpus(w) && !all.some((m) => m.kindBefore || m.votes.person + m.votes.organization + m.votes.place >= STRONG)) continue;
    }
    // "Unification Flag", "Web Site": a name of two words or more, each one English mostly writes in
    // lower case and none a body's or a place's word or a given name, with no mention cued strongly,
    // as a person's or as what a role serves ("the Green Civic candidate"), is a phrase.
    if (
      group.every((f) => f.words.length >= 2 && f.words.every((w) => ordinaryInCorpus(w) && !ORG_WORDS.has(w.toLowerCase()) && !PLACE_WORDS.has(w.toLowerCase()) && !knownGivenName(w))) &&
      !all.some((m) => m.kindBefore || m.roleAfter || m.votes.person > 0 || m.votes.organization + m.votes.place >= STRONG)
    )
      continue;
    // "Police have sealed off...": a generic word opening a sentence is not a name.
    const generic = (w: string) => (ORG_WORDS.has(w.toLowerCase()) || PLACE_WORDS.has(w.toLowerCase())) && !GAZETTEER.has(fold(w));
    if (group.every((f) => f.words.length === 1 && generic(f.words[0])) && all.every((m) => m.initial)) continue;
    // For acronyms the spelled-out form names the entity; for people the fullest form, each of
    // its words in the spelling most mentions use ("Antonio Gutteres" once, "Guterres" thrice).
    let nameWords = longest.words;
    if (type === 'person') {
      const counts = new Map<string, number>();
      for (const m of all) for (const w of m.words) counts.set(w, (counts.get(w) ?? 0) + 1);
      nameWords = nameWords.map((w) => {
        let best = w;
        for (const [v, n] of counts) if (n > (counts.get(best) ?? 0) && sameNameWord(v, w)) best = v;
        return best;
      });
    }
    const name = nameWords.join(' ');
    const surfaces = new Map<string, { text: string; n: number }>();
    for (const m of all) {
      const k = m.surface.toLowerCase();
      const e = surfaces.get(k);
      // A sentence-initial capital ("De Mistura") is not a form of its own.
      if (!e) surfaces.set(k, { text: m.surface, n: 1 });
      else {
        e.n++;
        if (!m.initial && /^\p{Ll}/u.test(m.surface)) e.text = m.surface;
      }
    }
    const aliases = [...surfaces.values()].map((s) => s.text).filter((s) => s.toLowerCase() !== name.toLowerCase());
    entities.push({
      name,
      type,
      aliases: aliases.sort(),
      mentions: all.length,
      sources: [...new Set(all.map((m) => m.source))].sort(),
    });
  }
  entities.sort((a, b) => b.mentions - a.mentions || b.sources.length - a.sources.length || a.name.localeCompare(b.name));
  forgetNamePairs();
  return withRoles(docs, entities);
}
