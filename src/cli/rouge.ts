import { readBounded } from '../ingest/read.js';
import { decodeText } from '../ingest/decode.js';
import { MAX_DATASET_BYTES } from '../eval/evaluate.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { rouge, type RougeItem, type RougeOptions, type RougeReport } from '../eval/rouge.js';
import { InputError } from '../types.js';
import { positiveInt } from './output.js';

interface RougeCliOptions {
  style: '155' | 'rs';
  stem?: boolean;
  words?: number;
  metrics: string[];
  alpha?: number;
  formula: 'A' | 'B';
  exceptions?: string;
  stopwords?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('rouge')
    .description('score predicted summaries against reference summaries with ROUGE (ROUGE-1.5.5 or rouge_score semantics)')
    .argument('<refs>', 'JSONL file, one {"id", "summaries": [...]} a line')
    .argument('<preds>', 'JSONL file, one {"id", "summary"} a line')
    .addOption(new Option('--style <style>', '"155": ROUGE-1.5.5; "rs": Python rouge_score').choices(['155', 'rs']).default('155'))
    .option('--stem', 'stem tokens longer than 3 characters (155: the WordNet 2.0 exception list ROUGE-1.5.5 ships, then Porter, as -m)')
    .option('--words <n>', '155: keep the first N words of every summary (-l N)', positiveInt('--words'))
    .option('--metrics <list>', 'comma-separated: 1-9, L, and for 155 SU4, S4, ...; in rs style L is rougeLsum', parseList, ['1', '2', 'L'])
    .option('--alpha <a>', '155: weight of precision in F, 0..1 (-p)', parseAlpha)
    .addOption(new Option('--formula <f>', '155: A pools the references, B keeps the best one (-f)').choices(['A', 'B']).default('A'))
    .option('--exceptions <file>', '155: another exception list (inflected<TAB>base, optionally .gz) instead of the shipped WordNet 2.0 one')
    .option('-s, --stopwords', "155: drop ROUGE-1.5.5's stop words (SMART list) before stemming (-s)")
    .option('--json', 'print JSON: {"rouge1": {"r","p","f"}, ..., "items": {"<id>": {...}}}')
    .addHelpText('after', `
155 style reads each summary one sentence a line (ROUGE-1.5.5's SPL format); rs style splits
rougeLsum sentences at newlines and at ., ! or ? followed by whitespace. R, P and F are fractions.

Examples:
  precis rouge refs.jsonl preds.jsonl --stem --words 100 --metrics 1,2,L,SU4
  precis rouge refs.jsonl preds.jsonl --style rs --stem --json`)
    .action((refsPath: string, predsPath: string, opts: RougeCliOptions) => {
      const items = matchItems(readReferences(refsPath), readPredictions(predsPath), predsPath);
      const options: RougeOptions = {
        style: opts.style,
        metrics: opts.metrics,
        stem: opts.stem ?? false,
        words: opts.words,
        alpha: opts.alpha,
        formula: opts.formula,
        exceptions: opts.exceptions,
        stopwords: opts.stopwords,
      };
      const report = rouge(items, options);
      process.stdout.write(opts.json ? toJson(report) : toTable(report, opts.style, items.length));
    });
}


function parseAlpha(value: string): number {
  const a = Number(value);
  if (value.trim() === '' || !Number.isFinite(a) || a < 0 || a > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return a;
}

function parseList(value: string): string[] {
  const list = value.split(',').map((m) => m.trim()).filter((m) => m.length > 0);
  if (list.length === 0) throw new InvalidArgumentError('expected a comma-separated list such as 1,2,L');
  return list;
}

/** Parsed JSONL lines with their line numbers; a line that is not JSON names file and line. */
function readJsonl(path: string): { line: number; value: unknown }[] {
  let text: string;
  try {
    text = decodeText(readBounded(path, MAX_DATASET_BYTES), path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const out: { line: number; value: unknown }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(lines[i]) });
    } catch {
      throw new InputError(`${path}:${i + 1}`, 'not a JSON object (malformed JSONL line)');
    }
  }
  if (out.length === 0) throw new InputError(path, 'no JSONL lines');
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readReferences(path: string): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const { line, value } of readJsonl(path)) {
    const where = `${path}:${line}`;
    if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') {
      throw new InputError(where, 'expected {"id": "...", "summaries": ["..."]}');
    }
    const summaries = value.summaries;
    if (!Array.isArray(summaries) || summaries.length === 0 || !summaries.every((s) => typeof s === 'string')) {
      throw new InputError(where, `"summaries" of ${value.id} must be a non-empty list of strings`);
    }
    if (refs.has(value.id)) throw new InputError(where, `id ${value.id} appears twice`);
    refs.set(value.id, summaries as string[]);
  }
  return refs;
}

/** Reads {"id", "summary"} lines into a map by id; an id given twice is an error. */
export function readPredictions(path: string): Map<string, string> {
  const preds = new Map<string, string>();
  for (const { line, value } of readJsonl(path)) {
    const where = `${path}:${line}`;
    if (!isRecord(value) || typeof value.id !== 'string' || value.id === '' || typeof value.summary !== 'string') {
      throw new InputError(where, 'expected {"id": "...", "summary": "..."}');
    }
    if (preds.has(value.id)) throw new InputError(where, `id ${value.id} appears twice`);
    preds.set(value.id, value.summary);
  }
  return preds;
}

/** Pairs predictions with references by id; every reference needs a prediction and back. */
function matchItems(refs: Map<string, string[]>, preds: Map<string, string>, predsPath: string): RougeItem[] {
  const items: RougeItem[] = [];
  for (const [id, references] of refs) {
    const prediction = preds.get(id);
    if (prediction === undefined) throw new InputError(predsPath, `no prediction for id ${id}`);
    items.push({ id, prediction, references });
  }
  for (const id of preds.keys()) {
    if (!refs.has(id)) throw new InputError(predsPath, `prediction ${id} has no reference summaries`);
  }
  return items;
}

function toJson(report: RougeReport): string {
  return `${JSON.stringify({ ...report.scores, items: report.items }, null, 2)}\n`;
}

/** "rouge1" -> "ROUGE-1", "rougeLsum" -> "ROUGE-Lsum". */
function label(key: string): string {
  return `ROUGE-${key.slice(5)}`;
}

function toTable(report: RougeReport, style: string, count: number): string {
  const rows = Object.entries(report.scores).map(([key, s]) =>
    [label(key).padEnd(12), s.r.toFixed(5), s.p.toFixed(5), s.f.toFixed(5)].join('  '),
  );
  const header = ['metric'.padEnd(12), 'R'.padEnd(7), 'P'.padEnd(7), 'F'].join('  ');
  return `ROUGE (${style} style), mean over ${count} item${count === 1 ? '' : 's'}\n${header}\n${rows.join('\n')}\n`;
}
