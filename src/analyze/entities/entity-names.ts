// Comparing name forms: diacritics folded, a phonetic key, and an edit distance, so that
// "Lavrentyev" and "Lavrentiev", "Gutteres" and "Guterres", "Aleksandr" and "Alexander" are read
// as one name, while "Lavrov" and "Shoigu", or "Iran" and "Iraq", are not.

/** A bounded memo: name forms repeat across a cluster, and folding/keys are costly string work. */
function memo<T>(fn: (word: string) => T, limit = 50_000): (word: string) => T {
  const cache = new Map<string, T>();
  return (word: string) => {
    let v = cache.get(word);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      v = fn(word);
      cache.set(word, v);
    }
    return v;
  };
}

/** Lower case, diacritics removed, apostrophes dropped. */
export const fold = memo((word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'´`.]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss'),
);

/**
 * A spelling normalised for transliteration: the letters that vary between romanisations of one
 * name are mapped to one ("x" -> "ks", "y" between letters -> "i", "ph" -> "f", "w" -> "v",
 * "c" before a, o, u or a consonant -> "k", doubled letters once). Vowels stay, so the edit
 * distance between two such spellings still tells "Iran" from "Iraq".
 */
export const transliterationForm = memo(transliterate);

function transliterate(word: string): string {
  let w = fold(word).replace(/[^a-z]/g, '');
  w = w
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/q(?!u)/g, 'k')
    // Romance "que", "qui" is a k ("Vasquez" / "Vaskez", "Enrique"); elsewhere "qu" is kw.
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/qu/g, 'kv')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/kh/g, 'h')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/w/g, 'v')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/y/g, 'i')
    .replace(/j/g, 'i')
    .replace(/z/g, 's');
  return w.replace(/(.)\1+/g, '$1');
}

/** A consonant skeleton of a name: its first letter, then consonants with voiced/unvoiced pairs merged. */
export const phoneticKey = memo(phonetic);

function phonetic(word: string): string {
  const t = transliterationForm(word);
  if (!t) return '';
  const rest = t
    .slice(1)
    .replace(/[aeiouh]/g, '')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/v/g, 'f')
    .replace(/g/g, 'k');
  // An initial g and k render one Arabic letter ("Gadhafi", "Qaddafi", "Kadhafi"); short names
  // keep them apart ("Gray", "Kray").
  const first = t[0] === 'i' || t[0] === 'e' ? 'a' : t[0] === 'g' && t.length >= 6 ? 'k' : t[0];
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance with adjacent transpositions (Damerau), for short strings. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (!n) return m;
  if (!m) return n;
  // Three rolling rows instead of an (n+1)x(m+1) table: the transposition step reads two rows
  // back, nothing further, and merging compares name words many thousands of times a story.
  let before = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
    }
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return prev[m];
}

/**
 * Whether two words with these transliteration forms could be spellings of one name at all:
 * equal forms, or lengths that differ by at most max(1, a quarter of the shorter). A cheap test
 * that callers comparing many pairs can run on forms they computed once.
 */
export function closeEnough(ta: string, tb: string): boolean {
  return ta === tb || closeLengths(ta.length, tb.length);
}

/** closeEnough on lengths alone (equal forms have equal lengths, so this is all it tests): for blocking by length. */
export function closeLengths(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.floor(Math.min(a, b) / 4));
}

/**
 * Keys that any two words sameNameWord accepts share at least one of: the phonetic key (equal
 * folds and equal transliteration forms give equal keys), and for forms of seven letters or more
 * the form itself and each form with one letter deleted (two forms one edit apart, a transposition
 * included, share one). Comparing only words that share a key finds every accepted pair.
 */
export const blockingKeys = memo((word: string): string[] => {
  const keys = [`p${phoneticKey(word)}`];
  const t = transliterationForm(word);
  if (t.length >= 7) {
    const deletions = new Set([t]);
    for (let k = 0; k < t.length; k++) deletions.add(t.slice(0, k) + t.slice(k + 1));
    for (const d of deletions) keys.push(`d${d}`);
  }
  return keys;
});

/**
 * Two words are spellings of one name when their transliteration forms are equal, or when their
 * phonetic keys are equal and the forms differ by at most one edit per four letters (so a
 * one-letter typo in a five-letter name passes, a different short name does not). Words of
 * fewer than four letters must match exactly: "Iran"/"Iraq", "Li"/"Lu" are different names.
 */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // Cheap exact rejection before the memo: an edit distance is at least the length difference,
  // and no rule below accepts a difference of more than max(1, a quarter of the shorter form).
  // (Equal folds give equal transliteration forms, so they are never rejected here.)
  if (!closeEnough(transliterationForm(a), transliterationForm(b))) return false;
  // Two-level memo: no pair key string is built for the many repeated comparisons.
  let row = sameNameMemo.get(a);
  if (!row) {
    if (sameNameMemo.size >= 50_000) sameNameMemo.clear();
    row = new Map();
    sameNameMemo.set(a, row);
  }
  let same = row.get(b);
  if (same === undefined) {
    same = compareNameWords(a, b);
    row.set(b, same);
  }
  return same;
}

const sameNameMemo = new Map<string, Map<string, boolean>>();

/**
 * Forgets the compared pairs of name words: they are worth keeping within one cluster, but
 * across clusters they only hold memory (on a 1,800-article story, about 100 MB).
 */
export function forgetNamePairs(): void {
  sameNameMemo.clear();
}

function compareNameWords(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  const ta = transliterationForm(a);
  const tb = transliterationForm(b);
  if (ta === tb) return Math.min(fa.length, fb.length) >= 3;
  if (Math.min(ta.length, tb.length) < 4) return false;
  // A one-letter slip in a long name ("Oluwasegun" for "Oluwaseun") keeps the name recognisable
  // even where it changes the consonant skeleton.
  if (Math.min(ta.length, tb.length) >= 7 && editDistance(ta, tb) <= 1) return true;
  if (phoneticKey(a) !== phoneticKey(b)) return false;
  const allowed = Math.max(1, Math.floor(Math.min(ta.length, tb.length) / 4));
  return editDistance(ta, tb) <= allowed;
}
