// A partly bad stream: each bad line is one line on stderr naming the input and the line number,
// the rest of the stream is ingested and kept, and the exit code says some lines were bad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openStore } from '../src/store/index.js';
import { ingestStream, parseArticleLine } from '../src/stream/ingest.js';
import { precis, repoRoot, tempDir } from './helpers.js';

const dam1 = { title: 'Dam fails in Orlia', url: 'http://a.test/1', published: '2026-03-01', text: 'The Orlia dam failed on Monday, flooding three villages. Officials said 12 people were missing.' };
const dam2 = { title: 'Orlia dam breach', url: 'http://b.test/2', published: '2026-03-01', text: 'Floodwater from the failed Orlia dam reached three villages on Monday. Rescuers searched for 12 missing people.' };
const ferry = { title: 'Ferry line opens', url: 'http://c.test/5', published: '2026-03-01', text: 'A new ferry line between Tasso and Merin islands opened on Monday, cutting the crossing to forty minutes for commuters.' };

const lines = [
  JSON.stringify(dam1),
  '{"title": "cut off", "text": "The Orlia',
  JSON.stringify({ title: 'Headline only', url: 'http://d.test/4' }),
  JSON.stringify({ title: 'Empty page', html: '<html><body><nav>Home</nav></body></html>' }),
  JSON.stringify({ title: 7, text: 'A title that is a number.' }),
  '[1, 2]',
  '',
  JSON.stringify(dam2),
  JSON.stringify(ferry),
];

test('parseArticleLine names what is wrong with a line, and accepts an article', () => {
  assert.equal(parseArticleLine(lines[1]!), 'malformed JSON line');
  assert.equal(parseArticleLine(lines[2]!), 'article has no text');
  assert.equal(parseArticleLine(lines[3]!), 'no article text found in the HTML');
  assert.match(parseArticleLine(lines[4]!) as string, /title/);
  assert.equal(parseArticleLine(lines[5]!), 'not an article object');
  assert.equal(typeof parseArticleLine(lines[0]!), 'object');
});

test('a page with no text among good articles is refused at its line; the story it would have joined is still briefed', async () => {
  const store = await openStore(':memory:');
  const problems: string[] = [];
  const input = Readable.from([lines[0], lines[3], lines[7]].join('\n') + '\n');
  const report = await ingestStream(input, 'wire', store, { onProblem: (p) => problems.push(p) });
  assert.deepEqual(problems, ['wire:2: no article text found in the HTML']);
  assert.deepEqual({ stored: report.stored, bad: report.bad }, { stored: 2, bad: 1 });
  const stories = await store.listStories();
  assert.deepEqual(stories.map((s) => s.articles), [2]);
  await store.close();
});

test('precis ingest on a partly bad stream: one line per bad line, the rest stored, exit 2; a rerun stores nothing twice', () => {
  const dir = tempDir();
  const file = path.join(dir, 'wire.jsonl');
  const db = path.join(dir, 'precis.db');
  writeFileSync(file, lines.join('\n') + '\n');
  const r = precis(['ingest', file, '--db', db, '--flush', '1']);
  assert.equal(r.code, 2, r.stderr);
  const err = r.stderr.trimEnd().split('\n');
  assert.deepEqual(err.slice(0, 3), [`precis: ${file}:2: malformed JSON line`, `precis: ${file}:3: article has no text`, `precis: ${file}:4: no article text found in the HTML`]);
  assert.match(err[3]!, new RegExp(`^precis: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: .*title`));
  assert.equal(err[4], `precis: ${file}:6: not an article object`);
  assert.equal(err[5], 'precis: 3 stored, 0 duplicates, 5 bad, 2 stories updated');
  assert.equal(err.length, 6);

  // Everything acknowledged is there: the good articles before and after the bad lines.
  const listed = precis(['stories', '--db', db, '--json']);
  const stories = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { articles: number });
  assert.deepEqual(stories.map((s) => s.articles).sort(), [1, 2]);

  // The same stream again: the good articles are known, the bad lines named again, nothing doubled.
  const again = precis(['ingest', file, '--db', db]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /precis: 0 stored, 3 duplicates, 5 bad, 0 stories updated\n$/);

  const stdin = precis(['ingest', '-', '--db', db], { input: '{oops\n' });
  assert.equal(stdin.code, 2);
  assert.match(stdin.stderr, /^precis: stdin:1: malformed JSON line\n/);
});

test('precis ingest stopped by SIGTERM mid-stream: what it read is stored, and the same input again stores each article once', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'precis.db');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'ingest', '-', '--db', db], { cwd: repoRoot });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // The input stays open, as a live stream would: three articles, then nothing.
  child.stdin.write([dam1, dam2, ferry].map((a) => JSON.stringify(a)).join('\n') + '\n');
  // Wait until all three are stored (recorded seen, with them, once the input went quiet), then stop it.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!existsSync(db)) continue;
    const probe = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const row = probe.prepare('SELECT COUNT(DISTINCT article_id) AS n FROM stream_seen').get() as { n: number } | undefined;
      if (row && row.n >= 3) break;
    } catch {
      // The schema is not there yet.
    } finally {
      probe.close();
    }
  }
  child.kill('SIGTERM');
  assert.equal(await closed, 0, stderr);
  assert.match(stderr, /precis: 3 stored, 0 duplicates, 0 bad, 2 stories updated \(stopped by a signal\)\n$/);

  const again = precis(['ingest', '-', '--db', db], { input: [dam1, dam2, ferry, { ...ferry, url: 'http://e.test/6', text: `${ferry.text} Tickets go on sale on Tuesday.` }].map((a) => JSON.stringify(a)).join('\n') + '\n' });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /precis: 1 stored, 3 duplicates, 0 bad, 1 stories updated\n$/);
  const listed = precis(['stories', '--db', db, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { articles: number });
  assert.deepEqual(listed.map((s) => s.articles).sort(), [2, 2]);
});
