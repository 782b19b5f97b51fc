// Lists, for a choosing half of the real-text gold ("choose" unless another is named), what the
// entity scores of analysis-real-gold.test.ts count against the analysis: junk entries (no gold
// form), gold actors not found, wrong types, merged forms of two actors and forms of one actor
// left apart. A diagnostic to group errors by cause before changing the code; the "confirm" half
// is never listed (it is only reported, as figures, by the test).
//   node --import tsx test/gold-real-entity-report.ts [choose|choose3]
import { analyze } from '../src/analyze/index.js';
import type { Entity } from '../src/types.js';
import { goldRealData, goldRealDates, goldRealDocs, goldRealFiles, goldRealTexts, loadGoldReal, normMatch } from './gold-real.js';
import { existsSync } from 'node:fs';

const TITLES = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Prof|Rev|St|President|Mayor|Pope|Judge|Justice|Senator|Governor|Minister|Prime Minister|Secretary|Chancellor|King|Queen|Prince|Princess|Sheriff|Chief|Officer|Detective|Coach)\.?\s+/;
const key = (s: string) => normMatch(s).replace(/['’]s$/, '').trim().toLowerCase();
const untitled = (s: string) => key(normMatch(s).replace(TITLES, ''));
const show = (e: Entity) => `${e.name} [${e.type}, ${e.mentions}x]${e.aliases.length ? ` = ${e.aliases.join(' | ')}` : ''}`;

const half = process.argv[2] ?? 'choose';
if (half !== 'choose' && half !== 'choose3') {
  console.error(`precis: ${half}: not a choosing half with entity labels (choose, choose3)`);
  process.exit(2);
}
if (!existsSync(goldRealData.multinews) || !existsSync(goldRealData.duc2007)) {
  console.log('evaluation data missing: nothing to report');
  process.exit(0);
}
const texts = goldRealTexts();
const dates = goldRealDates();
for (const file of goldRealFiles()) {
  const g = loadGoldReal(file);
  if (g.half !== half) continue;
  const arts = texts.get(`${g.set}/${g.id}`)!;
  const docs = goldRealDocs(file, g, arts, dates.get(`${g.set}/${g.id}`));
  const entities = analyze(docs).entities;
  // A gold actor none of whose forms is in the text the analysis reads (cleaning removed it).
  const read = normMatch(docs.map((d) => d.sentences.map((s) => s.text).join(' ')).join(' '));
  const inText = (forms: string[]) => forms.some((f) => read.includes(normMatch(f)));
  const owners = new Map<string, Set<number>>();
  g.entities.forEach((e, i) => {
    for (const f of e.forms) for (const k of [key(f), untitled(f)]) (owners.get(k) ?? owners.set(k, new Set()).get(k)!).add(i);
  });
  const ownersOf = (f: string) => owners.get(key(f)) ?? owners.get(untitled(f));
  const lines: string[] = [];
  for (const e of entities) if (![e.name, ...e.aliases].some((f) => ownersOf(f))) lines.push(`  junk     ${show(e)}`);
  const entityOf = new Map<number, Entity>();
  for (const e of entities) for (const gi of ownersOf(e.name) ?? []) if (!entityOf.has(gi)) entityOf.set(gi, e);
  for (const e of entities) for (const f of e.aliases) for (const gi of ownersOf(f) ?? []) if (!entityOf.has(gi)) entityOf.set(gi, e);
  g.entities.forEach((ge, gi) => {
    if (ge.type === 'other') return;
    const e = entityOf.get(gi);
    if (!e) lines.push(`  missed   ${ge.name} [${ge.type}] forms ${ge.forms.join(' | ')}${inText(ge.forms) ? '' : '  (not in the text read)'}`);
    else if (e.type !== ge.type) lines.push(`  type     ${ge.name} gold ${ge.type}, given ${show(e)}`);
  });
  const formEntity = new Map<string, Entity>();
  for (const e of entities) {
    const known = [...new Set([e.name, ...e.aliases].filter((f) => ownersOf(f)).map(untitled))];
    for (const f of known) formEntity.set(f, e);
    for (let a = 0; a < known.length; a++)
      for (let b = a + 1; b < known.length; b++) {
        const oa = owners.get(known[a]!)!;
        const ob = owners.get(known[b]!)!;
        if (![...oa].some((x) => ob.has(x))) lines.push(`  wrong    "${known[a]}" + "${known[b]}" in ${show(e)}`);
      }
  }
  for (const ge of g.entities) {
    const listed = [...new Set(ge.forms.map(untitled))].filter((f) => formEntity.has(f));
    for (let a = 0; a < listed.length; a++)
      for (let b = a + 1; b < listed.length; b++) {
        const ea = formEntity.get(listed[a]!)!;
        const eb = formEntity.get(listed[b]!)!;
        if (ea !== eb) lines.push(`  apart    "${listed[a]}" (${ea.name}) / "${listed[b]}" (${eb.name})`);
      }
  }
  console.log(`${file} (${entities.length} listed)`);
  for (const l of lines.sort()) console.log(l);
}
