import type { Command } from 'commander';
import { devHalf } from '../eval/evaluate.js';
import { evaluateUpdate, formatUpdateResult, readUpdateTopics } from '../eval/update.js';
import { InputError } from '../types.js';
import { optionParser, positiveInt } from './output.js';
import { halfName } from './eval-stream.js';

export function register(program: Command): void {
  program
    .command('eval-update')
    .description('score update summaries (what is new in set B after A, in C after A and B) against human ones, next to plain summaries of B and C alone')
    .argument('<file>', 'JSONL, one topic a line: {"id", "sets": [{"name", "articles": [{"title"?, "date"?, "text"}], "summaries": [...]}, ...]} (sets in time order)')
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'), 100)
    .option('--half <A|B>', 'only the topics of one half (A: second byte of sha256(id) even; B: odd)', optionParser(halfName))
    .option('--json', 'print the figures as JSON')
    .action((file: string, opts: { words: number; half?: 'A' | 'B'; json?: boolean }) => {
      const topics = readUpdateTopics(file).filter((t) => opts.half === undefined || devHalf(t.id) === opts.half);
      if (topics.length === 0) throw new InputError(file, 'no topics');
      const result = evaluateUpdate(topics, { words: opts.words });
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : formatUpdateResult(result));
    });
}
