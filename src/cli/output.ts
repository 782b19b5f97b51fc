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

/** Parses a positive integer option, or explains why not. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
    return n;
  };
}
