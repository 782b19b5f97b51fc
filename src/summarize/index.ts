// The summarizer: unsupervised, extractive, multi-document.
//
// It picks whole sentences that together cover the most important "concepts" of the story,
// where a concept is a content word or a word pair (bigram) and its importance is how many
// independent sources report it. Each concept counts once however many chosen sentences carry
// it, so repeating a fact (wire copy reprinted by several outlets) earns nothing: this is the
// concept-coverage objective of Gillick & Favre (2009, "A Scalable Global Model for
// Summarization"), solved greedily with a cost-scaled gain as Lin & Bilmes (2010, "Multi-document
// Summarization via Budgeted Maximization of Submodular Functions") do, since coverage is
// monotone submodular and their greedy keeps a constant-factor guarantee. Sentence position
// (the news lead, Radev et al. 2004, MEAD) and how well a sentence stands alone scale each
// sentence's gain.
import type { Doc, Selection, Sentence } from '../types.js';
import { isStopword } from './stopwords.js';
import { budgetWords, standaloneQuality } from './quality.js';

export { budgetWords, standaloneQuality } from './quality.js';

export interface SummarizeOptions {
  /** Word budget, a hard cap counted as whitespace-separated words of the sentence texts (default 150). */
  words?: number;
  /** Hyperparameter overrides, for experiments (defaults: DEFAULT_TUNING). */
  tuning?: Partial<SummarizerTuning>;
}

/** Candidate sentence with what the selector needs. */
interface Candidate {
  sentence: Sentence;
  doc: number;
  words: number;
  concepts: number[];
  quality: number;
  /** Quality when the sentence before it in its article is also in the summary. */
  qualityInContext: number;
  position: number;
}

/** The summarizer's few hyperparameters, fixed by reasoning and checked on Multi-News dev (see bench/). */
export interface SummarizerTuning {
  /**
   * Gain is divided by cost^r (Lin & Bilmes 2010). r = 1 is gain per word: with a budget of a few
   * hundred words it fills the budget with the densest sentences (dev R-1 at r = 0.3/0.5/0.7/1:
   * 43.7/44.0/44.2/44.6 before the other settings here).
   */
  costExponent: number;
  /**
   * A concept reported by k independent sources weighs k^sourceExponent. Gillick & Favre (2009)
   * keep only concepts found in 3 or more documents; a steep power is the soft form of that
   * threshold that still works for 2-article clusters (dev R-1 at 1/2/3/4: 45.3/45.9/46.3/46.2).
   */
  sourceExponent: number;
  /**
   * A content word weighs this fraction of a word pair: a shared pair is stronger evidence of a
   * shared fact than a shared word, but words break ties in small clusters where few pairs repeat.
   */
  unigramWeight: number;
  /**
   * Position weight of the sentence at index i: positionFloor + 1 / (1 + i / positionHalfLife).
   * The lead of a news article states its main facts (inverted pyramid; MEAD's position score,
   * Radev et al. 2004); the floor keeps later sentences in play when they add what leads lack.
   */
  positionFloor: number;
  positionHalfLife: number;
  /** Two articles sharing this share of their word pairs are copies of one report (wire copy). */
  copyOverlap: number;
  /** A candidate with this share of its concepts inside one chosen sentence repeats it. */
  repeatOverlap: number;
  /** Sentences shorter than this (in words) rarely carry a fact on their own. */
  minWords: number;
}

export const DEFAULT_TUNING: Readonly<SummarizerTuning> = {
  costExponent: 1,
  sourceExponent: 3,
  unigramWeight: 0.5,
  positionFloor: 0.3,
  positionHalfLife: 4,
  copyOverlap: 0.6,
  repeatOverlap: 0.7,
  minWords: 6,
};

/** Picks sentences of `docs` in reading order, within `options.words` words. */
export function summarize(docs: Doc[], options: SummarizeOptions = {}): Selection {
  const budget = options.words ?? 150;
  const tuning: SummarizerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  if (!Number.isFinite(budget) || budget <= 0) return { sentences: [] };
  const vocabulary = new Map<string, number>();
  const intern = (key: string): number => {
    let id = vocabulary.get(key);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(key, id);
    }
    return id;
  };

  const candidates: Candidate[] = [];
  const docConcepts: Set<number>[] = [];
  const docPairs: Set<number>[] = [];
  docs.forEach((doc, d) => {
    const all = new Set<number>();
    const pairs = new Set<number>();
    for (const s of doc.sentences) {
      const concepts = sentenceConcepts(s, intern);
      for (const c of concepts.all) all.add(c);
      for (const c of concepts.pairs) pairs.add(c);
      const quality = standaloneQuality(s.text, s.tokens, { minWords: tuning.minWords });
      const words = budgetWords(s.text);
      const inContext = standaloneQuality(s.text, ['_'].concat(s.tokens.slice(1)), { minWords: tuning.minWords });
      candidates.push({
        sentence: s,
        doc: d,
        words,
        concepts: concepts.all,
        quality,
        qualityInContext: Math.max(quality, inContext),
        position: tuning.positionFloor + 1 / (1 + s.index / tuning.positionHalfLife),
      });
    }
    docConcepts.push(all);
    docPairs.push(pairs);
  });

  const weights = conceptWeights(docConcepts, sourceGroups(docPairs, tuning.copyOverlap), vocabulary, tuning);
  const chosen = select(candidates, weights, budget, tuning);
  return { sentences: readingOrder(chosen, docs).map((c) => c.sentence) };
}

/** Content unigrams and bigrams (by stem) of a sentence; bigram ids are also returned apart. */
function sentenceConcepts(s: Sentence, intern: (key: string) => number): { all: number[]; pairs: number[] } {
  const all = new Set<number>();
  const pairs = new Set<number>();
  for (let i = 0; i < s.tokens.length; i++) {
    const stop = isStopword(s.tokens[i]!);
    if (!stop && s.tokens[i]!.length > 1) all.add(intern(`1 ${s.stems[i]}`));
    if (i + 1 < s.tokens.length && !(stop && isStopword(s.tokens[i + 1]!))) {
      const id = intern(`2 ${s.stems[i]} ${s.stems[i + 1]}`);
      all.add(id);
      pairs.add(id);
    }
  }
  return { all: [...all], pairs: [...pairs] };
}

/** Groups of articles that are copies of one report: union-find over word-pair overlap. */
function sourceGroups(docPairs: Set<number>[], copyOverlap: number): number[] {
  const parent = docPairs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let a = 0; a < docPairs.length; a++) {
    for (let b = a + 1; b < docPairs.length; b++) {
      const A = docPairs[a]!;
      const B = docPairs[b]!;
      const small = A.size <= B.size ? A : B;
      const large = small === A ? B : A;
      if (small.size === 0) continue;
      let shared = 0;
      for (const c of small) if (large.has(c)) shared++;
      if (shared / small.size >= copyOverlap) parent[find(a)] = find(b);
    }
  }
  return parent.map((_, i) => find(i));
}

/** Weight of each concept: grows steeply with the number of independent sources that report it. */
function conceptWeights(
  docConcepts: Set<number>[],
  group: number[],
  vocabulary: Map<string, number>,
  tuning: SummarizerTuning,
): Float64Array {
  const weights = new Float64Array(vocabulary.size);
  const seen = new Map<number, Set<number>>();
  docConcepts.forEach((concepts, d) => {
    const g = group[d]!;
    let inGroup = seen.get(g);
    if (!inGroup) seen.set(g, (inGroup = new Set()));
    for (const c of concepts) {
      if (inGroup.has(c)) continue;
      inGroup.add(c);
      weights[c]! += 1;
    }
  });
  for (let i = 0; i < weights.length; i++) weights[i] = Math.pow(weights[i]!, tuning.sourceExponent);
  for (const [key, id] of vocabulary) if (key.startsWith('1 ')) weights[id]! *= tuning.unigramWeight;
  return weights;
}

/** Budgeted greedy maximisation of weighted concept coverage. */
function select(candidates: Candidate[], weights: Float64Array, budget: number, tuning: SummarizerTuning): Candidate[] {
  const covered = new Uint8Array(weights.length);
  const chosen: Candidate[] = [];
  const chosenIds = new Set<string>();
  let used = 0;
  const alive = candidates.filter((c) => c.quality > 0 && c.words <= budget && c.concepts.length > 0);
  for (;;) {
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const c of alive) {
      if (chosenIds.has(c.sentence.id) || used + c.words > budget) continue;
      let gain = 0;
      for (const k of c.concepts) if (!covered[k]) gain += weights[k]!;
      if (gain <= 0) continue;
      const follows = chosenIds.has(`${c.sentence.source}#${c.sentence.index - 1}`);
      const quality = follows ? c.qualityInContext : c.quality;
      const score = (quality * c.position * gain) / Math.pow(c.words, tuning.costExponent);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) break;
    if (repeatsChosen(best, chosen, tuning.repeatOverlap)) {
      best.quality = 0;
      alive.splice(alive.indexOf(best), 1);
      continue;
    }
    chosen.push(best);
    chosenIds.add(best.sentence.id);
    used += best.words;
    for (const k of best.concepts) covered[k] = 1;
  }
  return chosen;
}

/** True when most of the candidate's concepts already sit in a single chosen sentence. */
function repeatsChosen(candidate: Candidate, chosen: Candidate[], repeatOverlap: number): boolean {
  const mine = new Set(candidate.concepts);
  for (const c of chosen) {
    let shared = 0;
    for (const k of c.concepts) if (mine.has(k)) shared++;
    if (shared / mine.size >= repeatOverlap) return true;
  }
  return false;
}

/**
 * Reading order: runs of consecutive sentences from one article stay together (so "He said"
 * follows the sentence naming him); runs are ordered by where they sit in their article (leads
 * first), then by article date, then by the order the articles were given.
 */
function readingOrder(chosen: Candidate[], docs: Doc[]): Candidate[] {
  const byDoc = new Map<number, Candidate[]>();
  for (const c of chosen) {
    const list = byDoc.get(c.doc) ?? [];
    list.push(c);
    byDoc.set(c.doc, list);
  }
  const runs: { doc: number; first: number; items: Candidate[] }[] = [];
  for (const [doc, list] of byDoc) {
    list.sort((a, b) => a.sentence.index - b.sentence.index);
    let run: Candidate[] = [];
    for (const c of list) {
      const prev = run[run.length - 1];
      if (prev && c.sentence.index !== prev.sentence.index + 1) {
        runs.push({ doc, first: run[0]!.sentence.index, items: run });
        run = [];
      }
      run.push(c);
    }
    if (run.length) runs.push({ doc, first: run[0]!.sentence.index, items: run });
  }
  const date = (d: number): string => docs[d]!.article.published ?? '9999';
  runs.sort((a, b) => a.first - b.first || date(a.doc).localeCompare(date(b.doc)) || a.doc - b.doc);
  return runs.flatMap((r) => r.items);
}
