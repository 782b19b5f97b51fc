// Entity quality on invented text: each case stands for a mechanism found wanting on real news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../src/types.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { docFromText } from './helpers.js';

const names = (es: Entity[]) => es.flatMap((e) => [e.name, ...e.aliases]);

/** The entity name a form was merged under (its own name or an alias), undefined when not listed. */
function nameOf(es: Entity[]): (form: string) => string | undefined {
  return (form) => es.find((e) => e.name === form || e.aliases.includes(form))?.name;
}

test('a compass word opens a name; a compass word with a nationality is no name', () => {
  const es = findEntities([
    docFromText('a', 'North Korea fired a missile on Monday. South Korean officials said homes in West Harrow were evacuated. North Koreans watched from the border, and South Korea protested.'),
  ]);
  const all = names(es);
  assert.ok(all.includes('North Korea') && all.includes('South Korea'), all.join('|'));
  assert.ok(all.includes('West Harrow'), all.join('|'));
  assert.ok(!all.some((n) => /^(?:Korea|South Korean|North Koreans)$/.test(n)), all.join('|'));
});

test('a US state abbreviation after a place and a comma is a place, merged with the state it abbreviates', () => {
  const es = findEntities([
    docFromText('a', 'Police in Brackton, Calif., said the road was closed. The storm moved across California overnight.'),
    docFromText('b', 'Residents of Harlow, VA were told to stay home on Monday.'),
  ]);
  const cal = es.find((e) => e.name === 'California');
  assert.equal(cal?.type, 'place');
  assert.ok(cal?.aliases.includes('Calif.'), JSON.stringify(cal));
  assert.equal(es.find((e) => e.name === 'VA')?.type, 'place');
  assert.equal(es.find((e) => e.name === 'Harlow')?.type, 'place');
});

test('web addresses, call signs and channels name organisations; hyphenated given names stay whole', () => {
  const es = findEntities([
    docFromText(
      'a',
      'Orvelle Tamm told KVRB-TV and Harbourline.com that the pier was unsafe. Foreign Minister Park Min-kyung said Seoul would help. Park Min-kyung met Tamm on Friday.',
    ),
  ]);
  const type = (n: string) => es.find((e) => e.name === n || e.aliases.includes(n))?.type;
  assert.equal(type('KVRB-TV'), 'organization');
  assert.equal(type('Harbourline.com'), 'organization');
  assert.equal(type('Park Min-kyung'), 'person');
  assert.ok(!es.some((e) => e.name === 'Park Min'), es.map((e) => e.name).join('|'));
});

test('acronyms by their expansion in the text, places too; generations do not split a name', () => {
  const es = findEntities([
    docFromText('a', 'The United States sent 240 athletes. The U.S. Olympic Committee said the USOC would pay. US officials agreed, and the U.S. team flew home.'),
    docFromText('b', 'Jesse Lowell Marten Jr. was charged on Monday. Jesse Marten Jr. denied it, and Marten said nothing more.'),
  ]);
  const of = nameOf(es);
  assert.equal(of('US'), 'United States');
  assert.equal(of('U.S.'), 'United States');
  assert.equal(of('USOC'), 'U.S. Olympic Committee');
  assert.equal(of('Jesse Marten Jr.'), of('Jesse Lowell Marten Jr.'));
});

test('hypocorisms from the data list merge given names; different given names stay apart', () => {
  const es = findEntities([
    docFromText('a', 'Reginald Ostrow, the ferry captain, said the engine failed. Reg Ostrow has sailed for 30 years.'),
    docFromText('b', 'Peggy Dunmore said Margaret Dunmore was her cousin. Tobias Dunmore disagreed.'),
  ]);
  const of = nameOf(es);
  assert.equal(of('Reg Ostrow'), of('Reginald Ostrow'));
  assert.equal(of('Peggy Dunmore'), of('Margaret Dunmore'));
  assert.notEqual(of('Tobias Dunmore'), of('Margaret Dunmore'));
});

test('particles and spacing: names written apart or together are one', () => {
  const es = findEntities([
    docFromText('a', 'Pieter Van der Meer, the harbour master, closed the port. Vandermeer said it would reopen. Ana De Souza, a pilot, agreed.'),
    docFromText('b', 'Ana DeSouza said the pilots were ready. Van der Meer thanked them.'),
  ]);
  const of = nameOf(es);
  assert.equal(of('Vandermeer'), of('Pieter Van der Meer'));
  assert.equal(of('Ana DeSouza'), of('Ana De Souza'));
  assert.notEqual(of('Ana De Souza'), of('Pieter Van der Meer'));
});

test('names are not cut: ampersands, "for Near East", titles through "of State", capitalised role nouns', () => {
  const es = findEntities([
    docFromText(
      'a',
      'Loans came from Harlow Bank & Trust on Monday. Tamsin Orr of the Harrowgate Institute for Near East Policy said the talks failed. ' +
        'Secretary of State Odell Varga met Prosecutor Nasri Kellam in the capital. Varga and Kellam spoke for an hour, the prosecutor said.',
    ),
  ]);
  const all = names(es);
  for (const n of ['Harlow Bank & Trust', 'Harrowgate Institute for Near East Policy', 'Odell Varga', 'Nasri Kellam']) assert.ok(all.includes(n), `${n} in ${all.join('|')}`);
  assert.ok(!all.some((n) => /^(?:State Odell Varga|Prosecutor Nasri Kellam|Harlow Bank)$/.test(n)), all.join('|'));
});

test('a family named by a plural surname is no actor; events are none either', () => {
  const es = findEntities([
    docFromText('a', 'Doran Bellweather, a teacher, flew home on Monday, Doran Bellweather said. The Bellweathers had watched the Winter Olympics. The Bellweathers said the Winter Olympics were cold.'),
  ]);
  const all = names(es);
  assert.ok(all.includes('Doran Bellweather'), all.join('|'));
  assert.ok(!all.includes('Bellweathers') && !all.includes('Winter Olympics'), all.join('|'));
});

test('a dateline in capitals names a place, whole', () => {
  const es = findEntities([docFromText('a', 'NEW HARLOW (AP) -- The ferry sank on Monday, police said.\n\nPORTVALE, Ore. - Crews searched the bay.')]);
  const type = (n: string) => es.find((e) => e.name === n || e.aliases.includes(n))?.type;
  assert.equal(type('NEW HARLOW'), 'place', JSON.stringify(es));
  assert.equal(type('PORTVALE'), 'place', JSON.stringify(es));
  assert.ok(!names(es).includes('HARLOW'));
});
