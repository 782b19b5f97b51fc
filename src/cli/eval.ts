import type { Command } from 'commander';
import { DEFAULT_EVAL_WORDS, devHalf, evaluate, formatScores, readClusters, writePredictions } from '../eval/evaluate.js';
import { InputError } from '../types.js';
import { optionParser, positiveInt } from './output.js';
import { readPredictions } from './rouge.js';

export function register(program: Command): void {
  program
    .command('eval')
    .description('summarize every cluster of a JSONL file and, when it holds reference summaries, score them (ROUGE-1/2/Lsum, rs style)')
    .argument('<clusters>', 'JSONL file (- for stdin), one cluster a line: {"id", "articles": [{"text" | "html", "title"?}], "summaries"?: [...]}')
    .option('-w, --words <n>', 'summary length in words', positiveInt('--words'), DEFAULT_EVAL_WORDS)
    .option('-o, --out <file>', 'write the summaries, one {"id", "summary"} line per cluster, to a file (default: stdout)')
    .option('--half <A|B>', 'only the clusters of one development half (A: second byte of sha256(id) even; B: odd), to try ideas on A and confirm them on B', optionParser(devHalfName))
    .option('--json', 'print the figures as JSON')
    .option('--undated', 'read no article\'s date ("published" or "date"): the summary of an undated collection')
    .option('--peer <file>', 'score the summaries of this JSONL file (one {"id", "summary"} a line, e.g. a baseline\'s) instead of summarizing')
    .addHelpText('after', `
Summaries go to --out, or to stdout; the figures then go to stdout with --out, else to stderr.
A progress bar is drawn on stderr when it is a terminal.

Examples:
  precis eval dev.jsonl --words 250 --out preds.jsonl
  precis eval dev.jsonl --json --out /dev/null
  precis eval dev.jsonl --half A --out /dev/null
  precis eval dev.jsonl --half A --peer dev.greedy-concepts-250.jsonl --out /dev/null`)
    .action((file: string, opts: { words: number; out?: string; json?: boolean; half?: 'A' | 'B'; undated?: boolean; peer?: string }) => {
      const clusters = readClusters(file).filter((c) => opts.half === undefined || devHalf(c.id) === opts.half);
      if (clusters.length === 0) throw new InputError(file, `no clusters in half ${opts.half}`);
      const bar = process.stderr.isTTY ? progressBar(process.stderr) : undefined;
      const peer = opts.peer === undefined ? undefined : readPredictions(opts.peer);
      const result = evaluate(clusters, { words: opts.words, onProgress: bar, undated: opts.undated, peer, peerName: opts.peer });
      if (bar) process.stderr.write('\r\x1b[K');
      if (opts.out && opts.out !== '-') writePredictions(opts.out, result.items);
      else for (const item of result.items) process.stdout.write(`${JSON.stringify({ id: item.id, summary: item.summary })}\n`);
      const figures = opts.json
        ? `${JSON.stringify({ clusters: result.items.length, scored: result.scored, words: opts.words, meanWords: result.meanWords, scores: result.scores ?? null, seconds: result.seconds, clustersPerSecond: result.clustersPerSecond, stages: result.stages })}\n`
        : formatScores(result);
      (opts.out && opts.out !== '-' ? process.stdout : process.stderr).write(figures);
    });
}

/** Parses --half: A or B, either case. */
function devHalfName(value: string): 'A' | 'B' {
  const half = value.trim().toUpperCase();
  if (half !== 'A' && half !== 'B') throw new Error(`--half: expected A or B, got "${value}"`);
  return half;
}

/** A one-line progress bar redrawn in place. */
function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    if (filled === last && done !== total) return;
    last = filled;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} clusters`);
  };
}
