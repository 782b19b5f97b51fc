import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment, splitSentences, tokenize, countWords } from '../src/text/index.js';
import type { Article } from '../src/types.js';

const article = (text: string): Article => ({
  id: 'a', path: null, title: 't', url: null, published: null, outlet: null, byline: null, text, removed: [],
});
const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('news abbreviations do not end sentences', () => {
  assert.deepEqual(split('The talks open on Jan. 29 in Sochi. Mr. Lavrov said so.'), [
    'The talks open on Jan. 29 in Sochi.',
    'Mr. Lavrov said so.',
  ]);
  assert.deepEqual(split('Gov. Smith met Sen. Jones and Dr. Lee at 5 p.m. Tuesday. They agreed.'), [
    'Gov. Smith met Sen. Jones and Dr. Lee at 5 p.m. Tuesday.',
    'They agreed.',
  ]);
  assert.deepEqual(split('The U.N. envoy and the U.S. Treasury met. George W. Bush was not there.'), [
    'The U.N. envoy and the U.S. Treasury met.',
    'George W. Bush was not there.',
  ]);
});

test('an acronym or time at the end of a sentence still ends it before a sentence opener', () => {
  assert.deepEqual(split('Sanctions were imposed by the U.S. The move angered Moscow.'), [
    'Sanctions were imposed by the U.S.',
    'The move angered Moscow.',
  ]);
  assert.deepEqual(split('The vote closed at 8 p.m. It was close.'), ['The vote closed at 8 p.m.', 'It was close.']);
});

test('quotations stay with their sentence', () => {
  assert.deepEqual(split('"Why now?" he asked. "We will win," she said. He said: "No." Then he left.'), [
    '"Why now?" he asked.',
    '"We will win," she said.',
    'He said: "No."',
    'Then he left.',
  ]);
  assert.deepEqual(split('“It is over.” The minister left.'), ['“It is over.”', 'The minister left.']);
});

test('numbers, decimals and domains are not boundaries; glued scraped sentences are split', () => {
  assert.deepEqual(split('Growth was 3.5 percent, says Amazon.com. No. 10 agreed.'), [
    'Growth was 3.5 percent, says Amazon.com.',
    'No. 10 agreed.',
  ]);
  assert.deepEqual(split('an ally of Bashar al-Assad.The boycott followed.'), [
    'an ally of Bashar al-Assad.',
    'The boycott followed.',
  ]);
});

test('sentences glued after a quotation mark are split, the mark going where it belongs', () => {
  assert.deepEqual(split('"We are proud. We wrote the honor into law."The medal will be presented in May.'), [
    '"We are proud.',
    'We wrote the honor into law."',
    'The medal will be presented in May.',
  ]);
  assert.deepEqual(split('It is not as fun as it may seem."It hurts," she says.'), ['It is not as fun as it may seem.', '"It hurts," she says.']);
  assert.deepEqual(split('She wrote “it was over.”The next day she returned.'), ['She wrote “it was over.”', 'The next day she returned.']);
});

test('datelines and line breaks', () => {
  assert.deepEqual(split('MOSCOW, Jan 29 (Reuters) - The Kremlin shrugged it off. Talks go on.'), [
    'MOSCOW, Jan 29 (Reuters) - The Kremlin shrugged it off.',
    'Talks go on.',
  ]);
  assert.deepEqual(split('First line\nSecond line.'), ['First line', 'Second line.']);
});

test('segment keeps exact offsets, paragraphs, tokens and stems', () => {
  const text = 'Russia invited more than 1,500 delegates. Talks open Tuesday.\n\nThe opposition boycotts it.';
  const doc = segment(article(text));
  assert.equal(doc.sentences.length, 3);
  for (const s of doc.sentences) assert.equal(text.slice(s.start, s.end), s.text);
  assert.deepEqual(doc.sentences.map((s) => s.paragraph), [0, 0, 1]);
  assert.deepEqual(doc.sentences.map((s) => s.id), ['a#0', 'a#1', 'a#2']);
  assert.deepEqual(doc.sentences[2]!.tokens, ['the', 'opposition', 'boycotts', 'it']);
  assert.equal(doc.sentences[2]!.stems.length, 4);
  assert.equal(doc.words, 13);
});

test('tokens and word counts', () => {
  assert.deepEqual(tokenize("Assad’s U.N.-backed talks, 1,500 people"), ["assad's", 'u', 'n', 'backed', 'talks', '1', '500', 'people']);
  assert.equal(countWords('two- day  talks – here'), 4);
});
