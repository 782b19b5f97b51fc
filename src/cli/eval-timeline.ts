import type { Command } from 'commander';
import { evaluateTimelines, fitDateRanker, formatTimelineScores, readTimelineTopics } from '../eval/timeline.js';
import { DATE_FEATURE_NAMES, type DateFeature } from '../summarize/timeline.js';
import { InputError } from '../types.js';
import { emit, optionParser } from './output.js';
import { halfName } from './eval-stream.js';

function featureList(value: string): DateFeature[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(DATE_FEATURE_NAMES as readonly string[]).includes(n));
  if (names.length === 0 || bad.length) throw new Error(`--features: expected some of ${DATE_FEATURE_NAMES.join(', ')}, got "${value}"`);
  return names as DateFeature[];
}

function l2Value(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || value.trim() === '') throw new Error(`--l2 must be a number 0 or more, got "${value}"`);
  return n;
}

export function register(program: Command): void {
  program
    .command('eval-timeline')
    .description('make a timeline of every topic of a Timeline17-style file in the standard setting and print the tilse metrics per topic and averaged')
    .argument('<file>', 'JSONL, one topic a line: {"id", "articles": [{"published", "text"}], "timelines": [{"name", "dates": [["YYYY-MM-DD", [sentence, ...]], ...]}]}')
    .option('--out <file>', 'write the predicted timelines, {"id", "timeline": [["YYYY-MM-DD", [sentence, ...]], ...]} a line')
    .option('--half <A|B>', 'only the topics of one half (A: second byte of sha256(id) even; B: odd)', optionParser(halfName))
    .option('--fit-dates', 'fit the date ranker (logistic regression of "the date is in the reference timeline") on these topics, leaving one topic out in turn, and print each fold\'s weights and held-out scores, then the weights fitted on all')
    .option('--features <list>', `with --fit-dates: the ranker's features, comma-separated, of ${DATE_FEATURE_NAMES.join(', ')} (default: those in use)`, optionParser(featureList))
    .option('--l2 <x>', 'with --fit-dates: the L2 penalty on standardised weights (default 0.1)', optionParser(l2Value))
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', `
For each topic and reference timeline: K = its number of dates, N = its mean sentences per date,
dates within its first and last date. Metrics as tilse computes them (ROUGE-1.5.5 -m -s): concat
and agreement ROUGE-1/2, alignment-based ROUGE-1/2 many-to-one, date-selection P/R/F1; F of the
averaged P and R.

Examples:
  precis eval-timeline t17-dev.jsonl --half A --out preds.jsonl
  precis eval-timeline t17-dev.jsonl --half A --fit-dates --features published,otherDays,later --l2 0.1`)
    .action(async (file: string, opts: { out?: string; half?: 'A' | 'B'; json?: boolean; fitDates?: boolean; features?: DateFeature[]; l2?: number }) => {
      const topics = readTimelineTopics(file);
      if (opts.fitDates) {
        const fit = fitDateRanker(topics, { half: opts.half, features: opts.features, l2: opts.l2 });
        if (fit.folds.length < 2) throw new InputError(file, 'fitting the date ranker needs at least 2 topics');
        const f = (x: number) => x.toFixed(3);
        const w = (ws: number[]) => ws.map((x) => x.toFixed(4)).join(' ');
        process.stdout.write(opts.json ? `${JSON.stringify({ features: fit.features, l2: fit.l2, weights: fit.weights, heldOut: fit.heldOut, folds: fit.folds.map((x) => ({ topic: x.topic, weights: x.weights, scores: x.items.map((i) => i.scores) })) })}\n` : [
          `features ${fit.features.join(', ')} (then the intercept), l2 ${fit.l2}; ${fit.candidates} candidate dates, ${fit.positives} in a reference`,
          ...fit.folds.map((x) => `held out ${x.topic.padEnd(24)} weights ${w(x.weights)}  ali-1 ${x.items.map((i) => f(i.scores.alignment.rouge1.f)).join(' ')} ali-2 ${x.items.map((i) => f(i.scores.alignment.rouge2.f)).join(' ')} dateF ${x.items.map((i) => f(i.scores.date.f)).join(' ')}`),
          `held out, mean of ${fit.folds.reduce((a, x) => a + x.items.length, 0)}: ali-1 ${f(fit.heldOut.alignment.rouge1.f)} ali-2 ${f(fit.heldOut.alignment.rouge2.f)} dateF ${f(fit.heldOut.date.f)}`,
          `fitted on all: ${w(fit.weights)}`,
          '',
        ].join('\n'));
        return;
      }
      const result = evaluateTimelines(topics, { half: opts.half });
      if (result.items.length === 0) throw new InputError(file, opts.half ? `no topics in half ${opts.half}` : 'no topics');
      if (opts.out) await emit(result.items.map((i) => `${JSON.stringify({ id: i.topic, name: i.timeline, timeline: i.prediction })}\n`).join(''), opts.out);
      process.stdout.write(opts.json ? `${JSON.stringify({ mean: result.mean, items: result.items.map(({ topic, timeline, scores }) => ({ topic, timeline, scores })), seconds: result.seconds })}\n` : `${formatTimelineScores(result)}\n`);
    });
}
