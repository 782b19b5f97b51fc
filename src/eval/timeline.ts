// The Timeline17 setting (Tran et al. 2013; as Martschat & Markert 2018 and Gholipour Ghalandari
// & Ifrim 2020 run it): for each topic and each of its reference timelines, a timeline with as
// many dates as the reference (K), about as many sentences per date as it has on average (N),
// within its first and last date, scored with the tilse metrics (tilse.ts) and averaged over the
// (topic, reference) pairs, F taken of the averaged P and R.
import { cleanArticle } from '../clean/index.js';
import { fromArticleInputs } from '../ingest/index.js';
import { dateFeatures, DEFAULT_TIMELINE_TUNING, timelineDateEvidence, timelineMode, type DateFeature, type TimelineTuning } from '../summarize/timeline.js';
import { segment } from '../text/index.js';
import { InputError, type ArticleInput, type Doc } from '../types.js';
import { devHalf } from './evaluate.js';
import { logistic } from './logistic.js';
import type { Prf } from './rouge.js';
import { readInput } from './stream.js';
import { agreementRouge, alignmentRouge, concatRouge, dateSelection, type TimelinePairs } from './tilse.js';

export interface TimelineTopic {
  id: string;
  articles: ArticleInput[];
  timelines: { name: string; dates: [string, string[]][] }[];
}

/** Reads `{"id", "articles": [{"id"?, "published", "text"}], "timelines": [{"name", "dates": [[date, [sentence, ...]], ...]}]}` lines. */
export function readTimelineTopics(file: string): TimelineTopic[] {
  const topics: TimelineTopic[] = [];
  readInput(file).split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: { id?: unknown; articles?: Record<string, unknown>[]; timelines?: { name?: unknown; dates?: unknown }[] };
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${file}:${i + 1}`, 'not a JSON line');
    }
    if (!value || !Array.isArray(value.articles) || !Array.isArray(value.timelines)) {
      throw new InputError(`${file}:${i + 1}`, 'expected {"id", "articles": [...], "timelines": [{"name", "dates"}]}');
    }
    const timelines = value.timelines.map((t, j) => {
      if (!Array.isArray(t.dates) || !t.dates.every((d) => Array.isArray(d) && typeof d[0] === 'string' && Array.isArray(d[1]))) {
        throw new InputError(`${file}:${i + 1}`, `timeline ${j + 1}: expected "dates": [["YYYY-MM-DD", [sentence, ...]], ...]`);
      }
      return { name: String(t.name ?? j + 1), dates: (t.dates as [string, unknown[]][]).map(([d, s]) => [d.slice(0, 10), s.map(String)] as [string, string[]]) };
    });
    topics.push({
      id: String(value.id ?? `line${i + 1}`),
      articles: value.articles.map((a) => ({ title: typeof a.title === 'string' ? a.title : null, text: typeof a.text === 'string' ? a.text : null, published: typeof a.published === 'string' ? a.published : null })),
      timelines,
    });
  });
  return topics;
}

export interface TimelineScores {
  concat: { rouge1: Prf; rouge2: Prf };
  agreement: { rouge1: Prf; rouge2: Prf };
  alignment: { rouge1: Prf; rouge2: Prf };
  date: Prf;
}

export interface TimelineEvalItem {
  topic: string;
  timeline: string;
  prediction: [string, string[]][];
  scores: TimelineScores;
}

export interface TimelineEvalResult {
  items: TimelineEvalItem[];
  mean: TimelineScores;
  seconds: number;
}

function meanPrf(list: Prf[]): Prf {
  const p = list.reduce((a, x) => a + x.p, 0) / (list.length || 1);
  const r = list.reduce((a, x) => a + x.r, 0) / (list.length || 1);
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** A topic's articles, cleaned and segmented as `precis timeline` reads them. */
function topicDocs(topic: TimelineTopic): Doc[] {
  return fromArticleInputs(topic.articles).map((raw) => segment(cleanArticle(raw)));
}

/** The standard setting of one reference timeline: K dates, N sentences each, within its span. */
function setting(ref: TimelineTopic['timelines'][number]): { dates: number; perDate: number; from: string; to: string; days: Set<string> } {
  const dates = ref.dates.map(([d]) => d).sort();
  return {
    dates: new Set(dates).size,
    perDate: Math.max(1, Math.round(ref.dates.reduce((a, [, s]) => a + s.length, 0) / (ref.dates.length || 1))),
    from: dates[0]!,
    to: dates.at(-1)!,
    days: new Set(dates),
  };
}

/** Timeline mode on each reference timeline of a topic, scored. */
function scoreTopic(topic: TimelineTopic, docs: Doc[], tuning?: Partial<TimelineTuning>): TimelineEvalItem[] {
  return topic.timelines.map((ref) => {
    const { dates, perDate, from, to } = setting(ref);
    const result = timelineMode(docs, { dates, perDate, from, to, tuning });
    const prediction = result.timeline.map((d) => [d.date, d.sentences.map((s) => s.sentence.text.replace(/\s+/g, ' '))] as [string, string[]]);
    const reference: TimelinePairs = ref.dates;
    const pair = (f: (p: TimelinePairs, r: TimelinePairs, n: number) => Prf) => ({ rouge1: f(prediction, reference, 1), rouge2: f(prediction, reference, 2) });
    return {
      topic: topic.id,
      timeline: ref.name,
      prediction,
      scores: { concat: pair(concatRouge), agreement: pair(agreementRouge), alignment: pair(alignmentRouge), date: dateSelection(prediction, reference) },
    };
  });
}

function meanScores(items: readonly TimelineEvalItem[]): TimelineScores {
  const pick = (f: (s: TimelineScores) => Prf) => meanPrf(items.map((i) => f(i.scores)));
  return {
    concat: { rouge1: pick((s) => s.concat.rouge1), rouge2: pick((s) => s.concat.rouge2) },
    agreement: { rouge1: pick((s) => s.agreement.rouge1), rouge2: pick((s) => s.agreement.rouge2) },
    alignment: { rouge1: pick((s) => s.alignment.rouge1), rouge2: pick((s) => s.alignment.rouge2) },
    date: pick((s) => s.date),
  };
}

/** Runs timeline mode in the standard setting on every topic and scores it. */
export function evaluateTimelines(topics: readonly TimelineTopic[], options: { half?: 'A' | 'B'; tuning?: Partial<TimelineTuning> } = {}): TimelineEvalResult {
  const start = process.hrtime.bigint();
  const items: TimelineEvalItem[] = [];
  for (const topic of topics) {
    if (options.half && devHalf(topic.id) !== options.half) continue;
    items.push(...scoreTopic(topic, topicDocs(topic), options.tuning));
  }
  return { items, mean: meanScores(items), seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export interface DateRankerFold {
  /** The topic held out. */
  topic: string;
  /** Weights of the features fitted on the other topics (intercept last). */
  weights: number[];
  /** The held-out topic's timelines made with them. */
  items: TimelineEvalItem[];
}

export interface DateRankerFit {
  features: DateFeature[];
  l2: number;
  /** Leave one topic out: each topic scored with the ranker fitted on the others. */
  folds: DateRankerFold[];
  heldOut: TimelineScores;
  /** Fitted on every topic (intercept last). */
  weights: number[];
  /** Candidate dates and those in a reference timeline, over every topic. */
  candidates: number;
  positives: number;
}

/**
 * Fits the date ranker: a logistic regression of "this candidate date is in the reference
 * timeline" over every candidate date (within the reference's span) of every topic, on
 * `features` (dateFeatures). Cross-validated leaving one topic out: each fold's ranker makes the
 * held-out topic's timelines in the standard setting, scored as evaluateTimelines scores them.
 */
export function fitDateRanker(topics: readonly TimelineTopic[], options: { half?: 'A' | 'B'; features?: readonly DateFeature[]; l2?: number; tuning?: Partial<TimelineTuning> } = {}): DateRankerFit {
  const features = [...(options.features ?? DEFAULT_TIMELINE_TUNING.dateRanker.features)];
  const l2 = options.l2 ?? 0.1;
  const chosen = topics.filter((t) => !options.half || devHalf(t.id) === options.half);
  const prepared = chosen.map((topic) => {
    const docs = topicDocs(topic);
    const rows = topic.timelines.flatMap((ref) => {
      const { from, to, days } = setting(ref);
      const evidence = timelineDateEvidence(docs, { from, to, tuning: options.tuning });
      const x = dateFeatures(evidence, features);
      return evidence.map((e, i) => ({ x: x[i]!, y: days.has(e.date) ? 1 : 0 }));
    });
    return { topic, docs, rows };
  });
  const fit = (part: typeof prepared) => {
    const rows = part.flatMap((p) => p.rows);
    return logistic(rows.map((r) => r.x), rows.map((r) => r.y), 2000, l2);
  };
  const folds = prepared.map((held) => {
    const weights = fit(prepared.filter((p) => p !== held));
    const items = scoreTopic(held.topic, held.docs, { ...options.tuning, dateRanker: { features, weights: weights.slice(0, -1) } });
    return { topic: held.topic.id, weights, items };
  });
  const all = prepared.flatMap((p) => p.rows);
  return {
    features,
    l2,
    folds,
    heldOut: meanScores(folds.flatMap((f) => f.items)),
    weights: fit(prepared),
    candidates: all.length,
    positives: all.filter((r) => r.y === 1).length,
  };
}

/** The figures as a table: one row per (topic, timeline), then the mean. */
export function formatTimelineScores(result: TimelineEvalResult): string {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, s: TimelineScores) =>
    `${name.padEnd(28)} ${f(s.concat.rouge1.f)}  ${f(s.concat.rouge2.f)}  ${f(s.agreement.rouge1.f)}  ${f(s.agreement.rouge2.f)}  ${f(s.alignment.rouge1.f)}  ${f(s.alignment.rouge2.f)}  ${f(s.date.p)}  ${f(s.date.r)}  ${f(s.date.f)}`;
  const lines = [`${'topic'.padEnd(28)} con-1  con-2  agr-1  agr-2  ali-1  ali-2  dateP  dateR  dateF   (F unless said; alignment = m:1)`];
  for (const item of result.items) lines.push(row(`${item.topic}/${item.timeline}`.slice(0, 28), item.scores));
  lines.push(row(`mean of ${result.items.length}`, result.mean));
  lines.push(`${result.seconds.toFixed(1)} s`);
  return lines.join('\n');
}
