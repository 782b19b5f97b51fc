import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Doc, Entity } from '../src/types.js';
import { segment } from '../src/text/index.js';
import { readInputs } from '../src/ingest/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { findEntities } from '../src/analyze/entities.js';
import { phoneticKey, sameNameWord } from '../src/analyze/entity-names.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function doc(id: string, text: string): Doc {
  const article: Article = { id, path: null, title: id, url: null, published: null, outlet: null, byline: null, text, removed: [] };
  return segment(article);
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

test('sentence-initial words are not names', () => {
  const entities = findEntities([doc('a', 'Earlier on Saturday the earlier plan failed. However, nothing changed in Vienna.')]);
  assert.deepEqual(entities.map((e) => e.name), ['Vienna']);
});

test('the seed cluster: variants across outlets merged, partial names linked', async () => {
  const { articles } = await readInputs([path.resolve(repoRoot, '../shared/seeds')]);
  const entities = findEntities(articles.map((r) => segment(cleanArticle(r))));
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
