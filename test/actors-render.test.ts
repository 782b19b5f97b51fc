import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankActors } from '../src/render/actors.js';
import type { Entity } from '../src/types.js';

const e = (name: string, mentions: number, sources: number): Entity => ({
  name,
  type: 'person',
  aliases: [],
  mentions,
  sources: Array.from({ length: sources }, (_, i) => `s${i}`),
});

test('actors are ranked by sources, then mentions, and the one-mention tail is separated', () => {
  const { main, tail } = rankActors([e('Ann Lowe', 5, 1), e('Bo Kim', 2, 3), e('Cy Dunn', 1, 1), e('Di Park', 9, 3)]);
  assert.deepEqual(main.map((x) => x.name), ['Di Park', 'Bo Kim', 'Ann Lowe']);
  assert.deepEqual(tail.map((x) => x.name), ['Cy Dunn']);
});

test('nothing is folded when every actor is mentioned once', () => {
  const { main, tail } = rankActors([e('Ann Lowe', 1, 1), e('Bo Kim', 1, 2)]);
  assert.deepEqual(main.map((x) => x.name), ['Bo Kim', 'Ann Lowe']);
  assert.equal(tail.length, 0);
});

test('an actor mentioned once but quoted is not folded away', () => {
  const quoted: Entity = { ...e('Ed Moss', 1, 1), quotes: [{ text: 'We will rebuild the pier', citation: { source: 's0', quote: '"We will rebuild the pier," said Ed Moss.' } }] };
  const { main, tail } = rankActors([e('Ann Lowe', 3, 1), quoted, e('Cy Dunn', 1, 1)]);
  assert.deepEqual(main.map((x) => x.name), ['Ann Lowe', 'Ed Moss']);
  assert.deepEqual(tail.map((x) => x.name), ['Cy Dunn']);
});
