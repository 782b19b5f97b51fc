// Agreement across sources: sentences that carry the same words (shared wire copy, a fact
// reprinted with light edits) are grouped, and each source's sentences that no other source
// carries are listed as what that source adds.
//
// Sentences are compared as sets of content-word stems. Candidate pairs come from an inverted
// index over those stems, so only sentences sharing words are ever compared (no pass over all
// sentence pairs); stems found in very many sentences are left out of the index because they
// cannot tell near-duplicates apart and would make the candidate lists quadratic.
import { firstAbove } from '../collections.js';
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

/** Most sentences are only ever compared by stems; names and bigrams are computed when a containment test needs them. */
export function profileOf(s: Sentence): Profile {
  let names: Set<string> | null = null;
  let bigrams: Set<string> | null = null;
  return {
    sentence: s,
    stems: new Set(contentStems(s)),
    get names() {
      return (names ??= capitalisedStems(s));
    },
    get bigrams() {
      return (bigrams ??= stemBigrams(s));
    },
  };
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
  /** stem -> representatives holding it; stems held by too many representatives are left out. */
  index: Map<string, number[]>;
  /** Per profile: how many of its stems are indexed. */
  indexed: Int32Array;
  /** Per representative: the posting lists of its indexed stems, in the order of its stems. */
  postingsOf: Int32Array[][];
  /** Scratch for `candidates`: the representatives reached by one probe. */
  touched: Int32Array;
}

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
  const index = new Map<string, number[]>();
  for (const i of copies.keys()) {
    for (const stem of profiles[i]!.stems) {
      let list = index.get(stem);
      if (!list) index.set(stem, (list = []));
      list.push(i);
    }
  }
  const cap = Math.max(MIN_INDEX_CAP, Math.ceil(copies.size * MAX_INDEX_SHARE));
  for (const [stem, list] of index) if (list.length > cap) index.delete(stem);
  const indexed = new Int32Array(profiles.length);
  profiles.forEach((p, i) => {
    for (const stem of p.stems) if (index.has(stem)) indexed[i]!++;
  });
  const lists = new Map<string, Int32Array>();
  for (const [stem, list] of index) lists.set(stem, Int32Array.from(list));
  const postingsOf: Int32Array[][] = new Array(profiles.length);
  for (const i of copies.keys()) {
    const own: Int32Array[] = [];
    for (const stem of profiles[i]!.stems) {
      const list = lists.get(stem);
      if (list) own.push(list);
    }
    postingsOf[i] = own;
  }
  const out = { profiles, rep, copies, index, indexed, postingsOf, touched: new Int32Array(profiles.length) };
  indexCache.set(docs, out);
  return out;
}

/**
 * Representatives sharing at least CANDIDATE_SHARE of the smaller side's indexed stems with
 * profile i (only those numbered above i when `after` is set, so each pair is seen once).
 * `counts` is a scratch array of zeros, left as zeros.
 */
function candidates(i: number, ix: Indexed, counts: Int32Array, after: boolean, possible: (j: number, shared: number) => boolean = () => true): number[] {
  const { indexed, touched } = ix;
  let reached = 0;
  for (const list of ix.postingsOf[i]!) {
    // Posting lists are in ascending order: with `after`, start past i.
    for (let k = after ? firstAbove(list, i) : 0; k < list.length; k++) {
      const j = list[k]!;
      if (j === i) continue;
      if (counts[j] === 0) touched[reached++] = j;
      counts[j]!++;
    }
  }
  const out: number[] = [];
  for (let t = 0; t < reached; t++) {
    const j = touched[t]!;
    const need = Math.max(1, Math.ceil(Math.min(indexed[i]!, indexed[j]!) * CANDIDATE_SHARE));
    if (counts[j]! >= need && possible(j, counts[j]!)) out.push(j);
    counts[j] = 0;
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
  for (const [first, all] of copies) for (const i of all) parent[find(i)] = find(first);
  const counts = new Int32Array(profiles.length);
  // sameSentence needs Jaccard >= RESEMBLANCE_THRESHOLD or containment >= CONTAINMENT_THRESHOLD
  // of the full stem sets; at most all unindexed stems of the smaller side are shared besides the
  // indexed ones counted, so pairs that cannot reach either are not compared.
  const { indexed } = indexedSentences;
  for (const i of copies.keys()) {
    const a = profiles[i]!.stems.size;
    const possible = (j: number, shared: number): boolean => {
      const b = profiles[j]!.stems.size;
      const most = shared + Math.min(a - indexed[i]!, b - indexed[j]!);
      return most / (a + b - most) >= RESEMBLANCE_THRESHOLD || most / Math.min(a, b) >= CONTAINMENT_THRESHOLD;
    };
    for (const j of candidates(i, indexedSentences, counts, true, possible)) {
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

/**
 * Per source: its sentences carrying content no other source has (not in any near-duplicate
 * group, most of their words absent from other sources, no sentence elsewhere overlapping
 * them by half), ranked by how much new content they carry, at most MAX_UNIQUE_PER_SOURCE each.
 */
export function uniqueBySource(docs: Doc[], groups: string[][]): Record<string, Citation[]> {
  const grouped = new Set(groups.flat());
  const indexed = indexSentences(docs);
  const { profiles } = indexed;
  const counts = new Int32Array(profiles.length);
  // How many sources use each stem.
  const sourcesOfStem = new Map<string, Set<string>>();
  for (const p of profiles) {
    for (const stem of p.stems) {
      let set = sourcesOfStem.get(stem);
      if (!set) sourcesOfStem.set(stem, (set = new Set()));
      set.add(p.sentence.source);
    }
  }
  const bySource = new Map<string, { profile: Profile; score: number }[]>();
  profiles.forEach((p, i) => {
    const s = p.sentence;
    if (grouped.has(s.id) || docs.length < 2) return;
    let novel = 0;
    for (const stem of p.stems) if ((sourcesOfStem.get(stem)?.size ?? 0) <= 1) novel++;
    const novelty = novel / p.stems.size;
    if (novelty < MIN_NOVELTY) return;
    // Half of its stems in one sentence of another source: that source carries it too.
    const own = indexed.rep[i]!;
    if (indexed.copies.get(own)!.some((k) => profiles[k]!.sentence.source !== s.source)) return;
    for (const j of candidates(own, indexed, counts, false)) {
      if (overlap(p.stems, profiles[j]!.stems) < MAX_SHARED_WITH_ONE_SENTENCE * p.stems.size) continue;
      if (indexed.copies.get(j)!.some((k) => profiles[k]!.sentence.source !== s.source)) return;
    }
    // New content, weighted by how much there is of it; figures are what readers look for.
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
