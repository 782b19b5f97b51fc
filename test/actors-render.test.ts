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
