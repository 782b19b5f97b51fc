// Checks the hand-labelled real-text gold (test/fixtures/gold-real/): every file has the shape its
// README defines, and, when the evaluation data is present, every entity form, notEntity, claim
// quote and quotation occurs verbatim (after the README's normalisation) in the labelled articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { goldRealData, goldRealDir, goldRealTexts, loadGoldReal as load, normMatch as norm } from './gold-real.js';
import { hasData } from './helpers.js';

const goldDir = goldRealDir;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function goldFiles(): string[] {
  return readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
}

test('gold-real: index.json lists every gold file; each file has the README shape', () => {
  const index = JSON.parse(readFileSync(path.join(goldDir, 'index.json'), 'utf8')) as { files: string[] };
  assert.deepEqual([...index.files].sort(), goldFiles());
  const seen = new Set<string>();
  for (const file of index.files) {
    const g = load(file);
    assert.match(file, new RegExp(`^${g.set}-\\d+\\.json$`), file);
    assert.ok(!seen.has(g.set + g.id), `${file}: cluster labelled twice`);
    seen.add(g.set + g.id);
    const labelled = new Set(g.articles);
    if (g.scope === 'conflicts') {
      assert.equal(g.half, 'choose2', `${file}: a conflicts-only file is in the second choosing half`);
      assert.ok(g.entities.length === 0 && g.quotes.length === 0, `${file}: a conflicts-only file labels no entities or quotes`);
    } else if (g.scope === 'entities') {
      assert.equal(g.half, 'choose3', `${file}: an entities-only file is in the third choosing half`);
      assert.ok(
        g.conflicts.length === 0 && g.notConflicts.length === 0 && g.quotes.length === 0,
        `${file}: an entities-only file labels no conflicts or quotes`,
      );
    } else assert.ok(g.half !== 'choose2' && g.half !== 'choose3', `${file}: the second and third choosing halves hold one-scope files`);
    if (g.set === 'duc2007') assert.deepEqual(g.articles, [0, 1, 2, 3, 4], `${file}: DUC gold covers the first 5 articles`);
    const forms = new Set<string>();
    for (const e of g.entities) {
      assert.ok(e.forms.includes(e.name), `${file}: ${e.name} is one of its own forms`);
      assert.equal(new Set(e.forms).size, e.forms.length, `${file}: ${e.name} repeats a form`);
      for (const f of e.forms) forms.add(f);
    }
    for (const n of g.notEntities) assert.ok(!forms.has(n), `${file}: "${n}" is both an entity form and a notEntity`);
    for (const [a, b] of g.apart) {
      assert.ok(forms.has(a) && forms.has(b), `${file}: apart pair ${a} / ${b} names gold forms`);
      assert.notEqual(a, b);
    }
    const short = (q: string, what: string) => assert.ok(words(q) <= 14, `${file}: ${what} "${q}" is longer than a short quote`);
    for (const c of [...g.conflicts, ...g.notConflicts]) {
      for (const cl of c.claims) {
        assert.ok(labelled.has(cl.article), `${file}: claim in unlabelled article ${cl.article}`);
        short(cl.quote, 'claim quote');
        assert.ok(norm(cl.quote).includes(norm(cl.value)), `${file}: claim quote "${cl.quote}" holds its value ${cl.value}`);
      }
    }
    for (const c of g.conflicts) {
      assert.ok(new Set(c.claims.map((cl) => cl.article)).size >= 2, `${file}: conflict "${c.thing}" spans two articles`);
    }
    for (const q of g.quotes) {
      assert.ok(labelled.has(q.article), `${file}: quote in unlabelled article ${q.article}`);
      short(q.quote, 'quote');
    }
  }
});

test('gold-real: both halves hold the same number of clusters of each set (within one)', () => {
  const count = new Map<string, number>();
  for (const file of goldFiles()) {
    const g = load(file);
    count.set(`${g.set}/${g.half}`, (count.get(`${g.set}/${g.half}`) ?? 0) + 1);
  }
  for (const set of ['multinews', 'duc2007']) {
    const a = count.get(`${set}/choose`) ?? 0;
    const b = count.get(`${set}/confirm`) ?? 0;
    assert.ok(Math.abs(a - b) <= 1, `${set}: choose ${a} vs confirm ${b}`);
  }
});


test('gold-real: every form, notEntity, claim and quote occurs verbatim in the labelled articles', (t) => {
  if (!hasData(t, goldRealData.multinews, goldRealData.duc2007)) return;
  const texts = goldRealTexts();
  const problems: string[] = [];
  for (const file of goldFiles()) {
    const g = load(file);
    const arts = texts.get(`${g.set}/${g.id}`)?.map(norm);
    if (!arts) {
      problems.push(`${file}: no cluster ${g.id} in ${g.set}`);
      continue;
    }
    const inArticle = (i: number, s: string) => (arts[i] ?? '').includes(norm(s));
    const inAny = (s: string) => g.articles.some((i) => inArticle(i, s));
    for (const e of g.entities) for (const f of e.forms) if (!inAny(f)) problems.push(`${file}: form "${f}" (${e.name}) not found`);
    for (const n of g.notEntities) if (!inAny(n)) problems.push(`${file}: notEntity "${n}" not found`);
    for (const c of [...g.conflicts, ...g.notConflicts])
      for (const cl of c.claims) if (!inArticle(cl.article, cl.quote)) problems.push(`${file}: claim "${cl.quote}" not in article ${cl.article}`);
    for (const q of g.quotes) if (!inArticle(q.article, q.quote)) problems.push(`${file}: quote "${q.quote}" not in article ${q.article}`);
  }
  assert.deepEqual(problems, []);
});
