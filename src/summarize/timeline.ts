// Timeline mode: from a large collection (hundreds of articles over months), the K dates that
// matter most, with N sentences each, every sentence quoted verbatim from its article.
//
// Dates. A date matters when the articles keep referring to it (the date-reference count of Tran
// et al. 2013) and when it is in the kind of timeline journalists write: a date ranker, as
// DATEWISE (Gholipour Ghalandari & Ifrim 2020) fits one, a logistic regression of "this candidate
// date is in the reference timeline" on what the collection says of each date (DateEvidence;
// relative dates such as "on Tuesday" resolved against the article's own date): the articles
// published on it, the articles of other days that name it, and those published more than
// `nearDays` after it that still name it (a look back: the story turned on that day), each as
// ln(1 + count) less ln(1 + the largest count among the candidates). How many dates when the
// caller does not say: those whose reference count (each sentence naming a day once, plus
// `publishedWeight` for each article published on it) stands out.
// Sentences. For each chosen date, the candidates are the sentences that name it and, as in
// DATEWISE, what the reports of that day say without naming a day: the first `leadSentences`
// sentences naming no day of each article published on it or the day after (when still fewer than
// N, those leads with their dates). Candidates are ranked by how close they are to what that
// date's candidates say together (cosine with their centroid of content stems: the day's main
// event, MEAD's centroid score), doubled (1 + nearBonus) for a sentence from an article published
// on the day or in the week after it (a report of the event, not a look back months later), and
// taken best first, skipping one that repeats a sentence already taken.
//
// Measured in the Timeline17 setting (`precis eval-timeline t17-dev.jsonl --half A|B`; halves
// of the 11 development topics by sha256 of the topic id, A: 5 topics to choose on, B: 6 to
// confirm), alignment m:1 ROUGE-1 F / ROUGE-2 F / date F1. First version: A 0.087 / 0.023 /
// 0.640, B 0.118 / 0.035 / 0.710. Report bonus 0.5 / 1 / 3 (2 days): A 0.091 / 0.090 / 0.091
// ROUGE-1; 1 within 7 days: A 0.093 / 0.025, kept; B 0.122 / 0.037. Flat on A, not kept:
// publishedWeight 0 / 0.5 / 2 / 4 (0.085 / 0.088 / 0.089 / 0.090 ROUGE-1; date F1 0.663 /
// 0.669 / 0.643 / 0.632), minTokens 4 / 10, repeatCosine 0.3, one lead sentence instead of 3.
// Tried and not kept, spreading the dates (greedy choice, a date's score times 0.7 for each date
// already chosen within 3 days; chosen on A over penalty 0.15-0.8 x 1-7 days): A 0.102 / 0.027
// / 0.693 but B 0.118 / 0.036 / 0.663 (journalists' timelines of a fast story list consecutive
// days); the radius as a fraction of the mean gap between K dates over the span (0.05-0.4):
// at best A 0.098 / 0.026 / 0.656. Nor an article counted once per day it names, however many of
// its sentences name it (a further sentence adding 1 / 0.5 / 0.25 / 0): A 0.093 / 0.096 / 0.099 /
// 0.104 ROUGE-1, 0 chosen (A 0.104 / 0.028 / 0.672), but B 0.122 / 0.036 / 0.693 (date F1 -0.017).
// The date ranker (`eval-timeline --half A --fit-dates --features F --l2 X`; leaving one topic of
// A out in turn, the held-out topic's timeline made with the ranker fitted on the other four; the
// reference count had been the ranking: A 0.093 / 0.025 / 0.640). Held-out A, l2 0.01 / 0.1:
// published, otherDays, later 0.113 / 0.031 / 0.739 and 0.115 / 0.032 / 0.744, kept; with
// sentences 0.113 / 0.031 / 0.733 and 0.114 / 0.032 / 0.742; with sentences and articles 0.112 /
// 0.031 / 0.728 and 0.113 / 0.032 / 0.736; with those and the lag 0.109 / 0.030 / 0.716 and
// 0.113 / 0.031 / 0.739; sentences and published alone 0.091 / 0.025 / 0.578 (both). Weights
// (published, otherDays, later; intercept) by fold, held out: Finan_washingtonpost 0.697 0.508
// 0.427; 2.527, H1N1_bbc 0.698 0.503 0.440; 2.732, MJ_bbc 0.569 0.435 0.353; 2.229 (date F1
// 0.351 -> 0.811), bpoil_foxnews 0.539 0.501 0.533; 2.592, bpoil_reuters 0.964 0.524 0.371;
// 3.324 (0.313 -> 0.375); fitted on all of A (546 candidate dates, 127 in a reference), the
// weights in use: 0.6871 0.4902 0.4304; 2.6528. Applied once to B: 0.122 / 0.037 / 0.710 ->
// 0.124 / 0.038 / 0.712 (bpoil_washingtonpost date F1 0.333 -> 0.417, bpoil_bbc 0.625 -> 0.583,
// bpoil_guardian 0.735 -> 0.706; EgyptianProtest_cnn has no more candidate dates than K). Noise: 5
// and 6 topics, one reference timeline each.
// With the ranker, the candidates of a date (on A; the leads had been taken only when fewer than
// N sentences named the date: 0.115 / 0.032): sentences naming no day of the articles published
// on the date, all 0.125 / 0.033, and of the next day's too 0.128 / 0.034; their first 1 / 2 / 3
// / 4 / 5 / 10 such sentences 0.125 / 0.128 / 0.131 / 0.132 / 0.130 / 0.130 ROUGE-1 (0.034 /
// 0.034 / 0.036 / 0.036 / 0.037 / 0.037 ROUGE-2), 3 kept (leadSentences, as for the leads
// before); the date's only, 3 / 5: 0.127 / 0.033, 0.122 / 0.032; a named sentence weighing 1.5 /
// 0.7: 0.126 / 0.033, 0.129 / 0.033; those sentences in the centroid only (not candidates), all
// 0.117 / 0.033 (date's only), 0.120 / 0.034 (and the next day's), first 3: 0.117 / 0.033. Kept,
// A 0.115 / 0.032 / 0.744 -> 0.131 / 0.036 / 0.744, B 0.124 / 0.038 / 0.712 -> 0.151 / 0.049 /
// 0.712 (every topic of B up in ROUGE-1). Not kept, a sentence whose text (or whose stems, cosine
// 0.5 / 0.7) was taken for another date skipped (MMR across dates): before the pool 0.115 / 0.033
// / 0.744 (cosine 0.5), 0.115 / 0.032 (0.7), 0.115 / 0.032 (text); with it, cosine 0.5: 0.114 /
// 0.027 (the same sentence for two dates is rare but for Finan_washingtonpost, N = 7).
// Not kept either, with the leads (A 0.131 / 0.036 / 0.744, B 0.151 / 0.049 / 0.712): the date's
// centroid built from a wider pool, every sentence of the articles published on the date or the
// day after added at weight 1 / 0.5 / 0.3 / 0.1: A 0.1382 / 0.0353, 0.1387 / 0.0359, 0.1384 /
// 0.0369, 0.1332 / 0.0365; sentences naming no day only, 1: 0.1385 / 0.0350; the first 6 / 10
// sentences, 1: 0.1362 / 0.0380, 0.1350 / 0.0360; 0.3: 0.1319 / 0.0362, 0.1341 / 0.0365 (A
// before: 0.1309 / 0.0356); all at 0.3 chosen, but B
// 0.146 / 0.043 / 0.712. Shorter sentences preferred (our sentences run 1.7-2x the reference's
// words): value times min(1, L / length)^a, L the median candidate length, a 0.5 / 1: A 0.129 /
// 0.033, 0.130 / 0.032; L 25 words: 0.128 / 0.032, 0.128 / 0.031. A fitted sentence ranker
// (logistic in ln(cosine + 0.01), near, naming the date, ln tokens, ln copies, a lead sentence;
// positive: among the date's N candidates of best ROUGE-1 F against its reference sentences;
// leaving one topic of A out), l2 0.001 / 0.01 / 0.1: A 0.125 / 0.034, 0.126 / 0.035, 0.125 /
// 0.034 (Finan_washingtonpost, 65 dates of 7 sentences, outweighs the other topics in a fit).
// Noise throughout: 5 and 6 topics; no other set with journalists' timelines to confirm on.
// Sentences shown alone (a product rule, not a tuning): a candidate that leans on the sentence
// before it ("The talks came after ...", "He said ...") or begins inside a quotation, or that is
// furniture or a caption by the summary's own test, is left out, as the briefing's summary and
// timeline leave it out. Cost: A 0.131 / 0.036 / 0.744 -> 0.131 / 0.036 / 0.744, B 0.151 / 0.049
// / 0.712 -> 0.146 / 0.046 / 0.712 (the leaning sentences alone: B 0.145 / 0.046): journalists'
// timelines keep some facts that the articles state in a sentence leaning on the one before.
import type { Doc, Sentence } from '../types.js';
import { articleDate, endsCutOff, findDates, hasVerb, isStampOrCaption } from '../analyze/dates/index.js';
import { isStopword } from './stopwords.js';
import { aloneInDocs } from '../text/standalone.js';

export interface TimelineModeOptions {
  /** How many dates (default: chosen from the data). */
  dates?: number;
  /** Sentences per date (default 1). */
  perDate?: number;
  /** Only dates on or after / on or before these days (YYYY-MM-DD). */
  from?: string;
  to?: string;
  tuning?: Partial<TimelineTuning>;
}

export interface TimelineTuning {
  /** What an article published on a day adds to the day's reference count (how many dates stand out), against one sentence naming it. */
  publishedWeight: number;
  /** Sentences shorter than this (in tokens) say too little to stand for a day. */
  minTokens: number;
  /** A candidate this close (cosine) to a sentence already taken for the day repeats it. */
  repeatCosine: number;
  /** Sentences of the leads of the day's articles (and the next day's) taken as candidates. */
  leadSentences: number;
  /** A candidate from an article published on the day or in the `nearDays` after it weighs 1 + nearBonus. */
  nearBonus: number;
  nearDays: number;
  /** The date ranker: a linear score of `features` (see dateFeatures), fitted as a logistic regression. */
  dateRanker: { features: readonly DateFeature[]; weights: readonly number[] };
}

/** What the date ranker can read of a candidate date (counts over the whole collection). */
export interface DateEvidence {
  date: string;
  /** Sentences that name it. */
  sentences: number;
  /** Articles that name it. */
  articles: number;
  /** Articles published on it. */
  published: number;
  /** Articles published on another day that name it. */
  otherDays: number;
  /** Articles published more than `nearDays` after it that name it (a look back). */
  later: number;
  /** Days from it to the first dated article that names it (0 when one published on it or before does), null if none does. */
  lag: number | null;
}

export type DateFeature = Exclude<keyof DateEvidence, 'date'>;
export const DATE_FEATURE_NAMES: readonly DateFeature[] = ['sentences', 'articles', 'published', 'otherDays', 'later', 'lag'];

/**
 * The ranker's features of each candidate date: a count x as ln(1 + x) - ln(1 + the largest x
 * among the candidates), so that the size of a collection does not count; the lag as ln(1 + days)
 * (30 days when no article names the date).
 */
export function dateFeatures(evidence: readonly DateEvidence[], features: readonly DateFeature[]): number[][] {
  const top = new Map(features.map((f) => [f, Math.log1p(Math.max(0, ...evidence.map((e) => e[f] ?? 0)))]));
  return evidence.map((e) => features.map((f) => (f === 'lag' ? Math.log1p(e.lag ?? 30) : Math.log1p(e[f]) - top.get(f)!)));
}

export const DEFAULT_TIMELINE_TUNING: Readonly<TimelineTuning> = {
  publishedWeight: 1,
  minTokens: 6,
  repeatCosine: 0.5,
  leadSentences: 3,
  nearBonus: 1,
  nearDays: 7,
  dateRanker: { features: ['published', 'otherDays', 'later'], weights: [0.6871, 0.4902, 0.4304] },
};

export interface TimelineModeSentence {
  sentence: Sentence;
  /** The other articles that carry the same sentence (wire copy): cited too. */
  copies: Sentence[];
}

export interface TimelineModeDate {
  date: string;
  sentences: TimelineModeSentence[];
}

export interface TimelineModeResult {
  timeline: TimelineModeDate[];
  /** Articles without a date of their own: their relative dates ("on Tuesday") could not be resolved. */
  undatedArticles: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Content stems of a sentence, counted. */
function bag(s: Sentence): Map<string, number> {
  const m = new Map<string, number>();
  s.stems.forEach((stem, i) => {
    const token = s.tokens[i]!;
    if (isStopword(token) || !/[\p{L}]/u.test(token)) return;
    m.set(stem, (m.get(stem) ?? 0) + 1);
  });
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Whether a sentence has the shape of an event of its day. */
function eventShaped(s: Sentence, minTokens: number): boolean {
  return s.tokens.length >= minTokens && hasVerb(s.text) && !endsCutOff(s.text) && !isStampOrCaption(s.text);
}

interface Collection {
  /** The candidate dates (within the range), in date order. */
  evidence: DateEvidence[];
  naming: Map<string, Sentence[]>;
  publishedOn: Map<string, Doc[]>;
  publishedOf: Map<string, string>;
  undatedArticles: number;
  /** Sentences that name a day. */
  dated: Set<string>;
}

/** Every day the collection names or was published on within the range, with what is known of it. */
function collect(docs: Doc[], inRange: (d: string) => boolean, nearDays: number): Collection {
  const naming = new Map<string, Sentence[]>();
  const publishedOn = new Map<string, Doc[]>();
  const publishedOf = new Map<string, string>();
  const namedBy = new Map<string, Set<Doc>>();
  const named = new Map<string, number>();
  const dated = new Set<string>();
  let undatedArticles = 0;
  const candidates = new Set<string>();
  for (const doc of docs) {
    const published = articleDate(doc);
    const day = published && DAY.test(published) ? published : null;
    if (!day) undatedArticles++;
    else {
      publishedOf.set(doc.article.id, day);
      const list = publishedOn.get(day) ?? [];
      list.push(doc);
      publishedOn.set(day, list);
      if (inRange(day)) candidates.add(day);
    }
    const byId = new Map(doc.sentences.map((s) => [s.id, s]));
    const seen = new Set<string>();
    for (const m of findDates(doc, day)) {
      dated.add(m.sentence);
      if (!DAY.test(m.date) || m.approximate || !inRange(m.date)) continue;
      const key = `${m.sentence} ${m.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.add(m.date);
      const by = namedBy.get(m.date) ?? new Set<Doc>();
      by.add(doc);
      namedBy.set(m.date, by);
      named.set(m.date, (named.get(m.date) ?? 0) + 1);
      const s = byId.get(m.sentence);
      if (!s) continue;
      const list = naming.get(m.date) ?? [];
      list.push(s);
      naming.set(m.date, list);
    }
  }
  const evidence = [...candidates].sort().map((date): DateEvidence => {
    const by = [...(namedBy.get(date) ?? [])].map((d) => publishedOf.get(d.article.id));
    const dated = by.filter((p): p is string => p !== undefined).sort();
    const days = (p: string) => (Date.parse(p) - Date.parse(date)) / 86_400_000;
    return {
      date,
      sentences: named.get(date) ?? 0,
      articles: by.length,
      published: publishedOn.get(date)?.length ?? 0,
      otherDays: by.filter((p) => p !== undefined && p !== date).length,
      later: by.filter((p) => p !== undefined && days(p) > nearDays).length,
      lag: dated.length ? Math.max(0, days(dated[0]!)) : null,
    };
  });
  return { evidence, naming, publishedOn, publishedOf, undatedArticles, dated };
}

/** The candidate dates of a collection and what the date ranker reads of them (to fit it). */
export function timelineDateEvidence(docs: Doc[], options: Pick<TimelineModeOptions, 'from' | 'to' | 'tuning'> = {}): DateEvidence[] {
  const inRange = (d: string) => (!options.from || d >= options.from) && (!options.to || d <= options.to);
  return collect(docs, inRange, options.tuning?.nearDays ?? DEFAULT_TIMELINE_TUNING.nearDays).evidence;
}

/** Picks the dates and sentences of a long-range timeline from `docs`, in date order. */
export function timelineMode(docs: Doc[], options: TimelineModeOptions = {}): TimelineModeResult {
  const tuning: TimelineTuning = { ...DEFAULT_TIMELINE_TUNING, ...options.tuning };
  const perDate = Math.max(1, Math.floor(options.perDate ?? 1));
  const inRange = (d: string) => (!options.from || d >= options.from) && (!options.to || d <= options.to);

  const { evidence, naming, publishedOn, publishedOf, undatedArticles, dated } = collect(docs, inRange, tuning.nearDays);
  const k = options.dates ?? defaultDateCount(evidence.map((e) => e.sentences + tuning.publishedWeight * e.published));
  const features = dateFeatures(evidence, tuning.dateRanker.features);
  const value = features.map((x) => x.reduce((a, v, j) => a + v * tuning.dateRanker.weights[j]!, 0));
  const ranked = evidence.map((e, i) => [e.date, value[i]!] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen = ranked.slice(0, Math.max(0, k)).map(([d]) => d).sort();

  // Each sentence is shown alone under its date: one leaning on the sentence before it ("The
  // talks came after ...", "He said ...") or cut from a quotation is no candidate.
  const alone = aloneInDocs(docs);
  const eventLike = (s: Sentence) => eventShaped(s, tuning.minTokens) && alone(s);
  const timeline: TimelineModeDate[] = [];
  for (const date of chosen) {
    const named = (naming.get(date) ?? []).filter(eventLike);
    const reports = [...(publishedOn.get(date) ?? []), ...(publishedOn.get(nextDay(date)) ?? [])];
    const leads: Sentence[] = [];
    for (const d of reports) leads.push(...d.sentences.filter((s) => !dated.has(s.id) && eventLike(s)).slice(0, tuning.leadSentences));
    let candidates = [...named, ...leads];
    if (candidates.length < perDate) {
      for (const d of reports) candidates.push(...d.sentences.filter(eventLike).slice(0, tuning.leadSentences));
    }
    if (candidates.length === 0) continue;
    // One entry per distinct text: copies of a sentence are cited together.
    const byText = new Map<string, Sentence[]>();
    for (const s of candidates) {
      const list = byText.get(s.text) ?? [];
      if (!list.some((x) => x.id === s.id)) list.push(s);
      byText.set(s.text, list);
    }
    const bags = new Map<string, Map<string, number>>();
    const centroid = new Map<string, number>();
    for (const [text, list] of byText) {
      const b = bag(list[0]!);
      bags.set(text, b);
      for (const [stem, c] of b) centroid.set(stem, (centroid.get(stem) ?? 0) + c * list.length);
    }
    const near = (text: string) => byText.get(text)!.some((s) => {
      const p = publishedOf.get(s.source);
      return p !== undefined && p >= date && Date.parse(p) - Date.parse(date) <= tuning.nearDays * 86_400_000;
    });
    const value = new Map([...byText.keys()].map((t) => [t, cosine(bags.get(t)!, centroid) * (near(t) ? 1 + tuning.nearBonus : 1)]));
    const order = [...byText.keys()].sort((a, b) => value.get(b)! - value.get(a)! || (a < b ? -1 : 1));
    const taken: string[] = [];
    for (const text of order) {
      if (taken.length >= perDate) break;
      if (taken.some((t) => cosine(bags.get(t)!, bags.get(text)!) >= tuning.repeatCosine)) continue;
      taken.push(text);
    }
    timeline.push({ date, sentences: taken.map((t) => ({ sentence: byText.get(t)![0]!, copies: byText.get(t)!.slice(1) })) });
  }
  return { timeline, undatedArticles };
}

/**
 * How many dates when the caller does not say: those whose score stands out, above the mean by
 * one standard deviation, at least 3 and at most 30 (a timeline a reader takes in at once).
 */
function defaultDateCount(scores: number[]): number {
  if (scores.length <= 3) return scores.length;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return Math.min(30, Math.max(3, scores.filter((x) => x > mean + sd).length));
}
