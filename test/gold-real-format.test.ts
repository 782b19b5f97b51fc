// Checks the hand-labelled real-text gold (test/fixtures/gold-real/): every file has the shape its
// README defines, and, when the evaluation data is present, every entity form, notEntity, claim
// quote and quotation occurs verbatim (after the README's normalisation) in the labelled articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot, sharedDir } from './helpers.js';

const goldDir = path.join(repoRoot, 'test/fixtures/gold-real');
const dataFile = {
  multinews: path.join(sharedDir, 'data/multinews/dev.jsonl'),
  duc2007: path.join(sharedDir, 'data/duc2007/main.jsonl'),
} as const;

const Claim = z.strictObject({ value: z.string().min(1), article: z.number().int().min(0), quote: z.string().min(1) });
const Gold = z.strictObject({
  set: z.enum(['multinews', 'duc2007']),
  id: z.string().min(1),
  articles: z.array(z.number().int().min(0)).min(1),
  half: z.enum(['choose', 'confirm']),
  entities: z.array(
    z.strictObject({
      name: z.string().min(1),
      type: z.enum(['person', 'organization', 'place', 'other']),
      forms: z.array(z.string().min(1)).min(1),
      role: z.string().min(1).optional(),
    }),
  ),
  notEntities: z.array(z.string().min(1)),
  apart: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  conflicts: z.array(
    z.strictObject({
      thing: z.string().min(1),
      nature: z.enum(['disagreement', 'update']),
      claims: z.array(Claim).min(2),
    }),
  ),
  notConflicts: z.array(z.strictObject({ why: z.string().min(1), claims: z.array(Claim).min(2) })),
  quotes: z.array(z.strictObject({ speaker: z.string().min(1).nullable(), article: z.number().int().min(0), quote: z.string().min(1) })),
  notes: z.string().optional(),
});
type Gold = z.infer<typeof Gold>;

/** The README's matching normalisation: one space for any white space, ASCII quotes. */
const norm = (s: string) =>
  s
    .replace(/``|''|[“”]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function goldFiles(): string[] {
  return readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
}

function load(file: string): Gold {
  return Gold.parse(JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')));
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

const haveData = existsSync(dataFile.multinews) && existsSync(dataFile.duc2007);

test('gold-real: every form, notEntity, claim and quote occurs verbatim in the labelled articles', { skip: haveData ? false : 'evaluation data (../shared) is missing: verbatim checks skipped' }, () => {
  const texts = new Map<string, string[]>();
  for (const set of ['multinews', 'duc2007'] as const) {
    for (const line of readFileSync(dataFile[set], 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { id: string; articles: { text: string }[] };
      texts.set(`${set}/${c.id}`, c.articles.map((a) => norm(a.text)));
    }
  }
  const problems: string[] = [];
  for (const file of goldFiles()) {
    const g = load(file);
    const arts = texts.get(`${g.set}/${g.id}`);
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
