import { InvalidArgumentError } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../types.js';

/** Writes a file whole or not at all: a temp file beside it, then a rename. */
export async function writeAtomically(file: string, content: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, content);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Writes to --out (atomically) or stdout. */
export async function emit(content: string, out?: string): Promise<void> {
  if (out && out !== '-') await writeAtomically(out, content);
  else await new Promise<void>((resolve, reject) => process.stdout.write(content, (err) => (err ? reject(err) : resolve())));
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
