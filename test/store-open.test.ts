// Opening a store checks it before changing anything: a file from a newer precis, one that is
// not a database, or one with a corrupt page is refused at open, in one line naming it once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, openSync, readFileSync, writeSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { precis, tempDir } from './helpers.js';
import { storeEngines } from './store-engines.js';

test('a store from a newer precis is refused with nothing changed, not even its journal mode', () => {
  const file = path.join(tempDir(), 'newer.db');
  const db = new Database(file);
  db.exec('CREATE TABLE t (x)');
  db.pragma('user_version = 999');
  db.close();
  const before = readFileSync(file);
  for (const args of [['stories', '--db', file], ['brief', '--db', file, '--story', 'x'], ['serve', '--port', '0', '--db', file]]) {
    const r = precis(args);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /newer than this precis understands/);
    assert.equal(lines[0]!.split(file).length - 1, 1, `the file is named once: ${lines[0]}`);
  }
  assert.ok(readFileSync(file).equals(before), 'the file is byte for byte as it was (rollback journal, not WAL)');
  assert.equal(existsSync(`${file}-wal`), false);
});

test('a corrupt page is found when the store is opened, not by the first write', async () => {
  const file = path.join(tempDir(), 'corrupt.db');
  const store = await openStore(file);
  const text = 'The ferry ran aground near the harbour wall on Tuesday. '.repeat(200);
  for (let i = 0; i < 20; i++) {
    await store.createStory({ title: `Story ${i}`, articles: [{ text }], briefing: { version: 1, story: { title: `Story ${i}`, from: null, to: null }, sources: [], summary: [], timeline: [], entities: [], conflicts: [] } });
  }
  await store.close();
  const pageSize = 4096;
  const pages = statSync(file).size / pageSize;
  assert.ok(pages > 10);
  // Garbage over a page in the middle of the file: a b-tree page no write has touched since.
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
  closeSync(fd);
  await assert.rejects(openStore(file), (err: Error) => /corrupt/.test(err.message));
  const r = precis(['stories', '--db', file]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^precis: .*corrupt\.db: the store is corrupt/);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
});

test('a store path in a missing folder, or a file that is no database, is one line and exit 2', () => {
  const dir = tempDir();
  const notDb = path.join(dir, 'notes.db');
  require_write(notDb);
  for (const [file, problem] of [[path.join(dir, 'missing', 'x.db'), /no such folder/], [notDb, /not a precis store/]] as const) {
    const r = precis(['stories', '--db', file]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, r.stderr.split('\n')[0] + '\n');
    assert.match(r.stderr, problem);
  }
});

function require_write(file: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, 'These are notes, not a database.\n'.repeat(200));
  closeSync(fd);
}

for (const engine of storeEngines().filter((e) => e.name === 'PostgreSQL')) {
  test('PostgreSQL: every --db takes a URL; a wrong password, a missing database or no server is one line naming the URL without its password, exit 2', async (t) => {
    const url = await engine.fresh(t);
    const good = new URL(url);
    const input = `${JSON.stringify({ title: 'Ferry runs aground', url: 'http://a.test/1', text: 'The ferry ran aground near the harbour wall on Tuesday. No one was hurt, the operator said.' })}\n`;
    const ingested = precis(['ingest', '-', '--db', url], { input });
    assert.equal(ingested.code, 0, ingested.stderr);
    const listed = precis(['stories', '--db', url, '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const [story] = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; articles: number });
    assert.equal(story?.articles, 1);
    const brief = precis(['brief', '--db', url, '--story', story!.id, '--format', 'json']);
    assert.equal(brief.code, 0, brief.stderr);
    assert.equal(JSON.parse(brief.stdout).sources.length, 1);

    const secret = 'not-the-password-7Q';
    const wrong = new URL(url);
    wrong.password = secret;
    const missing = new URL(url);
    missing.pathname = '/precis_no_such_database';
    const cases: [URL, RegExp][] = [
      [missing, /database "precis_no_such_database" does not exist/],
      [new URL(`postgres://${good.username}:${secret}@127.0.0.1:1/x`), /cannot reach the server \(connection refused\)/],
    ];
    if (good.password) cases.push([wrong, /password authentication failed/]);
    for (const [bad, problem] of cases) {
      const shown = `${bad.protocol}//${bad.username}@${bad.host}${bad.pathname}`;
      for (const args of [['stories', '--db', bad.toString()], ['ingest', '-', '--db', bad.toString()], ['brief', '--db', bad.toString(), '--story', 'x'], ['serve', '--port', '0', '--db', bad.toString()]]) {
        const r = precis(args, { input: '' });
        assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
        assert.equal(r.stderr, `${r.stderr.split('\n')[0]}\n`, 'one line');
        assert.ok(r.stderr.startsWith(`precis: ${shown}: `), r.stderr);
        assert.match(r.stderr, problem);
        assert.ok(!r.stderr.includes(secret) && !(good.password && r.stderr.includes(good.password)), 'no password printed');
      }
    }
    assert.ok(!ingested.stderr.includes(good.password || '\u0000'));
  });
}
