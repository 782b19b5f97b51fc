import type { Command } from 'commander';
import { openStore } from '../store/index.js';
import { ingestStream } from '../stream/ingest.js';
import { inputStream, positiveInt, readingStream } from './output.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('stream articles (JSONL) into a store: each joins a story, and touched stories get a new briefing version')
    .argument('<input>', 'a JSONL file, or - for stdin')
    .option('--db <file>', 'SQLite store', 'precis.db')
    .option('--every <n>', 'rebuild touched briefings after this many new articles', positiveInt('--every'), 50)
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'))
    .addHelpText('after', `
A malformed line or an article with no text is reported on stderr (one line, with its line
number) and skipped; the rest of the stream is ingested. An article already seen (same URL or
same text) is stored once.`)
    .action(async (input: string, opts: { db: string; every: number; words?: number }) => {
      const stream = inputStream(input);
      const store = await openStore(opts.db);
      try {
        const report = await readingStream(input, () => ingestStream(stream, input === '-' ? 'stdin' : input, store, { flushEvery: opts.every, words: opts.words }));
        process.stderr.write(`precis: ${report.stored} stored, ${report.duplicates} duplicates, ${report.bad} bad, ${report.updated.length} stories updated\n`);
      } finally {
        await store.close();
      }
    });
}
