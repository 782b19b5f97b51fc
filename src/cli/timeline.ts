import { Option, type Command } from 'commander';
import { NothingUsableError } from '../brief/index.js';
import { timeline } from '../brief/timeline.js';
import { renderTimeline, TIMELINE_FORMATS, type TimelineFormat } from '../render/timeline.js';
import { InputError } from '../types.js';
import { emit, optionParser, positiveInt, reportProblems } from './output.js';

/** Parses a YYYY-MM-DD option. */
export function dayOption(name: string): (value: string) => string {
  return (value: string) => {
    const v = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
      throw new Error(`${name}: expected a date YYYY-MM-DD, got "${value}"`);
    }
    return v;
  };
}

export function register(program: Command): void {
  program
    .command('timeline')
    .description('the most important dates of a collection (hundreds of articles over months), each with sentences quoted from the articles')
    .argument('<inputs...>', 'files (.txt .md .html .html.gz .json .jsonl), folders, or - for stdin')
    .option('--dates <k>', 'how many dates (default: those that stand out in the data)', positiveInt('--dates'))
    .option('--per-date <n>', 'sentences per date', positiveInt('--per-date'), 1)
    .option('--from <date>', 'no date before this day (YYYY-MM-DD)', optionParser(dayOption('--from')))
    .option('--to <date>', 'no date after this day (YYYY-MM-DD)', optionParser(dayOption('--to')))
    .addOption(new Option('-f, --format <format>', 'output format').choices(TIMELINE_FORMATS as unknown as string[]).default('md'))
    .option('-o, --out <file>', 'write to a file (whole or not at all) instead of stdout')
    .option('--strict', 'fail (exit 2) on any bad input instead of skipping it')
    .addHelpText('after', `
Dates are ranked by a fitted ranker on the articles published on a date, the articles of other
days that name it and those still naming it more than a week later (dates like "on Tuesday" are
resolved against each article's own date). Each sentence is quoted
verbatim and cites its article. Articles with no date of their own still give their absolute
dates ("on Jan. 20, 2011"); the output says how many could not resolve relative ones.

Examples:
  precis timeline articles/ --dates 10 --per-date 2
  precis timeline story.jsonl --from 2011-01-25 --to 2011-02-13 --format json`)
    .action(async (inputs: string[], opts: { dates?: number; perDate: number; from?: string; to?: string; format: TimelineFormat; out?: string; strict?: boolean }) => {
      if (opts.from && opts.to && opts.from > opts.to) throw new InputError('--from', `${opts.from} is after --to ${opts.to}`);
      try {
        const { document, problems } = await timeline(inputs, { dates: opts.dates, perDate: opts.perDate, from: opts.from, to: opts.to, strict: opts.strict });
        reportProblems(problems);
        await emit(renderTimeline(document, opts.format), opts.out);
      } catch (err) {
        if (err instanceof NothingUsableError) reportProblems(err.problems);
        throw err;
      }
    });
}
