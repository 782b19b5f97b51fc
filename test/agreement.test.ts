import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../src/types.js';
import { groupNearDuplicates, uniqueBySource, MAX_UNIQUE_PER_SOURCE } from '../src/analyze/agreement/index.js';
import { docFromText } from './helpers.js';

const doc = (id: string, text: string): Doc => docFromText(id, text);

const wire = 'Two workers were killed and four firefighters injured when a fire tore through a chemical warehouse in the port, forcing the evacuation of a district.';

test('shared wire copy across sources forms one group, trimmed copies included', () => {
  const a = doc('a', `${wire} The mayor spoke to reporters at the town hall about the shelters.`);
  const b = doc('b', 'Residents queued for breakfast at the sports hall in the morning. Two workers were killed and four firefighters injured when a fire tore through the warehouse, officials said.');
  const c = doc('c', `Police closed the harbour road to traffic for the whole weekend. ${wire}`);
  const groups = groupNearDuplicates([a, b, c]);
  assert.equal(groups.length, 1);
  assert.deepEqual([...groups[0]!].sort(), ['a#0', 'b#1', 'c#1']);
});

test('sentences that share names or a topic but not a fact are not grouped', () => {
  const a = doc('a', 'Nordhavn Chemicals chief executive Marcus Ebbesen has said the company will pay for the clean-up of the port site.');
  const b = doc('b', 'Nordhavn Chemicals chief executive Marcus Ebbesen is expected to attend.');
  const c = doc('c', 'The company said the warehouse fire in the port was being investigated by the police and the regional fire service.');
  assert.deepEqual(groupNearDuplicates([a, b, c]), []);
});

test('repeats inside one source are not agreement between sources', () => {
  const a = doc('a', `${wire}\n\n${wire}`);
  const b = doc('b', 'A completely different sentence about the weather and the ferry timetable for spring.');
  assert.deepEqual(groupNearDuplicates([a, b]), []);
});

test('unique: what only one source reports, never grouped or shared sentences, at most a handful', () => {
  const shared = 'The inquiry into the warehouse fire will hear evidence from the safety managers of the company.';
  const a = doc('a', `${wire} ${shared} Investigators believe the blaze started in an electrical cabinet behind the loading dock.`);
  const b = doc('b', `${wire} ${shared} A volunteer kitchen served four hundred hot meals to evacuated pensioners overnight.`);
  const groups = groupNearDuplicates([a, b]);
  const unique = uniqueBySource([a, b], groups);
  assert.deepEqual(unique.a!.map((c) => c.quote), ['Investigators believe the blaze started in an electrical cabinet behind the loading dock.']);
  assert.deepEqual(unique.b!.map((c) => c.quote), ['A volunteer kitchen served four hundred hot meals to evacuated pensioners overnight.']);
  for (const c of [...unique.a!, ...unique.b!]) assert.ok(c.quote !== wire && c.quote !== shared);

  const many = Array.from({ length: 12 }, (_, i) => `Distinct detail number ${i} concerns ${['ferries', 'pensions', 'bridges', 'orchards', 'libraries', 'tramways', 'vineyards', 'glaciers', 'bakeries', 'lighthouses', 'quarries', 'observatories'][i]} across the northern provinces today.`).join(' ');
  const u2 = uniqueBySource([doc('x', many), doc('y', shared)], []);
  assert.equal(u2.x!.length, MAX_UNIQUE_PER_SOURCE);
});

test('grouping stays fast on a large cluster (inverted index, no all-pairs pass)', () => {
  // Not a timing test: it checks the result on 200 articles with heavy shared vocabulary.
  const docs: Doc[] = [];
  for (let i = 0; i < 200; i++) {
    const body = Array.from({ length: 30 }, (_, k) => `Report ${i} paragraph ${k} says the port fire council inquiry mayor residents item${(i * 31 + k) % 997} detail${k} note${i}.`).join(' ');
    docs.push(doc(`d${i}`, i % 50 === 0 ? `${wire} ${body}` : body));
  }
  const groups = groupNearDuplicates(docs);
  assert.ok(groups.some((g) => g.length === 4 && g.every((id) => id.endsWith('#0'))));
});

test('a sentence reprinted by very many outlets still joins its edited copies', () => {
  // Exact reprints are collapsed before the index is built, so the reprinted sentence's own words
  // are not dropped as "too common" and the trimmed copy still finds it.
  const docs: Doc[] = [];
  for (let i = 0; i < 120; i++) docs.push(doc(`r${i}`, `${wire} Note ${i}.`));
  docs.push(doc('edited', 'Two workers were killed and four firefighters injured when a fire tore through the warehouse, officials said.'));
  const groups = groupNearDuplicates(docs);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.length, 121);
  assert.ok(groups[0]!.includes('edited#0'));
});

test('two sentences sharing a long name and a day but not their other words are not one sentence', async () => {
  const { groupNearDuplicates } = await import('../src/analyze/agreement/index.js');
  const { segment } = await import('../src/text/index.js');
  const mk = (id: string, text: string) =>
    segment({ id, path: null, title: id, url: null, published: '2025-10-06', outlet: null, byline: null, text, removed: [] });
  const paraphrase = [
    mk('a', 'The Coastal Safety Review Board said it would send inspectors to Dunmore on Wednesday.'),
    mk('b', 'Inspectors from the Coastal Safety Review Board will arrive on Wednesday, a spokesman said.'),
  ];
  assert.deepEqual(groupNearDuplicates(paraphrase), []);
  // Wire copy with a changed attribution still groups.
  const wire = [
    mk('a', 'The Coastal Safety Review Board said it would send inspectors to Dunmore on Wednesday, the agency said.'),
    mk('b', 'The Coastal Safety Review Board said it would send inspectors to Dunmore on Wednesday.'),
  ];
  assert.equal(groupNearDuplicates(wire).length, 1);
});

test('unique: a sentence that leans on the one before it or is cut from a quotation is not listed alone', () => {
  const shared = 'The inquiry into the warehouse fire will hear evidence from the safety managers of the company.';
  const a = doc('a', `${shared} Investigators believe the blaze started in an electrical cabinet behind the loading dock. And the council did not see this commitment from the insurers, the mayor said. "The barges were late. Nobody warned the pilots about the fog," the harbour master said.`);
  const b = doc('b', `${shared} A volunteer kitchen served four hundred hot meals to evacuated pensioners overnight.`);
  const quotes = uniqueBySource([a, b], groupNearDuplicates([a, b])).a!.map((c) => c.quote);
  assert.ok(quotes.includes('Investigators believe the blaze started in an electrical cabinet behind the loading dock.'), JSON.stringify(quotes));
  assert.ok(!quotes.some((q) => q.startsWith('And ') || q.startsWith('Nobody warned')), JSON.stringify(quotes));
});
