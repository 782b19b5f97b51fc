import { Option, type Command } from 'commander';
import { brief, DEFAULT_WORDS, NothingUsableError } from '../brief/index.js';
import { FORMATS, render, type Format } from '../render/index.js';
import { InputError } from '../types.js';
import { emit, positiveInt, reportProblems } from './output.js';

export function register(program: Command): void {
  program
    .command('brief')
    .description('brief a cluster of articles about one story: a summary that cites its sources, a timeline, who is who, where sources disagree')
    .argument('[inputs...]', 'files (.txt .md .html .html.gz .json .jsonl), folders (read recursively), or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('md'))
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'), DEFAULT_WORDS)
    .option('-o, --out <file>', 'write to a file (whole or not at all) instead of stdout')
    .option('-t, --title <title>', 'story title (default: picked from the article titles)')
    .option('--strict', 'fail (exit 2) on any bad input instead of skipping it')
    .option('--db <file|url>', 'with --story: a store written by precis ingest or serve (SQLite file or postgres:// URL)')
    .option('--story <id>', 'brief a stored story instead of inputs')
    .option('--since <version>', 'with --story: what is new since that briefing version', positiveInt('--since'))
    .addHelpText('after', `
Bad inputs are reported on stderr, one line each, and the others are briefed; the exit code is
0 unless nothing was usable or --strict is given (then 2).

Examples:
  precis brief examples/velmar-warehouse-fire
  precis brief articles/ --format json --out briefing.json
  cat story.jsonl | precis brief - --words 200`)
    .action(async (inputs: string[], opts: { format: Format; words: number; out?: string; title?: string; strict?: boolean; db?: string; story?: string; since?: number }) => {
      // The store (SQLite's native module, the stream's modules) is loaded only for --db: a brief
      // of files does not pay for it at start-up.
      if (opts.story !== undefined || opts.db !== undefined || opts.since !== undefined) return (await import('./brief-stored.js')).briefStored(inputs, opts);
      if (inputs.length === 0) throw new InputError('brief', 'missing input: give files, folders, - or --db with --story');
      try {
        const result = await brief(inputs, { words: opts.words, title: opts.title, strict: opts.strict });
        reportProblems(result.problems);
        await emit(render(result.briefing, opts.format), opts.out);
      } catch (err) {
        if (err instanceof NothingUsableError) reportProblems(err.problems);
        throw err;
      }
    });
}
