import type { Command } from 'commander';
import { evaluateTimelines, formatTimelineScores, readTimelineTopics } from '../eval/timeline.js';
import { InputError } from '../types.js';
import { emit, optionParser } from './output.js';
import { halfName } from './eval-stream.js';

export function register(program: Command): void {
  program
    .command('eval-timeline')
    .description('make a timeline of every topic of a Timeline17-style file in the standard setting and print the tilse metrics per topic and averaged')
    .argument('<file>', 'JSONL, one topic a line: {"id", "articles": [{"published", "text"}], "timelines": [{"name", "dates": [["YYYY-MM-DD", [sentence, ...]], ...]}]}')
    .option('--out <file>', 'write the predicted timelines, {"id", "timeline": [["YYYY-MM-DD", [sentence, ...]], ...]} a line')
    .option('--half <A|B>', 'only the topics of one half (A: second byte of sha256(id) even; B: odd)', optionParser(halfName))
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', `
For each topic and reference timeline: K = its number of dates, N = its mean sentences per date,
dates within its first and last date. Metrics as tilse computes them (ROUGE-1.5.5 -m -s): concat
and agreement ROUGE-1/2, alignment-based ROUGE-1/2 many-to-one, date-selection P/R/F1; F of the
averaged P and R.

Example:
  precis eval-timeline t17-dev.jsonl --half A --out preds.jsonl`)
    .action(async (file: string, opts: { out?: string; half?: 'A' | 'B'; json?: boolean }) => {
      const topics = readTimelineTopics(file);
      const result = evaluateTimelines(topics, { half: opts.half });
      if (result.items.length === 0) throw new InputError(file, opts.half ? `no topics in half ${opts.half}` : 'no topics');
      if (opts.out) await emit(result.items.map((i) => `${JSON.stringify({ id: i.topic, name: i.timeline, timeline: i.prediction })}\n`).join(''), opts.out);
      process.stdout.write(opts.json ? `${JSON.stringify({ mean: result.mean, items: result.items.map(({ topic, timeline, scores }) => ({ topic, timeline, scores })), seconds: result.seconds })}\n` : `${formatTimelineScores(result)}\n`);
    });
}
