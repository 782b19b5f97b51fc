// Sentence boundaries for news text. Rule-based, in the spirit of Punkt (Kiss & Strunk 2006):
// a period is a boundary unless the word before it is a known abbreviation, an initial, or a
// dotted acronym followed by a word that does not usually start a sentence.

/** Abbreviations that are (almost) never the end of a sentence: a period after them is not a boundary. */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gov', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj',
  'adm', 'cmdr', 'cdr', 'st', 'ste', 'mt', 'ft', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'atty', 'amb',
  'messrs', 'mme', 'mlle', 'fr', 'vs', 'v', 'vol', 'fig', 'approx', 'ca', 'cf',
  'dept', 'univ', 'assn', 'e.g', 'i.e', 'al', 'ave', 'blvd', 'hwy', 'pp',
]);

/** Month and weekday abbreviations: a boundary only when the next word clearly starts a sentence. */
const DATE_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Abbreviations that often end a sentence too: a boundary when the next word starts one. */
const COMPANY_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'etc', 'a.m', 'p.m', 'p.m.', 'a.m.']);

/** Words that commonly open a sentence: after an ambiguous abbreviation they signal a boundary. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'this',
  'that', 'these', 'those', 'there', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'as', 'after',
  'before', 'when', 'while', 'if', 'since', 'although', 'though', 'however', 'meanwhile', 'still', 'also',
  'many', 'some', 'most', 'no', 'one', 'two', 'officials', 'police', 'what', 'who', 'why', 'how', 'earlier',
  'later', 'last', 'next', 'now', 'then', 'both', 'each', 'all', 'another', 'other', 'such', 'during', 'under',
  'according', 'despite', 'with', 'without', 'from', 'by', 'to', 'among', 'until', 'more', 'several',
]);

const SPEECH_VERBS = String.raw`(?:said|says|asked|asks|added|adds|told|tells|shouted|shouts|yelled|wrote|writes|declared|exclaimed|replied|cried)`;
/** After a closing quote: a name of one to three capitalised words (or a pronoun) and a speech verb, or the verb first. */
const SPEAKER_FOLLOWS = new RegExp(
  String.raw`^\s+(?:(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}${SPEECH_VERBS}\b|${SPEECH_VERBS}\s+\p{Lu})`,
  'u',
);

const OPENERS = `"'“‘(\\[`;
const CLOSERS = `"'”’)\\]`;

export interface Span {
  start: number;
  end: number;
}

function wordBefore(text: string, dot: number): string {
  // The token that ends at the period (letters and inner periods, e.g. "U.S", "p.m", "Jan").
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

function wordAfter(text: string, from: number): string {
  const m = /^[\s]*["'“‘(\[]*([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 40));
  return m ? m[1]! : '';
}

function isUpperStart(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/** Decides whether the period at `dot` (followed by whitespace) ends a sentence. */
function periodEndsSentence(text: string, dot: number, after: number): boolean {
  const next = wordAfter(text, after);
  if (!next) return true;
  if (!isUpperStart(next)) return false;
  const before = wordBefore(text, dot);
  const lower = before.toLowerCase();
  const nextIsStarter = SENTENCE_STARTERS.has(next.toLowerCase());
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  // "No. 10", "Nos. 3 and 4": a number sign, not the word "no".
  if ((before === 'No' || before === 'Nos') && /^\p{N}/u.test(next)) return false;
  if (DATE_ABBREVIATIONS.has(lower)) return nextIsStarter;
  if (COMPANY_ABBREVIATIONS.has(lower)) return nextIsStarter;
  // A single capital initial: "George W. Bush", "J. K. Rowling".
  if (/^\p{Lu}$/u.test(before)) return false;
  // A dotted acronym ("U.S.", "U.N."): a boundary only before a typical sentence opener.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return nextIsStarter;
  return true;
}

/**
 * Splits a paragraph-free stretch of text into sentence spans (offsets into `text`), trimmed of
 * surrounding whitespace. Line breaks always end a sentence: scraped text puts one item a line
 * (cleaning has already joined the lines of hard-wrapped paragraphs).
 */
export function splitSentences(text: string, offset = 0, limit = text.length): Span[] {
  const spans: Span[] = [];
  let start = offset;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
    else if (e > s && spans.length > 0) spans[spans.length - 1]!.end = e; // stray punctuation joins the previous sentence
  };
  for (let i = offset; i < limit; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Extend over repeated terminators and closing quotes/brackets: `?!`, `."`, `.)`.
    let j = i + 1;
    while (j < limit && /[.!?…]/.test(text[j]!)) j++;
    while (j < limit && CLOSERS.includes(text[j]!)) j++;
    if (j < limit && !/\s/.test(text[j]!)) {
      // Glued sentences from scraping ("al-Assad.The boycott"): a lower-case word, a period, then a
      // capitalised word with lower case after it. Not "U.S.-led", "3.5", "Amazon.com".
      if (c === '.' && j === i + 1 && /\p{Ll}{2}$/u.test(text.slice(Math.max(offset, i - 2), i)) && /^\p{Lu}\p{Ll}/u.test(text.slice(j, j + 2)) && !/[\p{L}]\.\p{L}+\.$/u.test(wordBefore(text, i) + '.')) {
        push(j);
        start = j;
      } else if (j > i + 1 && /\p{Ll}{2}$/u.test(text.slice(Math.max(offset, i - 2), i)) && /^\p{Lu}\p{Ll}/u.test(text.slice(j, j + 2))) {
        // Glued after a quotation mark ('into law."The', 'seem."It sucks," she said'): the mark
        // closes a quotation left open earlier in the paragraph (quotes run over sentences),
        // else it opens the next sentence.
        const mark = text[i + 1]!;
        const opensNext = mark === '“' || (mark === '"' && (text.slice(offset, i).split('"').length - 1) % 2 === 0);
        const cut = opensNext && j === i + 2 ? i + 1 : j;
        push(cut);
        start = cut;
      }
      i = j - 1;
      continue;
    }
    let ends = true;
    if (c === '.' && j === i + 1) ends = periodEndsSentence(text, i, j);
    else if (c === '.' && CLOSERS.includes(text[i + 1] ?? '')) ends = isUpperStart(wordAfter(text, j));
    else {
      // "!" / "?" / "…": a boundary unless the next word is lower case ("'Why?' he asked.").
      // A quotation closed by "!" or "?" and followed by its speaker and a speech verb
      // ('... my type!" Trump said', '... ready?" asked Jane Roe') goes on.
      const next = wordAfter(text, j);
      ends = !next || (isUpperStart(next) && !(CLOSERS.includes(text[j - 1]!) && SPEAKER_FOLLOWS.test(text.slice(j, j + 80))));
    }
    if (ends) {
      push(j);
      start = j;
    }
    i = j - 1;
  }
  push(limit);
  return spans;
}

export { OPENERS };
