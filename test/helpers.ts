// Shared helpers for tests: run the CLI as a user would, make temp folders, locate data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const exampleDir = path.join(repoRoot, 'examples', 'velmar-warehouse-fire');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `precis <args>` from the sources, as the bin would. */
export function precis(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'precis-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
