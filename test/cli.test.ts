import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { precis, tempDir, exampleDir, sharedDir } from './helpers.js';
import { hasData, schemaFile } from './helpers.js';

const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function assertValidBriefing(json: string) {
  const b = JSON.parse(json);
  const ok = validate(b);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  return b;
}

test('brief the bundled example: Markdown by default, every summary sentence cited verbatim', () => {
  const r = precis(['brief', exampleDir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# .+\n/);
  assert.match(r.stdout, /## Summary/);
  assert.match(r.stdout, /## Sources/);
});

test('JSON output of the example and of the seeds conforms to briefing.schema.json and quotes its sources exactly', (t) => {
  const seeds = path.join(sharedDir, 'seeds');
  for (const input of hasData(t, seeds) ? [exampleDir, seeds] : [exampleDir]) {
    const r = precis(['brief', input, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const b = assertValidBriefing(r.stdout);
    assert.ok(b.summary.length > 0);
    const extracted = precis(['extract', input]);
    const texts = new Map<string, string>(extracted.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((a: { id: string; text: string }) => [a.id, a.text.replace(/\s+/g, ' ')]));
    for (const item of b.summary) {
      for (const c of item.citations) assert.ok(texts.get(c.source)?.includes(c.quote.replace(/\s+/g, ' ')), `quote not in ${c.source}: ${c.quote}`);
    }
    const words = b.summary.map((s: { text: string }) => s.text.split(/\s+/).length).reduce((a: number, n: number) => a + n, 0);
    assert.ok(words <= 150, `summary has ${words} words`);
  }
});

test('--words, --format text and html, --out writes the whole file', () => {
  const dir = tempDir();
  const out = path.join(dir, 'b.html');
  const r = precis(['brief', exampleDir, '--format', 'html', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/i);
  assert.deepEqual(readdirSync(dir), ['b.html']);
  const t = precis(['brief', exampleDir, '--format', 'text', '--words', '60']);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /Summary\n=======/);
  const j = JSON.parse(precis(['brief', exampleDir, '--format', 'json', '--words', '60']).stdout);
  const words = j.summary.map((s: { text: string }) => s.text.split(/\s+/).length).reduce((a: number, n: number) => a + n, 0);
  assert.ok(words <= 60 && words > 0, `summary has ${words} words`);
});

test('stdin: "-" reads one article', () => {
  const r = precis(['brief', '-', '--format', 'json'], { input: 'Port strike ends\n\nDock workers returned to work on Monday after a nine-day strike. The union said the deal raised wages.\n' });
  assert.equal(r.code, 0, r.stderr);
  const b = assertValidBriefing(r.stdout);
  assert.equal(b.sources[0].path, '-');
});

test('usage errors exit 2 with a one-line message; --help everywhere exits 0', () => {
  for (const args of [['brief'], ['brief', exampleDir, '--format', 'pdf'], ['brief', exampleDir, '--words', 'ten'], ['nonsense']]) {
    const r = precis(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^precis: [^\n]*(invalid|unknown|missing|choices)[^\n]*\n$/);
  }
  for (const args of [['--help'], ['brief', '--help'], ['extract', '--help'], ['rouge', '--help'], ['eval', '--help'], ['serve', '--help']]) {
    const r = precis(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /Usage: precis/);
  }
});

test('a bad input in a batch is reported and skipped; --strict fails; nothing usable fails', () => {
  const dir = tempDir();
  const bin = path.join(dir, 'photo.txt');
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const latin = path.join(dir, 'latin.txt');
  writeFileSync(latin, Buffer.from('Caf\xe9 owners protest\n\nThey said so.', 'latin1'));
  const ok = precis(['brief', exampleDir, bin, latin, '--format', 'json']);
  assert.equal(ok.code, 0, ok.stderr);
  assertValidBriefing(ok.stdout);
  assert.deepEqual(ok.stderr.trim().split('\n'), [
    `precis: ${bin}: binary file, not text`,
    `precis: ${latin}: not valid UTF-8 (first bad byte at offset 3)`,
  ]);
  const strict = precis(['brief', exampleDir, bin, '--strict']);
  assert.equal(strict.code, 2);
  assert.equal(strict.stdout, '');
  assert.equal(strict.stderr, `precis: ${bin}: binary file, not text\n`);
  const none = precis(['brief', bin, path.join(dir, 'missing.md')]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /binary file, not text/);
  assert.match(none.stderr, /missing\.md: no such file or folder/);
  assert.match(none.stderr, /no usable article/);
});

test('--out is not written when the brief fails', () => {
  const dir = tempDir();
  const out = path.join(dir, 'out.md');
  writeFileSync(out, 'previous briefing\n');
  const r = precis(['brief', path.join(dir, 'missing'), '--out', out]);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(out, 'utf8'), 'previous briefing\n');
  assert.deepEqual(readdirSync(dir), ['out.md']);
});

test('extract prints one JSON line per article with cleaned text and removals', () => {
  const r = precis(['extract', exampleDir]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, readdirSync(exampleDir).length);
  for (const a of lines) {
    for (const key of ['path', 'title', 'published', 'outlet', 'url', 'text', 'removed']) assert.ok(key in a, key);
    assert.ok(a.text.length > 200);
    assert.doesNotMatch(a.text, /\n\n\n/);
    assert.ok(Array.isArray(a.removed));
  }
  const malformed = tempDir();
  mkdirSync(path.join(malformed, 'x'));
  writeFileSync(path.join(malformed, 'x', 'bad.jsonl'), '{"text": "fine article text."}\n{oops}\n');
  const m = precis(['extract', path.join(malformed, 'x')]);
  assert.equal(m.code, 0);
  assert.match(m.stderr, /bad\.jsonl:2: malformed JSON/);
  assert.equal(m.stdout.trim().split('\n').length, 1);
  assert.ok(!existsSync(path.join(malformed, 'x', 'out')));
});

test('an article with nothing left after cleaning is reported by name and skipped; alone it is an error', () => {
  const dir = tempDir();
  const file = path.join(dir, 'mixed.jsonl');
  writeFileSync(
    file,
    JSON.stringify({ text: 'Dock workers returned to work on Monday after a nine-day strike. The union said the deal raised wages.' }) +
      '\n' +
      JSON.stringify({ text: 'Share this: Facebook Twitter\n\nLeave a Reply' }) +
      '\n',
  );
  for (const command of ['brief', 'extract']) {
    const r = precis([command, file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, `precis: ${file} [mixed-2]: no article text left after cleaning\n`);
    const strict = precis([command, file, '--strict']);
    assert.equal(strict.code, 2);
    assert.equal(strict.stdout, '');
  }
  const only = path.join(dir, 'noise.txt');
  writeFileSync(only, 'Share this: Facebook Twitter\n\nLeave a Reply\n');
  const none = precis(['brief', only]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /noise\.txt: no article text left after cleaning\n.*no usable article/s);
});

test('help texts name only what exists: the bundled example, every extract field', () => {
  const brief = precis(['brief', '--help']).stdout;
  for (const m of brief.matchAll(/examples\/[\w.-]+/g)) assert.ok(existsSync(path.join(exampleDir, '..', path.basename(m[0]))), `brief --help cites ${m[0]}`);
  assert.match(precis(['extract', '--help']).stdout, /"byline"/);
});
