// Figure conflicts found on the clusters whose conflicts no gold labels: every Multi-News dev
// cluster and every DUC 2007 main topic (first five articles, as the gold takes them) that is not
// in test/fixtures/gold-real/ with its conflicts labelled (the entity-only choose3 clusters are
// read here too). A precision check for conflict changes: save the list before a change, compare
// after it, and read every new conflict by hand. Articles are read at run time from the
// evaluation data beside the repository, as the gold test does (cleaning, then the text stage).
//
//   node --import tsx bench/conflicts-unlabelled.ts > before.txt
//   (change)  node --import tsx bench/conflicts-unlabelled.ts > after.txt; diff before.txt after.txt
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { fromArticleInput } from '../src/ingest/index.js';
import { segment } from '../src/text/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const goldDir = path.join(repoRoot, 'test/fixtures/gold-real');

const labelled = new Set<string>();
for (const file of (JSON.parse(readFileSync(path.join(goldDir, 'index.json'), 'utf8')) as { files: string[] }).files) {
  const g = JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')) as { set: string; id: string; scope?: string };
  if (g.scope !== 'entities') labelled.add(`${g.set}/${g.id}`);
}

const SETS: [string, string, number][] = [
  ['multinews', 'data/multinews/dev.jsonl', Infinity],
  ['duc2007', 'data/duc2007/main.jsonl', 5],
];

let clusters = 0;
let found = 0;
for (const [set, file, first] of SETS) {
  const lines = readFileSync(path.join(shared, file), 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    const c = JSON.parse(line) as { id: string; articles: { text: string; date?: string }[] };
    if (labelled.has(`${set}/${c.id}`)) return;
    clusters++;
    const docs = c.articles.slice(0, first).map((a, i) => {
      const published = typeof a.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : null;
      return segment(cleanArticle(fromArticleInput({ text: a.text, published }, `${set} line ${n + 1} article ${i}`, `a${i}`, null)));
    });
    for (const conflict of analyze(docs).conflicts) {
      found++;
      console.log(`${set} line ${n + 1}: ${conflict.nature} over "${conflict.topic}"`);
      for (const claim of conflict.claims) {
        for (const cite of claim.citations) console.log(`  ${claim.value}  [${cite.source}] ${cite.quote.replace(/\s+/g, ' ').slice(0, 220)}`);
      }
    }
  });
}
console.log(`${found} conflicts on ${clusters} clusters whose conflicts no gold labels`);
