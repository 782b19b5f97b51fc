import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../src/types.js';
import { datesOf } from '../src/analyze/index.js';
import { groupNearDuplicates } from '../src/analyze/agreement/index.js';
import { buildTimeline, type TimelineOptions } from '../src/analyze/dates/index.js';
import { docFromText } from './helpers.js';

const doc = (id: string, published: string | null, text: string): Doc => docFromText(id, text, { published });

function timeline(docs: Doc[], options?: TimelineOptions) {
  const { published, dates } = datesOf(docs);
  return buildTimeline({ docs, dates, groups: groupNearDuplicates(docs), published }, options);
}

test('the same event from two outlets is one item citing both, in date order', () => {
  // 2024-10-10 is a Thursday, 2024-10-11 a Friday.
  const a = doc('a', '2024-10-10', 'Talks to end the strike broke up without agreement on Wednesday at the ministry. The two sides are due to meet again on Friday.');
  const b = doc('b', '2024-10-11', 'The fourth round of talks ended late on Wednesday without agreement, people familiar with the talks said.');
  const t = timeline([a, b]);
  assert.deepEqual(t.items.map((i) => i.date), ['2024-10-09', '2024-10-11']);
  assert.deepEqual(t.items[0]!.citations.map((c) => c.source).sort(), ['a', 'b']);
  assert.equal(t.from, '2024-10-09');
  assert.equal(t.to, '2024-10-11');
});

test('citations quote the source sentences verbatim', () => {
  const a = doc('a', '2025-03-16', 'The blaze broke out shortly before midnight on Friday in a storage hall near the river.');
  const t = timeline([a]);
  assert.equal(t.items.length, 1);
  const quote = t.items[0]!.citations[0]!.quote;
  assert.ok(a.article.text.includes(quote));
  assert.equal(t.items[0]!.date, '2025-03-14');
});

test('an event with its own date is not dated by the day it was reported', () => {
  const a = doc('a', '2025-03-27', 'The evacuation order was lifted on Saturday, the mayor said on Wednesday in a statement to residents.');
  assert.deepEqual(timeline([a]).items.map((i) => i.date), ['2025-03-22']);
});

test('different events on one day stay apart; date lines and short fragments are not events', () => {
  const a = doc(
    'a',
    '2025-03-16',
    'March 16, 2025\n\nThe mayor said on Saturday that some 1,200 residents had been moved to schools across the river. Governor Okafor, who visited the evacuation centres on Saturday, promised housing money.',
  );
  const t = timeline([a]);
  assert.equal(t.items.length, 2);
  assert.ok(t.items.every((i) => i.date === '2025-03-15'));
});

test('background years: "since" does not date an event, one source\'s aside is dropped, two sources keep it', () => {
  const one = doc('a', '2018-01-28', 'He has led the council since 2015 and wants another term. The last strike, in 2016, lasted nine days before a deal.');
  assert.deepEqual(timeline([one]).items, []);
  const x = doc('x', '2018-01-28', 'Peace talks have stalled since the war began in 2011 across the country.');
  const y = doc('y', '2018-01-29', 'Since the start of the war in 2011, attempts to halt the fighting have stumbled.');
  const t = timeline([x, y]);
  assert.equal(t.items.length, 1);
  assert.equal(t.items[0]!.date, '2011');
  assert.equal(t.items[0]!.citations.length, 2);
  assert.equal(t.from, '2011');
});

test('at most maxItems, and a busy day does not crowd out the other dates', () => {
  const busy = [
    'Police imposed a curfew on the harbour district on Monday.',
    'Parliament approved an emergency fuel tax on Monday evening.',
    'Engineers closed the northern bridge to lorries on Monday.',
    'Teachers walked out of two secondary schools on Monday morning.',
    'A cargo ferry ran aground near the lighthouse on Monday.',
  ].join(' ');
  // 2024-10-07 is a Monday: the Monday items sit on the article day, the Tuesday one six days before it.
  const a = doc('a', '2024-10-07', `${busy} The passenger ferry service resumed last Tuesday after repairs to the pier.`);
  const t = timeline([a], { maxItems: 3 });
  assert.equal(t.items.length, 3);
  assert.ok(t.items.some((i) => i.date === '2024-10-01'), 'the only item of another day is kept');
});

test('undated articles contribute only dates with their own year', () => {
  const a = doc('a', null, 'The opposition said on Saturday it would stay away. Envoys met in Vienna on January 25, 2018 to discuss the constitution.');
  const t = timeline([a]);
  assert.deepEqual(t.items.map((i) => i.date), ['2018-01-25']);
});

test('a sentence opening with a dated statement gives that statement its own item, as its opening clause', () => {
  // 2023-03-20 is a Monday.
  const a = doc('a', '2023-03-20', 'The board said on Sunday that it would recommend the new offer to shareholders, who will vote on the deal at a meeting on May 2.');
  const t = timeline([a]);
  assert.deepEqual(t.items.map((i) => [i.date, i.text]), [
    ['2023-03-19', 'The board said on Sunday that it would recommend the new offer to shareholders.'],
    ['2023-05-02', a.sentences[0]!.text],
  ]);
  assert.ok(t.items.every((i) => i.citations[0]!.quote === a.sentences[0]!.text), 'both cite the verbatim sentence');
  // A trailing attribution is not a statement of its own.
  const b = doc('b', '2023-03-20', 'Brightwater raised its offer on Friday to 450 pence a share, the company said on Sunday.');
  assert.deepEqual(timeline([b]).items.map((i) => i.date), ['2023-03-17']);
});

test("a date in a relative clause does not date the sentence's event", () => {
  // 2022-11-14 is a Monday.
  const a = doc('a', '2022-11-14', 'Heavy rain that began on Friday pushed the river over its banks early on Sunday, forcing people from their homes.');
  assert.deepEqual(timeline([a]).items.map((i) => i.date), ['2022-11-13']);
  // "said that" opens the reported event itself, not a relative clause.
  const b = doc('b', '2022-11-14', 'The agency said that the river peaked on Sunday at a record level for the town.');
  assert.deepEqual(timeline([b]).items.map((i) => i.date), ['2022-11-13']);
});

test('"as of" a date and "on or after" a date are no events', () => {
  const docs = [
    doc('a', '2016-09-12', 'The water board said on Monday that 31 mains had burst across 12 districts as of August 2016.'),
    doc('b', '2016-09-12', 'A case was defined as sudden weakness of a limb occurring on or after August 1, 2014, with a lesion on the scan.'),
  ];
  const items = timeline(docs).items;
  assert.ok(!items.some((i) => i.date === '2016-08' || i.date === '2014-08-01'), JSON.stringify(items));
});

test('a line with no verb (a caption, a heading, a list entry) is no event', () => {
  const docs = [
    doc('a', '2018-12-01', '4 March, 1996, at the opening of the new bridge over the river.\n\nThe former mayor died on Friday at her home in Velmar, her family said.'),
    doc('b', '2018-12-01', "The Harbour Master's Statement on the Closure of the Eastern Quay, morning of September 12, 2012:"),
  ];
  const items = timeline(docs).items;
  assert.deepEqual(items.map((i) => i.date), ['2018-11-30']);
});

test('a sentence cut off on "Mr." or a month abbreviation is half an event, not an item', () => {
  const a = doc('a', '2021-05-20', 'In March 2019, the county museum bought the carved chest from Mr.\n\nThe ferry service resumed on Tuesday after the storm had passed the island.');
  const t = timeline([a]);
  assert.deepEqual(t.items.map((i) => i.date), ['2021-05-18']);
});

test('undated articles with only background months or years leave the story span unknown', () => {
  const a = doc('a', null, 'The orchard was planted by the family in April 2009, long before the drought reached the valley.');
  const t = timeline([a]);
  assert.deepEqual(t.items.map((i) => i.date), ['2009-04']);
  assert.equal(t.from, null);
  assert.equal(t.to, null);
  // A dated article keeps coarse items as its bounds; a day-precision item always bounds it.
  const dated = doc('b', '2012-06-02', 'The orchard was planted by the family in April 2009, long before the drought reached the valley.');
  assert.equal(timeline([dated]).from, '2009-04');
  const day = doc('c', null, 'The orchard was planted by the family on April 14, 2009, long before the drought reached the valley.');
  assert.equal(timeline([day]).from, '2009-04-14');
});

test('a caption (a date stamp run into the line, a photographer credit at its end) is no event', () => {
  const a = doc(
    'a',
    '2022-09-14',
    'September 12, 2022 A fisherman was mending his nets on the quay at Velmar before the storm.\n\nCrowds gathered on the quay as the storm arrived at Velmar, September 12 2022 (Jane Roe)\n\nThe storm flooded the lower town of Velmar on September 12, 2022, the mayor said.',
  );
  const t = timeline([a]);
  assert.deepEqual(t.items.map((i) => i.text), ['The storm flooded the lower town of Velmar on September 12, 2022, the mayor said.']);
  // Gallery captions led by their date; a date opening a main clause stays an event.
  const g = doc(
    'g',
    '2022-09-14',
    'March 1998, as the new harbour wall was finished at Velmar.\n\n12 June 2001, speaking to the harbour workers who had gone on strike.\n\nMarch 1998, the harbour wall at Velmar was finished by the county.',
  );
  assert.deepEqual(timeline([g]).items.map((i) => i.text), ['March 1998, the harbour wall at Velmar was finished by the county.']);
});

test('a dated statement followed by "and would/will ..." with a later date gives both their items', () => {
  // 2025-10-16 is a Thursday.
  const a = doc('a', '2025-10-16', 'The inspector said on Wednesday that her team had recovered the data recorder and would publish its first findings by December 5.');
  assert.deepEqual(timeline([a]).items.map((i) => [i.date, i.text]), [
    ['2025-10-15', 'The inspector said on Wednesday that her team had recovered the data recorder.'],
    ['2025-12-05', a.sentences[0]!.text],
  ]);
});

test('an event told by a sentence that leans on the one before shows that sentence with it; with no standing antecedent it is no item', () => {
  const a = doc('a', '2025-03-26', 'A third person has died from injuries suffered in the warehouse fire, the health authority said.\n\nThe man, a forklift driver, died in hospital on Tuesday.');
  const items = timeline([a]).items;
  assert.equal(items.length, 1);
  assert.equal(items[0]!.date, '2025-03-25');
  assert.match(items[0]!.text, /^A third person has died .* The man, a forklift driver, died in hospital on Tuesday\.$/);
  assert.deepEqual(items[0]!.citations.map((c) => c.quote), [
    'A third person has died from injuries suffered in the warehouse fire, the health authority said.',
    'The man, a forklift driver, died in hospital on Tuesday.',
  ]);
  // The sentence before is a caption: nothing to bring along, so no item.
  const b = doc('b', '2025-03-26', 'Jane Roe / Invented Agency file\n\nIt reopened on Tuesday after the inspectors left the quay.');
  assert.deepEqual(timeline([b]).items, []);
});
