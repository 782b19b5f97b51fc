import type { Command } from 'commander';
import { extract } from '../extract.js';
import { reportProblems, emit } from './output.js';
import { NothingUsableError } from '../brief/index.js';
import { readerView } from '../clean/index.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('read and clean articles: one JSON line per article with its cleaned text and what was removed, and why')
    .argument('<inputs...>', 'files (.txt .md .html .html.gz .json .jsonl), folders, or - for stdin')
    .option('-o, --out <file>', 'write to a file (whole or not at all) instead of stdout')
    .option('--strict', 'fail (exit 2) on any bad input instead of skipping it')
    .addHelpText('after', `
Each line: {"id", "path", "title", "published", "outlet", "url", "byline", "text", "removed": [{"reason", "text"}]}
where text is the cleaned article body as a reader sees it, paragraphs and subheads separated
by a blank line (briefing sentences are drawn from the paragraphs, never from a subhead).`)
    .action(async (inputs: string[], opts: { out?: string; strict?: boolean }) => {
      try {
        const { articles, problems } = await extract(inputs, { strict: opts.strict });
        reportProblems(problems);
        await emit(articles.map((a) => JSON.stringify({ id: a.id, path: a.path, title: a.title, published: a.published, outlet: a.outlet, url: a.url, byline: a.byline, ...readerView(a) }) + '\n').join(''), opts.out);
      } catch (err) {
        if (err instanceof NothingUsableError) reportProblems(err.problems);
        throw err;
      }
    });
}
