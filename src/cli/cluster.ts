import type { Command } from 'commander';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
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
        let n = 0;
        let bad = 0;
        // Answers to one chunk of input go out in one write (a write per line was a tenth of the
        // time); a chunk is what the input had ready, so a line of a live feed is answered at once.
        let out = '';
        const line = (raw: string): void => {
          n++;
          const text = raw.trim();
          if (!text) return;
          const problem = (message: string): void => {
            bad++;
            process.stderr.write(`precis: ${file === '-' ? 'stdin' : file}:${n}: ${message}\n`);
          };
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            problem('not a JSON line');
            return;
          }
          if (!value || typeof value !== 'object' || Array.isArray(value)) {
            problem('not a JSON object');
            return;
          }
          const article = toArticle(value as Record<string, unknown>);
          if (!article.text?.trim() && !article.html?.trim()) {
            problem('no "text" or "html"');
            return;
          }
          if (article.id == null || article.id === '') article.id = String(n);
          const a = clusterer.assign(article);
          out += `${JSON.stringify({ id: a.id, story: a.story })}\n`;
        };
        const flush = async (): Promise<void> => {
          if (!out) return;
          const ok = process.stdout.write(out);
          out = '';
          if (!ok) await once(process.stdout, 'drain');
        };
        await eachLine(input, line, flush);
        await flush();
        if (bad > 0) process.exitCode = 2;
      });
    });
}

/**
 * Calls `line` for each line of a UTF-8 stream, as node:readline splits them (at "\n", "\r\n"
 * or a lone "\r"; a last line without an end counts), and awaits `chunkDone` after each chunk.
 * readline's async iterator cost a tenth of the clusterer's time.
 */
export async function eachLine(input: Readable, line: (raw: string) => void, chunkDone: () => Promise<void>): Promise<void> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    const len = text.length;
    let from = 0;
    // `rest` holds no line end but perhaps a last "\r": it is not searched again.
    const skip = rest.endsWith('\r') ? rest.length - 1 : rest.length;
    let nl = text.indexOf('\n', skip);
    let cr = text.indexOf('\r', skip);
    while (nl >= 0 || cr >= 0) {
      if (cr < 0 || (nl >= 0 && nl < cr)) {
        line(text.slice(from, nl));
        from = nl + 1;
        nl = text.indexOf('\n', from);
        continue;
      }
      // A "\r" that ends the chunk may be the first half of a "\r\n".
      if (cr + 1 === len) break;
      line(text.slice(from, cr));
      from = cr + (nl === cr + 1 ? 2 : 1);
      if (nl < from && nl >= 0) nl = text.indexOf('\n', from);
      cr = text.indexOf('\r', from);
    }
    rest = text.slice(from);
    await chunkDone();
  }
  if (rest) {
    // A "\r" kept back from the last chunk ends its line; what follows it is none.
    line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }
}
