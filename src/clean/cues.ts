// Small text cues shared by the cleaning rules.

// Chinese and Japanese write no spaces: each ideograph or kana counts as a word, so that
// their paragraphs are not mistaken for one-word labels.
const HAS_IDEOGRAPHS = /[\u3040-\u30ff\u3400-\u9fff]/;
const IDEOGRAPH_OR_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Words as a reader counts them (runs of letters or digits). */
export function words(text: string): string[] {
  return text.match(HAS_IDEOGRAPHS.test(text) ? IDEOGRAPH_OR_WORD : WORD) ?? [];
}

/**
 * Whether `text` has at least `n` words (as `words` counts them). Stops counting at `n`: the
 * cleaning stage asks this of whole articles, where counting every word cost more than the
 * question is worth.
 */
export function hasAtLeastWords(text: string, n: number): boolean {
  if (n <= 0) return true;
  const re = new RegExp(HAS_IDEOGRAPHS.test(text) ? IDEOGRAPH_OR_WORD : WORD);
  let count = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (++count >= n) return true;
  return false;
}

/**
 * Words of a text made by `comparable` (letters and digits separated by single spaces): every
 * space-separated piece is one word, unless the text holds ideographs, which count one each.
 */
export function comparableWordCount(key: string): number {
  if (HAS_IDEOGRAPHS.test(key)) return wordCount(key);
  if (key === '') return 0;
  let n = 1;
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) n++;
  return n;
}

// Every rule asks for the word count of the blocks it looks at: remember the answers
// (bounded, so a long-running server does not grow without end).
const wordCounts = new Map<string, number>();

export function wordCount(text: string): number {
  let n = wordCounts.get(text);
  if (n === undefined) {
    if (wordCounts.size > 20000) wordCounts.clear();
    n = words(text).length;
    wordCounts.set(text, n);
  }
  return n;
}

/** Ends the way a sentence ends, closing quotes and brackets allowed after the mark. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;。！？：]["'”’»)\]」』）]*\s*$/u.test(text) || /["”»」』]\s*$/u.test(text);
}

/**
 * A block that reads as running prose: enough words and a sentence ending. Headlines, widget
 * labels and credits fail one of the two.
 */
export function isProse(text: string, minWords = 8): boolean {
  return wordCount(text) >= minWords && endsLikeSentence(text);
}

// Several rules compare every block (duplicates, truncated teasers, the repeated headline),
// and the retries of cleanArticle run them again: remember the answers, bounded like the
// word counts. Text in plain ASCII takes a simpler pattern (letters and digits of ASCII are
// a-z and 0-9 once lower-cased), which runs several times faster than the Unicode classes.
const comparables = new Map<string, string>();
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cased letters and digits only, for comparing a line with the title. */
export function comparable(text: string): string {
  let out = comparables.get(text);
  if (out === undefined) {
    if (comparables.size > 20000) comparables.clear();
    const lower = text.toLowerCase();
    out = (NON_ASCII.test(lower) ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ') : lower.replace(/[^a-z0-9]+/g, ' ')).trim();
    comparables.set(text, out);
  }
  return out;
}

/** Every word starts with a capital (or is a short joining word): names, titles, mastheads. */
export function isTitleCased(text: string): boolean {
  const ws = words(text);
  if (ws.length === 0) return false;
  const joiners = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'al', 'von', 'van', 'da', 'bin', 'la', 'le', 'y', 'del', 'du']);
  return ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || joiners.has(w.toLowerCase()) || /^al-/i.test(w));
}

/** No lower-case letters at all (and some letters): "APD NEWS", "IMMEDIATE BREAKTHROUGHS". */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Starts like a sentence of the article would: a capital, a digit or an opening quote. */
export function startsLikeSentence(text: string): boolean {
  return /^["“‘'(]?[\p{Lu}\p{N}]/u.test(text);
}

// Abbreviations a sentence does not end on, so "Sen. Jane Doe" or "Mt. Hood" are not cut.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj pres st mt ft jr sr inc corp co ltd no vs etc ave blvd rd dept univ jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo fig figs al eq vol pp cf approx est gen sp nov'.split(
    ' ',
  ),
);

/** The first sentence of a paragraph: up to a full stop that is not an abbreviation's. */
export function firstSentence(paragraph: string): string {
  const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = boundary.exec(paragraph); m !== null; m = boundary.exec(paragraph)) {
    if (m[0].startsWith('.')) {
      const word = /(\S+)$/.exec(paragraph.slice(0, m.index))?.[1] ?? '';
      // "J." (an initial), "U.S." (an initialism), "Sen." (a title or a state).
      if (/^\p{L}$/u.test(word) || /\p{L}\.\p{L}/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    return paragraph.slice(0, m.index + m[0].length);
  }
  return paragraph;
}
