// Conflicts: figures that refer to the same thing and differ across sources ("more than 1,500"
// delegates invited in one report, "some 1,600" in another), and dates of one event that differ.
//
// Each figure becomes a claim: its value, the counted thing (noun head with its modifiers, or a
// kind of outcome such as "killed" whatever noun counts it), the event it belongs to, its actor
// and the article's date. Claims are compared only within one counted set of one scope:
// - by key: the outcome, else the counted noun ("ships", "offer", "price per share", "margin in
//   votes"); a group's size counts its noun ("a delegation of 400", "a 550-member delegation");
//   a change in a level by what changed and its direction ("shares fell $10", "a decline of 31
//   percent"), never with the level itself ("to $25.87"); a span between two events by the verb
//   it measures, in days ("found six weeks later"); a named person's age by surname; a weight in
//   a description by the height told with it; a place in one actor's series this year;
// - a part never with its whole ("17 of the suspects", a table line "Izmit 4,179 dead", a group
//   named by a proper modifier: "American athletes" against "athletes"), two actors, nouns, years
//   of the figure's clause or "of" complements never with each other; one thing counted under two
//   nouns with the same common modifiers and verb ("two big objects", "four big parts" found) is,
//   and so is one thing two sources each count under a noun of their own ("17,000 votes" on the
//   top petition, "11,000 signatures"), when their values are each other's nearest (namedApart);
// - a figure the source itself corrects, retracts or tells "at the time" is not its claim.
// Claims of one key must lie within 10x of each other at one moment and share context words
// (one for outcomes, two for other counts, three for small ones) or a near-duplicate group; when
// not all values can be linked, the largest linked subset is compared. Precision first: a
// sentence that gives two values for one key is ambiguous, and a source that gives two keeps only
// those another source also gives, unless it sets them against each other. Two sources that each
// give several values of one key still compare the two figures one spot ties together
// (anchoredPairs): a name word (spelling variants folded as the entity stage folds them,
// "Qalbiya" / "Kalbiya"; no body's or role's word, none English writes in lower case) that
// both sentences name, that neither source tells with another value of the key, that ties no
// third figure, that the cluster names seldom (the story's setting recurs), in sources
// telling one story.
//
// When figures differ (figures.ts `differ`): two stated numbers differ unless one is the other
// rounded or a bound holds the other ("under 10" and "9"; a round "more than 400" holds 400-499,
// not 550); vague figures ("hundreds of thousands") are never set against stated ones.
// Nature, by how the quantity moves (updateGap): a fixed fact (a distance from a place, a span,
// a weight) never updates; a price or a place in a series is updated by another day's report, an
// age by one half a year on, a running count after UPDATE_GAP_DAYS; a figure first given at a
// later moment, a count that rises day by day, or a report that says so ("rose to", "up from")
// is an update, differences within one moment a disagreement.
//
// Speed (issue 12), tried and dropped: pollsterOf memoised per sentence text for the pairs
// linkedPair compares. findConflicts on the 1,800-article pool story, CPU ms, fresh processes
// alternating (load 4): old 7,936 / 6,191 / 5,946, memoised 7,843 / 6,054 / 5,927 (1,021
// conflicts either way): within noise.
import type { Citation, Conflict, ConflictClaim, Doc, Sentence } from '../../types.js';
import { porterStem } from '../../text/porter.js';
import { stemWord } from '../../text/index.js';
import { claimText, differ, findFigures, incompatible, type Figure } from './figures.js';
import { findDateConflicts } from './conflict-dates.js';
import type { DateMention } from '../dates/index.js';
import { addTo } from '../collections.js';
import { blockingKeys, fold, sameNameWord } from '../entities/entity-names.js';
import { ordinaryInCorpus } from '../entities/corpus-words.js';
import { ORG_WORDS, ROLE_NOUNS } from '../entities/entity-lexicon.js';

/** What conflicts need of a date found in a sentence (offsets in Article.text). */
export type ConflictDateMention = Pick<DateMention, 'sentence' | 'text' | 'start' | 'end' | 'date' | 'relative'>;

export interface ConflictContext {
  /** Near-duplicate sentence groups (Sentence ids): sentences in one group carry the same fact. */
  groups: string[][];
  /** Article id -> its date (YYYY-MM-DD, YYYY-MM, YYYY) or null. */
  published: Record<string, string | null>;
  /** Sentence id -> the dates mentioned in it. */
  dates: Map<string, ConflictDateMention[]>;
}

interface Token {
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  word: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'´-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;


// The tokens of a sentence are asked for again and again (each claim, each date compared with
// another): the last sentences' tokens are kept, and dropped all at once past this many texts.
const TOKENS_MEMO_LIMIT = 20_000;
const tokensMemo = new Map<string, Token[]>();

/** The tokens of a text with their offsets, memoised: the list and its tokens are shared, callers must not change them. */
export function tokensWithOffsets(text: string): Token[] {
  let out = tokensMemo.get(text);
  if (!out) {
    if (tokensMemo.size >= TOKENS_MEMO_LIMIT) tokensMemo.clear();
    tokensMemo.set(text, (out = tokenizeWithOffsets(text)));
  }
  return out;
}

function tokenizeWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = m[0];
    let lower = t.toLowerCase();
    if (lower.includes('’') || lower.includes('´')) lower = lower.replace(/[’´]/g, "'");
    // A token is a word when it holds a letter or a digit: TOKEN's first branch, which opens
    // with one (its second branch is one character that is neither). ASCII by character code.
    const c = t.charCodeAt(0);
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : WORD_CHAR.test(t);
    // The text stage's memo of stems (warm from segmenting the same words): the stem of the
    // word without a possessive "'s".
    out.push({ text: t, lower, stem: word ? stemWord(lower) : lower, start: m.index, end: m.index + t.length, word });
  }
  return out;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

// Words that end a noun phrase after a number, or carry no content for context overlap.
export const FUNCTION_WORDS = new Set(
  ('a an the to of in on at for from by with and or but nor have has had having were was are is be been being ' +
    'will would could should may might must can shall do does did who whom that which whose as than this these ' +
    'those their its his her our your my into onto over under after before during since while said say says ' +
    'more less fewer most least some about around up down out off only just also still yet not no so such ' +
    'it they he she we you i them him us there here when where what why how all each every both either ' +
    'neither other another any many much few several per via if then than according told added ahead behind against overnight today yesterday tonight now again already instead earlier later away ' +
    'near outside inside along across between among amid toward towards through throughout beyond beside within without despite following including upon onto past until till via')
    .split(' '),
);

// Verbs that report rather than tell what happened: never the event a figure counts.
const REPORTING = new Set(
  'said says say told reported report added according confirmed stated claimed announced estimated expected believed thought noted wrote quoted'.split(' '),
);

// Words ending in -ed that are not past participles.
const NOT_VERBS = new Set('united hundred need speed seed bed red shed feed breed creed greed bred naked wicked sacred ragged rugged'.split(' '));

// Event classes: surface forms that report the same kind of outcome, keyed by Porter-stem prefix.
// A figure "dead" in one source and "killed" in another counts the same thing.
const EVENT_CLASSES: [string, string[]][] = [
  ['killed', ['kill', 'dead', 'die', 'death', 'fatal', 'perish', 'toll']],
  ['injured', ['injur', 'wound', 'hurt', 'hospitalis', 'hospitaliz', 'treat']],
  ['evacuated', ['evacu', 'relocat', 'displac', 'homeless', 'flee', 'fled']],
  ['missing', ['miss']],
  ['arrested', ['arrest', 'detain']],
  ['rescued', ['rescu']],
  ['invited', ['invit']],
];

// Short stems a prefix test would over-match ("di" of "died" is the start of "discuss").
const EXACT_EVENT_STEMS: Record<string, string> = { di: 'killed', dy: 'killed', lost: 'killed' };

const eventClassCache = new Map<string, string | null>();

function eventClass(stem: string): string | null {
  let found = eventClassCache.get(stem);
  if (found !== undefined) return found;
  found = EXACT_EVENT_STEMS[stem] ?? EVENT_CLASSES.find(([, prefixes]) => prefixes.some((p) => stem.startsWith(p)))?.[0] ?? null;
  if (eventClassCache.size >= 50_000) eventClassCache.clear();
  eventClassCache.set(stem, found);
  return found;
}

// Nouns that all count people: "40 people", "40 residents" and "40 civilians" count the same.
const PEOPLE = new Set(
  'people person persons resident residents civilian civilians villager villagers inhabitant inhabitants individual individuals citizen citizens local locals'.split(' '),
);

// Nouns of one kind counted under different words.
const NOUN_CLASSES: [string, Set<string>][] = [
  ['workers', new Set('worker workers employee employees staff staffers docker dockers dockworker dockworkers labourer labourers laborer laborers'.split(' '))],
  ['ships', new Set('ship ships vessel vessels boat boats'.split(' '))],
  // What something costs, told as a verb ("repairs could cost £2 million") or a bill ("puts the
  // repair bill at £3.5 million").
  ['cost', new Set('cost costs bill bills'.split(' '))],
];

// Kinds of people: counted as "people" when something befell them ("one man died"), otherwise
// their own noun ("three girls and two boys" are two counts).
const HUMAN_KINDS = new Set('man men woman women child children boy boys girl girls adult adults'.split(' '));

function nounClass(word: string): string | null {
  if (PEOPLE.has(word)) return 'people';
  for (const [name, set] of NOUN_CLASSES) if (set.has(word)) return name;
  return null;
}

// Verbs that, said of people, mean they were moved out of harm's way ("1,200 residents were moved").
const MOVED_PEOPLE = ['move', 'hous', 'shelter', 'rehous'];

// Nouns that name a measure when they precede "of <figure>" ("a death toll of 40", "a bid of $2bn").
const MEASURE_NOUNS = new Set(
  'bill demand demands damage toll turnout offer bid price cost budget fine deal total figure number count majority margin share stake rate wage wages pay salary value valuation loss losses profit revenue debt tally sum payment compensation fund package increase rise raise cut claim damages'.split(' '),
);

const MEASURE_STEMS = new Set([...MEASURE_NOUNS].map((w) => porterStem(w)));

interface Claim {
  figure: Figure;
  /** Years the sentence names: a figure "in 2011" is not a figure of today's story. */
  years: string;
  /** Stems of what the counted noun is "of" ("flybys of Venus"), to tell two such counts apart. */
  of: string[];
  /** Whether the event is a kind of outcome (killed, evacuated...), compared whatever the noun. */
  isClass: boolean;
  /** What it counts, for class events ("people", "workers", "firefighters"). */
  nounKey: string;
  sentence: Sentence;
  key: string;
  noun: string;
  event: string;
  agent: string[];
  context: Set<string>;
  prior: boolean;
  /**
   * Modifier stems of the thing a relative clause holding the figure describes ("the chartered
   * vessel, which can carry 180 passengers" -> "charter"): another vessel than the story's.
   * Kinds of outcome (killed, evacuated) ignore it: "the six-year war, which has killed" is the story's.
   */
  owner: string;
  /**
   * A name the figure is a line of ("Izmit 4,179 dead, 10,759 injured" in a table of towns): a
   * part of the story's whole, compared only with figures of that same name.
   */
  scope: string;
  /** A quantity that does not change over time: a distance from a place ("60 miles east of Istanbul"). */
  fixed: boolean;
  /** Stem of the counted noun, and stems of its capitalised modifiers ("American athletes" -> american). */
  head: string;
  proper: string[];
  /** Stems of the counted noun phrase ("tank cars" -> tank, car), to tell which of a source's figures another source's matches. */
  phrase: string[];
}

/**
 * The modifiers of a noun phrase that a ", which/who ..." clause holding the figure hangs on:
 * "the chartered vessel, which can carry 180" -> "charter". A phrase of one word ("the ferry,
 * which carried 212") names nothing apart, so gives "".
 */
function ownerOf(tokens: Token[], figIdx: number): string {
  let i = figIdx - 1;
  while (i >= 0 && tokens[i]!.word && !/^(?:which|who|that)$/i.test(tokens[i]!.lower)) i--;
  if (i < 1 || !tokens[i]!.word || tokens[i - 1]!.text !== ',') return '';
  const phrase: Token[] = [];
  for (let j = i - 2; j >= 0 && tokens[j]!.word && !DETERMINERS.has(tokens[j]!.lower) && phrase.length < 4; j--) phrase.unshift(tokens[j]!);
  if (phrase.length < 2 || /^\p{Lu}/u.test(phrase[0]!.text)) return '';
  // "the six-year war, which has killed ...": a span of time describes the story's own war.
  return phrase.slice(0, -1).filter((t) => !/[-\d]/.test(t.text)).map((t) => t.stem).join(' ');
}

// Irregular past participles, which do not end in -ed.
const IRREGULAR_PARTICIPLES = new Set(
  'fell rose fallen risen grew grown sank sunk set put cut hit left held made taken given sent found seen kept lost won shot run paid built sold brought caught fought struck spent stood thrown driven drawn known shown beaten chosen begun gone come become cast came went took gave saw got began broke spoke drove flew threw wrote rode'.split(' '),
);

function isEventWord(t: Token): boolean {
  if (!t.word || /^\p{Lu}/u.test(t.text)) return false;
  if (REPORTING.has(t.lower) || FUNCTION_WORDS.has(t.lower)) return false;
  if (eventClass(t.stem) || IRREGULAR_PARTICIPLES.has(t.lower)) return true;
  return t.lower.length > 4 && t.lower.endsWith('ed') && !NOT_VERBS.has(t.lower);
}

const PHRASE_BREAKS = new Set(['because', 'due', 'unless', 'whether', 'although', 'though']);

/** The noun phrase right after a figure: words up to a function word, verb, number or punctuation. */
function chunkAfter(tokens: Token[], from: number): { words: Token[]; next: number } {
  const words: Token[] = [];
  let i = from;
  for (; i < tokens.length && words.length < 4; i++) {
    const t = tokens[i];
    if (!t.word || FUNCTION_WORDS.has(t.lower) || /\d/.test(t.text) || t.lower.endsWith('ly')) break;
    if (isEventWord(t) && words.length > 0) break;
    if (isEventWord(t) && !eventClass(t.stem)) break;
    // The phrase ends where a clause of its own starts ("304 votes because of ...") and before a
    // name after a common noun, which is its object, not a modifier: "20 states suing Microsoft"
    // and "19 states suing the company" count one set.
    const last = words[words.length - 1];
    if (PHRASE_BREAKS.has(t.lower)) break;
    if (last && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}/u.test(last.text)) break;
    words.push(t);
    if (eventClass(t.stem)) {
      i++;
      break; // "40 deaths", "55 evacuees": the noun is the event
    }
  }
  return { words, next: i };
}

// A figure joined by "and" to another figure's phrase, with an apposition between or not.
const JOINED_FIGURE = /^(?:(?:more|fewer|less) than|at least|at most|some|about|around|nearly|almost|over|up to|another)?\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|dozens|hundreds|thousands)\b)/i;

/**
 * Where the search for a figure's verb goes on after its counted phrase: past a second figure
 * joined to it by "and", whose verb both share ("At least 116 Palestinians and three Israeli
 * soldiers were killed", "more than 1,300 Palestinians, mostly civilians, and more than 50
 * Israelis have been killed"); else right after the phrase. "12 dead and 40 hurt" and "killed
 * 12 and injured 40" are left alone: each figure there has a word of its own.
 */
function joinedNext(tokens: Token[], next: number): number {
  let j = next;
  // An apposition of up to three words: ", mostly civilians,".
  if (tokens[j]?.text === ',') {
    let k = j + 1;
    while (k < tokens.length && k - j <= 4 && tokens[k]!.word) k++;
    if (tokens[k]?.text !== ',' || k === j + 1) return next;
    j = k + 1;
  }
  if (tokens[j]?.lower !== 'and') return next;
  const t = tokens[j + 1];
  if (!t || !JOINED_FIGURE.test(t.lower === 'a' ? `a ${tokens[j + 2]?.lower ?? ''}` : tokens.slice(j + 1, j + 4).map((x) => x.text).join(' '))) return next;
  // The second figure's counted phrase, over its qualifier and number.
  let k = j + 1;
  while (k < tokens.length && k - j <= 5 && (FUNCTION_WORDS.has(tokens[k]!.lower) || /^(?:more|fewer|less|than|least|most|some|about|around|nearly|almost|over|up|another|a|dozen|dozens|hundreds|thousands)$/.test(tokens[k]!.lower) || /\d/.test(tokens[k]!.text) || !tokens[k]!.word || JOINED_FIGURE.test(tokens[k]!.lower))) k++;
  const phrase = chunkAfter(tokens, k);
  if (!phrase.words.length || phrase.words.some((w) => eventClass(w.stem))) return next;
  return phrase.next;
}

// Who a figure in a negotiation belongs to, by Porter-stem prefix: [name, prefixes, label].
const STANCES: [string, string[], string][] = [
  ['demand', ['ask', 'demand', 'seek', 'sought', 'want', 'call'], 'demanded'],
  ['offer', ['offer', 'propos', 'bid'], 'offered'],
  ['agreed', ['accept', 'agre', 'settl', 'deal'], 'agreed'],
];

const MAX_SCALE = 10;

// Stems of things an outcome can befall besides people.
const THINGS = new Set('home hous build car vehicl ship boat plane aircraft anim cattl sheep school hospit shop busi properti farm road bridg street'.split(' '));

// Words of a change in level, by direction: short forms whole, longer ones as Porter-stem
// prefixes ("skidded", "plunged", "a decline of").
const RISE_WORDS = new Set('rose risen rise rises rising up higher grew gain gains gained'.split(' '));
const FALL_WORDS = new Set('fell fall falls fallen falling down lower lost lose loses sank shed slid dip dips dipped slip slipped'.split(' '));
const RISE_STEMS = ['climb', 'jump', 'soar', 'surg', 'increas', 'grow', 'boost'];
const FALL_STEMS = ['drop', 'slump', 'declin', 'decreas', 'skid', 'plung', 'plummet', 'tumbl', 'sink', 'slide'];

function directionOf(t: Token): 'up' | 'down' | '' {
  if (!t.word) return '';
  if (RISE_WORDS.has(t.lower) || RISE_STEMS.some((p) => t.stem.startsWith(p))) return 'up';
  if (FALL_WORDS.has(t.lower) || FALL_STEMS.some((p) => t.stem.startsWith(p))) return 'down';
  return '';
}

const ANAPHORIC = new Set(['figur', 'number', 'total', 'talli', 'count', 'sum', 'amount', 'estim']);

/**
 * Two figures a source sets against each other in one sentence ("insurers estimate 120 million,
 * while the government puts it at 200 million") are a disagreement it reports, not an ambiguity.
 */
function contrasted(a: Claim, b: Claim): boolean {
  if (a.sentence.id !== b.sentence.id) return false;
  const [first, second] = a.figure.start < b.figure.start ? [a, b] : [b, a];
  const between = a.sentence.text.slice(first.figure.end, second.figure.start);
  return /\b(?:while|whereas|but|however|against|compared with|compared to|rather than|not)\b/i.test(between);
}

// Units of measure: what they measure depends on the verb ("peaked at 6.9 metres", "fell below
// four metres"), so figures in these units are compared only under the same verb.
const MEASURE_UNITS = new Set('metr meter feet foot inch centimetr millimetr kilometr mile tonn ton kilogram kilo litr liter gallon barrel degre hectar acr radii radiu fahrenheit celsiu'.split(' '));

const DURATION_DAYS: Record<string, number> = {
  second: 1 / 86_400, minute: 1 / 1_440, hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25, decade: 3_652.5, century: 36_525, centurie: 36_525,
};

const DURATIONS = new Set('second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries'.split(' '));

const AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'been', 'be']);

const CONJUNCTIONS = new Set(['and', 'or', 'but', 'while', 'whereas']);

const DETERMINERS = new Set('the a an their its his her our all these those'.split(' '));

/** Stems of a sentence's content words that are no kind of outcome, in order: a claim's context but its own noun. */
function contextStemsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (!t.word || FUNCTION_WORDS.has(t.lower) || REPORTING.has(t.lower) || /\d/.test(t.text) || t.lower.length < 3) continue;
    if (!eventClass(t.stem)) out.push(t.stem);
  }
  return out;
}

function describeClaim(sentence: Sentence, figure: Figure, tokens: Token[], contextStems: string[]): Claim | null {
  const startIdx = tokens.findIndex((t) => t.start >= figure.end);
  const after = startIdx < 0 ? tokens.length : startIdx;
  let { words, next } = chunkAfter(tokens, after);
  let complement: Token[] = [];
  if (tokens[next]?.lower === 'of') {
    let j = next + 1;
    while (j < tokens.length && DETERMINERS.has(tokens[j].lower)) j++;
    const c = chunkAfter(tokens, j);
    complement = c.words;
    next = c.next;
  }
  if (words.length === 0 && complement.length) {
    words = complement;
    complement = [];
  }
  const figIdx = tokens.findIndex((t) => t.end > figure.start);
  let homesAfterNoun = false;
  // "a delegation of more than 400", "a crowd of 5,000": with nothing counted after it, a
  // figure right after "<noun> of" counts that noun's members.
  if (words.length === 0 && figure.unit === 'count' && figIdx >= 2 && tokens[figIdx - 1]!.lower === 'of') {
    const group = tokens[figIdx - 2]!;
    if (group.word && !FUNCTION_WORDS.has(group.lower) && !/\d/.test(group.text) && !/^\p{Lu}/u.test(group.text) && !MEASURE_NOUNS.has(group.lower) && !ANAPHORIC.has(group.stem) && !isEventWord(group)) words = [group];
  }
  // "a death toll of 40", "a bid of $2.5 billion": the measure noun precedes the figure.
  if (words.length === 0 || figure.unit !== 'count') {
    // Up to 16 words back within the clause: "the number of people forced from their homes by
    // the flooded river rose to some 1,400".
    let from = figIdx;
    while (from > 0 && figIdx - from < 16 && !(!tokens[from - 1].word && /[,;:()–—]/.test(tokens[from - 1].text))) from--;
    const before = tokens.slice(from, figIdx).filter((t) => t.word);
    const measure = [...before].reverse().find((t) => MEASURE_NOUNS.has(t.lower));
    if (measure && words.length === 0) {
      words = [measure];
      // "the number of people forced from their homes rose to 1,400": what the number counts.
      const at = tokens.indexOf(measure);
      if (ANAPHORIC.has(measure.stem) && tokens[at + 1]?.lower === 'of') {
        const counted = chunkAfter(tokens, at + 2);
        if (counted.words.length) {
          words = counted.words;
          next = Math.max(next, counted.next);
          if (tokens.slice(counted.next, counted.next + 4).some((t) => t.lower === 'homes')) homesAfterNoun = true;
        }
      }
    }
  }
  let head = words.length ? words[words.length - 1] : null;
  let noun = head ? nounClass(head.lower) ?? head.stem : '';
  let nounText = head ? nounClass(head.lower) ?? head.lower : '';
  let event = '';
  let eventText = '';
  // A margin: "212 votes ahead", "put her 221 votes behind", "cut his lead to 97 votes".
  const window = tokens.slice(Math.max(0, figIdx - 7), figIdx);
  const margin = ['ahead', 'behind'].includes(tokens[next]?.lower ?? '') || window.some((t) => t.lower === 'lead' || t.lower === 'margin');
  if (margin && head && head.lower !== 'lead' && head.lower !== 'margin') {
    noun = `margin:${head.stem}`;
    nounText = `margin in ${head.lower}`;
    event = 'margin';
  }
  // "employs some 4,200 people" counts the workforce.
  if (noun === 'people' && tokens.slice(Math.max(0, figIdx - 3), figIdx).some((t) => t.lower.startsWith('employ'))) {
    noun = 'workers';
    nounText = 'workers';
  }
  // A price per unit: "18.50 euros a share", "values each share at 21 euros".
  if (figure.unit === 'money') {
    const around = sentence.text.slice(Math.max(0, figure.start - 25), figure.end + 15).toLowerCase();
    const per = /\b(?:each|per|a)\s+(?:\w+\s+)?(share|barrel|tonne|ton|litre|liter|kilo|kilogram|unit|hour|month|year|head)\b/.exec(around);
    if (per) {
      noun = `per:${per[1]}`;
      nounText = `price per ${per[1]}`;
      words = [];
    }
  }
  // "valuing the company at £1.2 billion", "valued at 2.1 billion euros": a valuation.
  if (figure.unit === 'money' && !noun.startsWith('per:') && tokens.slice(Math.max(0, figIdx - 6), figIdx).some((t) => t.stem.startsWith('valu'))) {
    noun = 'valuation';
    nounText = 'valuation';
    event = 'valuation';
  }
  // A change in level ("shares closed 17 percent higher", "shares fell $10", "a decline of 31
  // percent"): the direction and what changed, so that falls of one thing are compared with
  // each other and never with its level ("to $25.87", "at $37.56"). A figure restating the one
  // before it ("fell $10, or nearly 27 percent") is a change of the same thing.
  if (figure.unit === 'percent' || (figure.unit === 'money' && !noun.startsWith('per:') && noun !== 'valuation')) {
    let origin = figIdx;
    const restated = /[\d¼½¾]\s*(?:,\s*or|--|—|–)\s*$/.exec(sentence.text.slice(Math.max(0, figure.start - 8), figure.start));
    if (restated) {
      let j = figIdx - 1;
      while (j >= 0 && (tokens[j]!.lower === 'or' || !tokens[j]!.word)) j--; // ", or", "--"
      while (j >= 0 && (/\d/.test(tokens[j]!.text) || !tokens[j]!.word)) j--; // the figure restated
      origin = j + 1;
    }
    const level = origin > 0 && /^(?:to|at|from)$/.test(tokens[origin - 1]!.lower);
    const near = tokens.slice(Math.max(0, origin - 4), Math.min(tokens.length, next + 2)).map(directionOf).filter(Boolean);
    const up = near.includes('up');
    const down = near.includes('down');
    if (!level && up !== down) {
      // The subject: the nearest word before, over numbers, function words, verbs and words of change.
      let k = origin - 1;
      while (k >= 0 && origin - k <= 12 && (!tokens[k].word || /\d/.test(tokens[k].text) || FUNCTION_WORDS.has(tokens[k].lower) || isEventWord(tokens[k]) || directionOf(tokens[k]))) k--;
      const subject = k >= 0 && origin - k <= 12 && !/^\p{Lu}/u.test(tokens[k].text) ? tokens[k] : null;
      // Without one ("-- a decline of 31 percent"), the change of another figure of the
      // sentence in the same direction is meant (claimsOf); "?" marks it for that.
      noun = `change:${subject ? subject.stem : '?'}:${up ? 'up' : 'down'}`;
      nounText = subject ? `${up ? 'rise' : 'fall'} in ${subject.lower.replace(/'s$/, '')}` : '';
      event = up ? 'rise' : 'fall';
      eventText = '';
    }
  }
  // "2,000 of Halvard's workers", "40 of the passengers": a part, never compared with a whole.
  const isPart = /^\s+of\s+(?:the|\p{Lu}[\p{L}]*['’]s?)\s/u.test(sentence.text.slice(figure.end)) && !noun.includes(':');
  if (isPart) noun = `part:${noun}`;
  // Money and percentages in a negotiation: what one side asks for, what the other offers and
  // what both agree are three different figures ("asking for 9 percent", "offered 4.5 percent").
  let stance = '';
  if (figure.unit !== 'count') {
    for (let i = figIdx - 1, d = 0; i >= 0 && d < 7; i--, d++) {
      const t = tokens[i];
      if (!t.word && /[;:.]/.test(t.text)) break;
      const found = STANCES.find(([, prefixes]) => prefixes.some((p) => t.stem.startsWith(p)));
      if (found) {
        stance = found[0];
        break;
      }
    }
  }
  // "a 3 per cent offer", "a $2bn bid": the noun after the figure says whose figure it is, as
  // "offered 3 per cent" does before it.
  if (!stance && figure.unit !== 'count' && head && tokens.indexOf(head) >= after) {
    const found = STANCES.find(([name, prefixes]) => name !== 'agreed' && prefixes.some((p) => head!.stem.startsWith(p)));
    if (found) stance = found[0];
  }
  if (head && eventClass(head.stem)) {
    // "40 deaths", "55 evacuees", "a death toll of 40".
    event = eventClass(head.stem)!;
    eventText = event;
    noun = 'people';
    nounText = 'people';
  }
  // "3,000 members of the Harbour Workers' Federation" are workers; "six members of the board" are not.
  if (head && /^members?$/.test(head.lower)) {
    const cls = complement.map((c) => nounClass(c.lower.replace(/['’]$/, ''))).find((x) => x);
    if (cls) {
      noun = cls;
      nounText = cls;
    }
  }
  if (complement.length) nounText += ` of ${complement.map((c) => c.lower).join(' ')}`;
  if (stance && !noun.startsWith('per:') && noun !== 'valuation') {
    const label = STANCES.find(([name]) => name === stance)![2];
    noun = `${stance}:${figure.unit}`;
    nounText = head && !head.lower.startsWith(stance.slice(0, 5)) ? `${head.lower} ${label}` : stance;
    event = stance;
  }
  // The event: the nearest event word in the same clause, after the phrase first (passives:
  // "were evacuated"), then before the figure ("invited more than 1,500").
  if (!event) {
    // A comma or a conjunction starts another clause: in "killed and 11 million driven from
    // their homes" the 11 million were not killed.
    const clauseEnd = (i: number) => (!tokens[i].word && /[;:,()–—]/.test(tokens[i].text)) || CONJUNCTIONS.has(tokens[i].lower);
    let best: Token | null = null;
    let bestDistance = Infinity;
    for (let i = joinedNext(tokens, next), d = 0; i < tokens.length && d < 6; i++, d++) {
      if (clauseEnd(i)) break;
      if (isEventWord(tokens[i])) {
        best = tokens[i];
        bestDistance = d;
        break;
      }
    }
    for (let i = figIdx - 1, d = 0; i >= 0 && d < 6; i--, d++) {
      if (clauseEnd(i)) break;
      if (isEventWord(tokens[i])) {
        if (d < bestDistance) best = tokens[i];
        break;
      }
    }
    // "left their homes", "fled their homes", "forced from their homes": people displaced.
    const homes =
      homesAfterNoun ||
      (best && tokens.slice(tokens.indexOf(best) + 1, tokens.indexOf(best) + 4).some((t) => t.lower === 'homes' || t.lower === 'home')) ||
      (noun === 'people' && tokens.slice(next, next + 4).some((t) => t.lower === 'homes'));
    if (homes && (noun === 'people' || !noun)) {
      event = 'evacuated';
      eventText = 'evacuated';
      noun = 'people';
      nounText = 'people';
    } else if (best) {
      // "admitted to hospital", "taken to hospital": people hurt or ill enough to need care.
      const at = tokens.indexOf(best);
      const toHospital = /^(?:admitted|taken|rushed|airlifted|flown|brought)$/.test(best.lower) && tokens.slice(at + 1, at + 4).some((t) => t.lower.startsWith('hospital'));
      event = eventClass(best.stem) ?? (toHospital ? 'injured' : noun === 'people' && MOVED_PEOPLE.some((p) => best!.stem.startsWith(p)) ? 'evacuated' : best.stem);
      if (noun === 'people' && best.lower.startsWith('employ')) {
        noun = 'workers'; // "employs 4,200 people" counts the workforce
        nounText = 'workers';
      }
      eventText = EVENT_CLASSES.some(([name]) => name === event) ? event : best.lower;
    }
  }
  if (!noun && event && ['killed', 'injured', 'evacuated', 'displaced', 'missing', 'arrested', 'rescued'].includes(event)) {
    noun = 'people'; // "hundreds of thousands have been killed"
    nounText = 'people';
  }
  if (figure.unit === 'count' && !noun) return null;
  // The other side of a comparison ("compared with 13 percent of those treated with only
  // interferon"): a baseline set against the sentence's own figure, not a figure of its own.
  if (/\b(?:compared (?:with|to)|versus|vs\.?)\b[^;.]*$/i.test(sentence.text.slice(0, figure.start))) return null;
  // A number naming a known set rather than counting it: a possessor ("the two countries'
  // dispute") or the set one is picked from ("one of the 12 candidate countries").
  if (figure.unit === 'count' && head && /^['’](?![\p{L}])/u.test(sentence.text.slice(head.end))) return null;
  if (figure.unit === 'count' && /\bone of (?:the|its|their|his|her)\s+$/i.test(sentence.text.slice(Math.max(0, figure.start - 20), figure.start))) return null;
  // Durations ("six years of war", "more than 30 hours") move with the day of writing, except
  // a span between two events, which is a fact of the story: "found six weeks later", "found
  // about five weeks after she disappeared", "waited 24 hours before calling". Such spans are
  // keyed by the verb they measure and the side, and compared in days.
  const unitWord = words.length === 1 && !complement.length ? words[0]!.lower : '';
  const side = /^(?:after|later)$/.test(tokens[next]?.lower ?? '') ? 'after' : /^(?:before|earlier)$/.test(tokens[next]?.lower ?? '') ? 'before' : '';
  if (unitWord && DURATIONS.has(unitWord) && side && figure.specific && figure.unit === 'count') {
    let verb: Token | null = null;
    for (let i = figIdx - 1, d = 0; i >= 0 && d < 4; i--, d++) {
      const t = tokens[i]!;
      if (!t.word) break;
      if (isEventWord(t)) {
        verb = t;
        break;
      }
    }
    if (!verb) return null;
    const days = DURATION_DAYS[unitWord.replace(/s$/, '')]!;
    figure = { ...figure, text: `${claimText(figure)} ${unitWord}`, value: figure.value * days, low: figure.low * days, high: figure.high === Infinity ? Infinity : figure.high * days };
    noun = `span:${side}:${verb.stem}`;
    nounText = 'time';
    event = `${verb.lower} ${side}`;
    eventText = `${verb.lower} ${tokens[next]!.lower}`;
  } else if ([...words, ...complement].some((w) => DURATIONS.has(w.lower)) || tokens[next]?.lower === 'ago') return null;
  if (!noun && !event) return null;

  // The actor: the nearest capitalised name before the figure in the same clause ("Russia has
  // invited", "Smith won"), so that figures of two different actors are never compared.
  // The actor: a capitalised name right before the verb that governs the figure ("Russia has
  // invited 1,500", "Adeyemi finished 212 votes ahead"), so that figures of two different actors
  // are never compared. A speaker ("Reinholt said 60") is not the actor.
  const agent: string[] = [];
  let k = figIdx - 1;
  let verbs = 0;
  while (k >= 0 && tokens[k].word && !/^\p{Lu}/u.test(tokens[k].text) && verbs < 3) {
    const w = tokens[k].lower;
    if (REPORTING.has(w) || (FUNCTION_WORDS.has(w) && !AUXILIARIES.has(w))) break;
    verbs++;
    k--;
  }
  if (verbs > 0) {
    for (; k >= 0 && tokens[k].word && /^\p{Lu}/u.test(tokens[k].text) && !MONTH_OR_DAY.test(tokens[k].text); k--) agent.push(tokens[k].lower.slice(0, 5));
  }

  const lead = sentence.text.slice(Math.max(0, figure.start - 40), figure.start).toLowerCase();
  const rest = sentence.text.slice(figure.end).toLowerCase();
  const prior =
    /\b(?:at the time|had (?:first )?(?:said|reported))\b/.test(rest) ||
    /^[^.;,]{0,25}\b(?:it|they|he|she) (?:first|initially|originally) (?:proposed|offered|reported|said|announced|gave)\b/.test(rest) ||
    /\b(?:up|down|revised|raised|lowered)? ?from (?:the |its |their |an? )?\s*$/.test(lead) ||
    /\b(?:initially|originally|first|previously|earlier|had been)\b[^.;,]{0,30}$/.test(lead) && !/\bthan\s*$/.test(lead) ||
    // A sentence told of an earlier moment ("At the time, officials said 17 ..."), or a figure
    // the sentence goes on to correct ("rose to 17,997, but revised that figure down to 12,514"):
    // the source itself reports the change, and the figure is not its current claim.
    /^(?:at the time|at first|initially|back then)\b/i.test(sentence.text) ||
    // "he said he won 306 votes, when in fact he won 304": the source corrects it at once.
    /^[^.;]{0,40}\b(?:when|while|but|whereas) (?:in fact|actually|in reality)\b/.test(rest) ||
    /\b(?:erroneous|mistaken|incorrect|inaccurate|false|wrong)\b[^.;]{0,40}$/.test(lead) ||
    /^[^.;]{0,40}\b(?:but|before|then|later|and)\b[^.;]{0,30}\b(?:revised|corrected|lowered|raised|reduced|cut|increased|updated)\b[^.;]{0,30}\b(?:to|at)\s/.test(rest);

  const skip = new Set([...words, ...complement].map((t) => t.stem));
  const context = new Set<string>();
  for (const stem of contextStems) if (!skip.has(stem)) context.add(stem);
  // Kinds of outcome ("killed", "evacuated") are compared whatever noun counts them (the noun
  // is checked later); other figures are compared by what they count, whatever the verb.
  // A part stays a part when its noun turns out to name an outcome ("more than 300 of the arrests").
  if (isPart && !noun.startsWith('part:')) noun = `part:${noun}`;
  // A share ("13 percent of those treated") is not a count of an outcome.
  const isClass = figure.unit === 'count' && EVENT_CLASSES.some(([name]) => name === event);
  if (isClass && head && HUMAN_KINDS.has(head.lower)) noun = 'people';
  // "evacuated two care homes" counts buildings, not the people evacuated.
  const things = isClass && THINGS.has(noun) ? ':things' : '';
  // "People" counts anyone: outside kinds of outcome, two counts of people are comparable only
  // under the same verb ("two men were charged", "three people were armed" are not one count).
  const generic = noun === 'people' || noun === '' ? `${noun}:${event}` : noun;
  const key = isClass ? `${figure.unit}|${figure.currency ?? ''}|${event}${things}` : `${figure.unit}|${figure.currency ?? ''}|${generic}`;
  const of = complement.map((c) => c.stem);
  // The years the figure's clause names, a sentence opening with one ("In 2011, ..."), or a time
  // frame before the figure ("as of August 2016, ..."): a
  // year elsewhere in the sentence dates something else ("in the September 2014 disappearance
  // of ..., whose remains were found five weeks later").
  const text = sentence.text;
  let from = figure.start;
  while (from > 0 && !/[,;:()–—]/.test(text[from - 1]!)) from--;
  let to = figure.end;
  while (to < text.length && !/[,;:()–—]/.test(text[to]!)) to++;
  // A time frame before the figure dates it too: "as of August 2016, there have been 50 cases".
  const frames = [...text.slice(0, figure.start).matchAll(/(?:^|\b(?:as of|through|since|until)\s)(?:in\s+|by\s+|during\s+|since\s+|until\s+|as of\s+|through\s+)?(?:[\p{L}.]+\s+){0,2}((?:1[89]|20)\d{2})\b/giu)].map((m) => m[1]!);
  const years = [...new Set([...(text.slice(from, to).match(/\b(?:1[89]|20)\d{2}\b/g) ?? []), ...frames])].sort().join(' ');
  return { figure, sentence, key, nounKey: noun, noun: nounText, event: eventText, agent, context, prior, of, isClass, years, owner: ownerOf(tokens, figIdx), scope: scopeOf(sentence.text, figure), fixed: FIXED_DISTANCE.test(sentence.text.slice(figure.end, figure.end + 60)), phrase: words.map((t) => t.stem), head: words.length ? words[words.length - 1]!.stem : '', proper: words.slice(0, -1).filter((t) => /^\p{Lu}/u.test(t.text)).map((t) => t.stem) };
}

// "60 miles east of Istanbul", "13 miles (22 km) from Ranger", "about 12 miles away".
const FIXED_DISTANCE =
  /^\s*(?:miles?|kilometers?|kilometres?|km|kms|feet|foot|metres?|meters?|yards?)\b\s*(?:\([^)]{0,30}\)\s*)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern|western|outside|inland|offshore|upstream|downstream)\s+(?:of|from)\b|from\b|away\b|off\b)/i;

function scopeOf(text: string, figure: Figure): string {
  const m = /^\s*((?:\p{Lu}[\p{L}'’.-]*\s+){1,3})$/u.exec(text.slice(0, figure.start));
  return m && !MONTH_OR_DAY.test(m[1]!.trim()) && !/^(?:The|A|An|Some|About|Around|Nearly|Almost|Only|Just|At|In|On|All|Another|Over|More|Fewer|Up|Of)$/.test(m[1]!.trim().split(/\s+/)[0]!) ? m[1]!.trim().toLowerCase() : '';
}

/**
 * Whether two counts of one noun may count the same set. A part is never compared with a whole
 * ("17 of the suspects"), nor a group named by a proper modifier with another or with the bare
 * noun: "American athletes" and "athletes" are a part and its whole, "Turkish soldiers" and
 * "American soldiers" two parts. A common modifier names the kind the story is about and is
 * often left out ("1,400 bus drivers" and "1,150 drivers" in a bus strike).
 */
function sameSet(a: Claim, b: Claim): boolean {
  if (a.nounKey.startsWith('part:') !== b.nounKey.startsWith('part:')) return false;
  if (a.head !== b.head) return true;
  return a.proper.length === b.proper.length && a.proper.every((w) => b.proper.includes(w));
}

const MONTH_OR_DAY = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;

/** Figures of a sentence with what they count, dropping those inside date mentions. */
export function claimsOf(sentence: Sentence, dates: ConflictDateMention[] = []): Claim[] {
  const figures = findFigures(sentence.text);
  const out: Claim[] = [...ordinalClaims(sentence), ...seriesClaims(sentence), ...ageClaims(sentence), ...distanceClaims(sentence)];
  if (!figures.length) return out;
  const tokens = tokensWithOffsets(sentence.text);
  let contextStems: string[] | undefined;
  for (const figure of figures) {
    const absStart = sentence.start + figure.numberStart;
    if (dates.some((d) => absStart >= d.start && absStart < d.end)) continue;
    contextStems ??= contextStemsOf(tokens);
    const claim = describeClaim(sentence, figure, tokens, contextStems);
    if (claim) out.push(claim);
  }
  // A weight in a description ("5-foot-8 and 130 pounds", "stands 5 feet 8, weighs 120 pounds")
  // is the weight of the person that height describes: the height is its actor, so that two
  // people described in one story ("6 feet and 250 pounds") are never compared.
  const height = /\b(\d)\s*-?\s*(?:foot|feet|ft)\b(?:\s*-?\s*(\d{1,2})\b(?!\s*(?:pounds|lbs|kilo)))?/i.exec(sentence.text);
  for (const c of out) {
    if (c.figure.unit !== 'count' || !/^(?:pound|lb|kilogram|kg|kilo)$/.test(c.nounKey)) continue;
    c.key = `weight|${c.nounKey}`;
    c.noun = 'weight';
    const unitWord = /^\s*([\p{L}]+)/u.exec(sentence.text.slice(c.figure.end))?.[1];
    if (unitWord) c.figure = { ...c.figure, text: `${claimText(c.figure)} ${unitWord}` };
    c.fixed = true;
    if (height) c.agent = [String(12 * Number(height[1]) + Number(height[2] ?? 0))];
  }
  // "shares skidded $11.68 -- a decline of 31 percent": a change with no subject of its own is
  // the change of the sentence's other figure in that direction, or nothing.
  for (const c of out) {
    const m = /^change:\?:(up|down)$/.exec(c.nounKey);
    if (!m) continue;
    const sibling = out.find((o) => o !== c && o.nounKey.startsWith('change:') && !o.nounKey.startsWith('change:?:') && o.nounKey.endsWith(`:${m[1]}`));
    if (!sibling) continue;
    c.nounKey = sibling.nounKey;
    c.noun = sibling.noun;
    c.key = `${c.figure.unit}|${c.figure.currency ?? ''}|${sibling.nounKey}`;
  }
  const kept = out.filter((c) => !c.nounKey.startsWith('change:?:'));
  out.length = 0;
  out.push(...kept);
  // "...put the figure at 200 million euros": a figure named only as "the figure", "the total"
  // counts what another figure of the sentence in the same unit counts.
  for (const c of out) {
    if (!ANAPHORIC.has(c.nounKey)) continue;
    const antecedent = out.find((o) => o !== c && !ANAPHORIC.has(o.nounKey) && o.figure.unit === c.figure.unit && o.figure.currency === c.figure.currency && o.nounKey);
    if (antecedent) {
      c.key = antecedent.key;
      c.nounKey = antecedent.nounKey;
      c.noun = antecedent.noun;
      c.event = antecedent.event;
      c.phrase = antecedent.phrase;
    }
  }
  return out;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
};

// Steps of a process named by their rank ("the third round of talks", "the second ballot").
// Ranks advance as a story goes on, so they are compared only between reports of one moment.
const RANKED =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(\d{1,2})(?:st|nd|rd|th))\s+(round|stage|phase|leg|ballot)s?\b/gi;

function ordinalClaims(sentence: Sentence): Claim[] {
  const out: Claim[] = [];
  for (const m of sentence.text.matchAll(RANKED)) {
    const value = m[2] ? Number(m[2]) : ORDINALS[m[1].toLowerCase()];
    // "a first round" of something new, or "the first stage" of a plan, rarely contradicts anything.
    if (!value || value === 1) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const figure: Figure = {
      text: m[1],
      start,
      end,
      value,
      low: value,
      high: value,
      qualifier: 'exact',
      unit: 'count',
      currency: null,
      specific: true,
      numberStart: start,
    };
    const of = /^\s+of\s+(?:the\s+)?([\p{Ll}]+)/u.exec(sentence.text.slice(end));
    const noun = of ? `${m[3].toLowerCase()} of ${of[1]}` : m[3].toLowerCase();
    const context = new Set<string>();
    for (const t of tokensWithOffsets(sentence.text)) {
      if (!t.word || FUNCTION_WORDS.has(t.lower) || REPORTING.has(t.lower) || /\d/.test(t.text) || t.lower.length < 3) continue;
      if (t.start >= start && t.end <= end) continue;
      context.add(t.stem);
    }
    out.push(claimOf(figure, sentence, { key: `rank|${m[3].toLowerCase()}`, nounKey: m[3].toLowerCase(), noun, context }));
  }
  return out;
}

// A person's name: capitalised words and initials ("Susana D. Gonzalez", "McKinney").
const NAME = "\\p{Lu}[\\p{L}'’-]*\\.?(?:\\s+\\p{Lu}[\\p{L}'’-]*\\.?){0,3}";
const TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Prof|Rev|Judge|Officer|Deputy|Detective|President|Mayor)\.?$/;
// "Russell Henderson, 22, pleaded", "Rudolph, a 31-year-old carpenter", "the 21-year-old McKinney",
// "20-year-old Virginia Tech student Morgan Harrington".
const AGE_AFTER_NAME = new RegExp(`(${NAME}),\\s+(?:(\\d{1,3})(?=\\s*[,)]|\\s*$)|an?\\s+(\\d{1,3})-year-old\\b)`, 'gu');
const AGE_BEFORE_NAME = /\b(\d{1,3})-year-old\s+/gu;
// Where the noun phrase after "N-year-old" ends: punctuation, a verb, a relative or a conjunction.
const PHRASE_END = /[,;:()]|(?<=\p{L}{2})\.(?:\s|$)|\s(?:who|whom|which|that|and|or|was|is|were|are|has|had|have|will|named|called|said|says|from|in|at|on)\b|\s\p{Ll}+ed\b/u;
const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;

/**
 * Ages of named people ("Henderson, 21", "the 22-year-old McKinney"): the counted thing is that
 * person's age, keyed by surname, with the first name as the actor so that two people of one
 * surname ("Leland Bowman, 62", "Sharon Bowman, 63") are never compared.
 */
function ageClaims(sentence: Sentence): Claim[] {
  const out: Claim[] = [];
  const text = sentence.text;
  const add = (name: string, raw: string, value: number, start: number, end: number) => {
    const parts = name.split(/\s+/).filter((w) => !TITLE.test(w));
    if (!parts.length || value < 1 || value > 120) return;
    if (parts.some((w) => MONTH_OR_DAY.test(w))) return;
    const surname = parts[parts.length - 1]!.replace(/['’]s$/, '');
    const first = parts.length > 1 && !/^\p{Lu}\.?$/u.test(parts[0]!) ? parts[0]!.toLowerCase().slice(0, 5) : '';
    const figure: Figure = { text: raw, start, end, value, low: value, high: value, qualifier: 'exact', unit: 'count', currency: null, specific: true, numberStart: start };
    // "when Victoria Keenan, 43, ... on July 1, 1998": an age at a date the sentence names is
    // the age then, not now.
    out.push(claimOf(figure, sentence, {
      key: `age|${surname.toLowerCase()}`, nounKey: 'age', noun: `age of ${surname}`, agent: first ? [first] : [], context: new Set([surname.toLowerCase()]),
      prior: /\b(?:1[89]|20)\d{2}\b/.test(text),
    }));
  };
  for (const m of text.matchAll(AGE_AFTER_NAME)) {
    const digits = m[2] ?? m[3]!;
    const start = m.index! + m[0].lastIndexOf(digits);
    // "Izmit, 90 miles", "Jan. 12, 1998": a name followed by a number is an age only when the
    // number stands alone between commas.
    if (m[2] && /^\d{4}/.test(text.slice(start + digits.length + 1).trim())) continue;
    add(m[1]!, m[3] ? `${digits}-year-old` : digits, Number(digits), start, start + digits.length);
  }
  for (const m of text.matchAll(AGE_BEFORE_NAME)) {
    // The name is the last one in the noun phrase after the age ("20-year-old Virginia Tech
    // student Morgan Harrington"), and must end it: "a 7-year-old bloodhound named Shaker" names none.
    const rest = text.slice(m.index! + m[0].length, m.index! + m[0].length + 80);
    const cut = PHRASE_END.exec(rest);
    const phrase = cut ? rest.slice(0, cut.index) : rest;
    const runs = [...phrase.matchAll(NAME_RUN)];
    const last = runs[runs.length - 1];
    if (!last || phrase.slice(last.index! + last[0].length).trim() !== '') continue;
    add(last[0], `${m[1]}-year-old`, Number(m[1]), m.index!, m.index! + m[1]!.length);
  }
  return out;
}

// A distance from a named place in a compass direction: "about 2,000 kilometers (about 1,240
// miles) northwest of Perth", "about 1,700km (1,000 miles) north-west of Perth". The place, the
// direction and the unit say what is measured, so two such distances are compared with no verb
// (a bare distance is compared with nothing); "west-northwest" and "northwest" are two places.
const COMPASS = '(?:north|south|east|west)(?:-?(?:north|south|east|west)){0,2}';
const DISTANCE_UNITS: [RegExp, string][] = [
  [/^(?:km|kms|kilomet(?:er|re)s?)$/, 'km'],
  [/^(?:mi|miles?)$/, 'mi'],
  [/^(?:m|meters|metres)$/, 'm'],
  [/^(?:ft|feet)$/, 'ft'],
  [/^(?:nautical miles|nm)$/, 'nmi'],
];
const DISTANCE_FROM = new RegExp(
  `(?<![\\p{L}\\p{N}.,])((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s?(nautical miles|kilomet(?:er|re)s|kilomet(?:er|re)|kms|km|miles|mile|mi|meters|metres|feet|ft|nm|m)\\b\\.?\\s*(?:\\([^()]{0,40}\\)\\s*)?(?:[-–—]\\s*)?(${COMPASS})\\s+(?:of|from)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})`,
  'gu',
);

function distanceClaims(sentence: Sentence): Claim[] {
  const text = sentence.text;
  if (!/\b(?:north|south|east|west)/.test(text)) return [];
  const out: Claim[] = [];
  let context: Set<string> | undefined;
  for (const m of text.matchAll(DISTANCE_FROM)) {
    const unit = DISTANCE_UNITS.find(([re]) => re.test(m[2]!))?.[1];
    if (!unit) continue;
    const numberEnd = m.index! + m[1]!.length;
    // The figure with its qualifier ("about 1,700"), read on the text up to the number, since a
    // unit written on to it ("1,700km") hides it from a reading of the whole sentence.
    const figure = findFigures(text.slice(0, numberEnd)).find((f) => f.numberStart === m.index);
    if (!figure || figure.unit !== 'count' || !figure.specific) continue;
    const dir = m[3]!.toLowerCase().replace(/-/g, '');
    // The place ends before a day or month written after it ("north of Baghdad Tuesday").
    const words = m[4]!.split(/\s+/);
    const cut = words.findIndex((w) => MONTH_OR_DAY.test(w));
    const name = words.slice(0, cut < 0 ? words.length : cut).join(' ').replace(/['’]s$/, '').replace(/\.$/, '');
    if (!name) continue;
    const place = name.toLowerCase();
    context ??= new Set(contextStemsOf(tokensWithOffsets(text)));
    out.push(claimOf(figure, sentence, { key: `dist|${unit}|${dir}|${place}`, nounKey: 'dist', noun: `${unit === 'km' ? 'kilometers' : unit === 'mi' ? 'miles' : unit} ${dir} of ${name}`, context, fixed: true }));
  }
  return out;
}

// "the fourth and fifth slayings attributed to ETA this year", "the sixth victim of ETA so far
// this year": the place in a series of one actor's deeds within a period is a running count.
const ORDINAL_WORD = '(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d{1,2}(?:st|nd|rd|th))';
const SERIES = new RegExp(
  `\\bthe\\s+${ORDINAL_WORD}(?:\\s*(?:,|and|or)\\s*${ORDINAL_WORD})?\\s+([\\p{Ll}-]+)\\s+(?:of|attributed to|blamed on|claimed by|by|linked to)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})\\s+(?:so far\\s+)?this\\s+(year|month|season|week)\\b`,
  'gu',
);

function seriesClaims(sentence: Sentence): Claim[] {
  const out: Claim[] = [];
  const rank = (w: string) => (/^\d/.test(w) ? Number.parseInt(w, 10) : ORDINALS[w.toLowerCase()] ?? 0);
  for (const m of sentence.text.matchAll(SERIES)) {
    // "the fourth and fifth": the series stands at the last.
    const value = Math.max(rank(m[1]!), m[2] ? rank(m[2]) : 0);
    if (value < 2) continue;
    const start = m.index!;
    const figure: Figure = { text: m[2] ?? m[1]!, start, end: start + m[0].length, value, low: value, high: value, qualifier: 'exact', unit: 'count', currency: null, specific: true, numberStart: start };
    const agent = m[4]!.toLowerCase();
    out.push(claimOf(figure, sentence, { key: `series|${agent}|${m[5]!.toLowerCase()}`, nounKey: 'series', noun: `place in the series of ${m[4]} this ${m[5]}`, context: new Set([agent]) }));
  }
  return out;
}

/** A claim found by a pattern of its own (a rank, a series, an age): what it counts, the rest empty. */
function claimOf(figure: Figure, sentence: Sentence, fields: Pick<Claim, 'key' | 'nounKey' | 'noun' | 'context'> & Partial<Claim>): Claim {
  return { figure, sentence, of: [], isClass: false, years: '', event: '', agent: [], prior: false, owner: '', scope: '', fixed: false, phrase: [], head: '', proper: [], ...fields };
}

/** 3 -> "3rd", 11 -> "11th". */
function rankText(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const UPDATE_CUES =
  /\b(?:rose|risen|rising|climbed|jumped|increased|grew|swelled|revised|updated|now stands|(?:has|have) now|now (?:totals|exceeds|stands at)|up from|down from|than (?:first|initially|previously|earlier|originally) (?:reported|thought|stated|announced|estimated|feared|said)|has since|latest (?:figure|count|toll|tally)|new (?:figure|toll|count|tally)|one more than|more than (?:first|initially) )/i;

/**
 * A figure set against another body's count of the same moment ("more than the coastguard had
 * counted", "fewer than police said"): two sources disagreeing, not a count growing. Words of a
 * first report ("than first reported") are an update instead, and are left to UPDATE_CUES.
 */
const OTHER_SOURCE_COUNT =
  /\b(?:more|fewer|less|higher|lower)\s+than\s+(?!(?:first|initially|previously|earlier|originally|expected|feared)\b)(?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?\s+(?:had\s+|has\s+)?(?:counted|said|reported|gave|given|estimated|claimed|stated)\b/iu;

/** Days between two dates of the form YYYY-MM-DD; null when either is missing or not a day. */
export function daysBetween(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b || !/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return null;
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * Reports of a running count made at least UPDATE_GAP_DAYS apart are read as successive
 * updates rather than as a disagreement: same-day and next-day reports of an event are
 * concurrent accounts (wire copy is refiled within hours), later ones know more.
 */
export const UPDATE_GAP_DAYS = 2;

function sameActor(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.includes(x));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

interface ValueCluster {
  claims: Claim[];
  representative: Figure;
}

function citationsOf(claims: Claim[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of claims) {
    if (seen.has(c.sentence.id)) continue;
    seen.add(c.sentence.id);
    out.push({ source: c.sentence.source, quote: c.sentence.text });
  }
  return out;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * Of a source's differing figures for one key that no other source repeats ("Seventeen tank cars
 * came off the rails" and "carrying 62 cars in all"), the one told most like the other sources'
 * figures ("Fourteen tank cars left the tracks"): most shared words of the counted phrase, then of
 * the sentence. None when no figure is strictly closest.
 */
function closestToOthers(list: Claim[], others: Claim[]): Claim[] {
  const score = (c: Claim) =>
    Math.max(0, ...others.map((o) => 2 * c.phrase.filter((w) => o.phrase.includes(w)).length + overlap(c.context, o.context)));
  const scored = list.map((c) => ({ c, s: score(c) })).sort((a, b) => b.s - a.s);
  const best = scored[0];
  if (!best || best.s === 0) return [];
  const rivals = scored.filter((x) => differ(x.c.figure, best.c.figure));
  if (rivals.length && rivals[0]!.s >= best.s) return [];
  return scored.filter((x) => !differ(x.c.figure, best.c.figure)).map((x) => x.c);
}

/**
 * The name words of a claim's sentence (capitalised words of four letters or more past its first,
 * no month or day), folded: what may single out the place or person a figure is told of.
 */
function nameWordsOf(c: Claim): string[] {
  return sentenceNames(c.sentence.text);
}

function sentenceNames(text: string): string[] {
  const out: string[] = [];
  tokensWithOffsets(text).forEach((t, i) => {
    const w = t.text.replace(/['’]s$/, '');
    if (i === 0 || !t.word || w.length < 4 || !/^\p{Lu}\p{Ll}/u.test(w) || MONTH_OR_DAY.test(w)) return;
    // A body's or a role's word ("Ministry", "Minister") or one English writes in lower case
    // ("Health") is no name of a spot or a person.
    const lower = w.toLowerCase();
    if (ORG_WORDS.has(lower) || ROLE_NOUNS.has(lower) || ordinaryInCorpus(w)) return;
    out.push(fold(w));
  });
  return out;
}

// A name that singles out one spot of a story is named in at most this many sentences, on
// average, of the sources that name it; the story's setting recurs in each.
const SELDOM_PER_SOURCE = 2;

/**
 * Whether a name word (spelling variants folded) is seldom named in the cluster: in at most
 * SELDOM_PER_SOURCE sentences per source naming it. The capitalised words of every sentence
 * (past its first) are read once, by a pattern, when first asked.
 */
function seldomTest(docs: Doc[]): (name: string) => boolean {
  let index: Map<string, { sentences: number; sources: Set<string> }> | undefined;
  let byKey: Map<string, string[]> | undefined;
  const memo = new Map<string, boolean>();
  return (name: string) => {
    let found = memo.get(name);
    if (found !== undefined) return found;
    if (!index || !byKey) {
      index = new Map();
      byKey = new Map();
      for (const d of docs) {
        for (const s of d.sentences) {
          const words = new Set<string>();
          for (const m of s.text.matchAll(/\p{Lu}\p{Ll}[\p{L}'’-]*/gu)) if (m.index! > 0 && !/[\p{L}\p{N}'’-]/u.test(s.text[m.index! - 1]!)) words.add(fold(m[0].replace(/['’]s$/, '')));
          for (const w of words) {
            let e = index.get(w);
            if (!e) index.set(w, (e = { sentences: 0, sources: new Set() }));
            e.sentences++;
            e.sources.add(d.article.id);
          }
        }
      }
      for (const w of index.keys()) for (const k of blockingKeys(w)) addTo(byKey, k, w);
    }
    const variants = new Set<string>([name]);
    for (const k of blockingKeys(name)) for (const w of byKey.get(k) ?? []) if (sameNameWord(name, w)) variants.add(w);
    let sentences = 0;
    const sources = new Set<string>();
    for (const w of variants) {
      const e = index.get(w);
      if (!e) continue;
      sentences += e.sentences;
      for (const x of e.sources) sources.add(x);
    }
    found = sentences <= SELDOM_PER_SOURCE * Math.max(1, sources.size);
    memo.set(name, found);
    return found;
  };
}

/** A name word of a that b names too, spelt alike or as a variant (sameNameWord); null when none. */
function sharedName(a: string[], b: string[]): string | null {
  for (const x of a) for (const y of b) if (sameNameWord(x, y)) return x;
  return null;
}

/** The name words of a that b names too, spelt alike or as a variant (sameNameWord). */
function sharedNames(a: string[], b: string[]): string[] {
  return a.filter((x) => b.some((y) => sameNameWord(x, y)));
}

/**
 * Two figures of one key from two sources that one place or person ties together: a name word
 * (spelling variants folded: "Qalbiya", "Kalbiya") that both sentences name and that no figure of
 * another value in either source's claims of the key is told with, and that ties no third figure
 * to either. A source that gives several values of one key keeps only those another source
 * repeats; a pair so tied is one event told twice, and is compared as a set of its own.
 */
function anchoredPairs(current: Claim[], fits: (a: Claim, b: Claim) => boolean, sameStory: (x: string, y: string) => boolean, seldom: (name: string) => boolean): Claim[][] {
  // Claims whose sentence gives no other value of the key: one sentence's two values say nothing.
  const bySentence = new Map<string, Claim[]>();
  for (const c of current) if (c.figure.specific) addTo(bySentence, c.sentence.id, c);
  const clear = current.filter((c) => c.figure.specific && !bySentence.get(c.sentence.id)!.some((o) => o !== c && differ(o.figure, c.figure) && !contrasted(o, c)));
  const perSource = new Map<string, Claim[]>();
  for (const c of current) if (c.figure.specific) addTo(perSource, c.sentence.source, c);
  if (perSource.size < 2) return [];
  // Only sources that give several values of the key lose figures to the rule.
  const mixed = new Set([...perSource].filter(([, list]) => list.some((x) => list.some((y) => differ(x.figure, y.figure)))).map(([source]) => source));
  if (mixed.size < 2) return [];
  const names = new Map<Claim, string[]>();
  const namesOf = (c: Claim) => {
    let n = names.get(c);
    if (!n) names.set(c, (n = nameWordsOf(c)));
    return n;
  };
  // Names of c that no figure of its source with another value is told with.
  const owns = new Map<Claim, string[]>();
  const own = (c: Claim) => {
    let n = owns.get(c);
    if (!n) {
      const rivals = perSource.get(c.sentence.source)!.filter((o) => o.sentence.id !== c.sentence.id && differ(o.figure, c.figure));
      owns.set(c, (n = namesOf(c).filter((w) => !rivals.some((o) => namesOf(o).some((x) => sameNameWord(w, x))))));
    }
    return n;
  };
  // Candidates share a blocking key of one of their own names (every pair sameNameWord accepts does).
  const index = new Map<string, number[]>();
  clear.forEach((c, i) => {
    if (!mixed.has(c.sentence.source)) return;
    for (const k of new Set(own(c).flatMap((w) => blockingKeys(w)))) addTo(index, k, i);
  });
  const partnersOf = (i: number) => {
    const found = new Set<number>();
    for (const k of new Set(own(clear[i]!).flatMap((w) => blockingKeys(w)))) for (const j of index.get(k)!) if (j !== i && sharedName(own(clear[i]!), own(clear[j]!))) found.add(j);
    return found;
  };
  const out: Claim[][] = [];
  for (let i = 0; i < clear.length; i++) {
    const a = clear[i]!;
    if (!mixed.has(a.sentence.source) || !own(a).length) continue;
    const mine = partnersOf(i);
    for (const j of mine) {
      const b = clear[j]!;
      if (j < i || b.sentence.source === a.sentence.source || !differ(a.figure, b.figure) || !fits(a, b) || !sameStory(a.sentence.source, b.sentence.source)) continue;
      if (!sharedNames(own(a), own(b)).some(seldom)) continue;
      // The name must tie a to b alone: no other figure of b's source shares it with a, nor of a's with b.
      if ([...mine].some((k) => k !== j && clear[k]!.sentence.source === b.sentence.source)) continue;
      if ([...partnersOf(j)].some((k) => k !== i && clear[k]!.sentence.source === a.sentence.source)) continue;
      out.push([a, b]);
    }
  }
  return out;
}

/** A plain count of a noun ("17,000 votes", "317,377 usernames"): what namedApart pairs across nouns. */
function plainCount(c: Claim): boolean {
  return !c.isClass && !c.prior && !c.fixed && !c.phrase.some((w) => UNIT_STEM.test(w)) && c.figure.unit === 'count' && c.figure.specific && c.figure.value >= ALIAS_MIN && !!c.head && !!c.nounKey && !/[:|]/.test(c.nounKey) && c.nounKey !== 'people' && c.key === `count||${c.nounKey}`;
}

// Units of measure and score, by stem ("miles", "mph", "square-kilometers", "points"): a figure in
// them measures, it does not count things.
const UNIT_STEM = /^(?:(?:square-|sq)?(?:kilo|centi|milli)?(?:metr|meter|met)|mile|mph|kph|km|kms|cm|mm|kg|lb|lbs|feet|foot|inch|yard|acr|hectar|ton|tonn|gallon|litr|liter|barrel|degre|point|knot|byte|megabyt|gigabyt|watt|megawatt|volt|calori)/;

// Sources that tell one story share at least this share of their names (Dice).
const SAME_STORY_DICE = 0.2;
// Words either side of a figure that describe what it counts.
const ALIAS_WINDOW = 6;

// Counts below this name many different subsets of a story ("two countries", "three players").
const ALIAS_MIN = 10;
// Two sources naming one counted thing differently give values within this factor of each other.
const ALIAS_SCALE = 2;

/**
 * Whether two sources tell one story: the names they use mostly coincide (Dice of their sets of
 * names, words capitalised inside a sentence, at least SAME_STORY_DICE). Names are read once per source.
 */
function storyTest(docs: Doc[]): (x: string, y: string) => boolean {
  const names = new Map<string, Set<string>>();
  let docById: Map<string, Doc> | undefined;
  const namesOf = (source: string) => {
    let set = names.get(source);
    if (!set) {
      set = new Set();
      docById ??= new Map(docs.map((d) => [d.article.id, d]));
      const doc = docById.get(source);
      for (const m of (doc?.article.text ?? '').matchAll(/(?<=[\p{Ll},;] )\p{Lu}[\p{L}'’-]+/gu)) if (!MONTH_OR_DAY.test(m[0])) set.add(m[0].toLowerCase());
      names.set(source, set);
    }
    return set;
  };
  return (x: string, y: string) => {
    const a = namesOf(x);
    const b = namesOf(y);
    return (2 * overlap(a, b)) / Math.max(1, a.size + b.size) >= SAME_STORY_DICE;
  };
}

/**
 * One counted thing named differently by two sources, each keeping to its own noun: "more than
 * 17,000 votes" on the top petition in one report, "more than 11,000 signatures" in another;
 * "335,000 fans" to be barred from a service in one, "317,377 usernames" handed over in another.
 * Two plain counts from two sources are compared across their nouns when no source of the story
 * gives figures of both nouns, each is the other's nearest value among such counts of its
 * source (and within ALIAS_SCALE of it), they share two words of their sentences and two of the
 * ALIAS_WINDOW words either side of the figure ("the most popular one garnering", "the most
 * popular has"), a proper modifier of either ("Napster usernames") is named in the other's
 * sentence, and the two sources tell one story (SAME_STORY_DICE of their names shared).
 */
function namedApart(byKey: Map<string, Claim[]>, docs: Doc[]): Map<string, Claim[]> {
  const sourcesOf = new Map<string, Set<string>>();
  const plain: Claim[] = [];
  for (const list of byKey.values()) {
    for (const c of list) {
      if (c.figure.unit !== 'count' || !c.figure.specific) continue;
      let set = sourcesOf.get(c.nounKey);
      if (!set) sourcesOf.set(c.nounKey, (set = new Set()));
      set.add(c.sentence.source);
      if (plainCount(c)) plain.push(c);
    }
  }
  const out = new Map<string, Claim[]>();
  if (plain.length < 2) return out;
  const sameStory = storyTest(docs);
  // The words right around a figure (ALIAS_WINDOW words either side), which describe what it counts.
  const locals = new Map<Claim, Set<string>>();
  const localOf = (c: Claim) => {
    let set = locals.get(c);
    if (!set) {
      const content = (t: Token) => !FUNCTION_WORDS.has(t.lower) && !REPORTING.has(t.lower) && !/\d/.test(t.text) && t.lower.length >= 3 && t.stem !== c.head;
      const words = tokensWithOffsets(c.sentence.text).filter((t) => t.word && !/^\d/.test(t.text));
      const at = words.findIndex((t) => t.start >= c.figure.end);
      const to = at < 0 ? words.length : at;
      set = new Set([...words.slice(Math.max(0, to - ALIAS_WINDOW), to), ...words.slice(to, to + ALIAS_WINDOW)].filter(content).map((t) => t.stem));
      locals.set(c, set);
    }
    return set;
  };
  // No source counts both nouns (nouns numbered, pairs remembered).
  const ids = new Map<string, number>();
  for (const noun of sourcesOf.keys()) ids.set(noun, ids.size);
  const apart = new Map<number, boolean>();
  const complementary = (x: string, y: string) => {
    if (x === y) return false;
    const i = ids.get(x)!;
    const j = ids.get(y)!;
    const pair = i < j ? i * ids.size + j : j * ids.size + i;
    let found = apart.get(pair);
    if (found === undefined) {
      const [small, large] = [sourcesOf.get(x)!, sourcesOf.get(y)!].sort((a, b) => a.size - b.size);
      found = true;
      for (const s of small!) if (large!.has(s)) found = false;
      apart.set(pair, found);
    }
    return found;
  };
  const bySource = new Map<string, Claim[]>();
  for (const c of plain) addTo(bySource, c.sentence.source, c);
  const ratio = (a: Claim, b: Claim) => Math.max(a.figure.value, b.figure.value) / Math.min(a.figure.value, b.figure.value);
  // Whether b is a's nearest value among b's source's counts of a noun a's source never counts.
  const nearest = (a: Claim, b: Claim) => bySource.get(b.sentence.source)!.every((o) => o === b || !complementary(a.nounKey, o.nounKey) || ratio(a, o) >= ratio(a, b));
  const named = (c: Claim, o: Claim) => c.proper.every((w) => o.context.has(w) || o.proper.includes(w));
  plain.sort((a, b) => a.figure.value - b.figure.value);
  // Pairs sharing two words around their figures, found through an index of those words.
  const index = new Map<string, number[]>();
  plain.forEach((c, i) => {
    for (const w of localOf(c)) addTo(index, w, i);
  });
  const shared = new Int32Array(plain.length);
  const pairs: [number, number][] = [];
  for (let i = 0; i < plain.length; i++) {
    const touched: number[] = [];
    for (const w of localOf(plain[i]!)) {
      for (const j of index.get(w)!) {
        if (j <= i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    for (const j of touched) {
      if (shared[j]! >= 2) pairs.push([i, j]);
      shared[j] = 0;
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of pairs) {
    const a = plain[i]!;
    const b = plain[j]!;
    if (b.figure.value > a.figure.value * ALIAS_SCALE) continue;
    if (a.sentence.source === b.sentence.source || overlap(a.context, b.context) < 2 || !complementary(a.nounKey, b.nounKey)) continue;
    if (!named(a, b) || !named(b, a)) continue;
    if (!nearest(a, b) || !nearest(b, a)) continue;
    if (!sameStory(a.sentence.source, b.sentence.source)) continue;
    const key = `count||alias:${[a.nounKey, b.nounKey].sort().join('+')}`;
    const list = out.get(key) ?? [];
    for (const c of [a, b]) if (!list.some((x) => x.sentence.id === c.sentence.id && x.figure.start === c.figure.start)) list.push({ ...c, key });
    out.set(key, list);
  }
  return out;
}

function quantityConflicts(docs: Doc[], context: ConflictContext): Conflict[] {
  const groupOf = new Map<string, number>();
  context.groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const published = (source: string) => context.published[source] ?? docs.find((d) => d.article.id === source)?.article.published ?? null;
  const sameStory = storyTest(docs);
  const seldom = seldomTest(docs);

  const byKey = new Map<string, Claim[]>();
  for (const doc of docs) {
    for (const s of doc.sentences) {
      if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|scores|hundreds|thousands|millions|billions|round|stage|phase|leg|ballot|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)s?\b/i.test(s.text)) continue;
      for (const c of claimsOf(s, context.dates.get(s.id) ?? [])) {
        const list = byKey.get(c.key) ?? [];
        list.push(c);
        byKey.set(c.key, list);
      }
    }
  }

  // One thing counted under two nouns ("two big objects were found", "four big parts were
  // found" of one wreck): counts with the same common modifiers and the same verb are compared
  // across their nouns too, after the counts of each noun.
  const kinds = new Map<string, Claim[]>();
  for (const list of byKey.values()) {
    for (const c of list) {
      if (c.isClass || c.figure.unit !== 'count' || !c.event || !c.head || c.proper.length || c.key.includes('|age') || /^(?:rank|age)\|/.test(c.key)) continue;
      const mods = c.phrase.slice(0, -1);
      if (mods.length) addTo(kinds, `count||kind:${[...mods].sort().join(' ')}:${c.event}`, c);
    }
  }
  for (const [key, list] of kinds) if (new Set(list.map((c) => c.head)).size >= 2) byKey.set(key, list.map((c) => ({ ...c, key })));
  for (const [key, list] of namedApart(byKey, docs)) byKey.set(key, list);

  const conflicts: { conflict: Conflict; weight: number; alias: boolean }[] = [];
  // Outside kinds of outcome that can grow by orders of magnitude (a death toll), two figures
  // more than MAX_SCALE apart ("2 employees", "4,500 employees"; "2.1 billion euros", "18.50
  // euros") are not two reports of one quantity.
  const sameScale = (a: Claim, b: Claim) => {
    if (!a.figure.specific || !b.figure.specific || EVENT_CLASSES.some(([name]) => name === a.event)) return true;
    const lo = Math.min(a.figure.value, b.figure.value);
    const hi = Math.max(a.figure.value, b.figure.value);
    return lo > 0 && hi / lo <= MAX_SCALE;
  };
  // A distance or a level with no verb to say what it measures ("1,600km (990 miles) east of the
  // cape") is compared with nothing.
  const sameMeasure = (a: Claim, b: Claim) => !MEASURE_UNITS.has(a.nounKey) || (!!a.event && a.event === b.event);
  // One sentence counting an outcome under two nouns ("116 villagers and three soldiers were
  // killed") counts two sets.
  const sameNoun = (a: Claim, b: Claim) =>
    !(a.sentence.id === b.sentence.id && a.isClass && b.isClass && a.head && b.head && a.head !== b.head) &&
    (a.nounKey === b.nounKey || a.key.includes('|kind:') || a.key.includes('|alias:') || !a.nounKey || !b.nounKey || a.nounKey === 'people' || b.nounKey === 'people');
  for (const all of byKey.values()) {
    const current = all.filter((c) => !c.prior);
    if (new Set(current.map((c) => c.sentence.source)).size < 2) continue;
    // Split by actor and by counted noun: figures of different actors ("Smith won", "Jones
    // won") or different nouns ("workers killed", "firefighters killed") are different things;
    // "people" counts anyone.
    const fits = (o: Claim, c: Claim) => sameActor(o.agent, c.agent) && (c.isClass || o.owner === c.owner) && o.scope === c.scope && sameSet(o, c) && sameNoun(o, c) && sameScale(o, c) && sameMeasure(o, c);
    const sets: Claim[][] = [];
    for (const c of current) {
      const home = sets.find((set) => set.every((o) => fits(o, c)));
      if (home) home.push(c);
      else sets.push([c]);
    }
    // Pairs a name ties together (anchoredPairs), compared as sets of their own after the rest,
    // unless a set's kept claims already hold both.
    const anchored = new Set<Claim[]>();
    for (const pair of anchoredPairs(current, fits, sameStory, seldom)) {
      anchored.add(pair);
      sets.push(pair);
    }
    const keptLists: Set<Claim>[] = [];
    for (const set of sets) {
      // A source that gives two different figures for one key (two events, a figure and its
      // part, a reported dispute) keeps only those another source also gives.
      // A sentence that gives two different figures for one key ("three girls and two boys")
      // says nothing on its own about either.
      const bySentence = new Map<string, Claim[]>();
      for (const c of set) addTo(bySentence, c.sentence.id, c);
      const clear = set.filter((c) => !bySentence.get(c.sentence.id)!.some((o) => o !== c && differ(o.figure, c.figure) && !contrasted(o, c)));
      const perSource = new Map<string, Claim[]>();
      for (const c of clear) addTo(perSource, c.sentence.source, c);
      const claims: Claim[] = [];
      for (const [source, list] of perSource) {
        const specific = list.filter((c) => c.figure.specific);
        const mixed = specific.some((a) => specific.some((b) => differ(a.figure, b.figure) && !contrasted(a, b)));
        if (!mixed) claims.push(...list);
        else {
          const echoed = list.filter((c) => clear.some((o) => o.sentence.source !== source && !differ(o.figure, c.figure)));
          claims.push(...(echoed.length ? echoed : closestToOthers(list, clear.filter((o) => o.sentence.source !== source))));
        }
      }
      if (anchored.has(set)) {
        // A pair some set already compares says nothing new.
        if (keptLists.some((k) => set.every((c) => k.has(c)))) continue;
      } else keptLists.push(new Set(claims));
      if (new Set(claims.map((c) => c.sentence.source)).size < 2) continue;
      const dateOf = (c: Claim) => published(c.sentence.source);
      const found: Conflict[] = [];
      if (claims.every((c) => dateOf(c) && /^\d{4}-\d{2}-\d{2}$/.test(dateOf(c)!))) {
        // Reports within UPDATE_GAP_DAYS of each other are one moment: differing figures there
        // are a disagreement. A figure first given at a later moment is an update.
        const sorted = [...claims].sort((a, b) => dateOf(a)!.localeCompare(dateOf(b)!));
        const slices: Claim[][] = [];
        for (const c of sorted) {
          const last = slices[slices.length - 1];
          const gap = last ? daysBetween(dateOf(last[last.length - 1]), dateOf(c)) : null;
          if (last && gap !== null && gap < updateGap(set[0]!)) last.push(c);
          else slices.push([c]);
        }
        for (const slice of slices) {
          const all = clusterValues(slice);
          const clusters = all && related(all, groupOf);
          if (clusters) {
            const cue = slice.some((c) => UPDATE_CUES.test(c.sentence.text));
            const disputed = !cue && slice.some((c) => OTHER_SOURCE_COUNT.test(c.sentence.text));
            const nature = !disputed && (cue || risingCount(clusters, dateOf)) ? 'update' : 'disagreement';
            if (nature === 'update' || narrowSpread(clusters)) {
              // Later reports of the same figures are cited too (each claim, every source for it).
              const later = slices.slice(slices.indexOf(slice) + 1).flat();
              for (const k of clusters) {
                for (const c of later) if (c.figure.specific && !differ(k.representative, c.figure)) k.claims.push(c);
              }
              found.push(conflictOf(clusters, nature, dateOf));
            }
          }
        }
        if (slices.length >= 2 && !set[0].key.startsWith('rank|')) {
          const all = clusterValues(claims);
          const clusters = all && related(all, groupOf);
          if (clusters) {
            // An update needs a figure that no earlier moment gave.
            const sliceOf = new Map<Claim, number>();
            slices.forEach((sl, i) => sl.forEach((c) => sliceOf.set(c, i)));
            const firstSlice = clusters.map((k) => Math.min(...k.claims.map((c) => sliceOf.get(c) ?? 0)));
            if (firstSlice.some((f) => f > 0)) found.push(conflictOf(clusters, 'update', dateOf));
          }
        }
      } else {
        const all = clusterValues(claims);
        const clusters = all && related(all, groupOf);
        if (clusters) {
          const cue = claims.some((c) => UPDATE_CUES.test(c.sentence.text));
          // Undated reports cannot show a count growing over time: a wide spread is two things.
          if (narrowSpread(clusters)) found.push(conflictOf(clusters, cue ? 'update' : 'disagreement', dateOf));
        }
      }
      // Conflicts of one figure stay together, the disagreement of a moment before the update
      // over time that includes it; figures reported by more sources come first.
      const weight = Math.max(0, ...found.map((conflict) => new Set(conflict.claims.flatMap((c) => c.citations.map((x) => x.source))).size));
      for (const conflict of found) conflicts.push({ conflict, weight, alias: set[0]!.key.includes('|alias:') });
    }
  }
  // A conflict whose citations another one already holds says nothing new; one across two nouns
  // (namedApart, listed last) neither when a claim of it is already in another conflict.
  const seen: Set<string>[] = [];
  const distinct = conflicts.filter(({ conflict, alias }) => {
    const cited = new Set(conflict.claims.flatMap((c) => c.citations.map((x) => `${c.value}\u0000${x.source}\u0000${x.quote}`)));
    if (seen.some((s) => (alias ? [...cited].some((x) => s.has(x)) : [...cited].every((x) => s.has(x))))) return false;
    seen.push(cited);
    return true;
  });
  distinct.sort((a, b) => b.weight - a.weight);
  return distinct.map((c) => c.conflict);
}

/**
 * How far apart (days) two reports of a quantity must be for a new value to be an update rather
 * than a disagreement, by how the quantity moves: a fact that does not change (the distance
 * between two places, the time between two events) never updates; a price or a change in one
 * moves by the hour, and a place in a series ("the sixth victim this year") by the deed, so another
 * day's report is a later moment; a person's age moves once a
 * year; a running count (a toll) moves by the day, UPDATE_GAP_DAYS.
 */
function updateGap(c: Claim): number {
  if (c.fixed || c.nounKey.startsWith('span:')) return Infinity;
  if (c.nounKey.startsWith('change:') || c.nounKey.startsWith('per:') || c.key.startsWith('series|')) return 1;
  if (c.key.startsWith('age|')) return 180;
  return UPDATE_GAP_DAYS;
}

// Counts that only grow as a story goes on: a later day's larger figure revises an earlier one.
const CUMULATIVE = new Set(['killed', 'injured', 'evacuated', 'arrested', 'rescued']);

/**
 * A running count reported larger on each later day ("1 dead" on Sunday, "2 dead" on Monday) is
 * an update, even within UPDATE_GAP_DAYS: each figure is first given on a later day than the
 * last report of the one before it, and the values rise.
 */
function risingCount(clusters: ValueCluster[], dateOf: (c: Claim) => string | null): boolean {
  if (!CUMULATIVE.has(clusters[0].claims[0].event)) return false;
  const spans = clusters.map((k) => {
    const days = k.claims.map(dateOf).filter((d): d is string => !!d).sort();
    return { first: days[0], last: days[days.length - 1], value: k.representative.value };
  });
  if (spans.some((s) => !s.first)) return false;
  spans.sort((a, b) => a.first.localeCompare(b.first));
  for (let i = 1; i < spans.length; i++) if (spans[i].first <= spans[i - 1].last || spans[i].value <= spans[i - 1].value) return false;
  return true;
}

/**
 * Reports of one moment that differ more than MAX_SCALE-fold ("15 wounded", "more than 200
 * wounded") count different things: one strike and the whole war, one day and a month.
 */
function narrowSpread(clusters: ValueCluster[]): boolean {
  const values = clusters.map((k) => k.representative.value).filter((v) => v > 0);
  return Math.max(...values) / Math.min(...values) <= MAX_SCALE;
}

/**
 * Stated figures that are the same number (rounded, or a bound holding it) are one claim. Vague
 * figures ("hundreds of thousands") are left out: one that fits a stated figure adds nothing,
 * and one that fits none ("hundreds" against "17") usually counts over another span of time or
 * place.
 */
function clusterValues(claims: Claim[]): ValueCluster[] | null {
  const specific = claims.filter((c) => c.figure.specific).sort((a, b) => a.figure.value - b.figure.value);
  const clusters: ValueCluster[] = [];
  for (const c of specific) {
    // A figure that fits two different values ("up to 50 million" holds both 7.8 and 38
    // million) says nothing about which is right, and must not tie them together.
    const homes = clusters.filter((k) => k.claims.every((o) => !differ(o.figure, c.figure)));
    if (homes.length > 1) continue;
    if (homes.length === 1) homes[0]!.claims.push(c);
    else if (!clusters.some((k) => !differ(k.representative, c.figure))) clusters.push({ claims: [c], representative: c.figure });
  }
  return clusters.length >= 2 ? clusters : null;
}

/**
 * The values that can be set against each other: every two must rest on different sources and
 * share context (a content word besides the figure, or a near-duplicate group). When not all
 * can, the largest such subset, grown from the pair told by the most sources ("12,000 dead",
 * "12,514 dead" without the "almost 1,000" of another quake); null when no pair qualifies.
 */
function related(clusters: ValueCluster[], groupOf: Map<string, number>): ValueCluster[] | null {
  const n = clusters.length;
  const link: boolean[][] = clusters.map((a, i) => clusters.map((b, j) => i !== j && linkedPair(a, b, groupOf)));
  if (link.every((row, i) => row.every((x, j) => x || i === j))) return clusters;
  const weight = (k: ValueCluster) => new Set(k.claims.map((c) => c.sentence.source)).size;
  let best: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!link[i]![j]) continue;
      const set = [i, j];
      for (let k = 0; k < n; k++) if (!set.includes(k) && set.every((m) => link[k]![m])) set.push(k);
      const w = (xs: number[]) => xs.reduce((t, x) => t + weight(clusters[x]!), 0);
      // Ties go to the values closest together: the likelier reports of one quantity.
      const spread = (xs: number[]) => {
        const v = xs.map((x) => clusters[x]!.representative.value);
        return Math.max(...v) / Math.max(1e-9, Math.min(...v));
      };
      if (set.length > best.length || (set.length === best.length && (w(set) > w(best) || (w(set) === w(best) && spread(set) < spread(best))))) best = set;
    }
  }
  return best.length >= 2 ? best.sort((a, b) => a - b).map((i) => clusters[i]!) : null;
}

function linkedPair(a: ValueCluster, b: ValueCluster, groupOf: Map<string, number>): boolean {
  const sourcesOf = (k: ValueCluster) => new Set(k.claims.map((c) => c.sentence.source));
  const sa = sourcesOf(a);
  const sb = sourcesOf(b);
  if ([...sa].every((s) => sb.has(s)) && [...sb].every((s) => sa.has(s))) return false;
  // One person's age, one actor's series in one period: the name is the link. A weight of one
  // person (told with the same height) likewise.
  if (/^(?:age|series)\|/.test(a.claims[0]!.key)) return true;
  if (a.claims[0]!.key.startsWith('weight|') && a.claims.some((x) => x.agent.length && b.claims.some((y) => y.sentence.source !== x.sentence.source && y.agent[0] === x.agent[0]))) return true;
  const linked = a.claims.some((x) =>
    b.claims.some((y) => {
      if (x.sentence.source === y.sentence.source) return false;
      const gx = groupOf.get(x.sentence.id);
      if (gx !== undefined && gx === groupOf.get(y.sentence.id)) return true;
      if (x.of.length && y.of.length && !x.of.some((w) => y.of.includes(w))) return false;
      if (x.years !== y.years) return false;
      // Two polls or studies by different bodies ("a Pew survey", "the Rasmussen poll")
      // measure different things, however alike the figures read.
      const px = pollsterOf(x.sentence.text);
      const py = pollsterOf(y.sentence.text);
      if (px && py && px !== py) return false;
      // Kinds of outcome ("killed", "evacuated") need one shared word of context; any other
      // count needs two ("seven flybys of Venus" and "24 flybys of the sun" share none), and
      // small counts of things, which name many different subsets, three.
      const small = Math.max(x.figure.value, y.figure.value) < 10 && !x.key.startsWith('rank|');
      // Words before the counted noun ("tank cars") are left out of the context, yet two
      // counts that share one describe the same kind of thing.
      const modifiers = x.phrase.slice(0, -1).filter((w) => y.phrase.slice(0, -1).includes(w)).length;
      // Both naming the figure by one measure ("the death toll ... surpassed 12,000", "the
      // death toll rose to 17,997") speak of the same running figure.
      const measure = x.phrase.length && x.phrase.length === 1 && y.phrase.length === 1 && x.phrase[0] === y.phrase[0] && MEASURE_STEMS.has(x.phrase[0]!) ? 1 : 0;
      return overlap(x.context, y.context) + modifiers + measure >= (x.isClass || x.key.startsWith('rank|') ? 1 : small ? 3 : 2);
    }),
  );
  return linked;
}

// Only measurements are kept apart: estimates of one toll by two bodies ("according to the
// ministry", "the observatory said") are the disagreement a reader needs to see.
const STUDY = '(?:poll|polls|survey|surveys|study|studies|census|index)';
const POLLSTER_BEFORE = new RegExp(`((?:\\p{Lu}[\\p{L}&.'-]*\\s+){1,4})${STUDY}\\b`, 'u');
const POLLSTER_AFTER = new RegExp(`\\b${STUDY}\\s+(?:by|from|of|for)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}&.'-]*\\s*){1,4})`, 'u');

/** The body named as the maker of a poll, study or estimate in a sentence, folded; null when none. */
function pollsterOf(text: string): string | null {
  const m = POLLSTER_BEFORE.exec(text) ?? POLLSTER_AFTER.exec(text);
  if (!m) return null;
  const name = m[1]!.trim().replace(/[’']s$/, '');
  // "A new survey", "The study": a sentence-initial capital is no name.
  if (/^(?:A|An|The|This|That|Its|Their|His|Her|New|Latest|In|On|But|And)$/.test(name)) return null;
  return name.toLowerCase();
}

function conflictOf(clusters: ValueCluster[], nature: 'update' | 'disagreement', dateOf: (c: Claim) => string | null): Conflict {
  const claims = clusters.flatMap((k) => k.claims);
  const first = (k: ValueCluster) => k.claims.map(dateOf).filter((d): d is string => !!d).sort()[0] ?? '9999';
  const ordered =
    nature === 'update'
      ? [...clusters].sort((a, b) => first(a).localeCompare(first(b)) || a.representative.value - b.representative.value)
      : [...clusters].sort((a, b) => a.representative.value - b.representative.value);
  if (claims[0].key.startsWith('rank|')) {
    const out = ordered.map((k) => ({ value: rankText(k.representative.value), citations: citationsOf(k.claims) }));
    return { topic: `which ${mostCommon(claims.map((c) => c.noun))}`, kind: 'quantity', nature, claims: out };
  }
  // One thing counted under two nouns is named by both ("objects or parts found").
  const nounText = /\|(?:kind|alias):/.test(claims[0].key) ? [...new Set(claims.map((c) => c.noun).filter(Boolean))].join(' or ') : mostCommon(claims.map((c) => c.noun).filter(Boolean));
  const eventText = mostCommon(claims.map((c) => c.event).filter(Boolean));
  const unit = claims[0].figure.unit;
  const topic = [nounText || (unit === 'money' ? 'sum' : unit === 'percent' ? 'share' : ''), eventText].filter(Boolean).join(' ');
  const out: ConflictClaim[] = ordered.map((k) => ({ value: claimText(k.claims[0].figure), citations: citationsOf(k.claims) }));
  return { topic, kind: 'quantity', nature, claims: out };
}

/**
 * Points on which the sources of a cluster differ: figures of the same thing ("delegates
 * invited", "people evacuated") and dates of the same event, each claim cited, each marked as a
 * disagreement or an update over time.
 */
export function findConflicts(docs: Doc[], context: ConflictContext): Conflict[] {
  const out = [...quantityConflicts(docs, context), ...findDateConflicts(docs, context)];
  // The memo's last use in a brief: let it go rather than keep up to TOKENS_MEMO_LIMIT texts'
  // tokens through the summary (some 70 MB live on a 1,800-article story).
  tokensMemo.clear();
  return out;
}
