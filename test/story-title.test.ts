import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle } from '../src/clean/index.js';
import { segment } from '../src/text/index.js';
import { storyTitle } from '../src/brief/index.js';
import type { Doc, RawArticle } from '../src/types.js';

// Untitled scraped articles (JSONL "text" only): cleaning takes a headline-like first line as
// the title, else derives one from the first sentence. The story title picks among them.

function doc(id: string, body: string, title: string | null = null): Doc {
  const raw: RawArticle = { id, path: null, format: 'text', body, title, url: null, published: null, outlet: null, byline: null, removed: [] };
  return segment(cleanArticle(raw));
}

const FLOOD = 'Flood water cut off the village of Marden on Sunday after the river burst its banks.';
const LONG_CUT =
  'Residents of the village of Marden spent a second night in the school hall on Monday, after flood water from the river rose above the doors of more than forty homes along the valley road.';
const MID_CUT =
  'The council engineer in charge of the ageing flood barrier upstream of the village of Marden resigned over the failure of the pumps during the weekend storm.';

test('a real headline wins over titles derived from first sentences', () => {
  const docs = [doc('a', LONG_CUT), doc('b', 'River floods Marden village for second night\n\n' + FLOOD)];
  assert.equal(storyTitle(docs), 'River floods Marden village for second night');
});

test('a short first sentence is the title whole, before one cut short', () => {
  const docs = [doc('a', LONG_CUT), doc('b', FLOOD + ' Roads into the village stayed closed on Monday.')];
  assert.equal(storyTitle(docs), 'Flood water cut off the village of Marden on Sunday after the river burst its banks');
});

test('a first sentence cut at a clause boundary reads as a headline, without "…"', () => {
  const docs = [doc('a', LONG_CUT), doc('b', MID_CUT)];
  const title = storyTitle(docs);
  assert.ok(!title.endsWith('…'), title);
  assert.ok(LONG_CUT.startsWith(title), title);
  assert.match(title, /Monday$/);
});

test('a cut elsewhere keeps its "…"', () => {
  const docs = [doc('b', MID_CUT)];
  assert.ok(storyTitle(docs).endsWith('…'));
});

test('a quotation or a question is the story title only when nothing else is left', () => {
  const quote = doc('q', '"We have lost everything in one night," said a farmer from Marden.');
  const question = doc('x', 'Could the flood barrier at Marden have held?\n\n' + FLOOD);
  const plain = doc('p', MID_CUT);
  assert.ok(!/^"|\?$/.test(storyTitle([quote, question, plain])));
  assert.equal(storyTitle([quote]), '"We have lost everything in one night," said a farmer from Marden');
});

test('a headline no other article echoes (a page about something else) does not title the story', () => {
  const prize = doc('z', 'GOLDEN QUILL ESSAY PRIZE ANNOUNCED\n\nThe judges praised essays on travel and cookery from fourteen countries this year.');
  const docs = [prize, doc('a', LONG_CUT), doc('b', 'Marden flood: village cut off for second night\n\n' + FLOOD)];
  assert.equal(storyTitle(docs), 'Marden flood: village cut off for second night');
  assert.equal(storyTitle([prize, doc('a', LONG_CUT)]).startsWith('Residents of the village of Marden'), true);
});

test('an introductory phrase cut at its comma keeps its "…"; a headline opening with a quoted phrase is still a headline', () => {
  const intro = doc('i', 'After three days of rain over the hills above the village of Marden and its farms, the river rose above the doors of forty homes.');
  assert.ok(storyTitle([intro]).endsWith('…'), storyTitle([intro]));
  const quotedHeadline = doc('h', "'Never seen anything like it': Marden flood cuts off village\n\n" + FLOOD);
  assert.equal(storyTitle([intro, quotedHeadline]), "'Never seen anything like it': Marden flood cuts off village");
});

test('a cut before a dashed aside, a cut inside a time phrase and a cut before "who" keep their "…"', () => {
  const aside = doc('c', 'Shareholders of the Marden water company voted against the pay policy of the board, a stinging — though advisory — rebuke to its chairman.');
  assert.ok(storyTitle([aside]).endsWith('…'), storyTitle([aside]));
  const closed = doc('d', 'The engineer at Marden — the one who warned the council twice about the pumps and the cracks — resigned on Sunday night after the flood.');
  assert.ok(storyTitle([closed]).endsWith('…'), storyTitle([closed]));
  const timePhrase = doc('t', 'The council closed the flood barrier at Marden to all visitors and walkers only days after the engineers had warned about cracks in it.');
  assert.ok(storyTitle([timePhrase]).endsWith('…'), storyTitle([timePhrase]));
  const relativeAside = doc('s', 'The shrine at Marden, which pilgrims have visited for many centuries on foot from the coast before the war, was closed by the flood.');
  assert.ok(storyTitle([relativeAside]).endsWith('…'), storyTitle([relativeAside]));
  const restrictive = doc('w', 'A farmer whose barn at Marden was swept away by the river in the night before the rescue has found his cattle.');
  assert.ok(storyTitle([restrictive]).endsWith('…'), storyTitle([restrictive]));
  const relative = doc('r', 'Police say a Marden man who climbed the flood barrier on Sunday night to film the river was swept away by the water.');
  assert.ok(storyTitle([relative]).endsWith('…'), storyTitle([relative]));
});

test('a quotation alone and a label in capitals give way to an ordinary sentence', () => {
  const quote = doc('q', '"The barrier was never tested at full load."\n\nThe mayor of Marden said so on Sunday.');
  const label = doc('l', 'MARDEN FLOOD LATEST NEWS\n\nThe water is still rising at Marden.');
  const plain = doc('p', 'The river at Marden rose two metres overnight on Sunday.');
  assert.equal(storyTitle([quote, label, plain]), 'The river at Marden rose two metres overnight on Sunday');
});
