import type { Command } from 'commander';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createClusterer } from '../stream/cluster.js';
import { toArticle } from '../stream/article.js';
import { withClusterOptions } from './eval-stream.js';
import { inputStream, readingStream } from './output.js';

export function register(program: Command): void {
  const command = program
    .command('cluster')
    .description('assign each article of a JSONL stream to a story, online: one {"id", "story"} line per article, in input order')
    .argument('<file>', 'JSONL file (- for stdin), one article a line: {"id"?, "title"?, "text" | "html", "url"?, "published"?, "outlet"?}');
  withClusterOptions(command)
    .addHelpText('after', `
Lines are read and answered one at a time (memory stays bounded on any length of stream). An
article without an id gets its line number. A line that is not a JSON article is reported on
stderr as "precis: <file>:<line>: <problem>" and skipped; the stream goes on, and the command
exits with 2 at the end when any line was skipped. Any "story" field of the input is ignored.

Examples:
  precis cluster articles.jsonl > stories.jsonl
  tail -f feed.jsonl | precis cluster - --window 30`)
    .action(async (file: string, opts: { window?: number; threshold?: number }) => {
      const clusterer = createClusterer({ windowDays: opts.window, threshold: opts.threshold });
      const input = inputStream(file);
      await readingStream(file, async () => {
        const lines = createInterface({ input, crlfDelay: Infinity });
        let n = 0;
        let bad = 0;
        for await (const raw of lines) {
          n++;
          const line = raw.trim();
          if (!line) continue;
          const problem = (message: string): void => {
            bad++;
            process.stderr.write(`precis: ${file === '-' ? 'stdin' : file}:${n}: ${message}\n`);
          };
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            problem('not a JSON line');
            continue;
          }
          if (!value || typeof value !== 'object' || Array.isArray(value)) {
            problem('not a JSON object');
            continue;
          }
          const article = toArticle(value as Record<string, unknown>);
          if (!article.text?.trim() && !article.html?.trim()) {
            problem('no "text" or "html"');
            continue;
          }
          if (article.id == null || article.id === '') article.id = String(n);
          const a = clusterer.assign(article);
          if (!process.stdout.write(`${JSON.stringify({ id: a.id, story: a.story })}\n`)) await once(process.stdout, 'drain');
        }
        if (bad > 0) process.exitCode = 2;
      });
    });
}
