// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980),
// in the rendering of Porter's own reference implementations (the ANSI C and Perl versions on
// his web page), which ROUGE-1.5.5 uses. They depart from the 1980 paper in three places:
//   - step 2 rewrites "-bli" to "-ble" (the paper: "-abli" to "-able"), so "possibly" -> "possibl";
//   - step 2 adds "-logi" -> "-log", so "archaeology" -> "archaeolog";
//   - words of one or two letters are returned unchanged.
// A second variant, `porterStemNltk`, reproduces the extensions of NLTK's PorterStemmer in its
// default mode, which the Python rouge_score package uses; "rs"-style ROUGE needs it to
// reproduce rouge_score's figures.
//
// Input is expected lower-case a-z (digits are treated as consonants, as in the reference code).

type Mode = 'reference' | 'nltk' | 'rouge155' | 'paper';

/** True when word[i] is a consonant in Porter's sense: y is a consonant at the start or after a vowel. */
function isConsonant(word: string, i: number): boolean {
  const ch = word[i];
  if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') return false;
  if (ch === 'y') return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** Porter's measure m of a stem: the number of vowel-consonant sequences, [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** *d: the stem ends with a double consonant. */
function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(stem: string, mode: Mode): boolean {
  const n = stem.length;
  if (n >= 3) {
    const last = stem[n - 1];
    return (
      isConsonant(stem, n - 3) &&
      !isConsonant(stem, n - 2) &&
      isConsonant(stem, n - 1) &&
      last !== 'w' &&
      last !== 'x' &&
      last !== 'y'
    );
  }
  // NLTK also counts a two-letter vowel-consonant stem ("at" + e -> "ate" etc.).
  return mode === 'nltk' && n === 2 && !isConsonant(stem, 0) && isConsonant(stem, 1);
}

type Condition = (stem: string) => boolean;
type Rule = readonly [suffix: string, replacement: string, condition: Condition];

const positiveMeasure: Condition = (stem) => measure(stem) > 0;
const measureAboveOne: Condition = (stem) => measure(stem) > 1;

/**
 * Applies the first rule whose suffix the word ends with (rules are listed so that a longer
 * suffix comes before any shorter one it contains). When that rule's condition fails, the word
 * is left as it is: no shorter suffix is tried, as in the reference code.
 */
function applyFirstMatching(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

function step1a(word: string, mode: Mode): string {
  // NLTK: "ties" -> "tie", "dies" -> "die" rather than "ti", "di".
  if (mode === 'nltk' && word.length === 4 && word.endsWith('ies')) return word.slice(0, -3) + 'ie';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function step1b(word: string, mode: Mode): string {
  if (mode === 'nltk' && word.endsWith('ied')) {
    return word.length === 4 ? word.slice(0, -3) + 'ie' : word.slice(0, -3) + 'i';
  }
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? word.slice(0, -1) : word;
  }
  let stem: string | null = null;
  if (word.endsWith('ed')) stem = word.slice(0, -2);
  else if (word.endsWith('ing')) stem = word.slice(0, -3);
  if (stem === null || !hasVowel(stem)) return word;
  // The second part of step 1b, applied only when "-ed" or "-ing" was removed.
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === 'l' || last === 's' || last === 'z' ? stem : stem.slice(0, -1);
  }
  if (measure(stem) === 1 && endsCvc(stem, mode)) return stem + 'e';
  return stem;
}

function step1c(word: string, mode: Mode): string {
  if (!word.endsWith('y')) return word;
  const stem = word.slice(0, -1);
  // NLTK: y -> i only after a consonant that is not the whole stem ("happy" -> "happi",
  // "enjoy" stays); the reference code: whenever the stem has a vowel.
  const applies =
    mode === 'nltk' ? stem.length > 1 && isConsonant(stem, stem.length - 1) : hasVowel(stem);
  return applies ? stem + 'i' : word;
}

const STEP2_COMMON: readonly Rule[] = [
  ['ational', 'ate', positiveMeasure],
  ['tional', 'tion', positiveMeasure],
  ['enci', 'ence', positiveMeasure],
  ['anci', 'ance', positiveMeasure],
  ['izer', 'ize', positiveMeasure],
  ['bli', 'ble', positiveMeasure],
  ['alli', 'al', positiveMeasure],
  ['entli', 'ent', positiveMeasure],
  ['eli', 'e', positiveMeasure],
  ['ousli', 'ous', positiveMeasure],
  ['ization', 'ize', positiveMeasure],
  ['ation', 'ate', positiveMeasure],
  ['ator', 'ate', positiveMeasure],
  ['alism', 'al', positiveMeasure],
  ['iveness', 'ive', positiveMeasure],
  ['fulness', 'ful', positiveMeasure],
  ['ousness', 'ous', positiveMeasure],
  ['aliti', 'al', positiveMeasure],
  ['iviti', 'ive', positiveMeasure],
  ['biliti', 'ble', positiveMeasure],
];

const STEP2_REFERENCE: readonly Rule[] = [...STEP2_COMMON, ['logi', 'log', positiveMeasure]];

// The 1980 paper's step 2: "-abli" -> "-able" where the reference code has "-bli" -> "-ble",
// and no "-logi" rule.
const STEP2_PAPER: readonly Rule[] = STEP2_COMMON.map(
  (rule): Rule => (rule[0] === 'bli' ? ['abli', 'able', positiveMeasure] : rule),
);

function step2(word: string, mode: Mode): string {
  if (mode === 'paper') return applyFirstMatching(word, STEP2_PAPER);
  if (mode !== 'nltk') return applyFirstMatching(word, STEP2_REFERENCE);
  // NLTK applies "-alli" -> "-al" first and then step 2 again on the result.
  if (word.endsWith('alli') && positiveMeasure(word.slice(0, -4))) return step2(word.slice(0, -2), mode);
  // NLTK adds "-fulli" -> "-ful", and "-logi" -> "-log" measured with the "l" kept in the stem
  // (so that "geology" conflates with "geolog" too).
  return applyFirstMatching(word, [
    ...STEP2_COMMON,
    ['fulli', 'ful', positiveMeasure],
    ['logi', 'log', () => positiveMeasure(word.slice(0, -3))],
  ]);
}

const STEP3: readonly Rule[] = [
  ['icate', 'ic', positiveMeasure],
  ['ative', '', positiveMeasure],
  ['alize', 'al', positiveMeasure],
  ['iciti', 'ic', positiveMeasure],
  ['ical', 'ic', positiveMeasure],
  ['ful', '', positiveMeasure],
  ['ness', '', positiveMeasure],
];

const STEP4: readonly Rule[] = [
  ['al', '', measureAboveOne],
  ['ance', '', measureAboveOne],
  ['ence', '', measureAboveOne],
  ['er', '', measureAboveOne],
  ['ic', '', measureAboveOne],
  ['able', '', measureAboveOne],
  ['ible', '', measureAboveOne],
  ['ant', '', measureAboveOne],
  ['ement', '', measureAboveOne],
  ['ment', '', measureAboveOne],
  ['ent', '', measureAboveOne],
  // "-ion" goes only after s or t: (m>1 and (*S or *T)) ION ->
  ['sion', 's', (stem) => measure(stem + 's') > 1],
  ['tion', 't', (stem) => measure(stem + 't') > 1],
  ['ou', '', measureAboveOne],
  ['ism', '', measureAboveOne],
  ['ate', '', measureAboveOne],
  ['iti', '', measureAboveOne],
  ['ous', '', measureAboveOne],
  ['ive', '', measureAboveOne],
  ['ize', '', measureAboveOne],
];

/**
 * Step 4 in the reference code picks the candidate suffix by the word's last letters; the
 * rules here are ordered so that, among suffixes a word can end with, the longest comes first
 * ("ement" before "ment" before "ent"), which selects the same suffix.
 */
function step4(word: string, mode: Mode): string {
  if (mode !== 'rouge155') return applyFirstMatching(word, STEP4);
  // ROUGE-1.5.5's copy of Porter's Perl stemmer carries a change by its author (C.-Y. Lin,
  // 2004-02-14): the step runs as three tries in sequence, each on the result of the one
  // before: (1) the list without "-ment" and "-ent"; (2) "-ment"; (3) "-ent", or else
  // "-(s|t)ion". So "governmental" -> "government" -> "govern" and "traditional" ->
  // "tradition" -> "tradit", where Porter's code stops after one removal.
  let w = applyFirstMatching(
    word,
    STEP4.filter(([suffix]) => suffix !== 'ment' && suffix !== 'ent' && suffix !== 'sion' && suffix !== 'tion'),
  );
  w = applyFirstMatching(w, [['ment', '', measureAboveOne]]);
  w = applyFirstMatching(w, [
    ['ent', '', measureAboveOne],
    ['sion', 's', (stem) => measure(stem + 's') > 1],
    ['tion', 't', (stem) => measure(stem + 't') > 1],
  ]);
  return w;
}

function step5(word: string, mode: Mode): string {
  let w = word;
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem, mode))) w = stem;
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

function stemWith(word: string, mode: Mode): string {
  // The reference code leaves words of one or two letters alone; the paper has no such rule.
  if (word.length <= 2 && mode !== 'paper') return word;
  let w = word;
  w = step1a(w, mode);
  w = step1b(w, mode);
  w = step1c(w, mode);
  w = step2(w, mode);
  w = step3(w);
  w = step4(w, mode);
  w = step5(w, mode);
  return w;
}

function step3(word: string): string {
  return applyFirstMatching(word, STEP3);
}

/**
 * The stem ROUGE-1.5.5 gives a word (before its exception list is consulted): Porter's
 * reference rules with the script's own sequential step 4 (see step4).
 */
export function porterStemRouge155(word: string): string {
  return stemWith(word, 'rouge155');
}

/** The stem by the rules of the 1980 paper exactly, without the reference code's departures. */
export function porterStemPaper(word: string): string {
  return stemWith(word, 'paper');
}

/** The Porter stem of a lower-case word, as Martin Porter's reference implementation gives it. */
export function porterStem(word: string): string {
  return stemWith(word, 'reference');
}

// NLTK's irregular forms, looked up before any rule (its default NLTK_EXTENSIONS mode).
const NLTK_IRREGULAR = new Map<string, string>([
  ['skies', 'sky'],
  ['sky', 'sky'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['news', 'news'],
  ['innings', 'inning'],
  ['inning', 'inning'],
  ['outings', 'outing'],
  ['outing', 'outing'],
  ['cannings', 'canning'],
  ['canning', 'canning'],
  ['howe', 'howe'],
  ['proceed', 'proceed'],
  ['exceed', 'exceed'],
  ['succeed', 'succeed'],
]);

/**
 * The stem NLTK's PorterStemmer gives in its default mode (what the Python rouge_score package
 * stems with): the reference algorithm plus NLTK's irregular forms and rule changes.
 */
export function porterStemNltk(word: string): string {
  const irregular = NLTK_IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  return stemWith(word, 'nltk');
}
