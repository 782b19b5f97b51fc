// Agreement across sources: sentences that carry the same words (shared wire copy, a fact
// reprinted with light edits) are grouped, and each source's sentences that no other source
// carries are listed as what that source adds.
//
// Sentences are compared as sets of content-word stems. Candidate pairs come from an inverted
// index over those stems, so only sentences sharing words are ever compared (no pass over all
// sentence pairs); stems found in very many sentences are left out of the index because they
// cannot tell near-duplicates apart and would make the candidate lists quadratic.
import { firstAbove } from '../collections.js';
import { aloneInDocs } from '../../text/standalone.js';
import type { Citation, Doc, Sentence } from '../../types.js';

/** Function words: they make any two sentences look alike. */
const STOPWORDS = new Set(
  `a an the and or but nor so yet of in on at to for from by with about as into onto over under after before
  since until than then that this these those there here which who whom whose what when where why how
  is are was were be been being am has have had having do does did doing will would shall should can could may
  might must it its it's he him his she her hers they them their theirs we us our ours you your yours i me my
  not no also just only very more most some any all each both either neither such own same other another
  said says say told according per up down out off again further once one two if while because though although
  mr mrs ms dr`.split(/\s+/).filter(Boolean),
);

/**
 * Resemblance (Jaccard of content-stem sets) at or above which two sentences from different
 * sources count as one sentence. 0.5 is the near-duplicate cut Broder et al. used for web pages
 * (Broder, Glassman, Manasse & Zweig 1997, "Syntactic clustering of the Web"); on news copy it
 * joins a wire sentence reprinted with a changed clause, and not two sentences that merely
 * share a topic.
 */
export const RESEMBLANCE_THRESHOLD = 0.5;
/**
 * Containment (shared stems over the smaller set) at or above which a short sentence counts as
 * a trimmed copy of a longer one ("Two workers were killed ..., officials said" inside a longer
 * wire sentence); also Broder's measure (1997, "On the resemblance and containment of documents").
 * It must be backed by a shared word sequence (see SHARED_BIGRAMS_MIN) so that two sentences
 * reusing the same names in a different order are not joined.
 */
export const CONTAINMENT_THRESHOLD = 0.8;
/** Share of the smaller sentence's stem bigrams also in the other, required with containment. */
export const SHARED_BIGRAMS_MIN = 0.5;
/** Sentences with fewer content stems are too short to say they carry the same fact (datelines, captions). */
export const MIN_CONTENT_STEMS = 5;

/** A sentence as agreement compares it: its content-stem set; names and stem bigrams on demand. */
export interface Profile {
  sentence: Sentence;
  stems: Set<string>;
  /** Stems of capitalised words inside the sentence (names): sharing only names is not sharing a fact. */
  readonly names: Set<string>;
  readonly bigrams: Set<string>;
}

/** The same word pattern as the text stage's tokenizer, so tokens line up with their original casing. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function capitalisedStems(s: Sentence): Set<string> {
  const words = [...s.text.matchAll(WORD)].map((m) => m[0]);
  const out = new Set<string>();
  if (words.length !== s.tokens.length) return out;
  words.forEach((w, i) => {
    if (!/^\p{Lu}/u.test(w) || STOPWORDS.has(s.tokens[i]!)) return;
    // A sentence's first word is capitalised anyway: it is a name only when the name goes on ("Nordhavn Chemicals").
    if (i === 0 && !/^\p{Lu}/u.test(words[1] ?? '')) return;
    out.add(s.stems[i]!);
  });
  return out;
}

function stemBigrams(s: Sentence): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < s.stems.length; i++) out.add(`${s.stems[i - 1]} ${s.stems[i]}`);
  return out;
}

function contentStems(s: Sentence): string[] {
  const out: string[] = [];
  s.tokens.forEach((t, i) => {
    if (STOPWORDS.has(t) || t.length < 2) return;
    out.push(s.stems[i]!);
  });
  return out;
}

/**
 * Most sentences are only ever compared by stems; names and bigrams are computed when a
 * containment test needs them. (A class, so that every profile has one shape and reading its
 * stems stays a fixed-offset load.)
 */
class SentenceProfile implements Profile {
  private namesOnce: Set<string> | null = null;
  private bigramsOnce: Set<string> | null = null;
  stems: Set<string>;
  constructor(readonly sentence: Sentence) {
    this.stems = new Set(contentStems(sentence));
  }
  get names(): Set<string> {
    return (this.namesOnce ??= capitalisedStems(this.sentence));
  }
  get bigrams(): Set<string> {
    return (this.bigramsOnce ??= stemBigrams(this.sentence));
  }
}

export function profileOf(s: Sentence): Profile {
  return new SentenceProfile(s);
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/**
 * A long name counts once per word ("Marine Accident Branch" is three stems), so two sentences
 * that name one body and a day can reach RESEMBLANCE_THRESHOLD while saying different things
 * ("said it would send inspectors on Wednesday" / "inspectors will arrive on Wednesday, a
 * spokesman said"). Copies share the words around the names too: at least NAMELESS_RESEMBLANCE
 * of them (Jaccard), when there are enough of them to judge.
 */
const NAMELESS_RESEMBLANCE = 0.4;
function sameWordsBesideNames(a: Profile, b: Profile): boolean {
  const names = new Set([...a.names, ...b.names]);
  let shared = 0;
  let union = 0;
  for (const x of a.stems) {
    if (names.has(x)) continue;
    union++;
    if (b.stems.has(x)) shared++;
  }
  for (const x of b.stems) if (!names.has(x) && !a.stems.has(x)) union++;
  return union < 4 || shared / union >= NAMELESS_RESEMBLANCE;
}

/** Whether two sentences carry the same words: high resemblance, or a trimmed copy with a shared word sequence. */
export function sameSentence(a: Profile, b: Profile): boolean {
  const shared = overlap(a.stems, b.stems);
  const union = a.stems.size + b.stems.size - shared;
  if (union === 0) return false;
  if (shared / union >= RESEMBLANCE_THRESHOLD) return sameWordsBesideNames(a, b);
  const [small, large] = a.stems.size <= b.stems.size ? [a, b] : [b, a];
  if (small.stems.size < MIN_CONTENT_STEMS || shared / small.stems.size < CONTAINMENT_THRESHOLD) return false;
  // The words around the names must be shared too: "X chief executive Y is expected to attend" is not
  // a copy of "X chief executive Y has said the company will pay".
  let words = 0;
  let sharedWords = 0;
  for (const stem of small.stems) {
    if (small.names.has(stem)) continue;
    words++;
    if (large.stems.has(stem)) sharedWords++;
  }
  if (words < 3 || sharedWords / words < CONTAINMENT_THRESHOLD) return false;
  const sharedBigrams = overlap(a.bigrams, b.bigrams);
  return sharedBigrams / Math.max(1, Math.min(a.bigrams.size, b.bigrams.size)) >= SHARED_BIGRAMS_MIN;
}

interface Indexed {
  profiles: Profile[];
  /** Per profile: the first profile with exactly the same stems (itself when it is the first). */
  rep: Int32Array;
  /** Per representative: every profile with its stems (exact reprints of one sentence). */
  copies: Map<number, number[]>;
  /** Per profile: how many content stems it has, and how many of them are indexed. */
  sizes: Int32Array;
  indexed: Int32Array;
  /**
   * Per representative: its indexed stems as ranks, ascending, at ranks[rankStart[i]] on (indexed[i]
   * of them). Ranks order the indexed stems from the one held by fewest representatives to the
   * one held by most; every stem left out of the index is held by more still, so a sentence's
   * ranks are its rarest stems, rarest first.
   */
  ranks: Int32Array;
  rankStart: Int32Array;
  /**
   * Per rank: its holders, POSTING numbers each (representative, where the stem sits in its
   * ranks, its stems, its indexed stems), by stems then representative. What the probe reads of
   * a holder is in the list itself rather than at the holder's number.
   */
  postings: Int32Array[];
  /** Scratch for `candidates`: per representative, stems met in the probe (-1: ruled out). */
  counts: Int32Array;
  /** Scratch for `candidates`: the representatives reached by one probe. */
  touched: Int32Array;
  /** Scratch for `candidates`: per representative, where in its ranks the probe last met it. */
  lastMet: Int32Array;
}
const POSTING = 4;

/**
 * A stem held by more than this share of all distinct sentences (and by more than MIN_INDEX_CAP
 * of them) is not indexed: the story's own words ("fire", "talks") are in a large part of its
 * sentences, cannot tell copies apart, and their posting lists are what would make candidate
 * generation quadratic. Copies still meet through their rarer words (names, figures, particular
 * verbs). Exact reprints are collapsed before counting, so a sentence reprinted by a hundred
 * outlets does not push its own words out of the index.
 */
const MAX_INDEX_SHARE = 0.02;
const MIN_INDEX_CAP = 50;
/** A candidate pair must share this share of the smaller side's indexed stems before it is compared. */
const CANDIDATE_SHARE = 0.4;

/** Indexed stems a candidate pair must share, n the smaller side's indexed stems. */
const sharedNeeded = (n: number): number => Math.max(1, Math.ceil(n * CANDIDATE_SHARE));

/**
 * Whether two sentences of a and b content stems sharing at most `most` of them can reach
 * RESEMBLANCE_THRESHOLD or CONTAINMENT_THRESHOLD (sameSentence's two tests; it grows with `most`).
 */
const canMatch = (most: number, a: number, b: number): boolean => most / (a + b - most) >= RESEMBLANCE_THRESHOLD || most / Math.min(a, b) >= CONTAINMENT_THRESHOLD;

/** analyze() asks for the index twice (groups, then unique sentences) over the same Docs: build it once (uniqueBySource drops it). */
const indexCache = new WeakMap<Doc[], Indexed>();

/** Profiles of all sentences long enough to compare, exact reprints collapsed, and an inverted index over the distinct ones. */
function indexSentences(docs: Doc[]): Indexed {
  const cached = indexCache.get(docs);
  if (cached) return cached;
  const profiles: Profile[] = [];
  for (const d of docs) {
    for (const s of d.sentences) {
      const p = profileOf(s);
      if (p.stems.size >= MIN_CONTENT_STEMS) profiles.push(p);
    }
  }
  const rep = new Int32Array(profiles.length);
  const copies = new Map<number, number[]>();
  const firstWithKey = new Map<string, number>();
  profiles.forEach((p, i) => {
    const key = [...p.stems].sort().join(' ');
    const first = firstWithKey.get(key);
    if (first === undefined) {
      firstWithKey.set(key, i);
      rep[i] = i;
      copies.set(i, [i]);
    } else {
      rep[i] = first;
      copies.get(first)!.push(i);
    }
  });
  const holding = new Map<string, number>();
  for (const i of copies.keys()) for (const stem of profiles[i]!.stems) holding.set(stem, (holding.get(stem) ?? 0) + 1);
  const cap = Math.max(MIN_INDEX_CAP, Math.ceil(copies.size * MAX_INDEX_SHARE));
  // Ranks: the indexed stems, rarest first (ties in the order the stems were met: any fixed order will do).
  const kept = [...holding].filter(([, n]) => n <= cap);
  kept.sort((x, y) => x[1] - y[1]);
  const rankOf = new Map<string, number>();
  kept.forEach(([stem], r) => rankOf.set(stem, r));
  const sizes = Int32Array.from(profiles, (p) => p.stems.size);
  const indexed = new Int32Array(profiles.length);
  const rankStart = new Int32Array(profiles.length).fill(-1);
  let total = 0;
  for (const i of copies.keys()) for (const stem of profiles[i]!.stems) if (rankOf.has(stem)) total++;
  const ranks = new Int32Array(total);
  let end = 0;
  profiles.forEach((p, i) => {
    const start = end;
    for (const stem of p.stems) {
      const r = rankOf.get(stem);
      if (r === undefined) continue;
      if (rep[i] === i) ranks[end++] = r;
      indexed[i]!++;
    }
    if (rep[i] !== i) return;
    rankStart[i] = start;
    ranks.subarray(start, end).sort();
  });
  const postings = kept.map(([, n]) => new Int32Array(n * POSTING));
  const filled = new Int32Array(kept.length);
  const bySize = [...copies.keys()].sort((x, y) => sizes[x]! - sizes[y]! || x - y);
  for (const i of bySize) {
    for (let y = 0; y < indexed[i]!; y++) {
      const r = ranks[rankStart[i]! + y]!;
      const list = postings[r]!;
      let at = filled[r]!;
      list[at++] = i;
      list[at++] = y;
      list[at++] = sizes[i]!;
      list[at++] = indexed[i]!;
      filled[r] = at;
    }
  }
  const out: Indexed = {
    profiles,
    rep,
    copies,
    sizes,
    indexed,
    ranks,
    rankStart,
    postings,
    counts: new Int32Array(profiles.length),
    touched: new Int32Array(profiles.length),
    lastMet: new Int32Array(profiles.length),
  };
  indexCache.set(docs, out);
  return out;
}

/** Where the holders with more stems than a, or as many and numbered above i, begin in a posting list. */
function firstLarger(list: Int32Array, a: number, i: number): number {
  let lo = 0;
  let hi = list.length / POSTING;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = list[mid * POSTING + 2]!;
    if (b < a || (b === a && list[mid * POSTING]! <= i)) lo = mid + 1;
    else hi = mid;
  }
  return lo * POSTING;
}

/**
 * Candidate partners of representative i: representatives sharing at least sharedNeeded(smaller
 * side's indexed stems) indexed stems with it, each once, among
 * - with `half` 0 (pairs): those with more stems than i (as many: numbered above i), so that over
 *   all i each pair is met once, and that canMatch i counting their unindexed stems as shared;
 * - otherwise: all, that can share `half` of all of i's stems.
 *
 * The same pairs as counting every shared stem through every posting list, found by prefix
 * filtering with a positional filter (Xiao, Wang, Lin & Yu 2008, "Efficient similarity joins
 * for near duplicate detection", PPJoin): when two stem lists sorted by one order, rarest first,
 * share t or more stems, the first one they share is among the first n - t + 1 of each; and after
 * a shared stem at positions x and y they can share only as many more as the shorter of the two
 * rests. So only i's rarest stems are probed, and a holder is ruled out as soon as its bound
 * falls short: the long posting lists of a story's common words are read for few sentences.
 */
function candidates(i: number, ix: Indexed, half: number): number[] {
  const { ranks, counts, touched, lastMet, postings, sizes, indexed } = ix;
  const from = ix.rankStart[i]!;
  const n = indexed[i]!;
  const a = sizes[i]!;
  const pairs = half === 0;
  // The least number of stems a partner must share: half, or what canMatch takes with the
  // smallest partner (b = a): the first stem shared lies within i's first a - least + 1.
  let least = half;
  if (pairs) while (!canMatch(least, a, a)) least++;
  const prefix = Math.min(n, a - least + 1);
  let reached = 0;
  for (let x = 0; x < prefix; x++) {
    const list = postings[ranks[from + x]!]!;
    for (let h = pairs ? firstLarger(list, a, i) : 0; h < list.length; h += POSTING) {
      const j = list[h]!;
      const seen = counts[j]!;
      if (seen < 0 || j === i) continue;
      if (seen === 0) touched[reached++] = j;
      const y = list[h + 1]!;
      const b = list[h + 2]!;
      const nj = list[h + 3]!;
      // The most indexed stems i and j can share: those met so far, this one, and the shorter rest.
      const most = seen + 1 + Math.min(n - x - 1, nj - y - 1);
      const enough = pairs ? canMatch(most + Math.min(a - n, b - nj), a, b) : seen + 1 + Math.min(a - x - 1, b - y - 1) >= half;
      counts[j] = most >= sharedNeeded(Math.min(n, nj)) && enough ? seen + 1 : -1;
      lastMet[j] = y;
    }
  }
  const out: number[] = [];
  for (let t = 0; t < reached; t++) {
    const j = touched[t]!;
    let shared = counts[j]!;
    counts[j] = 0;
    if (shared <= 0) continue;
    // The rest of the shared stems lie past the prefix in i and past the last one met in j.
    const nj = indexed[j]!;
    const b = sizes[j]!;
    const last = lastMet[j]!;
    const most = shared + Math.min(n - prefix, nj - last - 1);
    if (most < sharedNeeded(Math.min(n, nj))) continue;
    if (pairs ? !canMatch(most + Math.min(a - n, b - nj), a, b) : shared + Math.min(a - prefix, b - last - 1) < half) continue;
    const theirs = ix.rankStart[j]!;
    for (let x = prefix, y = last + 1; x < n && y < nj; ) {
      const mine = ranks[from + x]!;
      const other = ranks[theirs + y]!;
      if (mine === other) {
        shared++;
        x++;
        y++;
      } else if (mine < other) x++;
      else y++;
    }
    if (shared < sharedNeeded(Math.min(n, nj))) continue;
    if (pairs && !canMatch(shared + Math.min(a - n, b - nj), a, b)) continue;
    out.push(j);
  }
  return out;
}

/**
 * Near-duplicate sentences across different sources, as groups of Sentence ids (each group has
 * sentences from 2 or more sources), in reading order of their first sentence.
 */
export function groupNearDuplicates(docs: Doc[]): string[][] {
  const indexedSentences = indexSentences(docs);
  const { profiles, copies } = indexedSentences;
  const parent = profiles.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  // Exact reprints are one sentence; then distinct sentences are compared through the index.
  // sameSentence needs Jaccard >= RESEMBLANCE_THRESHOLD or containment >= CONTAINMENT_THRESHOLD
  // of the full stem sets; at most all unindexed stems of the smaller side are shared besides the
  // indexed ones counted, so pairs that cannot reach either (canMatch) are not compared.
  for (const [first, all] of copies) for (const i of all) parent[find(i)] = find(first);
  for (const i of copies.keys()) {
    for (const j of candidates(i, indexedSentences, 0)) {
      if (find(i) !== find(j) && sameSentence(profiles[i]!, profiles[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  profiles.forEach((_, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(i);
  });
  const out: string[][] = [];
  for (const members of groups.values()) {
    const sources = new Set(members.map((i) => profiles[i]!.sentence.source));
    if (sources.size < 2) continue; // repeats inside one source are not agreement between sources
    out.push(members.map((i) => profiles[i]!.sentence.id));
  }
  return out;
}

/** Unique sentences listed per source, at most. */
export const MAX_UNIQUE_PER_SOURCE = 5;
/**
 * A sentence is "only this source" when at least this share of its content stems appear in no
 * other source, and no single sentence elsewhere contains half of its stems.
 */
const MIN_NOVELTY = 0.3;
const MAX_SHARED_WITH_ONE_SENTENCE = 0.5;
/** A stem used by two sources or more. */
const MANY_SOURCES = Symbol('many sources');

/**
 * Per source: its sentences carrying content no other source has (not in any near-duplicate
 * group, most of their words absent from other sources, no sentence elsewhere overlapping
 * them by half), ranked by how much new content they carry, at most MAX_UNIQUE_PER_SOURCE each.
 */
export function uniqueBySource(docs: Doc[], groups: string[][]): Record<string, Citation[]> {
  const grouped = new Set(groups.flat());
  const indexed = indexSentences(docs);
  const { profiles } = indexed;
  // Which source uses each stem: the one source that does, or MANY_SOURCES.
  const sourceOfStem = new Map<string, string | typeof MANY_SOURCES>();
  for (const p of profiles) {
    const source = p.sentence.source;
    for (const stem of p.stems) {
      const known = sourceOfStem.get(stem);
      if (known === undefined) sourceOfStem.set(stem, source);
      else if (known !== source && known !== MANY_SOURCES) sourceOfStem.set(stem, MANY_SOURCES);
    }
  }
  const bySource = new Map<string, { profile: Profile; score: number }[]>();
  // Each listed sentence is read alone, so one that leans on the sentence before it ("And ...",
  // "It leaked on Friday ...") or is a piece of a quotation is not listed (read per article, once asked).
  const alone = aloneInDocs(docs);
  profiles.forEach((p, i) => {
    const s = p.sentence;
    if (grouped.has(s.id) || docs.length < 2) return;
    let novel = 0;
    for (const stem of p.stems) if (sourceOfStem.get(stem) !== MANY_SOURCES) novel++;
    const novelty = novel / p.stems.size;
    if (novelty < MIN_NOVELTY) return;
    // Half of its stems in one sentence of another source: that source carries it too.
    const own = indexed.rep[i]!;
    if (indexed.copies.get(own)!.some((k) => profiles[k]!.sentence.source !== s.source)) return;
    // (Only sentences that can hold half of its stems are listed.)
    for (const j of candidates(own, indexed, Math.max(1, Math.ceil(MAX_SHARED_WITH_ONE_SENTENCE * p.stems.size)))) {
      if (overlap(p.stems, profiles[j]!.stems) < MAX_SHARED_WITH_ONE_SENTENCE * p.stems.size) continue;
      if (indexed.copies.get(j)!.some((k) => profiles[k]!.sentence.source !== s.source)) return;
    }
    // New content, weighted by how much there is of it; figures are what readers look for.
    if (!alone(s)) return;
    const figures = /\d/.test(s.text) ? 1.2 : 1;
    const score = novel * figures - s.index * 0.01;
    let list = bySource.get(s.source);
    if (!list) bySource.set(s.source, (list = []));
    list.push({ profile: p, score });
  });
  const out: Record<string, Citation[]> = {};
  for (const d of docs) {
    const list = (bySource.get(d.article.id) ?? []).sort((a, b) => b.score - a.score).slice(0, MAX_UNIQUE_PER_SOURCE);
    // Reading order, so the list reads like the article.
    list.sort((a, b) => a.profile.sentence.index - b.profile.sentence.index);
    out[d.article.id] = list.map(({ profile }) => ({ source: d.article.id, quote: profile.sentence.text }));
  }
  // The index's last use in analyze(): let it go rather than keep it as long as the Docs live
  // (a fifth of the live heap on a 1,800-article story).
  indexCache.delete(docs);
  return out;
}

export { contentStems, overlap };
