import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { precis, tempDir } from './helpers.js';

const dir = tempDir('precis-rouge-');
after(() => rmSync(dir, { recursive: true, force: true }));
const refs = path.join(dir, 'refs.jsonl');
const preds = path.join(dir, 'preds.jsonl');
writeFileSync(
  refs,
  [
    { id: 'a', summaries: ['The cat sat on the mat.\nIt was happy there.'] },
    { id: 'b', summaries: ['Dogs run fast.', 'Two dogs were running quickly.'] },
  ]
    .map((o) => JSON.stringify(o))
    .join('\n') + '\n',
);
writeFileSync(
  preds,
  [
    { id: 'b', summary: 'The dogs run fast.' },
    { id: 'a', summary: 'The cat sat on a mat.\nIt was happy.' },
  ]
    .map((o) => JSON.stringify(o))
    .join('\n') + '\n',
);

test('rouge --json: corpus figures and per-item figures for every metric', () => {
  const r = precis(['rouge', refs, preds, '--stem', '--metrics', '1,2,L,SU4', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out).sort(), ['items', 'rouge1', 'rouge2', 'rougeL', 'rougeSU4']);
  const items = out.items as Record<string, Record<string, { r: number; p: number; f: number }>>;
  assert.deepEqual(Object.keys(items).sort(), ['a', 'b']);
  for (const id of ['a', 'b']) {
    assert.deepEqual(Object.keys(items[id]).sort(), ['rouge1', 'rouge2', 'rougeL', 'rougeSU4']);
    for (const s of Object.values(items[id])) for (const v of [s.r, s.p, s.f]) assert.ok(v >= 0 && v <= 1);
  }
  // b, stemmed, pools its two references: "dog run fast" hits 3 of 3, "two dog were run
  // quickli" 2 of 5; the prediction's 4 tokens count once per reference.
  assert.equal(items.b.rouge1.r, 0.625);
  assert.equal(items.b.rouge1.p, 0.625);
  const rouge1 = out.rouge1 as { r: number };
  assert.ok(Math.abs(rouge1.r - (items.a.rouge1.r + items.b.rouge1.r) / 2) < 1e-12, 'corpus R is the mean of the items');
});

test('rouge --style rs: "L" is rougeLsum; the table names each metric', () => {
  const json = precis(['rouge', refs, preds, '--style', 'rs', '--stem', '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(Object.keys(JSON.parse(json.stdout)).sort(), ['items', 'rouge1', 'rouge2', 'rougeLsum']);
  const table = precis(['rouge', refs, preds, '--style', 'rs']);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /ROUGE-1\s+\d\.\d{5}\s+\d\.\d{5}\s+\d\.\d{5}/);
  assert.match(table.stdout, /ROUGE-Lsum/);
  assert.match(table.stdout, /2 items/);
});

test('rouge: the 155 options change the figures (--words, --alpha, --formula, --exceptions)', () => {
  const full = JSON.parse(precis(['rouge', refs, preds, '--json', '--metrics', '1']).stdout);
  const short = JSON.parse(precis(['rouge', refs, preds, '--json', '--metrics', '1', '--words', '2']).stdout);
  assert.notDeepEqual(short.items.a, full.items.a);
  const recall = JSON.parse(precis(['rouge', refs, preds, '--json', '--metrics', '1', '--alpha', '0']).stdout);
  assert.equal(recall.items.a.rouge1.f, recall.items.a.rouge1.r);
  // -f B keeps "Dogs run fast." for b (recall 1); --exceptions is read (a bad path would exit 2).
  const exceptions = path.join(dir, 'exceptions.tsv');
  writeFileSync(exceptions, 'ran\trun\n');
  const best = precis(['rouge', refs, preds, '--json', '--metrics', '1', '--stem', '--formula', 'B', '--exceptions', exceptions]);
  assert.equal(best.code, 0, best.stderr);
  const b = JSON.parse(best.stdout).items.b.rouge1;
  assert.deepEqual([b.r, b.p], [1, 0.75]);
});

test('rouge: a missing prediction is an input error naming the id (exit 2)', () => {
  const onlyA = path.join(dir, 'only-a.jsonl');
  writeFileSync(onlyA, JSON.stringify({ id: 'a', summary: 'The cat.' }) + '\n');
  const r = precis(['rouge', refs, onlyA]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^precis: .*only-a\.jsonl: no prediction for id b\n$/);
});

test('rouge: malformed JSONL names the file and the line (exit 2)', () => {
  const bad = path.join(dir, 'bad.jsonl');
  writeFileSync(bad, JSON.stringify({ id: 'a', summary: 'x' }) + '\n\n{"id": "b", "summary": \n');
  const r = precis(['rouge', refs, bad]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.jsonl:3: /);
  const wrongShape = path.join(dir, 'shape.jsonl');
  writeFileSync(wrongShape, JSON.stringify({ id: 'a', summaries: 'not a list' }) + '\n');
  const s = precis(['rouge', wrongShape, preds]);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /shape\.jsonl:1: .*summaries/);
});

test('rouge: bad options and missing files exit 2', () => {
  assert.equal(precis(['rouge', refs, preds, '--alpha', '2']).code, 2);
  const metric = precis(['rouge', refs, preds, '--metrics', '1,Q']);
  assert.equal(metric.code, 2);
  assert.match(metric.stderr, /unknown ROUGE metric/);
  const missing = precis(['rouge', path.join(dir, 'nope.jsonl'), preds]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.jsonl: cannot read/);
  const extra = path.join(dir, 'extra.jsonl');
  writeFileSync(extra, [{ id: 'a', summary: 'x' }, { id: 'b', summary: 'y' }, { id: 'c', summary: 'z' }].map((o) => JSON.stringify(o)).join('\n'));
  const e = precis(['rouge', refs, extra]);
  assert.equal(e.code, 2);
  assert.match(e.stderr, /prediction c has no reference/);
});

test('rouge --stem applies the shipped WordNet 2.0 exception list without being asked, as -m does', () => {
  const r2 = path.join(dir, 'refs-said.jsonl');
  const p2 = path.join(dir, 'preds-say.jsonl');
  writeFileSync(r2, JSON.stringify({ id: 'x', summaries: ['Mayors said birds flew.'] }) + '\n');
  writeFileSync(p2, JSON.stringify({ id: 'x', summary: 'Mayor say bird fly.' }) + '\n');
  const r = precis(['rouge', r2, p2, '--stem', '--metrics', '1', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const items = (JSON.parse(r.stdout) as { items: Record<string, Record<string, { r: number }>> }).items;
  // mayors -> mayor, birds -> bird (Porter), said -> say, flew -> fly (exception list): 4 of 4.
  assert.equal(items.x.rouge1.r, 1);
  const plain = precis(['rouge', r2, p2, '--metrics', '1', '--json']);
  assert.equal((JSON.parse(plain.stdout) as { items: Record<string, Record<string, { r: number }>> }).items.x.rouge1.r, 0);
});
