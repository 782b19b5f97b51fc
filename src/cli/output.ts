import { InvalidArgumentError } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError, type Problem } from '../types.js';
import { describeFsError } from '../ingest/fs-errors.js';
import { writeFileWhole } from '../write-file.js';

/**
 * Writes to --out (whole or not at all) or stdout. A reader that went away (`| head`) is no
 * error: what it wanted it has.
 */
export async function emit(content: string, out?: string): Promise<void> {
  if (out && out !== '-') {
    writeFileWhole(out, content);
    return;
  }
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(content, (err) => (!err || (err as NodeJS.ErrnoException).code === 'EPIPE' ? resolve() : reject(err))),
  );
}

/** One line per bad input on stderr: `precis: <input>: <problem>`. */
export function reportProblems(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`precis: ${p.input}: ${p.message}\n`);
}

/**
 * Turns a validator that throws a plain Error into a commander option parser, so that a bad value
 * is a usage error: one line, exit 2.
 */
export function optionParser<T>(parse: (v: string) => T): (v: string) => T {
  return (v) => {
    try {
      return parse(v);
    } catch (err) {
      throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
    }
  };
}

/** An option parser for a positive whole number. */
export function positiveInt(name: string): (value: string) => number {
  return optionParser((value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
    return n;
  });
}

/**
 * A JSONL input read as a stream (standard input for "-"): a missing path or a folder is an
 * InputError now, not a stream error later.
 */
export function inputStream(input: string): Readable {
  if (input === '-') return process.stdin;
  try {
    if (statSync(input).isDirectory()) throw new InputError(input, 'is a folder, expected a JSONL file');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(input, describeFsError(err));
  }
  return createReadStream(input);
}

/** Runs `work` on a stream; an error of the file system while reading becomes an InputError naming `input`. */
export async function readingStream<T>(input: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InputError || !(err as NodeJS.ErrnoException)?.code?.startsWith('E')) throw err;
    throw new InputError(input, describeFsError(err));
  }
}
