// The Timeline17 setting (Tran et al. 2013; as Martschat & Markert 2018 and Gholipour Ghalandari
// & Ifrim 2020 run it): for each topic and each of its reference timelines, a timeline with as
// many dates as the reference (K), about as many sentences per date as it has on average (N),
// within its first and last date, scored with the tilse metrics (tilse.ts) and averaged over the
// (topic, reference) pairs, F taken of the averaged P and R.
import { cleanArticle } from '../clean/index.js';
import { fromArticleInputs } from '../ingest/index.js';
import { timelineMode, type TimelineTuning } from '../summarize/timeline.js';
import { segment } from '../text/index.js';
import { InputError, type ArticleInput } from '../types.js';
import { devHalf } from './evaluate.js';
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

/** Runs timeline mode in the standard setting on every topic and scores it. */
export function evaluateTimelines(topics: readonly TimelineTopic[], options: { half?: 'A' | 'B'; tuning?: Partial<TimelineTuning> } = {}): TimelineEvalResult {
  const start = process.hrtime.bigint();
  const items: TimelineEvalItem[] = [];
  for (const topic of topics) {
    if (options.half && devHalf(topic.id) !== options.half) continue;
    const docs = fromArticleInputs(topic.articles).map((raw) => segment(cleanArticle(raw)));
    for (const ref of topic.timelines) {
      const dates = ref.dates.map(([d]) => d).sort();
      const k = new Set(dates).size;
      const n = Math.max(1, Math.round(ref.dates.reduce((a, [, s]) => a + s.length, 0) / (ref.dates.length || 1)));
      const result = timelineMode(docs, { dates: k, perDate: n, from: dates[0], to: dates.at(-1), tuning: options.tuning });
      const prediction = result.timeline.map((d) => [d.date, d.sentences.map((s) => s.sentence.text.replace(/\s+/g, ' '))] as [string, string[]]);
      const reference: TimelinePairs = ref.dates;
      const pair = (f: (p: TimelinePairs, r: TimelinePairs, n: number) => Prf) => ({ rouge1: f(prediction, reference, 1), rouge2: f(prediction, reference, 2) });
      items.push({
        topic: topic.id,
        timeline: ref.name,
        prediction,
        scores: { concat: pair(concatRouge), agreement: pair(agreementRouge), alignment: pair(alignmentRouge), date: dateSelection(prediction, reference) },
      });
    }
  }
  const pick = (f: (s: TimelineScores) => Prf) => meanPrf(items.map((i) => f(i.scores)));
  const mean: TimelineScores = {
    concat: { rouge1: pick((s) => s.concat.rouge1), rouge2: pick((s) => s.concat.rouge2) },
    agreement: { rouge1: pick((s) => s.agreement.rouge1), rouge2: pick((s) => s.agreement.rouge2) },
    alignment: { rouge1: pick((s) => s.alignment.rouge1), rouge2: pick((s) => s.alignment.rouge2) },
    date: pick((s) => s.date),
  };
  return { items, mean, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
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
