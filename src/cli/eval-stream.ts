import type { Command } from 'commander';
import type { FittedThreshold } from '../eval/stream.js';
import { InputError } from '../types.js';
import { optionParser } from './output.js';

export function register(program: Command): void {
  const command = program
    .command('eval-stream')
    .description('cluster a labelled stream online (labels hidden from the clusterer) and print B-cubed P/R/F1, story counts and articles/s')
    .argument('<file>', 'JSONL: one article a line {"id"?, "published"?, "title"?, "text" | "html", "story"}, or one story a line {"id", "articles": [...]} (mixed into one stream in date order), or a folder of SEE summaries (<topic>.*.html)');
  withClusterOptions(command)
    .option('--half <A|B>', 'only the stories of one half (A: second byte of sha256(story) even; B: odd), in stream order', optionParser(halfName))
    .option('--no-titles', 'take every title off before clustering (a stream of untitled articles, as many feeds are)')
    .option('--topic-prefix', 'collections file: the story is the collection id up to its first "_" (one topic told by several outlets)')
    .option('--orders <n>', 'average over n orders of the stream: dated articles in their order, undated ones at seeded random places (default 1: as given)', positiveNumber('--orders'))
    .option('--fit', 'fit the length slope and title weight (logistic regression over the join decisions), then the threshold, the missing-title cosine and the story level (best mean B-cubed F1 over --orders orders, default 3) on this stream, and print them')
    .option('--folds <k>', 'with --fit: cross-validate instead, fitting on all folds but one (stories cut by the third byte of sha256(story) mod k) and scoring the held-out fold, with the rule fitted with titles and without', positiveNumber('--folds'))
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', `
Examples:
  precis eval-stream dev-stream.jsonl --half A
  precis eval-stream dev-stream.jsonl --half B --orders 3
  precis eval-stream dev-stream.jsonl --half B --orders 3 --no-titles
  precis eval-stream dev-stream.jsonl --half A --fit
  precis eval-stream dev-stream.jsonl --half A --fit --folds 3
  precis eval-stream t17-dev.jsonl --topic-prefix`)
    .action(async (file: string, opts: { window?: number; threshold?: number; half?: 'A' | 'B'; topicPrefix?: boolean; json?: boolean; orders?: number; fit?: boolean; folds?: number; titles?: boolean }) => {
      // Loaded here, not at the top: \`precis cluster\` and the other evaluators share this module's
      // option parsers, and the evaluator would double their start-up.
      const { crossValidate, evaluateOrders, withoutTitles, fitThreshold, formatStreamResult, readLabelledStream, storyHalf } = await import('../eval/stream.js');
      const topicOf = opts.topicPrefix ? (id: string) => id.split('_')[0]! : undefined;
      const read = readLabelledStream(file, { topicOf }).filter((x) => opts.half === undefined || storyHalf(x.story) === opts.half);
      const items = opts.titles === false ? withoutTitles(read) : read;
      if (items.length === 0) throw new InputError(file, 'no labelled articles');
      if (opts.fit && opts.folds !== undefined) {
        const folds = crossValidate(items, Math.max(2, Math.floor(opts.folds)), { windowDays: opts.window, orders: Math.floor(opts.orders ?? 3) });
        process.stdout.write(opts.json ? `${JSON.stringify(folds)}\n` : folds.map((f) => [
          `fold ${f.fold} (${f.articles} articles, ${f.stories} stories held out), fitted on the others: ${fitLine(f.fit)}; without titles: ${fitLine(f.blindFit)}`,
          `  held out: B-cubed F1 ${f.heldOut.f1.toFixed(4)} (P ${f.heldOut.precision.toFixed(4)} R ${f.heldOut.recall.toFixed(4)}); without titles ${f.blind.f1.toFixed(4)} (P ${f.blind.precision.toFixed(4)} R ${f.blind.recall.toFixed(4)})`,
        ].join('\n')).join('\n') + '\n');
        return;
      }
      if (opts.fit) {
        const fit = fitThreshold(items, { windowDays: opts.window, orders: Math.floor(opts.orders ?? 3) });
        process.stdout.write(opts.json ? `${JSON.stringify(fit)}\n` : [
          `title weight ${fit.titleSimilarity.toFixed(4)} (a missing title counts as cosine ${fit.titleMissing.toFixed(4)}), length slope ${fit.lengthSlope.toFixed(4)} (logistic fit over ${fit.decisions} join decisions, ${fit.positives} right to join)`,
          `threshold ${fit.threshold} (B-cubed F1 by threshold: ${fit.scan.map(([t, f]) => `${t} ${f.toFixed(4)}`).join(', ')})`,
          `story level: share ${fit.cohesionShare} of the expected cosine, prior ${fit.cohesionPrior} (B-cubed F1 by share/prior: ${fit.cohesionScan.map(([r, k, f]) => `${r}/${k} ${f.toFixed(4)}`).join(', ')})`,
        ].join('\n') + '\n');
        return;
      }
      const result = evaluateOrders(items, Math.floor(opts.orders ?? 1), { windowDays: opts.window, threshold: opts.threshold });
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : formatStreamResult(result));
    });
}

/** The clusterer's options, as `precis cluster` and `precis eval-stream` take them. */
export function withClusterOptions(command: Command): Command {
  return command
    .option('--window <days>', 'close a story whose newest article is this many days older than the newest date seen (default 1096)', positiveNumber('--window'))
    .option('--threshold <t>', 'similarity (body cosine + 0.148 x title cosine) an article of 100 distinct terms needs to join a story of one article (default 0.165); shorter ones need more, and a story of more articles sets its own level from how alike they are', positiveNumber('--threshold'));
}

function fitLine(fit: FittedThreshold): string {
  return `title weight ${fit.titleSimilarity.toFixed(4)} (missing ${fit.titleMissing.toFixed(4)}), length slope ${fit.lengthSlope.toFixed(4)}, threshold ${fit.threshold}, story level ${fit.cohesionShare}/${fit.cohesionPrior}`;
}

/** Parses --half: A or B, either case. */
export function halfName(value: string): 'A' | 'B' {
  const half = value.trim().toUpperCase();
  if (half !== 'A' && half !== 'B') throw new Error(`--half: expected A or B, got "${value}"`);
  return half;
}

/** An option parser for a positive number. */
export function positiveNumber(name: string): (value: string) => number {
  return optionParser((value: string): number => {
    const n = Number(value);
    if (!value.trim() || !Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
    return n;
  });
}
