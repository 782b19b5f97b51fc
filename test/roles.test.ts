import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/analyze/index.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import type { Briefing } from '../src/types.js';
import { docFromText } from './helpers.js';

const docs = [
  docFromText(
    'a1',
    'Harbour spokesman Tobin Arklow said the ferry would resume on Monday. "We have checked every hull twice," Arklow said. ' +
      'Mara Velsky, the city engineer, disagreed. "The pier is not ready," said Velsky.',
  ),
  docFromText('a2', 'Tobin Arklow, a spokesman for the harbour board, said the ferry was safe. Velsky, 54, a structural engineer, was not convinced.'),
];

test('a stated role is found before the name and in an apposition, the most frequent one kept with its sentence', () => {
  const { entities } = analyze(docs);
  const arklow = entities.find((e) => e.name === 'Tobin Arklow');
  assert.ok(arklow, 'Tobin Arklow is found');
  assert.match(arklow.role!.text, /spokesman/);
  assert.ok(docs.some((d) => d.sentences.some((s) => s.source === arklow.role!.citation.source && s.text === arklow.role!.citation.quote)));
  const velsky = entities.find((e) => e.name === 'Mara Velsky');
  assert.match(velsky!.role!.text, /engineer/);
});

test('no role when the text states none, and courtesy titles are none', () => {
  const { entities } = analyze([docFromText('b1', 'Mr. Dorian Pell walked to the pier with Ines Carrow on Monday. Pell and Carrow watched the ferry.')]);
  for (const e of entities) assert.equal(e.role, undefined, e.name);
});

test('each actor carries its own quoted words with citations, shown in every format', () => {
  const { entities } = analyze(docs);
  const arklow = entities.find((e) => e.name === 'Tobin Arklow')!;
  assert.deepEqual(arklow.quotes?.map((q) => q.text), ['We have checked every hull twice']);
  const velsky = entities.find((e) => e.name === 'Mara Velsky')!;
  assert.deepEqual(velsky.quotes?.map((q) => q.text), ['The pier is not ready']);
  const b: Briefing = {
    version: 1,
    story: { title: 'Ferry', from: null, to: null },
    sources: docs.map((d) => ({ id: d.article.id, title: 't', outlet: null, published: null, url: null, path: null, words: d.words, removed: [], unique: [] })),
    summary: [],
    timeline: [],
    entities,
    conflicts: [],
  };
  const md = renderMarkdown(b);
  assert.match(md, /\| Tobin Arklow, [^|]*spokesman[^|]*\[\d+\] \|/);
  assert.match(md, /- \*\*Tobin Arklow\*\*: “We have checked every hull twice” \[\d+\]/);
  const html = renderHtml(b);
  assert.match(html, /<span class="role">[^<]*spokesman/);
  assert.match(html, /<q>We have checked every hull twice<\/q>/);
  const text = renderText(b);
  assert.match(text, /Tobin Arklow, [^(]*spokesman/);
  assert.match(text, /"The pier is not ready" \[\d+\]/);
});
