import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, truncateSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, readBuffer, normalizeDate, decodeText } from '../src/ingest/index.js';
import { InputError } from '../src/types.js';
import { tempDir } from './helpers.js';

const article = 'Harbour talks resume\n\nUnion leaders met port managers on Monday. They agreed to meet again.\n';

test('folders are read recursively in a stable order, unknown and hidden files skipped', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'b'));
  writeFileSync(path.join(dir, 'b', 'z.txt'), article);
  writeFileSync(path.join(dir, 'a.txt'), article);
  writeFileSync(path.join(dir, 'c.md'), '# Title\n\nBody text here.\n');
  writeFileSync(path.join(dir, 'notes.csv'), 'x,y\n');
  writeFileSync(path.join(dir, '.hidden.txt'), article);
  const { articles, problems } = await readInputs([dir]);
  assert.deepEqual(problems, []);
  assert.deepEqual(articles.map((a) => a.id), ['a', 'z', 'c']);
  assert.deepEqual(articles.map((a) => path.relative(dir, a.path!)), ['a.txt', path.join('b', 'z.txt'), 'c.md']);
  assert.deepEqual(articles.map((a) => a.format), ['text', 'text', 'markdown']);
});

test('JSON: an object, an array, {articles: [...]}; fields validated; ids unique', async () => {
  const one = readBuffer('one.json', Buffer.from(JSON.stringify({ title: 'T', text: 'Body.', published: '2018-01-29T10:00:00Z', outlet: 'Wire' })));
  assert.equal(one.articles[0]!.published, '2018-01-29');
  assert.equal(one.articles[0]!.title, 'T');
  const many = readBuffer('many.json', Buffer.from(JSON.stringify([{ text: 'A.' }, { text: 'B.' }])));
  assert.deepEqual(many.articles.map((a) => a.id), ['many-1', 'many-2']);
  const wrapped = readBuffer('w.json', Buffer.from(JSON.stringify({ articles: [{ text: 'A.' }, { html: '<html><body><nav><a href="/">Home</a></nav></body></html>' }, { title: 'only title' }] })));
  assert.deepEqual(wrapped.articles.map((a) => a.id), ['w-1']);
  assert.deepEqual(wrapped.problems.map((p) => `${p.input}: ${p.message}`), [
    'w.json[1]: no article text found in the HTML',
    'w.json[2]: an article needs a non-empty "text" or "html"',
  ]);
});

test('an article\'s "date" (as newswire collections name it) is its published date when it has no "published"', () => {
  const r = readBuffer('wire.jsonl', Buffer.from('{"text": "One.", "date": "2007-03-02"}\n{"text": "Two.", "date": "2007-03-02", "published": "2007-03-05"}\n{"text": "Three.", "date": 20070302}\n'));
  assert.deepEqual(r.articles.map((a) => a.published), ['2007-03-02', '2007-03-05']);
  assert.deepEqual(r.problems.map((p) => p.input), ['wire.jsonl:3']);
  assert.match(r.problems[0]!.message, /"date"/);
});

test('JSONL: each line an article; a bad line is reported with its line number, the rest kept', () => {
  const r = readBuffer('c.jsonl', Buffer.from('{"text": "One."}\n\n{"text": "Two."\n{"text": "Three."}\n'));
  assert.deepEqual(r.articles.map((a) => a.body), ['One.', 'Three.']);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.input, 'c.jsonl:3');
  assert.match(r.problems[0]!.message, /malformed JSON/);
});

test('malformed JSON names the line', () => {
  assert.throws(() => readBuffer('bad.json', Buffer.from('{\n  "text": "x",\n}\n')), (e: unknown) => e instanceof InputError && e.input === 'bad.json:3' && /malformed JSON/.test(e.message));
});

test('binary data and invalid UTF-8 are refused, BOMs are honoured', () => {
  assert.throws(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'x.png'), /binary file/);
  assert.throws(() => decodeText(Buffer.from([0x61, 0x62, 0xe9, 0x20, 0x63]), 'latin1.txt'), /not valid UTF-8 \(first bad byte at offset 2\)/);
  assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'bom.txt'), 'hi');
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]), 'u16.txt'), 'hi');
  assert.equal(decodeText(Buffer.from('a\r\nb'), 'crlf.txt'), 'a\nb');
});

test('gzip HTML is decompressed; a page with no article is refused', () => {
  const page = '<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>' +
    '<p>Dock workers in the port returned to work on Monday after a nine-day strike over pay and shift patterns ended with a new agreement.</p>' +
    '<p>The union said the deal raised wages by four percent this year and guaranteed rest days, while managers said cargo would move normally by Wednesday.</p>' +
    '<p>Shipping lines had diverted more than thirty vessels to other ports during the stoppage, according to the harbour authority, which said the backlog would take a week to clear.</p></article></body></html>';
  const r = readBuffer('page.html.gz', gzipSync(Buffer.from(page)));
  assert.equal(r.articles[0]!.format, 'extracted');
  assert.match(r.articles[0]!.body, /nine-day strike/);
  assert.throws(() => readBuffer('nav.html', Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>')), /no article text found in the HTML/);
});

test('bad inputs in a batch become problems; strict turns the first into an error', async () => {
  const dir = tempDir();
  const good = path.join(dir, 'good.txt');
  writeFileSync(good, article);
  const empty = path.join(dir, 'empty.txt');
  writeFileSync(empty, '  \n\n');
  const huge = path.join(dir, 'huge.txt');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 100 * 1024 * 1024); // sparse: 100 MB on paper, nothing read
  const emptyDir = path.join(dir, 'nothing');
  mkdirSync(emptyDir);
  writeFileSync(path.join(emptyDir, 'readme.csv'), 'a,b');
  const missing = path.join(dir, 'missing.txt');
  const r = await readInputs([good, empty, huge, emptyDir, missing]);
  assert.equal(r.articles.length, 1);
  const lines = r.problems.map((p) => `${path.basename(p.input)}: ${p.message}`);
  assert.deepEqual(lines, [
    'empty.txt: empty file',
    'huge.txt: file is 100.0 MB, over the 20 MB input size limit',
    'nothing: folder has no readable files (.txt, .md, .html, .html.gz, .json, .jsonl)',
    'missing.txt: no such file or folder',
  ]);
  await assert.rejects(readInputs([good, empty], { strict: true }), (e: unknown) => e instanceof InputError && e.input === empty);
});

test('publication dates are normalised only when they carry a year', () => {
  assert.equal(normalizeDate('2018-01-29T23:30:00-05:00'), '2018-01-29');
  assert.equal(normalizeDate('Jan 28, 2018, 00:38'), '2018-01-28');
  assert.equal(normalizeDate('29 January 2018'), '2018-01-29');
  assert.equal(normalizeDate('2018-02'), '2018-02');
  assert.equal(normalizeDate('Saturday'), null);
  assert.equal(normalizeDate('2018-02-30'), null);
});

test('an article is named by its file, and by its id when the file holds several', async () => {
  const { describeArticle } = await import('../src/ingest/index.js');
  assert.equal(describeArticle({ id: 'story', path: 'dir/story.txt' }), 'dir/story.txt');
  assert.equal(describeArticle({ id: 'story-17', path: 'dir/story.jsonl' }), 'dir/story.jsonl [story-17]');
  assert.equal(describeArticle({ id: 'a3', path: null }), 'a3');
});
