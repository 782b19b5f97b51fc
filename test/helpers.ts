// Shared helpers for tests: run the CLI as a user would, make temp folders, locate data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import type { TestContext } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { segment } from '../src/text/index.js';
import type { Article, Doc } from '../src/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const exampleDir = path.join(repoRoot, 'examples', 'velmar-warehouse-fire');

/** The briefing JSON contract shipped with the package (schema/briefing.schema.json). */
export const schemaFile = path.join(repoRoot, 'schema', 'briefing.schema.json');

/**
 * True when every evaluation-data path exists. Otherwise the test is skipped with one line
 * naming what is missing, or, with PRECIS_REQUIRE_DATA=1 (as CI sets), fails: data that should be
 * there and is not must not pass as a skip.
 */
export function hasData(t: TestContext, ...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const line = `evaluation data missing: ${missing.map((p) => path.relative(repoRoot, p)).join(', ')}`;
  if (process.env.PRECIS_REQUIRE_DATA === '1') throw new Error(`${line} (PRECIS_REQUIRE_DATA=1)`);
  t.skip(line);
  return false;
}

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
  // A process that ended by a signal (or could not start) says so, so a failing test shows why.
  const how = r.error ? `\n(could not run: ${r.error.message})` : r.signal ? `\n(ended by ${r.signal})` : '';
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + how };
}

/**
 * `precis <args>` without blocking the event loop: for tests that also talk to a server from
 * this process, whose kept-alive connections must keep being looked after meanwhile.
 */
export function precisAsync(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix = 'precis-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A Doc from plain text, as the text stage makes it (the other Article fields default to empty). */
export function docFromText(id: string, text: string, fields: Partial<Article> = {}): Doc {
  return segment({ id, path: null, title: id, url: null, published: null, outlet: null, byline: null, text, removed: [], ...fields });
}

/** Reads inputs (files, folders) and runs them through cleaning and the text stage, as brief does. */
export async function docsOf(inputs: string[]): Promise<Doc[]> {
  const { articles } = await readInputs(inputs);
  return articles.map((raw) => segment(cleanArticle(raw)));
}
