// Update summaries measured on the DUC 2007 update task: each topic has three chronological
// document sets A, B, C with four 100-word human summaries each; B's summaries say what is new
// in B to a reader of A, C's what is new in C after A and B. For every topic this scores
//   - update B|A: whatsNew's update summary of B with A as the earlier articles,
//   - update C|AB: of C with A and B as the earlier articles,
//   - plain B, plain C: the ordinary summarizer on B (or C) alone, the figure to beat,
// with the project's ROUGE in ROUGE-1.5.5 style (Porter stemming, -m; no WordNet exception list;
// summaries cut at 100 words, -l 100; models pooled, -f A): recall, as DUC reported, and F1.
import { cleanArticle } from '../clean/index.js';
import { fromArticleInputs } from '../ingest/index.js';
import { updateSummary, UPDATE_WORDS } from '../stream/changes.js';
import type { UpdateTuning } from '../stream/changes.js';
import { summarize } from '../summarize/index.js';
import { segment } from '../text/index.js';
import { InputError, type ArticleInput } from '../types.js';
import { rouge } from './rouge.js';
import { readInput } from './stream.js';
import type { Prf } from './rouge.js';

export interface UpdateSet {
  name: string;
  articles: ArticleInput[];
  summaries: string[];
}

export interface UpdateTopic {
  id: string;
  sets: UpdateSet[];
}

/** Reads update topics: `{"id", "sets": [{"name", "articles": [{"title"?, "date"?, "text"}], "summaries"}]}` a line. */
export function readUpdateTopics(file: string): UpdateTopic[] {
  const text = readInput(file);
  const topics: UpdateTopic[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: { id?: unknown; sets?: { name?: unknown; articles?: Record<string, unknown>[]; summaries?: unknown }[] };
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${file}:${i + 1}`, 'not a JSON line');
    }
    if (!value || !Array.isArray(value.sets) || value.sets.length < 2) throw new InputError(`${file}:${i + 1}`, 'expected {"id", "sets": [{"name", "articles", "summaries"}, ...]} with two sets or more');
    topics.push({
      id: String(value.id ?? `line${i + 1}`),
      sets: value.sets.map((s) => ({
        name: String(s.name ?? ''),
        articles: (s.articles ?? []).map((a) => ({ title: str(a.title), text: str(a.text), published: str(a.published) ?? str(a.date) })),
        summaries: Array.isArray(s.summaries) ? s.summaries.map(String) : [],
      })),
    });
  });
  return topics;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export interface UpdateEvalResult {
  topics: number;
  /** Per system ("update B|A", "plain B", ...): ROUGE-1 and ROUGE-2 (recall, precision, F). */
  scores: Record<string, { rouge1: Prf; rouge2: Prf; items: number }>;
  seconds: number;
}

/** Plain summary of some articles by the existing summarizer, one sentence a line. */
export function plainSummary(articles: ArticleInput[], words: number): string {
  const docs = fromArticleInputs(articles).map((raw) => segment(cleanArticle(raw)));
  return summarize(docs, { words }).sentences.map((s) => s.text.replace(/\s+/g, ' ')).join('\n');
}

export function evaluateUpdate(topics: readonly UpdateTopic[], options: { words?: number; tuning?: Partial<UpdateTuning> } = {}): UpdateEvalResult {
  const words = options.words ?? UPDATE_WORDS;
  const start = process.hrtime.bigint();
  const bySystem = new Map<string, { id: string; prediction: string; references: string[] }[]>();
  const add = (system: string, id: string, prediction: string, references: string[]): void => {
    if (references.length === 0) return;
    const list = bySystem.get(system) ?? [];
    list.push({ id, prediction, references });
    bySystem.set(system, list);
  };
  for (const topic of topics) {
    for (let k = 1; k < topic.sets.length; k++) {
      const set = topic.sets[k]!;
      const earlier = topic.sets.slice(0, k).flatMap((s) => s.articles);
      const update = updateSummary({ before: earlier, added: set.articles, words }, options.tuning);
      const given = topic.sets.slice(0, k).map((s) => s.name).join('');
      add(`update ${set.name}|${given}`, topic.id, update.map((s) => s.text.replace(/\s+/g, ' ')).join('\n'), set.summaries);
      add(`plain ${set.name}`, topic.id, plainSummary(set.articles, words), set.summaries);
    }
  }
  const scores: UpdateEvalResult['scores'] = {};
  for (const [system, items] of [...bySystem].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const report = rouge(items, { style: '155', metrics: ['1', '2'], stem: true, words });
    scores[system] = { rouge1: report.scores.rouge1!, rouge2: report.scores.rouge2!, items: items.length };
  }
  return { topics: topics.length, scores, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function formatUpdateResult(r: UpdateEvalResult): string {
  const lines = [`topics ${r.topics} (${r.seconds.toFixed(1)} s); ROUGE-1.5.5 style, stemmed, 100 words, x100`, 'system          R-1 R   R-2 R   R-1 F   R-2 F'];
  for (const [system, s] of Object.entries(r.scores)) {
    const f = (x: number): string => (x * 100).toFixed(2).padStart(7);
    lines.push(`${system.padEnd(14)} ${f(s.rouge1.r)} ${f(s.rouge2.r)} ${f(s.rouge1.f)} ${f(s.rouge2.f)}`);
  }
  return `${lines.join('\n')}\n`;
}
