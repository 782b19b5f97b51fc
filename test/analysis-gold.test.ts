// Measures the analysis against hand-labelled gold clusters (test/fixtures/analysis/<cluster>/):
// article dates, date mentions, timeline items, near-duplicate groups, entities and conflicts.
// Each section's precision and recall is printed as a table; floors at the level the current
// code reaches make a regression fail. The clusters are fiction written for this project.
//
// Held-out clusters: ardley-derailment and tarsk-measles were written and labelled before the
// code was changed for them (commit "Analysis gold: two held-out fictional clusters"), so their first run is an honest measure.
//   first run:  ardley  mentions P/R 0.94/0.94, timeline 0.67/0.80, entities 1.00/1.00, aliases
//               0.80, conflicts 0.50/0.50; tarsk  mentions 0.92/1.00, timeline 0.89/1.00,
//               entities 0.88/0.88, aliases 1.00, conflicts 1.00/0.33.
//   after the general fixes that followed (tense reach, Romance 'qu', possessive institutions,
//   'admitted to hospital', passive 'was confirmed on', bound figures, verbal nouns):
//               ardley  mentions 1.00/1.00, timeline 0.75/0.90, entities 1.00/1.00, aliases
//               1.00, conflicts 1.00/0.50; tarsk  mentions 0.92/1.00, timeline 0.89/1.00,
//               entities 1.00/1.00, aliases 1.00, conflicts 1.00/1.00.
//   From then on these two flatter the code like the others.
//
// Second held-out pair: skelmor-ferry-grounding and brackwater-bus-strike (commit d98920d,
// labelled before the code was run on them).
//   first run:  skelmor  mentions P/R 1.00/0.94, timeline 0.91/0.77, entities 0.91/1.00, aliases
//               1.00, agreement 0.50/1.00, conflicts 0.50/0.50 (nature 0/1);
//               brackwater  mentions 0.94/1.00, timeline 0.83/1.00, entities 1.00/0.90, aliases
//               0.50, agreement 1.00/1.00, conflicts 1.00/0.67 (nature 1/2).
//               ALL conflicts 0.96/0.89 (below the 0.90 recall floor), timeline 0.87/0.93.
//   after the general fixes that followed ('for three days' is a duration, 'next month' a
//   month, a date set aside by 'not'; a cost told as a bill, 'a 3 per cent offer' as an offer,
//   a figure in a ', which' clause about a named-apart thing; gold sums compared as amounts):
//               skelmor  mentions 1.00/1.00, timeline 0.92/0.85, conflicts 1.00/1.00 (nature
//               2/2, with 'more than <another body> had counted' read as a disagreement); brackwater  mentions 1.00/1.00, timeline 0.91/1.00, conflicts 1.00/1.00
//               (nature 2/3). Then 'Fourteen tank cars' / 'Seventeen tank cars' (a shared modifier
//               of the counted noun is shared context; a source's own other figure, '62 cars in
//               all', no longer hides its closest one) lifted ardley conflicts to 1.00/1.00.
//               Near-duplicates must share the words beside their names too (a three-word body
//               name and a day made two paraphrases 'one sentence'): skelmor agreement 1.00/1.00.
//               Entities are not changed here (src/analyze/entit*.ts is another's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Analysis, Doc } from '../src/types.js';



import { analyze, datesOf } from '../src/analyze/index.js';
import { docsOf, repoRoot } from './helpers.js';

const goldRoot = path.join(repoRoot, 'test/fixtures/analysis');

interface Quote {
  file: string;
  quote: string;
}
interface GoldTimeline {
  articlesDir?: string;
  articles: Record<string, string | null>;
  mentions: { file: string; expr: string; date: string }[];
  items: { date: string; event: string; quotes: Quote[] }[];
}
interface GoldEntity {
  name: string;
  type?: string;
  aliases?: string[];
}
interface GoldConflict {
  topic?: string;
  nature?: string;
  claims?: { value: string | number; files?: string[]; sources?: string[] }[];
  values?: (string | number)[];
}

interface Cluster {
  slug: string;
  dir: string;
  docs: Doc[];
  analysis: Analysis;
  /** file name -> article id */
  idOf: Map<string, string>;
  gold: GoldTimeline;
}

/** Precision/recall counts of one section. */
interface Score {
  tp: number;
  predicted: number;
  gold: number;
  /** True positives counted on the gold side when it differs from the predicted side (e.g. merged items). */
  goldHit?: number;
}

async function loadCluster(slug: string): Promise<Cluster> {
  const gold = JSON.parse(readFileSync(path.join(goldRoot, slug, 'gold.timeline.json'), 'utf8')) as GoldTimeline;
  const dir = gold.articlesDir ? path.join(repoRoot, gold.articlesDir) : path.join(goldRoot, slug);
  const docs = await docsOf([dir]);
  const idOf = new Map<string, string>();
  for (const d of docs) if (d.article.path) idOf.set(path.basename(d.article.path), d.article.id);
  return { slug, dir, docs, analysis: analyze(docs), idOf, gold };
}

function clusters(): string[] {
  return readdirSync(goldRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(goldRoot, e.name, 'gold.timeline.json')))
    .map((e) => e.name)
    .sort();
}

function readGold<T>(slug: string, name: string): T | null {
  const file = path.join(goldRoot, slug, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** The sentence ids of a cluster whose text contains the quote, in the quoted file. */
function sentencesQuoting(c: Cluster, q: Quote): string[] {
  const id = c.idOf.get(q.file);
  const doc = c.docs.find((d) => d.article.id === id);
  if (!doc) return [];
  return doc.sentences.filter((s) => norm(s.text).includes(norm(q.quote))).map((s) => s.id);
}

// --- section scorers --------------------------------------------------------------------------

function scoreArticleDates(c: Cluster): Score {
  let tp = 0;
  let predicted = 0;
  for (const [file, date] of Object.entries(c.gold.articles)) {
    const got = c.analysis.published[c.idOf.get(file) ?? ''] ?? null;
    if (got !== null) predicted++;
    if (got !== null && got === date) tp++;
  }
  return { tp, predicted, gold: Object.values(c.gold.articles).filter((d) => d !== null).length };
}

/** A mention matches when it is in the same article, has the same date, and one expression contains the other. */
function scoreMentions(c: Cluster): Score {
  const { dates } = datesOf(c.docs);
  const predicted = [...dates.values()].flat().filter((m) => !m.approximate);
  const fileOf = new Map([...c.idOf].map(([file, id]) => [id, file]));
  const used = new Set<number>();
  let tp = 0;
  for (const g of c.gold.mentions) {
    const at = predicted.findIndex(
      (m, i) =>
        !used.has(i) &&
        fileOf.get(m.sentence.split('#')[0]!) === g.file &&
        m.date === g.date &&
        (norm(m.text).includes(norm(g.expr)) || norm(g.expr).includes(norm(m.text))),
    );
    if (at >= 0) {
      used.add(at);
      tp++;
    }
  }
  return { tp, predicted: predicted.length, gold: c.gold.mentions.length };
}

/**
 * Timeline: a predicted item matches a gold item when the dates are equal and one of its
 * citations is a sentence a gold quote identifies. Matching is one-to-one (maximum bipartite
 * matching), so an event left split into several items counts once and its copies count as
 * false positives: a timeline repeating one event is worse, not better.
 */
function scoreTimeline(c: Cluster): Score {
  const items = c.analysis.timeline;
  const goldSentences = c.gold.items.map((g) => new Set(g.quotes.flatMap((q) => sentencesQuoting(c, q))));
  const sentenceIdOf = (source: string, quote: string) => {
    const doc = c.docs.find((d) => d.article.id === source);
    return doc?.sentences.find((s) => s.text === quote)?.id ?? null;
  };
  const edges = items.map((item) =>
    c.gold.items
      .map((g, gi) => (item.date === g.date && item.citations.some((ci) => goldSentences[gi]!.has(sentenceIdOf(ci.source, ci.quote) ?? '')) ? gi : -1))
      .filter((gi) => gi >= 0),
  );
  const tp = maxMatching(edges, c.gold.items.length);
  if (process.env.PRECIS_GOLD_DEBUG) {
    items.forEach((item, i) => { if (!edges[i]!.length) console.log(`  unmatched item ${c.slug}: ${item.date} ${item.text}`); });
    c.gold.items.forEach((g, gi) => { if (!edges.some((e) => e.includes(gi))) console.log(`  missed gold ${c.slug}: ${g.date} ${g.event}`); });
  }
  return { tp, predicted: items.length, gold: c.gold.items.length };
}

/** Size of a maximum matching between left nodes (with their right neighbours) and `right` right nodes (Kuhn's algorithm). */
function maxMatching(edges: number[][], right: number): number {
  const owner = new Array<number>(right).fill(-1);
  const tryAssign = (left: number, seen: boolean[]): boolean => {
    for (const r of edges[left]!) {
      if (seen[r]) continue;
      seen[r] = true;
      if (owner[r] === -1 || tryAssign(owner[r]!, seen)) {
        owner[r] = left;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let left = 0; left < edges.length; left++) if (tryAssign(left, new Array<boolean>(right).fill(false))) n++;
  return n;
}

/** Agreement: pairs of sentences from different sources put in one group. */
function scoreAgreement(c: Cluster): Score | null {
  const gold = readGold<{ groups: Quote[][] }>(c.slug, 'gold.agreement.json');
  if (!gold) return null;
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const pairs = (groups: string[][]) => {
    const out = new Set<string>();
    for (const g of groups) {
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) {
          if (g[i]!.split('#')[0] !== g[j]!.split('#')[0]) out.add(pairKey(g[i]!, g[j]!));
        }
      }
    }
    return out;
  };
  const goldPairs = pairs(gold.groups.map((g) => g.flatMap((q) => sentencesQuoting(c, q).slice(0, 1))));
  const predictedPairs = pairs(c.analysis.groups);
  let tp = 0;
  for (const p of predictedPairs) if (goldPairs.has(p)) tp++;
  return { tp, predicted: predictedPairs.size, gold: goldPairs.size };
}

/** Entities: a gold entity matches a predicted one when any of its names equals any of the predicted one's names. */
function scoreEntities(c: Cluster): { entities: Score; aliases: Score; noise: Score } | null {
  const gold = readGold<GoldEntity[] | { entities: GoldEntity[]; notEntities?: string[] }>(c.slug, 'gold.entities.json');
  if (!gold) return null;
  const list = Array.isArray(gold) ? gold : gold.entities;
  const notEntities = Array.isArray(gold) ? [] : (gold.notEntities ?? []);
  const predicted = c.analysis.entities;
  const namesOf = (e: { name: string; aliases?: string[] }) => new Set([e.name, ...(e.aliases ?? [])].map(norm));
  const predictedNames = predicted.map(namesOf);
  let goldHit = 0;
  let aliasHit = 0;
  let aliasGold = 0;
  const matchedPredicted = new Set<number>();
  for (const g of list) {
    const names = namesOf(g);
    const hits = predictedNames.map((p, i) => ([...names].some((n) => p.has(n)) ? i : -1)).filter((i) => i >= 0);
    hits.forEach((i) => matchedPredicted.add(i));
    if (hits.length) goldHit++;
    // Alias recall: each gold surface form must sit in the one predicted entity that best covers the gold entity.
    const best = hits.map((i) => predictedNames[i]!).sort((a, b) => [...names].filter((n) => b.has(n)).length - [...names].filter((n) => a.has(n)).length)[0];
    for (const alias of g.aliases ?? []) {
      aliasGold++;
      if (best?.has(norm(alias))) aliasHit++;
    }
  }
  // Names found only in removed noise (bylines, commenters, teasers) must not come out as entities:
  // "precision" here is the share of those noise names kept out.
  const leaked = notEntities.filter((n) => predictedNames.some((p) => p.has(norm(n)))).length;
  return {
    entities: { tp: matchedPredicted.size, predicted: predicted.length, gold: list.length, goldHit },
    aliases: { tp: aliasHit, predicted: aliasGold, gold: aliasGold },
    noise: { tp: notEntities.length - leaked, predicted: notEntities.length, gold: notEntities.length },
  };
}

/** Conflicts: a gold conflict matches a predicted one when at least two of its claim values appear among the predicted claims. */
function scoreConflicts(c: Cluster): Score | null {
  const gold = readGold<GoldConflict[] | { conflicts: GoldConflict[] }>(c.slug, 'gold.conflicts.json');
  if (!gold) return null;
  const list = Array.isArray(gold) ? gold : gold.conflicts;
  const valueKey = (v: string | number) => norm(String(v)).replace(/[^0-9a-z.-]+/g, ' ').trim();
  const digits = (v: string | number) => String(v).replace(/[^0-9.]/g, '');
  const sameValue = (a: string | number, b: string | number) =>
    valueKey(a) === valueKey(b) || (digits(a) !== '' && digits(a) === digits(b)) || (amount(a) !== null && amount(a) === amount(b));
  const goldValues = list.map((g) => g.values ?? (g.claims ?? []).map((cl) => cl.value));
  const predicted = c.analysis.conflicts;
  const matches = (p: (typeof predicted)[number], g: number) =>
    goldValues[g]!.filter((v) => p.claims.some((cl) => sameValue(cl.value, v))).length >= 2;
  const tp = predicted.filter((p) => goldValues.some((_, g) => matches(p, g))).length;
  const goldHit = goldValues.filter((_, g) => predicted.some((p) => matches(p, g))).length;
  return { tp, predicted: predicted.length, gold: list.length, goldHit };
}

/** A figure with its scale word multiplied out ("£3.5 million" -> 3500000), so gold may write sums as plain numbers. */
function amount(v: string | number): number | null {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|bn|m|k)?\b/i.exec(String(v));
  if (!m) return null;
  const scale: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };
  return Math.round(parseFloat(m[1]!.replace(/,/g, '')) * (scale[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** Of the gold conflicts found, how many carry the right nature (disagreement vs update). */
function scoreConflictNature(c: Cluster): Score | null {
  const gold = readGold<GoldConflict[] | { conflicts: GoldConflict[] }>(c.slug, 'gold.conflicts.json');
  if (!gold) return null;
  const list = (Array.isArray(gold) ? gold : gold.conflicts).filter((g) => g.nature);
  const digits = (v: string | number) => String(v).replace(/[^0-9.]/g, '');
  let found = 0;
  let right = 0;
  for (const g of list) {
    const values = g.values ?? (g.claims ?? []).map((cl) => cl.value);
    const same = (v: string | number, w: string | number) => (digits(v) !== '' && digits(v) === digits(w)) || (amount(v) !== null && amount(v) === amount(w));
    const p = c.analysis.conflicts.find((p) => values.filter((v) => p.claims.some((cl) => same(cl.value, v))).length >= 2);
    if (!p) continue;
    found++;
    if (p.nature === g.nature) right++;
  }
  return { tp: right, predicted: found, gold: found };
}

// --- the table --------------------------------------------------------------------------------

function add(total: Map<string, Score>, section: string, s: Score | null): void {
  if (!s) return;
  const t = total.get(section) ?? { tp: 0, predicted: 0, gold: 0, goldHit: 0 };
  t.tp += s.tp;
  t.predicted += s.predicted;
  t.gold += s.gold;
  t.goldHit = (t.goldHit ?? 0) + (s.goldHit ?? s.tp);
  total.set(section, t);
}

function pr(s: Score): { precision: number; recall: number } {
  return {
    precision: s.predicted ? s.tp / s.predicted : 1,
    recall: s.gold ? (s.goldHit ?? s.tp) / s.gold : 1,
  };
}

/** Floors the current code meets (measured, then rounded down): a drop below any fails the test. */
const FLOORS: Record<string, { precision: number; recall: number }> = {
  'article dates': { precision: 1, recall: 1 },
  'date mentions': { precision: 0.95, recall: 0.95 },
  timeline: { precision: 0.85, recall: 0.92 },
  agreement: { precision: 0.85, recall: 0.95 },
  entities: { precision: 0.95, recall: 0.95 },
  'entity aliases': { precision: 0.95, recall: 0.95 },
  'noise names out': { precision: 0.95, recall: 0.95 },
  conflicts: { precision: 0.95, recall: 0.95 },
  'conflict nature': { precision: 0.85, recall: 0.85 },
};

test('analysis against the gold clusters: precision and recall per section', async () => {
  const slugs = clusters();
  assert.ok(slugs.length >= 3, 'at least three gold clusters');
  const total = new Map<string, Score>();
  const rows: string[] = [];
  let labelled = 0;
  for (const slug of slugs) {
    const c = await loadCluster(slug);
    // Every gold quote must identify a sentence: a typo in the gold would silently lower recall.
    for (const item of c.gold.items) {
      for (const q of item.quotes) assert.ok(sentencesQuoting(c, q).length > 0, `${slug}: gold quote not found: ${q.file}: ${q.quote}`);
    }
    const sections: [string, Score | null][] = [
      ['article dates', scoreArticleDates(c)],
      ['date mentions', scoreMentions(c)],
      ['timeline', scoreTimeline(c)],
      ['agreement', scoreAgreement(c)],
    ];
    const ent = scoreEntities(c);
    if (ent) sections.push(['entities', ent.entities], ['entity aliases', ent.aliases], ['noise names out', ent.noise]);
    sections.push(['conflicts', scoreConflicts(c)], ['conflict nature', scoreConflictNature(c)]);
    for (const [name, s] of sections) {
      if (!s) continue;
      add(total, name, s);
      if (!['entity aliases', 'noise names out', 'conflict nature'].includes(name)) labelled += s.gold;
      const { precision, recall } = pr(s);
      rows.push(`${slug.padEnd(24)} ${name.padEnd(16)} P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  (pred ${s.predicted}, gold ${s.gold})`);
    }
  }
  rows.push('-'.repeat(80));
  for (const [name, s] of total) {
    const { precision, recall } = pr(s);
    rows.push(`${'ALL'.padEnd(24)} ${name.padEnd(16)} P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  (pred ${s.predicted}, gold ${s.gold})`);
  }
  console.log(`\n${rows.join('\n')}\nlabelled items: ${labelled}\n`);
  assert.ok(labelled >= 40, `40 or more labelled items (have ${labelled})`);
  for (const [name, floor] of Object.entries(FLOORS)) {
    const s = total.get(name);
    assert.ok(s, `section ${name} measured`);
    const { precision, recall } = pr(s);
    assert.ok(precision >= floor.precision, `${name}: precision ${precision.toFixed(3)} below floor ${floor.precision}`);
    assert.ok(recall >= floor.recall, `${name}: recall ${recall.toFixed(3)} below floor ${floor.recall}`);
  }
});
