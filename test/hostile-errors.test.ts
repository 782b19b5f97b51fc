// User mistakes and a hostile machine (a missing or read-only folder, a full disk, an unreadable
// subfolder, bytes that are not UTF-8) end in one line naming what the user gave, exit code 2,
// and nothing lost or half-written: never "internal error".
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exampleDir, precis, repoRoot, tempDir } from './helpers.js';

const story = path.join(exampleDir, 'baltic-wire.txt');

function assertOneLine(r: { code: number; stderr: string }, out: string, problem: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|\.tmp|\n\s+at /);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0]!.startsWith(`precis: ${out}: `), r.stderr);
  assert.match(lines[0]!, problem);
}

test('--out into a folder that does not exist is one line naming the output path', () => {
  const dir = tempDir();
  const out = path.join(dir, 'missing', 'briefing.md');
  assertOneLine(precis(['brief', story, '--out', out]), out, /no such folder/);
});

test('--out naming a folder is one line, and the folder is left as it was', () => {
  const dir = tempDir();
  assertOneLine(precis(['brief', story, '--out', dir]), dir, /is a folder/);
  assert.deepEqual(readdirSync(dir), []);
});

test('--out into a read-only folder is one line, and leaves no temp file', () => {
  const dir = tempDir();
  const ro = path.join(dir, 'ro');
  mkdirSync(ro);
  chmodSync(ro, 0o555);
  const out = path.join(ro, 'briefing.md');
  assertOneLine(precis(['brief', story, '--out', out]), out, /read-only/);
  assert.deepEqual(readdirSync(ro), []);
});

test('--out onto a read-only file refuses rather than replacing it', () => {
  const dir = tempDir();
  const out = path.join(dir, 'briefing.md');
  writeFileSync(out, 'keep me\n');
  chmodSync(out, 0o444);
  for (const command of [['brief', story], ['extract', story]]) {
    assertOneLine(precis([...command, '--out', out]), out, /read-only file/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me\n');
  }
});

test('a full disk is said as "disk full", naming the output path', (t) => {
  // /dev/full answers every write with ENOSPC.
  if (!statSync('/dev/full').isCharacterDevice()) return t.skip('no /dev/full device on this machine');
  assertOneLine(precis(['brief', story, '--out', '/dev/full']), '/dev/full', /disk full/);
  assertOneLine(precis(['extract', story, '--out', '/dev/full']), '/dev/full', /disk full/);
  assert.ok(statSync('/dev/full').isCharacterDevice());
});

test('--out onto a FIFO writes into it and never replaces it', async () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'pipe.md');
  execFileSync('mkfifo', [fifo]);
  const copy = path.join(dir, 'copy.md');
  const reader = spawn('sh', ['-c', `cat '${fifo}' > '${copy}'`], { stdio: 'ignore' });
  const r = precis(['brief', story, '--out', fifo]);
  await new Promise((resolve) => reader.on('exit', resolve));
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync(fifo).isFIFO());
  assert.match(readFileSync(copy, 'utf8'), /^# /);
});

test('every command that reads a store or a stream names a missing or wrong input in one line', () => {
  const dir = tempDir();
  const cases: [string[], string, RegExp][] = [
    [['stories', '--db', path.join(dir, 'nofolder', 'x.db')], path.join(dir, 'nofolder', 'x.db'), /no such folder/],
    [['ingest', path.join(dir, 'missing.jsonl'), '--db', path.join(dir, 'a.db')], path.join(dir, 'missing.jsonl'), /no such file/],
    [['ingest', dir, '--db', path.join(dir, 'b.db')], dir, /is a folder/],
    [['cluster', dir], dir, /is a folder/],
    [['cluster', path.join(dir, 'missing.jsonl')], path.join(dir, 'missing.jsonl'), /no such file/],
  ];
  for (const [args, input, problem] of cases) assertOneLine(precis(args), input, problem);
});

test('a page of more elements than any news article is refused before it is parsed', () => {
  const dir = tempDir();
  const page = path.join(dir, 'huge.html');
  writeFileSync(page, `<html><body><article><h1>Ferry aground</h1>${'<p><span>The ferry ran aground.</span></p>'.repeat(60_000)}</article></body></html>`);
  const r = precis(['brief', page, path.join(exampleDir, 'baltic-wire.txt')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, `precis: ${page}: the page has more than 100,000 elements, too many for a news article\n`);
  const jsonl = path.join(dir, 'pages.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ html: readFileSync(page, 'utf8') })}\n`);
  const j = precis(['brief', jsonl]);
  assert.equal(j.code, 2);
  assert.match(j.stderr, /^precis: .*pages\.jsonl:1: the page has more than 100,000 elements/);
});

/** Runs precis as an unprivileged user when this is root (for whom no folder is unreadable). */
function precisUnprivileged(args: string[]): { code: number; stdout: string; stderr: string } | null {
  if (process.getuid?.() !== 0) return precis(args);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, HOME: '/tmp' },
  });
  if (r.error) return null;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('an unreadable subfolder is skipped and reported; the rest of the folder is briefed', (t) => {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'a.txt'), readFileSync(story));
  const sub = path.join(dir, 'locked');
  mkdirSync(sub);
  writeFileSync(path.join(sub, 'b.txt'), readFileSync(story));
  chmodSync(sub, 0o000);
  const r = precisUnprivileged(['brief', dir]);
  if (!r) return t.skip('cannot run as an unprivileged user here');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, `precis: ${sub}: permission denied: folder skipped\n`);
  assert.match(r.stdout, /^# /);
});
