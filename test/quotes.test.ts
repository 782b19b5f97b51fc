import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeQuotes, quotesOf, withQuotes } from '../src/analyze/quotes/index.js';
import type { Entity } from '../src/types.js';
import { docFromText } from './helpers.js';

test('speaker after the quotation', () => {
  const q = attributeQuotes(['"The bridge will open in May," said Mara Velsky, the city engineer.']);
  assert.equal(q.length, 1);
  assert.equal(q[0].quote, 'The bridge will open in May');
  assert.match(q[0].speaker!, /^Mara Velsky/);
});

test('speaker before the quotation, with a role', () => {
  const q = attributeQuotes(['A harbour official said: "No ship left port that night."']);
  assert.equal(q[0].speaker, 'A harbour official');
});

test('a pronoun stands for the last person named', () => {
  const q = attributeQuotes(['Tobin Arklow chaired the panel on Tuesday.', '"We found nothing," he said.'], ['Tobin Arklow']);
  assert.equal(q[0].speaker, 'Tobin Arklow');
});

test('a quotation with no speaker in reach stays unattributed', () => {
  const q = attributeQuotes(['The sign read "closed for winter" in red letters.']);
  assert.equal(q[0].speaker, null);
});

test('an appositive or a phrase between the speaker and the verb', () => {
  const q = attributeQuotes(['“Lessons resume Monday,” Pell Andrade, a spokeswoman for the school, said in a statement.']);
  assert.equal(q[0].speaker, 'Pell Andrade');
  const r = attributeQuotes(['The head teacher said in court her pupil "meant no harm" that day.']);
  assert.equal(r[0].speaker, 'The head teacher');
  const t = attributeQuotes(['The gate was "left wide open," according to the county report.']);
  assert.equal(t[0].speaker, 'the county report');
});

test('an actor is shown with what they said, not with a scare-quoted word or two', () => {
  const cite = (quote: string) => ({ source: 'a', quote });
  const actor = { name: 'Lena Marsh', type: 'person' as const, aliases: [], mentions: 3, sources: ['a'] };
  const said = [
    { speaker: 'Lena Marsh', text: 'common sense', citation: cite('She urged "common sense," Marsh said.') },
    { speaker: 'Lena Marsh', text: 'We will reopen the harbour as soon as the divers are done', citation: cite('"We will reopen the harbour as soon as the divers are done," Marsh said.') },
  ];
  const [withWords] = withQuotes([actor], said);
  assert.deepEqual(withWords!.quotes!.map((q) => q.text), ['We will reopen the harbour as soon as the divers are done']);
  const [onlyFragment] = withQuotes([actor], [said[0]!]);
  assert.equal(onlyFragment!.quotes, undefined);
});

test('speakers become actors: a body named with up to two capitalised words before it, "the <role>" the one person holding it', () => {
  const docs = [
    docFromText('a', '"The cranes are unsafe until inspected," the Northern Coast Port Authority said. "We found nobody inside," the sheriff said. "Nothing moved," the northern harbour office said. "Not yet," the Big Old Grey Port Authority said.'),
  ];
  const cite = { source: 'a', quote: '' };
  const entities: Entity[] = [
    { name: 'Velmar Port Authority', type: 'organization', aliases: ['Port Authority'], mentions: 3, sources: ['a'] },
    { name: 'Dana Kell', type: 'person', aliases: ['Kell'], mentions: 2, sources: ['a'], role: { text: 'Orrin County sheriff', citation: cite } },
  ];
  assert.deepEqual(
    quotesOf(docs, entities).map((q) => [q.speaker, q.text]),
    [
      ['Velmar Port Authority', 'The cranes are unsafe until inspected'],
      ['Dana Kell', 'We found nobody inside'],
      ['the northern harbour office', 'Nothing moved'],
      ['the Big Old Grey Port Authority', 'Not yet'],
    ],
  );
});
