import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Doc, Entity } from '../src/types.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { analyze } from '../src/analyze/index.js';
import { fold, phoneticKey, sameNameWord } from '../src/analyze/entities/index.js';
import { docFromText, docsOf, hasData, repoRoot, sharedDir } from './helpers.js';
import { cleanArticle } from '../src/clean/index.js';
import { fromArticleInputs } from '../src/ingest/index.js';
import { segment } from '../src/text/index.js';


const doc = (id: string, text: string): Doc => docFromText(id, text);

/** The list as an assertion message: each entity's name, type and aliases. */
function listing(entities: Entity[]): string {
  return JSON.stringify(entities.map((e) => [e.name, e.type, e.aliases]));
}

function find(entities: Entity[], name: string): Entity | undefined {
  return entities.find((e) => e.name === name || e.aliases.includes(name));
}

test('spelling variants of one name are one name; different names are not', () => {
  assert.ok(sameNameWord('Lavrentyev', 'Lavrentiev'));
  assert.ok(sameNameWord('Gutteres', 'Guterres'));
  assert.ok(sameNameWord('Aleksandr', 'Alexander'));
  assert.ok(sameNameWord('Kowal', 'Koval'));
  assert.ok(sameNameWord('Brandão', 'Brandao'));
  assert.ok(!sameNameWord('Lavrov', 'Shoigu'));
  assert.ok(!sameNameWord('Iran', 'Iraq'));
  assert.ok(!sameNameWord('Marin', 'Martin'));
  assert.equal(phoneticKey('Achterberg'), phoneticKey('Achterburg'));
  assert.ok(sameNameWord('Vasquez', 'Vaskez'));
  assert.ok(sameNameWord('Gadhafi', 'Qaddafi'));
  assert.ok(!sameNameWord('Gray', 'Kray'));
});

test('titles dropped, surnames linked, variants merged across outlets, types from cues', () => {
  const docs = [
    doc('a', 'Foreign Minister Olga Brandt met Defence Minister Olga Pereira in Lisbon on Monday.\n\nBrandt said the talks went well, the Port Authority said.'),
    doc('b', 'Olga Brant told reporters in Lisbon that the Harbour Council would meet again. Pereira declined to comment.'),
    doc('c', 'Council spokesman Ivo Maddox said the United Nations (UN) would send observers. The UN has not confirmed.'),
  ];
  const entities = findEntities(docs);
  const brandt = find(entities, 'Olga Brandt');
  assert.ok(brandt, 'Olga Brandt found');
  assert.equal(brandt.type, 'person');
  assert.ok(brandt.aliases.includes('Brandt') && brandt.aliases.includes('Olga Brant'), `aliases: ${brandt.aliases}`);
  assert.deepEqual(brandt.sources, ['a', 'b']);
  // A shared first name does not merge two people.
  const pereira = find(entities, 'Olga Pereira');
  assert.ok(pereira && pereira !== brandt);
  assert.ok(pereira.aliases.includes('Pereira'));
  assert.ok(!entities.some((e) => /Minister/.test(e.name) || e.aliases.some((a) => /Minister/.test(a))), 'titles dropped');
  assert.equal(find(entities, 'Lisbon')?.type, 'place');
  assert.equal(find(entities, 'Port Authority')?.type, 'organization');
  assert.equal(find(entities, 'Ivo Maddox')?.type, 'person');
  const un = find(entities, 'United Nations');
  assert.ok(un && un.aliases.includes('UN'), 'acronym merged');
});

test('a capitalised age standing alone is no name and no crash', () => {
  const entities = findEntities([doc('a', 'Neighbours said Twenty-Year-Old was asleep when the fire started. Ines Morrow called the brigade.')]);
  assert.deepEqual(entities.map((e) => e.name), ['Ines Morrow']);
});

test('sentence-initial words are not names', () => {
  const entities = findEntities([doc('a', 'Earlier on Saturday the earlier plan failed. However, nothing changed in Vienna.')]);
  assert.deepEqual(entities.map((e) => e.name), ['Vienna']);
});

test('the seed cluster: variants across outlets merged, partial names linked', async (t) => {
  if (!hasData(t, path.join(sharedDir, 'seeds'))) return;
  const entities = findEntities(await docsOf([path.join(sharedDir, 'seeds')]));
  const lavrentiev = find(entities, 'Lavrentiev');
  assert.ok(lavrentiev, 'Lavrentiev found');
  assert.ok([lavrentiev.name, ...lavrentiev.aliases].includes('Aleksandr Lavrentyev'), 'transliteration variant merged');
  const guterres = find(entities, 'Guterres');
  assert.ok(guterres && [guterres.name, ...guterres.aliases].includes('Antonio Gutteres'), 'typo merged');
  const assad = find(entities, 'Assad');
  assert.equal(assad?.name, 'Bashar al-Assad');
  assert.notEqual(find(entities, 'Sergei Lavrov'), find(entities, 'Sergei Shoigu'));
  // Reader comments are cleaned away, so commenters never become entities.
  assert.equal(find(entities, 'Plasma Dawn'), undefined);
});

// --- measured on the held-out clusters of test/fixtures/entities-conflicts -----------------------
// Each cluster there was labelled before the code was first run on it. The figures of that first
// run are in the commit log; fixes followed, so what this test prints is no longer a held-out
// figure. The floors keep what the current code reaches.


interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
}

const norm = (s: string) => fold(s).replace(/\s+/g, ' ').trim();

async function heldOutAnalyses(): Promise<{ slug: string; dir: string; entities: Entity[] }[]> {
  const root = path.resolve(repoRoot, 'test/fixtures/entities-conflicts');
  const out: { slug: string; dir: string; entities: Entity[] }[] = [];
  for (const slug of readdirSync(root)) {
    const dir = path.join(root, slug);
    const docs = await docsOf([dir]);
    out.push({ slug, dir, entities: analyze(docs).entities });
  }
  return out;
}

test('held-out clusters: entity precision, recall, alias recall and type accuracy', async () => {
  let predicted = 0;
  let matched = 0;
  let gold = 0;
  let found = 0;
  let aliases = 0;
  let aliasesFound = 0;
  let typed = 0;
  const rows: string[] = [];
  for (const c of await heldOutAnalyses()) {
    const list = (JSON.parse(readFileSync(path.join(c.dir, 'gold.entities.json'), 'utf8')) as { entities: GoldEntity[] }).entities;
    const names = (e: { name: string; aliases?: string[] }) => new Set([e.name, ...(e.aliases ?? [])].map(norm));
    const predictedNames = c.entities.map(names);
    const hitPredicted = new Set<number>();
    let f = 0;
    for (const g of list) {
      const gn = names(g);
      const hits = predictedNames.map((p, i) => ([...gn].some((n) => p.has(n)) ? i : -1)).filter((i) => i >= 0);
      hits.forEach((i) => hitPredicted.add(i));
      if (!hits.length) continue;
      f++;
      const best = hits.sort((a, b) => [...gn].filter((n) => predictedNames[b].has(n)).length - [...gn].filter((n) => predictedNames[a].has(n)).length)[0];
      if (c.entities[best].type === g.type) typed++;
      for (const a of g.aliases ?? []) {
        aliases++;
        if (predictedNames[best].has(norm(a))) aliasesFound++;
      }
    }
    predicted += c.entities.length;
    matched += hitPredicted.size;
    gold += list.length;
    found += f;
    rows.push(`${c.slug.padEnd(22)} P ${(hitPredicted.size / c.entities.length).toFixed(2)}  R ${(f / list.length).toFixed(2)}`);
  }
  const precision = matched / predicted;
  const recall = found / gold;
  console.log(`\n${rows.join('\n')}\nentities: P ${precision.toFixed(2)} R ${recall.toFixed(2)} (pred ${predicted}, gold ${gold}); aliases R ${(aliasesFound / aliases).toFixed(2)}; type accuracy ${(typed / found).toFixed(2)}\n`);
  assert.ok(gold >= 20, 'labelled entities');
  assert.ok(precision >= 0.9, `precision ${precision}`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
  assert.ok(aliasesFound / aliases >= 0.9, 'alias recall');
  assert.ok(typed / found >= 0.9, 'type accuracy');
});

test('organisation short forms, acronyms and attributive names', () => {
  const docs = [
    doc('a', 'Brightwater Capital has bid for the company. Brightwater said the offer was final.\n\nThe Bush administration had no comment.'),
    doc('b', 'Analysts at Nordbank Markets expect Brightwater to win. David Chaney said nothing.'),
    doc('c', 'The talks involved the United States and the European Union.'),
  ];
  const entities = findEntities(docs);
  const bw = find(entities, 'Brightwater Capital');
  assert.ok(bw && bw.aliases.includes('Brightwater'), 'first word of an organisation links to it');
  assert.equal(bw.type, 'organization');
  assert.equal(find(entities, 'Nordbank Markets')?.type, 'organization', 'a role held at a name makes it an organisation');
  assert.equal(find(entities, 'Bush'), undefined, 'an attributive surname alone is no entity');
  assert.equal(find(entities, 'David Chaney')?.type, 'person');
  assert.notEqual(find(entities, 'United States'), find(entities, 'David Chaney'), 'initials never make an acronym of a person');
  assert.equal(find(entities, 'European Union')?.type, 'organization');
});

test('a surname two full names share goes to the one last named before it', () => {
  const docs = [
    doc('a', 'Orenthal Marsh spoke to reporters. Marsh said he was innocent.\n\nNicole Marsh, his former wife, was not in court.'),
    doc('b', 'Orenthal Marsh appeared in court on Monday. Marsh denied the charges. Marsh was released.'),
  ];
  const entities = findEntities(docs);
  const o = find(entities, 'Orenthal Marsh');
  assert.ok(o && o.aliases.includes('Marsh'), JSON.stringify(entities));
  assert.ok(find(entities, 'Nicole Marsh') !== o);
});

test('a name is a person only with some evidence: phrases of ordinary words, numerals and platforms are not people', () => {
  const docs = [
    doc(
      'a',
      'Exposure to Cigarette Smoke made the bacteria harder to kill, the study found. Second-hand smoke is common in cities.\n\n' +
        'The film series Star Wars returned to cinemas, and a new war film opened. The sequel, Part II, follows.\n\n' +
        'The claim spread on Twitter before the company posted a correction in Twitter.\n\n' +
        'Lars Venter, head of the exporters group, said shippers were hit. Venter said more would follow.\n\n' +
        'Doctors said the boy was stable. Putin told Trump the operation was ending. Trump agreed.\n\n' +
        'Elisa K. McEachern led the analysis. Nurses worked at St. Brigid\'s Hospital all night.',
    ),
  ];
  const entities = findEntities(docs);
  const names = entities.map((e) => e.name);
  for (const wrong of ['Cigarette Smoke', 'II', 'Doctors']) assert.ok(!names.includes(wrong), `${wrong} is no entity: ${names.join(', ')}`);
  for (const e of entities) if (['Star Wars'].includes(e.name)) assert.notEqual(e.type, 'person');
  assert.equal(find(entities, 'Twitter')?.type, 'organization');
  assert.equal(find(entities, 'Lars Venter')?.type, 'person');
  assert.equal(find(entities, 'Trump')?.type, 'person');
  assert.equal(find(entities, 'Elisa K. McEachern')?.type, 'person');
  assert.equal(find(entities, "St. Brigid's Hospital")?.type, 'organization');
});

test('a one-mention name with no cue at all is left out; the same name with a speech cue is kept', () => {
  const quiet = findEntities([doc('a', 'The report cited Tolvan Brisk in a footnote about harbour fees.')]);
  assert.equal(find(quiet, 'Tolvan Brisk'), undefined);
  const spoken = findEntities([doc('a', 'The fees are too high, said Tolvan Brisk, who runs a ferry company.')]);
  assert.equal(find(spoken, 'Tolvan Brisk')?.type, 'person');
});

test('science news: genera, time spans, journals, figure pointers, footnote digits, languages and units are typed or left out', () => {
  const docs = [
    doc(
      'a',
      'A small feathered dinosaur named Lunahu brevis was found in the Oskel Formation, dated to the Late Jurassic. ' +
        'Lunahu had long arm feathers, unlike Ostrapteryx12 and Velmaraptor4 (Supplementary Figs. 2, 3). ' +
        'The name comes from the Mandarin for ‘moon’. Lunahu brevis lived beside Ostrapteryx, said Dana Whitcombe, who led the study published in Nature Communications. ' +
        'In Lunahu the tail was short.',
    ),
    doc(
      'b',
      'Dana Whitcombe said the animal, Lunahu, shows how flight began, the team reported in the journal Nature. ' +
        'The Jurassic Period saw many such animals in Lunahu country. Velmaraptor was larger. The site\'s turbines made 40 MW, logged on a 12 GB drive.',
    ),
  ];
  const entities = findEntities(docs);
  const listed = JSON.stringify(entities);
  const lunahu = find(entities, 'Lunahu');
  assert.equal(lunahu?.type, 'other', `a genus written with its species is no place or person: ${listed}`);
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      assert.ok(!/\p{L}\d+$/u.test(form), `citation digits stripped: ${form}`);
      assert.ok(!/[’']$/.test(form), `closing quote stripped: ${form}`);
      assert.ok(!/\bFigs?\b/.test(form), `a figure pointer is no name: ${form}`);
    }
  }
  assert.equal(find(entities, 'Ostrapteryx')?.type, 'other', 'a Latin genus ending names a kind of animal');
  assert.equal(find(entities, 'Velmaraptor')?.type, 'other');
  assert.equal(find(entities, 'Mandarin'), undefined, 'a language is no entity');
  const jurassic = find(entities, 'Jurassic Period');
  assert.ok(!jurassic || jurassic.type === 'other', `a geological period is no organisation: ${listed}`);
  assert.equal(find(entities, 'Nature Communications')?.type, 'organization', 'a journal is a publication');
  assert.equal(find(entities, 'Nature')?.type, 'organization', 'a one-word journal with a publication cue');
  for (const unit of ['MW', 'GB']) assert.equal(find(entities, unit), undefined, `${unit} is a unit`);
  assert.equal(find(entities, 'Dana Whitcombe')?.type, 'person');
});

test('an organisation named once with nothing but an article behind it is left out', () => {
  const entities = findEntities([doc('a', 'From the Grey Heron to the Red Vixen, every animal in the survey was counted by Harlow Wildlife Trust.')]);
  assert.equal(find(entities, 'Grey Heron'), undefined, JSON.stringify(entities));
  assert.equal(find(entities, 'Red Vixen'), undefined);
  assert.equal(find(entities, 'Harlow Wildlife Trust')?.type, 'organization');
});

test('titles in quotation marks, bodies of the sky and sentence adverbs are not people or organisations', () => {
  const entities = findEntities([
    doc(
      'a',
      'The “Lantern Street Blues” star said the show was over. Lantern Street Blues ran for six years, and “Lantern Street Blues,” she said, was her life.\n\n' +
        'Fortunately Orla Fenwick was at home. Orla Fenwick, who found the rock, said it fell to Earth at night. The Earth turns; the Solar System is old.',
    ),
  ]);
  const listed = JSON.stringify(entities);
  assert.equal(find(entities, 'Lantern Street Blues')?.type, 'other', listed);
  assert.equal(find(entities, 'Orla Fenwick')?.type, 'person', listed);
  assert.ok(!entities.some((e) => e.name.startsWith('Fortunately')), listed);
  for (const sky of ['Earth', 'Solar System']) {
    const e = find(entities, sky);
    assert.ok(!e || e.type === 'other', `${sky}: ${listed}`);
  }
});

test('acronyms of lower-case terms, awards, events and probes are things; the body behind an award stays an organisation', () => {
  const entities = findEntities([
    doc(
      'a',
      'Patients with chronic lantern fever (CLF) were studied at the Tarsk Medical Institute. CLF is rare, and CLF cases rose. ' +
        'Their harbour strain index, or HSI, was measured. HSI rose in May. ' +
        'The Harbour Safety Board (HSB) said so, and HSB staff agreed.\n\n' +
        'Ida Morven received the Tarsk Medical Institute Service Medal on Monday. She leads the Osprey Solar Probe team. The Osprey Solar Probe launched in May, after the Brenner Event.',
    ),
  ]);
  const listed = JSON.stringify(entities);
  // A term's acronym, defined in brackets or after ", or", names a thing: it is not listed.
  assert.ok(!find(entities, 'CLF'), listed);
  assert.ok(!find(entities, 'HSI'), listed);
  assert.equal(find(entities, 'Harbour Safety Board')?.type, 'organization', listed);
  assert.ok(find(entities, 'Harbour Safety Board')?.aliases.includes('HSB'), listed);
  assert.equal(find(entities, 'Osprey Solar Probe')?.type, 'other', listed);
  assert.equal(find(entities, 'Tarsk Medical Institute')?.type, 'organization', listed);
  const medal = find(entities, 'Tarsk Medical Institute Service Medal');
  assert.ok(!medal || medal.type === 'other', listed);
});

test('a noun of kind before a name makes it an organisation; an epithet after a given name is no body', () => {
  const entities = findEntities([
    doc(
      'a',
      'Shareholders were advised by the proxy firm Halden Ross to vote against the plan. Halden Ross said the pay was too high.\n\n' +
        'The chapel is named for Hugo the Builder, and pilgrims honour Hugo the Builder each spring.',
    ),
  ]);
  const listed = JSON.stringify(entities);
  assert.equal(find(entities, 'Halden Ross')?.type, 'organization', listed);
  assert.equal(find(entities, 'Builder'), undefined, listed);
});

test('a name followed by a noun of a kind of thing is a thing', () => {
  const entities = findEntities([
    doc('a', 'The team ranked pages with the Velden algorithm. The Velden algorithm counts links, said Rosa Imbert, who wrote it.'),
  ]);
  const listed = JSON.stringify(entities);
  assert.equal(find(entities, 'Velden')?.type, 'other', listed);
  assert.equal(find(entities, 'Rosa Imbert')?.type, 'person', listed);
});

test('an organisation named "X of Y and Z" is one name, not two fragments', () => {
  const entities = findEntities([
    doc('a', 'The Department of Ferns and Moss Services opened an inquiry on Tuesday. A spokesman for the Department of Ferns and Moss Services declined to comment.'),
  ]);
  assert.ok(find(entities, 'Department of Ferns and Moss Services'), entities.map((e) => e.name).join(', '));
  assert.ok(!find(entities, 'Moss Services'));
});

test('plural weekdays and months are not entities', () => {
  const entities = findEntities([
    docFromText('a', 'The market in Tarnow opens on Mondays and Thursdays. Mondays are busy, said Olga Brenner. Thursdays are quiet in Tarnow.'),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(!names.some((n) => /^(Mondays|Thursdays)$/.test(n)), names.join(', '));
  assert.ok(names.includes('Olga Brenner'), names.join(', '));
});

test('hyphenated given names stay whole, hyphenated modifiers are cut', () => {
  const entities = findEntities([
    docFromText('a', 'President Moon Jae-in met Kim Yo-jong in Seoul. Moon Jae-in said the talks went well. The Kremlin-backed group waited.'),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(names.includes('Moon Jae-in') && names.includes('Kim Yo-jong'), names.join(', '));
  assert.ok(names.includes('Kremlin'), names.join(', '));
});

test('a name cut by the line breaks of hard-wrapped text is read whole once cleaning has joined the lines', () => {
  const text = [
    'The port reopened on Tuesday after the storm, although the damage',
    'was worse than expected, said harbour engineer Tevan Orlik, who',
    'surveyed the quays. "We will rebuild," said the city manager Marit',
    'Solberg, adding that the Velmar Harbour Safety Authority would help.',
  ].join('\n');
  // Cleaning joins the lines before the text stage cuts sentences (the entity stage reads cleaned text).
  const entities = findEntities(fromArticleInputs([{ text }]).map((raw) => segment(cleanArticle(raw))));
  const names = entities.map((e) => e.name);
  assert.ok(names.includes('Marit Solberg'), names.join(', '));
  assert.ok(!names.includes('Marit') && !names.includes('Solberg'), names.join(', '));
});

test('a title before "of" names the body it serves; a title run opening a sentence still strips', () => {
  const entities = findEntities([
    docFromText('a', 'Marta Ilves, CEO of Kessel Harbour Hospital, said the ward was full. Then Secretary of State Orla Venn warned of delays. The Mayor of London spoke.'),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(names.includes('Kessel Harbour Hospital') && names.includes('Orla Venn') && names.includes('London'), names.join(', '));
  assert.ok(!names.some((n) => /^(?:CEO of|State |of )/.test(n)), names.join(', '));
});

test('hashtags, picture credits, labels, model designations and nationality nouns are not actors', () => {
  const entities = findEntities([
    docFromText('a', 'UPDATE: The #BrindleStrong campaign grew. REUTERS/Tomas Halvik took the picture. The K-470 missile was shown. The Turks and the Kurds watched. Orla Venn said so.'),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(names.includes('Orla Venn'), names.join(', '));
  for (const bad of ['UPDATE', 'BrindleStrong', 'Tomas Halvik', 'K-470', 'Turks', 'Kurds']) assert.ok(!names.includes(bad), `${bad} in ${names.join(', ')}`);
});

test('places joined by a hyphen are each a place', () => {
  const entities = findEntities([docFromText('a', 'The fire crossed the Idaho-Washington line on Monday, said Orla Venn.')]);
  assert.equal(find(entities, 'Idaho')?.type, 'place', JSON.stringify(entities));
  assert.equal(find(entities, 'Washington')?.type, 'place', JSON.stringify(entities));
});

test("legal names of one company, a body's name without its last noun, a state's formal name", () => {
  const entities = findEntities([
    docFromText('a', 'Brindle Corp. shares fell. Brindle Coffee Co. said sales slowed. Brindle will close stores, the Velmar Police Department said. Velmar Police said no one was hurt. The Russian Federation objected. Russia said so.'),
  ]);
  const listed = JSON.stringify(entities.map((e) => [e.name, e.aliases]));
  assert.ok(find(entities, 'Brindle Corp.') && find(entities, 'Brindle Corp.') === find(entities, 'Brindle Coffee Co.') && find(entities, 'Brindle') === find(entities, 'Brindle Corp.'), listed);
  assert.ok(find(entities, 'Velmar Police') === find(entities, 'Velmar Police Department'), listed);
  assert.ok(find(entities, 'Russia') === find(entities, 'Russian Federation'), listed);
});

test("a given name alone goes to its person, not to a fund named after them; state abbreviations link to the state", () => {
  const entities = findEntities([
    docFromText('a', 'Kaelin Morrow, 6, was hurt in Fairlee, VA on Monday. Kaelin loved drawing, his teacher said. Donations go to the Kaelin Morrow Memorial Fund. Kaelin was brave. The town is in rural Virginia.'),
  ]);
  const listed = JSON.stringify(entities.map((e) => [e.name, e.aliases]));
  assert.ok(find(entities, 'Kaelin') === find(entities, 'Kaelin Morrow'), listed);
  assert.ok(find(entities, 'VA') === find(entities, 'Virginia') && find(entities, 'Virginia')?.name === 'Virginia', listed);
});

test("a possessive of a common word or a title inside a name; a list of nouns inside a body's name", () => {
  const entities = findEntities([
    docFromText('a', "The Harlow County Sheriff's Office said the sheriff would speak. The Bureau of Grain, Timber, Salt and Wool said so; grain, timber, salt and wool were taxed."),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(names.includes("Harlow County Sheriff's Office"), names.join(', '));
  assert.ok(names.includes('Bureau of Grain, Timber, Salt and Wool'), names.join(', '));
});

test('items of a list share the kind most of them show; a table written as lines names its items', () => {
  const entities = findEntities([
    docFromText('a', 'Invited directors include Anna Berg, Maria Lindqvist, Peter Marrow and Karyn Osterby.\n\nTolls by town:\nIstanbul 984 dead\nKesselby 226 dead, 1,159 injured\nOrvanik 58 dead'),
  ]);
  const listed = JSON.stringify(entities.map((e) => [e.name, e.type]));
  assert.equal(find(entities, 'Karyn Osterby')?.type, 'person', listed);
  assert.equal(find(entities, 'Kesselby')?.type, 'place', listed);
  assert.equal(find(entities, 'Orvanik')?.type, 'place', listed);
});

test('a name word named twice with no cue reads as a body; a zone after a clock time is no name', () => {
  const entities = findEntities([
    docFromText('a', 'The couple found the listing on Brindlebox and drove over. Sellers on Brindlebox often meet buyers there. The show airs at 8 p.m. ET, said Orla Venn.'),
  ]);
  const listed = JSON.stringify(entities.map((e) => [e.name, e.type]));
  assert.equal(find(entities, 'Brindlebox')?.type, 'organization', listed);
  assert.ok(!find(entities, 'ET'), listed);
});

test('one word always written after "the" with no other cue is no body', () => {
  const entities = findEntities([
    docFromText('a', 'Songs spread on the Web within hours. Fans shared them on the Web, said Orla Venn. The Kremlin said nothing.'),
  ]);
  const names = entities.map((e) => e.name);
  assert.ok(!names.includes('Web') && names.includes('Kremlin') && names.includes('Orla Venn'), names.join(', '));
});

test('the dateline cleaning cut names the place filed from and the agency; close spellings in one article are two names', () => {
  const entities = findEntities([
    docFromText('a', 'The ferry to Pyonmar left late. Officials in Pyeonmar, a port town, said the ferry would sail again.', {
      removed: [{ reason: 'dateline', text: 'KESSELBY, Ore. (AP) —' }, { reason: 'dateline', text: 'UPDATE:' }],
    }),
    docFromText('b', 'Ferry crews met in Oregon on Monday.', { removed: [{ reason: 'dateline', text: 'Harwell (Reuters) -' }] }),
  ]);
  const listed = listing(entities);
  assert.equal(find(entities, 'Kesselby')?.type, 'place', listed);
  assert.equal(find(entities, 'Harwell')?.type, 'place', listed);
  assert.equal(find(entities, 'AP')?.type, 'organization', listed);
  assert.equal(find(entities, 'Reuters')?.type, 'organization', listed);
  // "Ore." stands for the state named in the text, not for another place of its letters.
  assert.ok(find(entities, 'Oregon')?.aliases.includes('Ore.'), listed);
  assert.ok(!find(entities, 'UPDATE') && !find(entities, 'Update'), listed);
  assert.notEqual(find(entities, 'Pyonmar'), find(entities, 'Pyeonmar'), listed);
});

test('numbered roads and streets are places; an acronym said to stand for a name is that name; a body named by its tail', () => {
  const entities = findEntities([
    docFromText(
      'a',
      'The car was found on East 84th Street, near East 68th Street and west of Interstate 435. It then took Highway 20, the Kessel Pass Highway, into the hills. ' +
        'Later it was seen on Route 20 again. KLF, an acronym for Kessel Liberation Front, claimed the attack. The Kessel Liberation Front has fought since 1990. ' +
        'The Harwell Nationalist Party won the vote, and Nationalist Party member Ivo Marsh said so.',
    ),
  ]);
  const listed = listing(entities);
  assert.equal(find(entities, 'East 84th Street')?.type, 'place', listed);
  assert.notEqual(find(entities, 'East 84th Street'), find(entities, 'East 68th Street'), listed);
  assert.equal(find(entities, 'Interstate 435')?.type, 'place', listed);
  assert.equal(find(entities, 'Highway 20'), find(entities, 'Route 20'), listed);
  assert.equal(find(entities, 'Highway 20'), find(entities, 'Kessel Pass Highway'), listed);
  assert.equal(find(entities, 'KLF'), find(entities, 'Kessel Liberation Front'), listed);
  assert.equal(find(entities, 'Nationalist Party'), find(entities, 'Harwell Nationalist Party'), listed);
});

test('apposition heads, ages, reporting bodies, syllable given names, labels and names cut at the sentence start', () => {
  const entities = findEntities([
    docFromText(
      'a',
      'In Velmarik, a suburb of the port town of Ostrava, rescuers dug all night. Despite the work today in Velmarik, the search for survivors was slowing. ' +
        'The men were named as Odo Tarrant, 27 and Ivo Kessler, 49. The Harbour Star reported the arrests. The director, Kang Min-seo, was there too. ' +
        'UPDATE- More details came later. Recording Industry Association of Harwell: http://www.example.org/retro/brindlebox ' +
        'The Recording Industry Association of Harwell sued, and the band Brindlebox lost. Brindlebox said it would appeal.',
    ),
  ]);
  const listed = listing(entities);
  assert.equal(find(entities, 'Velmarik')?.type, 'place', listed);
  assert.equal(find(entities, 'Odo Tarrant')?.type, 'person', listed);
  assert.equal(find(entities, 'Ivo Kessler')?.type, 'person', listed);
  assert.equal(find(entities, 'Harbour Star')?.type, 'organization', listed);
  assert.equal(find(entities, 'Kang Min-seo')?.type, 'person', listed);
  assert.ok(!find(entities, 'UPDATE'), listed);
  assert.ok(find(entities, 'Recording Industry Association of Harwell') && !find(entities, 'Industry Association of Harwell'), listed);
  // a web address writes the band's name in lower case; the band is still listed
  assert.equal(find(entities, 'Brindlebox')?.type, 'organization', listed);
});

test('two runs written only together with "and", one of them an ordinary word, are one name', () => {
  const entities = findEntities([
    docFromText('a', 'Kessel Homeland and Freedom claimed the attack, and freedom was its aim. Police blamed Kessel Homeland and Freedom again. Anna Berg and Peter Marrow were there.'),
  ]);
  const listed = listing(entities);
  assert.ok(find(entities, 'Kessel Homeland and Freedom') && !find(entities, 'Freedom'), listed);
  assert.ok(find(entities, 'Anna Berg') && find(entities, 'Peter Marrow'), listed);
});

test('a body\'s generic word written capitalised inside sentences and never in lower case is that body', () => {
  const entities = findEntities([
    docFromText(
      'a',
      'Rescuers searched the ridge at dawn. Two helicopters of the Navy joined them, and the Navy said the search would go on. ' +
        'The Ostrava Academy of Fine Arts gave a statement; the Academy said it was shocked. An office nearby closed. The Office reopened.',
    ),
  ]);
  const listed = listing(entities);
  assert.equal(find(entities, 'Navy')?.type, 'organization', listed);
  // a lone word a longer name holds may stand for it; a word the text writes in lower case is no name
  assert.ok(!entities.some((e) => e.name === 'Academy'), listed);
  assert.ok(!entities.some((e) => e.name === 'Office'), listed);
});

test('a word with an adjective\'s ending that only qualifies a noun is no name', () => {
  const entities = findEntities([
    docFromText(
      'a',
      'The ferry sank off the Velmarian coast on Monday. Divers from the Velmarian island of Ostra searched the wreck. ' +
        'Tom Jordan said the divers were tired, and Jordan said they would go on. Officials in Kessian said nothing.',
    ),
  ]);
  const listed = listing(entities);
  assert.ok(!entities.some((e) => e.name === 'Velmarian'), listed);
  assert.ok(find(entities, 'Tom Jordan'), listed);
  assert.ok(find(entities, 'Kessian'), listed);
});

test('a name after "said" that follows a quotation closed by ",”" is a speaker', () => {
  const entities = findEntities([docFromText('a', '“He was kind to everyone,” said Zorvina Kettering, a family friend. The search went on.')]);
  const listed = listing(entities);
  assert.equal(find(entities, 'Zorvina Kettering')?.type, 'person', listed);
});

test('two names joined by "and" share the kind the cued one shows', () => {
  const entities = findEntities([docFromText('a', 'The likes of Anna Berg and Zorvath Quellfeather joined the protest. The protest grew.')]);
  const listed = listing(entities);
  assert.equal(find(entities, 'Zorvath Quellfeather')?.type, 'person', listed);
});

/** The entities of one invented article, and the list as an assertion message. */
function entitiesOfText(text: string): { entities: Entity[]; listed: string } {
  const entities = findEntities([docFromText('a', text)]);
  return { entities, listed: listing(entities) };
}

/** One invented article as a briefing reads it: cleaned, then cut into sentences. */
const cleaned = (text: string) => segment(cleanArticle(fromArticleInputs([{ text }], 'a')[0]!));

test('a word English mostly writes in lower case, capitalised with no cue of a name, is no name', () => {
  const { entities, listed } = entitiesOfText(
    'Millions of Internet users shared the clip on the Internet within hours, and the Internet lit up again on Monday. ' +
      'The advocacy service Beacon said it would help the families. Mara Velt said Beacon had been kind, and Beacon will meet them on Friday.',
  );
  assert.ok(!find(entities, 'Internet'), listed);
  // set after a noun of its kind, an ordinary word is a body's name
  assert.equal(find(entities, 'Beacon')?.type, 'organization', listed);
  assert.ok(find(entities, 'Mara Velt'), listed);
});

test('a name made only of words English mostly writes in lower case, with no cue, is a phrase', () => {
  const { entities, listed } = entitiesOfText(
    'Crowds waved the Silver Lantern at the rally in Kelmbridge. The Silver Lantern hung over the square all night. ' +
      'Tomas Vrell, the Bright Meadow candidate, spoke first. Vrell said the Bright Meadow list would win.',
  );
  assert.ok(!find(entities, 'Silver Lantern'), listed);
  // a name qualifying a role names what the role serves
  assert.ok(find(entities, 'Bright Meadow'), listed);
});

test('a byline or a sign-off that cleaning cut names the story\'s writers and agencies', () => {
  const story = 'Divers searched the flooded quarry near Kelmbridge on Tuesday, officials said.\n\nThe search will go on through the week.\n\n';
  const d = cleaned(`${story}Harbour Wire writer Anna Tevelin contributed to this report.`);
  assert.ok(d.article.removed.some((r) => r.reason === 'sign-off'), JSON.stringify(d.article.removed));
  assert.ok(!d.sentences.some((s) => s.text.includes('Tevelin')));
  const entities = findEntities([d]);
  assert.equal(find(entities, 'Anna Tevelin')?.type, 'person', listing(entities));
  // who edited the story is no actor of it
  const e = cleaned(`${story}Reporting by Anna Tevelin; editing by Marta Quellwood`);
  const listed = listing(findEntities([e]));
  assert.ok(e.article.removed.length, JSON.stringify(e.sentences.map((s) => s.text)));
  assert.ok(listed.includes('Anna Tevelin') && !listed.includes('Quellwood'), listed);
});

test('one word after "the" that ends one body\'s name only is that body', () => {
  const { entities, listed } = entitiesOfText(
    'The Velmar Evening Star reported the fire on Monday. The Star said the warehouse had no alarm, and the Star called the owner. ' +
      'Fire crews from the Velmar Harbour Board also came.',
  );
  assert.ok(find(entities, 'Velmar Evening Star')?.aliases.includes('Star'), listed);
});

test('a compass word opening a name with no body\'s word names a region', () => {
  const { entities, listed } = entitiesOfText('The plane went down in the rugged North Velmarides on Sunday. Searchers flew over the North Velmarides again and reached the Northwest Quarrel by night.');
  assert.equal(find(entities, 'North Velmarides')?.type, 'place', listed);
  assert.equal(find(entities, 'Northwest Quarrel')?.type, 'place', listed);
});

test('a person\'s role, a comma and a name closed by a comma is a person', () => {
  const { entities, listed } = entitiesOfText('The girl lived with her father after her mother, Zelvi Oranthe, moved away. The girl is safe now.');
  assert.equal(find(entities, 'Zelvi Oranthe')?.type, 'person', listed);
});

test('a name after ", said" that qualifies the speaker\'s role is not the speaker', () => {
  const { entities, listed } = entitiesOfText(
    'A man was arrested after a small blast at the Velmar fairground, said Korrin police Sgt. Oda Lune. ' +
      'Korrin police are still looking into the motive, Sgt. Lune said.',
  );
  assert.equal(find(entities, 'Oda Lune')?.type, 'person', listed);
  assert.notEqual(find(entities, 'Korrin')?.type, 'person', listed);
});

test('a hyphenated surname ending in an event word is a person, not an event', () => {
  const entities = findEntities([
    doc('a', 'Alex Peters-Day, general secretary of the students\' union, said the game was upsetting. Labor Day passed quietly in Velmar.'),
  ]);
  assert.equal(find(entities, 'Alex Peters-Day')?.type, 'person', listing(entities));
  assert.ok(!find(entities, 'Labor Day') || find(entities, 'Labor Day')!.type !== 'person', listing(entities));
});

test('a body told something with an article is a publication; a lone word cited "according to" is a body', () => {
  const entities = findEntities([
    doc('a', 'A student told the Guardian that the game was upsetting. The show drew 4 million viewers, according to Veltrix\'s tracking figures. The tape appeared on the box set With the Lights Out.'),
  ]);
  assert.equal(find(entities, 'Guardian')?.type, 'organization', listing(entities));
  assert.equal(find(entities, 'Veltrix')?.type, 'organization', listing(entities));
  assert.ok(!find(entities, 'Lights Out'), listing(entities));
});

test('the name before "-owned" or "-backed" owns or backs: a body', () => {
  const entities = findEntities([doc('a', 'The latest season of Veltrix-owned NBC\'s show drew fewer viewers.')]);
  assert.equal(find(entities, 'Veltrix')?.type, 'organization', listing(entities));
});

test('two particles before a family name stay inside the name', () => {
  const entities = findEntities([doc('a', 'Foreign Minister Hans van den Broek said the talks would go on. On Monday, Carla de la Vega said no.')]);
  assert.equal(find(entities, 'Hans van den Broek')?.type, 'person', listing(entities));
  assert.equal(find(entities, 'Carla de la Vega')?.type, 'person', listing(entities));
});

test('an adverb opening a sentence before a comma is no person; two agencies joined by "&" are two names', () => {
  const entities = findEntities([
    doc('a', 'Separately, the harbour envoy Alexander Lavrentiev told the TASS news agency that Velmar regretted the decision. Both CGTN & AFP reported the talks.'),
  ]);
  assert.ok(!find(entities, 'Separately'), listing(entities));
  assert.ok(find(entities, 'CGTN') && find(entities, 'AFP') && !find(entities, 'CGTN & AFP'), listing(entities));
});

test('a name joined by an ampersand is a firm, never a person', () => {
  const entities = findEntities([doc('a', 'Shares of Procter & Gamble rose as Procter & Gamble said sales grew.')]);
  assert.equal(find(entities, 'Procter & Gamble')?.type, 'organization', listing(entities));
});
