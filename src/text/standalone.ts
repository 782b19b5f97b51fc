// How well a sentence reads on its own, lifted out of its article: a multiplier in [0, 1] on
// what the sentence adds to a summary. 0 means never pick it (page furniture, fragments).
// The rules are about the form of a sentence, not about any story: extractive summaries read
// badly when they hold dangling references ("He said...") or web debris (captions, bylines,
// "Click here"), the failure modes catalogued for extractive multi-document summaries by
// Nenkova & McKeown (2011, "Automatic Summarization", ch. 4: linguistic quality).
// It belongs to the text stage because every part of a briefing that shows a sentence alone
// asks it: the summary, the timeline and each source's "only this source reports" list.

import type { Doc, Sentence } from '../types.js';

/** Sentences opening with these lean on the sentence before them. */
const DEPENDENT_OPENERS = new Set([
  'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their', 'this', 'that', 'these', 'those',
  'but', 'and', 'or', 'so', 'yet', 'however', 'also', 'still', 'then', 'meanwhile', 'instead', 'moreover',
  'furthermore', 'nevertheless', 'thus', 'therefore', 'besides', 'otherwise', 'such', 'there', 'here',
  'both', 'neither', 'nor', 'another', 'later', 'afterward', 'afterwards', 'likewise', 'similarly',
  'we', 'i', 'you', 'our', 'my', 'your', 'other', 'others', 'indeed', 'anyway', 'plus', 'again', 'too',
]);
// Not here: "if", "although", "because", "while" open a subordinate clause whose main clause
// follows in the same sentence ("Although the storm weakened, ..."): no reference backwards.

/**
 * Phrases that mark page furniture rather than reporting (navigation, sharing, credits, ads).
 * Each needs the page's own wording around the word, so that a story about copyright, cookies
 * or a newsletter is not mistaken for the page's footer.
 */
const FURNITURE = [
  /\bclick here\b/i, /\bsign up (for|to)\b/i, /\bsubscribe (to (our|the)|now|here|today)\b/i,
  /\b(our|daily|weekly|free) newsletters?\b/i, /\ball rights reserved\b/i, /\bcopyright\s*(©|\(c\)|\d{4})/i, /©/,
  /\bfollow (us|him|her|them) (on|@)/i, /\bshare (this (article|story|post)|on (facebook|twitter))\b/i,
  /^read more\b/i, /\bread more:/i, /\brelated:/i, /^advertisement\b/i,
  /\b(photo|image|video|file photo|credit)s?:/i, /\bgetty images\b/i,
  /\bassociated press contributed\b/i, /\bcontributed to this report\b/i, /\b(reporting|editing|writing) by\b/i,
  /\bemail (us|the author)\b/i, /\b(accept|enable|use of) cookies\b/i, /\b(enable|disabled?|requires?) javascript\b/i,
  /\bjavascript (is )?(disabled|required)\b/i,
  /\bterms of (use|service)\b/i, /\bprivacy policy\b/i, /\bcomments? (are|is) (moderated|closed)\b/i,
  /\b(in the )?comments below\b/i,
  /\b(enlarge|toggle) (this )?(image|caption)\b/i, /\bhide caption\b/i, /\bwatch:/i, /\blisten:/i,
  /\bplease (enable|note that comments)\b/i, /\bthis (article|story) (was|has been) (updated|corrected)\b/i,
];

// One pass instead of one test per pattern: the sentence is checked against their union.
const ANY_FURNITURE = new RegExp(FURNITURE.map((re) => `(?:${re.source})`).join('|'), 'i');

const ATTRIBUTION = /\b(said|says|say|told|tells|according to|asked|added|adds|wrote|writes|explained|explains|stated|noted|notes)\b/i;
// Photo captions in agency style: "FILE - In this ... photo, ...", "(AP Photo/...)", or a scene
// described and then dated with weekday, month, day and year ("..., Friday, May 2, 2014.").
const CAPTION = [
  /^FILE\s*[-–—]/,
  /\((AP|AFP|Reuters|Getty) Photo/i,
  /\bphoto\s*\/\s*[A-Z]/,
  /,\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{1,2},?\s+(19|20)\d\d\s*\.?["”’)]*$/,
];

const TERMINAL = /[.!?]["'”’)\]]*$/;
const LOWER_CASE_WORD = /(?:^|\s)[("“'‘]?\p{Ll}/gu;

export interface QualityOptions {
  /** Shortest sentence worth a place, in words. */
  minWords: number;
  /** The sentence before it in its article comes right before it in the summary too. */
  afterPredecessor?: boolean;
}

/** After an opening "the", these nouns stand for someone or something named before ("The man, ..."). */
const ANAPHORIC_NOUNS = new Set([
  'man', 'woman', 'boy', 'girl', 'men', 'women', 'couple', 'pair', 'latter', 'former', 'victim', 'victims',
  'suspect', 'move', 'incident', 'same', 'two', 'three',
]);

/**
 * True when the sentence is the tail of a quotation begun before it: a closing quotation mark
 * with no opening one before it.
 */
export function closesUnopenedQuote(text: string): boolean {
  let open = false;
  let straight = 0;
  for (const ch of text) {
    if (ch === '“') open = true;
    else if (ch === '”') {
      if (!open) return true;
      open = false;
    } else if (ch === '"') straight++;
  }
  if (straight % 2 === 0) return false;
  // An odd number of straight quotes: the first one closes when it hangs on a word and is
  // followed by a space, punctuation or the end ('... that," he said.'), and opens otherwise
  // ('He called it "a disgrace.').
  const first = text.indexOf('"');
  return first > 0 && /\S/.test(text[first - 1]!) && (first + 1 === text.length || /[\s,.;:!?)]/.test(text[first + 1]!));
}

/**
 * For each sentence of an article (in order), whether it begins inside a quotation opened by an
 * earlier sentence of its paragraph ('"This was a test. And we did not see it. And ...," she
 * said.'): a piece of someone's words cut from its speaker, which cannot stand alone.
 */
export function startsInsideQuotation(sentences: readonly { text: string; paragraph: number }[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  let paragraph = -1;
  for (const s of sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      open = false;
    }
    inside.push(open);
    for (const ch of s.text) {
      if (ch === '“' || ch === '«') open = true;
      else if (ch === '”' || ch === '»') open = false;
      else if (ch === '"') open = !open;
    }
  }
  return inside;
}

/** True when the sentence opens with words that point back to the sentence before it. */
export function leansOnPrevious(tokens: string[]): boolean {
  const first = tokens[0] ?? '';
  if (DEPENDENT_OPENERS.has(first)) return true;
  if (first === 'the' && placedByAnother(tokens)) return true;
  if (first !== 'the' || !ANAPHORIC_NOUNS.has(tokens[1] ?? '')) return false;
  // "The former said ..." points back; "The former mayor died ..." names someone.
  return !PRONOUN_ADJECTIVES.has(tokens[1]!) || FORMER_FOLLOWERS.has(tokens[2] ?? '');
}

/**
 * "The talks came after ...", "The new diplomatic push comes as ...", "The decision follows ...":
 * a definite subject of a few words placed in time against another event is the event the
 * sentence before told (news writes the event, then "The X came after Y").
 */
function placedByAnother(tokens: string[]): boolean {
  for (let k = 2; k <= 6 && k < tokens.length; k++) {
    const w = tokens[k]!;
    if (w === 'follows' || w === 'followed' || w === 'coincided' || w === 'coincides') return true;
    if ((w === 'came' || w === 'comes') && TIME_LINKS.has(tokens[k + 1] ?? '')) return true;
    if (CLAUSE_BREAKS.has(w)) return false;
  }
  return false;
}
const TIME_LINKS = new Set(['after', 'as', 'amid', 'just', 'only', 'shortly', 'days', 'weeks', 'hours', 'months', 'a', 'one', 'two', 'less', 'barely', 'following', 'despite', 'soon', 'hard', 'on', 'before', 'ahead']);
/** Words that end the subject: past them the verb is not the subject's. */
const CLAUSE_BREAKS = new Set(['said', 'says', 'that', 'which', 'who', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'and']);

/** "the former", "the latter": a pronoun alone, an adjective before a noun. */
const PRONOUN_ADJECTIVES = new Set(['former', 'latter']);
/** Words after "the former" / "the latter" that show it stands alone as the subject. */
const FORMER_FOLLOWERS = new Set(['', 'said', 'says', 'told', 'was', 'is', 'has', 'had', 'will', 'would', 'who', 'also', 'then', 'however', 'added', 'insisted', 'denied']);

/** Word count as the budget counts it: whitespace-separated tokens of the sentence text. */
export function budgetWords(text: string): number {
  // The non-empty pieces of text.split(/\s+/), counted as runs of non-space characters.
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The characters of a regular expression's \s, by code. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A multiplier in [0, 1] for how well `text` stands alone as a summary sentence.
 * `tokens` are its lower-cased word tokens.
 */
export function standaloneQuality(text: string, tokens: string[], options: QualityOptions): number {
  const trimmed = text.trim();
  const words = budgetWords(trimmed);
  if (words < options.minWords || tokens.length < options.minWords - 1) return 0;
  if (ANY_FURNITURE.test(trimmed)) return 0;
  for (const re of CAPTION) if (re.test(trimmed)) return 0;
  // A run of capitalised words with no lower-case word is a headline, caption credit or dateline.
  const lowerWords = trimmed.match(LOWER_CASE_WORD)?.length ?? 0;
  if (lowerWords < Math.max(2, words * 0.25)) return 0;
  // Ending on a colon, a sentence announces what follows it (a list, a quotation, a table) and
  // says nothing alone: "The Latest on the talks (all times local):".
  if (/:["'”’)]*$/.test(trimmed)) return 0;
  let q = 1;
  // Truncated teasers ("His ...") and sentences without an end are usually fragments or captions.
  if (/(\.\.\.|…)["'”’)]*$/.test(trimmed)) q *= 0.1;
  else if (!TERMINAL.test(trimmed)) q *= 0.4;
  if (/\|/.test(trimmed)) q *= 0.3;
  const quoted = /^["“‘']/.test(trimmed);
  // Inside a quotation "we" or "it" belong to the speaker, not to the sentence before.
  if (!options.afterPredecessor && !quoted && leansOnPrevious(tokens)) q *= 0.6;
  // A quotation with no speaker in view reads as out of context; one that names its speaker
  // ("...," the mayor said) stands on its own.
  if (quoted && !ATTRIBUTION.test(trimmed)) q *= 0.6;
  if (/\?["'”’)]*$/.test(trimmed)) q *= 0.6;
  // The tail of a quotation begun in an earlier sentence ('... doing that," he said.') reads as a
  // fragment without its opening: the same flaw as a dangling opener, but worse, since the
  // reader cannot even tell where the quoted words began.
  if (!options.afterPredecessor && closesUnopenedQuote(trimmed)) q *= 0.3;
  // A very long sentence costs a lot of budget; a very short one is often a fragment.
  if (words < 8) q *= 0.7;
  // Opening in lower case: the tail of a sentence split in the wrong place, or a list item.
  if (/^[("“'‘]?\p{Ll}/u.test(trimmed)) q *= 0.5;
  return q;
}

// "... Erdogan, RouhaniThe country ...": a heading glued to the first sentence by scraping (a
// lower-case letter, then a capital opening a common sentence word, inside one token).
const GLUED_HEADING = /\p{Ll}(?:The|A|An|In|On|At|He|She|It|They|This|That|But|And|As|For|After|When)\s/u;
// "Jane Roe / Agency file", "Photo: Jane Roe/Agency": a photographer's credit.
const PHOTO_CREDIT = /^(?:\p{Lu}[\p{L}.'’-]+\s){1,3}\/\s?\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}?[\p{L}&.-]*){0,3}(?:\s+(?:file|pool|via\b.*))?\s*$|\b\p{Lu}[\p{L}'’-]+\s\/\s(?:AP|AFP|Reuters|Getty|EPA|Bloomberg)\b/u;
// "CITY/OTHER CITY, Country Search teams ...", "LAGOS, Nigeria (AP) _ ": a dateline left on the sentence.
const DATELINE_LEFT = /^\p{Lu}{2,}[\p{Lu}\s.'’-]*(?:\/\p{Lu}{2,}[\p{Lu}\s.'’-]*)*,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?\s(?:\([\p{L}-]+\)\s)?(?:[_—–-]{1,2}\s)?\p{Lu}|^\p{Lu}{2,}[\p{Lu}\s.'’-]*(?:\s\([\p{L}-]+\))?\s(?:_|--|—)\s/u;

/** A photo caption, a photographer's credit, a dateline or a glued heading: never a summary sentence or a title. */
export function isPageDebris(text: string): boolean {
  const t = text.trim();
  return GLUED_HEADING.test(t) || PHOTO_CREDIT.test(t) || DATELINE_LEFT.test(t) || CAPTION.some((re) => re.test(t));
}

/**
 * standaloneQuality of a sentence that may follow its predecessor (`leans`: it needs to), or 0
 * when it cannot be shown at all (standsAlone with its predecessor fails): the summarizer's one
 * quality pass per sentence.
 */
export function shownQuality(sentence: { text: string; tokens: string[] }, minWords: number, leans: boolean): number {
  const q = standaloneQuality(sentence.text, sentence.tokens, { minWords, afterPredecessor: leans });
  // Which sentences get 0 does not depend on afterPredecessor, and a higher minWords only adds
  // zeros: at minWords >= 4 this already holds standsAlone's own quality test.
  if (q === 0) return 0;
  if (minWords < 4 && standaloneQuality(sentence.text, sentence.tokens, { minWords: 4, afterPredecessor: true }) === 0) return 0;
  return isPageDebris(sentence.text) ? 0 : q;
}

/**
 * Whether a sentence can be shown on its own, away from its article (in a summary, a
 * timeline item, a title or a source's "only here" list): not page furniture, a caption, a
 * photographer's credit, a dateline or a glued heading; not the tail of a quotation begun
 * before it; and, unless the sentence before it in its article is shown right before it
 * (`withPredecessor`), not opening with words that point back to that sentence ("He said ...",
 * "The talks came after ...", "And ...", "This time, ...").
 */
export function standsAlone(sentence: { text: string; tokens: string[] }, withPredecessor = false): boolean {
  const text = sentence.text.trim();
  if (standaloneQuality(text, sentence.tokens, { minWords: 4, afterPredecessor: withPredecessor }) === 0) return false;
  if (isPageDebris(text)) return false;
  if (withPredecessor) return true;
  if (closesUnopenedQuote(text)) return false;
  const quoted = /^["“‘']/.test(text);
  return quoted || !leansOnPrevious(sentence.tokens);
}

/**
 * For each sentence of an article (in order), whether it can be shown alone: it stands alone
 * (standsAlone) and does not begin inside a quotation opened by an earlier sentence.
 */
export function shownAlone(sentences: readonly { text: string; tokens: string[]; paragraph: number }[]): boolean[] {
  const inside = startsInsideQuotation(sentences);
  return sentences.map((s, i) => !inside[i] && standsAlone(s));
}

/**
 * Whether a sentence of `docs` can be shown alone (shownAlone), its article's flags computed the
 * first time one of its sentences is asked about: callers ask about a few sentences of many articles.
 */
export function aloneInDocs(docs: readonly Doc[]): (sentence: Sentence) => boolean {
  const docOf = new Map(docs.map((d) => [d.article.id, d]));
  const flagsOf = new Map<string, boolean[]>();
  return (sentence) => {
    let flags = flagsOf.get(sentence.source);
    if (!flags) flagsOf.set(sentence.source, (flags = shownAlone(docOf.get(sentence.source)?.sentences ?? [])));
    return flags[sentence.index] ?? true;
  };
}
