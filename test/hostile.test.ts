// Hostile input: devices, FIFOs, huge arrays and long first lines must end in one bounded,
// one-line answer, never a hang, an unbounded read or a crash.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { precis, tempDir } from './helpers.js';
import { readInputs } from '../src/ingest/index.js';

test('a device given as a file is read up to the size cap, then refused in one line naming it', () => {
  for (const args of [['brief', '/dev/zero'], ['eval', '/dev/zero'], ['rouge', '/dev/zero', '/dev/zero']]) {
    const r = precis(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^precis: \/dev\/zero: .*over the \d+ MB input size limit\n/, args.join(' '));
  }
});

test('a FIFO is read until its writer closes it, like standard input, and bounded like a file', () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'story.txt');
  execFileSync('mkfifo', [fifo]);
  // A writer that would stream 300 MB: the reader stops at the cap instead of reading it whole.
  const writer = spawn('sh', ['-c', `yes 'The ferry ran aground near the harbour wall.' | head -c 314572800 > '${fifo}'`], { stdio: 'ignore' });
  try {
    const r = precis(['brief', fifo]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^precis: .*story\.txt: .*over the 20 MB input size limit\n/);
  } finally {
    writer.kill();
  }
});

test('the format of standard input is recognised when the first JSONL line is longer than 512 bytes', () => {
  const line = (n: number) => JSON.stringify({ title: `Ferry report ${n}`, text: `${'The ferry Marlow ran aground near the harbour wall on Tuesday. '.repeat(12)}Officials said ${n} crew were safe.` });
  const input = `${line(1)}\n${line(2)}\n`;
  assert.ok(input.indexOf('\n') > 512);
  const r = precis(['brief', '-', '--format', 'json'], { input });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).sources.length, 2);
});

test('a JSONL file of 130,000 articles is read without spreading them onto the call stack', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'many.jsonl');
  const row = JSON.stringify({ text: 'A ferry ran aground.' });
  writeFileSync(file, `${row}\n`.repeat(130_000));
  const { articles } = await readInputs([file]);
  assert.equal(articles.length, 130_000);
});
