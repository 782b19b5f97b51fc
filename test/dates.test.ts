import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Doc } from '../src/types.js';
import { articleDate, findDates, resolveWeekday, resolveYearless } from '../src/analyze/dates/index.js';
import { clauseTense } from '../src/analyze/dates/index.js';
import { docFromText } from './helpers.js';

const doc = (text: string, published: string | null = null, removed: Article['removed'] = []): Doc =>
  docFromText('a', text, { title: 't', published, removed });

/** The dates found in a one-sentence text, as "expression=date". */
function datesOf(text: string, published: string | null): string[] {
  const d = doc(text, published);
  return findDates(d, articleDate(d)).map((m) => `${m.text}=${m.date}`);
}

test('a past-tense weekday is the one before the article date', () => {
  // 2018-01-28 is a Sunday.
  assert.deepEqual(datesOf('The spokesman said on Saturday that the talks had failed.', '2018-01-28'), ['on Saturday=2018-01-27']);
  assert.deepEqual(datesOf('Crane operators joined the strike on Tuesday.', '2024-10-10'), ['on Tuesday=2024-10-08']);
});

test('a future or scheduled weekday is the coming one', () => {
  assert.deepEqual(datesOf('The congress opens on Tuesday in the resort.', '2018-01-28'), ['on Tuesday=2018-01-30']);
  assert.deepEqual(datesOf('The two sides will meet on Wednesday for more talks.', '2024-10-07'), ['on Wednesday=2024-10-09']);
  assert.deepEqual(datesOf('The sides are due to meet again on Friday.', '2024-10-10'), ['on Friday=2024-10-11']);
  assert.deepEqual(datesOf('Voters go to the polls on Sunday.', '2024-10-09'), ['on Sunday=2024-10-13']);
  // The present perfect takes no definite past time: the day belongs to what is announced.
  assert.deepEqual(datesOf('Forecasters have warned of more heavy rain on Wednesday.', '2022-11-14'), ['on Wednesday=2022-11-16']);
  assert.deepEqual(datesOf('The bridge has been closed since Monday.', '2022-11-16'), ['Monday=2022-11-14']);
  assert.deepEqual(datesOf('Candidates held rallies ahead of Sunday\'s vote.', '2024-10-09'), ["Sunday=2024-10-13"]);
  // ...but "ahead" as a lead in a past clause is not a preview.
  assert.deepEqual(datesOf('She finished 212 votes ahead of her rival in Sunday\'s election.', '2023-11-06'), ['Sunday=2023-11-05']);
  assert.deepEqual(datesOf('The company will test the engine next Tuesday.', '2018-01-24'), ['next Tuesday=2018-01-30']);
  assert.deepEqual(
    datesOf('She said the order would be lifted on Friday if the tests were clean.', '2025-03-19'),
    ['on Friday=2025-03-21'],
  );
});

test("the article's own weekday is the article day, and next/last move a full week", () => {
  assert.deepEqual(datesOf('Exporters warned on Thursday that costs were rising.', '2024-10-10'), ['on Thursday=2024-10-10']);
  const thursday = Date.UTC(2024, 9, 10, 12);
  assert.equal(new Date(resolveWeekday(thursday, 4, null, 'next')).toISOString().slice(0, 10), '2024-10-17');
  assert.equal(new Date(resolveWeekday(thursday, 4, null, 'last')).toISOString().slice(0, 10), '2024-10-03');
});

test('dates without a year take the closest year, tense breaking near-ties', () => {
  assert.deepEqual(datesOf('Lavrov discussed the congress in Sochi on Jan. 29-30 with his counterpart.', '2018-01-27'), ['Jan. 29-30=2018-01-29']);
  assert.deepEqual(datesOf('The talks in Geneva are set for November 28.', '2017-11-22'), ['November 28=2017-11-28']);
  assert.deepEqual(datesOf('The deal was signed on December 28 after long talks.', '2018-01-10'), ['December 28=2017-12-28']);
  assert.equal(resolveYearless(Date.UTC(2017, 11, 20), 1, 5, 'future'), 2018);
  // Months away, the tense decides even when the other year is closer.
  assert.deepEqual(datesOf('The trial began on January 9 and is expected to last until February.', '2024-10-09'), ['January 9=2024-01-09', 'February=2025-02']);
  assert.deepEqual(datesOf('The site had been inspected in November.', '2025-03-19'), ['November=2024-11']);
});

test('years and deictic expressions', () => {
  assert.deepEqual(datesOf('The war began in 2011 and has not stopped.', '2018-01-28'), ['in 2011=2011']);
  assert.deepEqual(datesOf('Seven rounds have been held since the beginning of 2017 in Astana.', '2018-01-28'), ['since the beginning of 2017=2017']);
  assert.deepEqual(datesOf('The minister resigned yesterday after the vote.', '2020-05-06'), ['yesterday=2020-05-05']);
  const lastWeek = findDates(doc('Talks collapsed last week in the capital.', '2020-05-06'), '2020-05-06');
  assert.equal(lastWeek.length, 1);
  assert.equal(lastWeek[0]!.approximate, true);
  assert.equal(lastWeek[0]!.relative, true);
});

test('offsets point at the expression in Article.text', () => {
  const d = doc('First paragraph here today.\n\nThe fire broke out on Friday night near the port.', '2025-03-17');
  for (const m of findDates(d, '2025-03-17')) assert.equal(d.article.text.slice(m.start, m.end), m.text);
});

test('undated articles keep only dates that carry their own year', () => {
  const d = doc('The talks began on Saturday. The war began in 2011. Envoys met on January 25, 2018 in Vienna.');
  assert.equal(articleDate(d), null);
  assert.deepEqual(findDates(d, null).map((m) => m.date), ['2011', '2018-01-25']);
});

test('not dates: times alone, ages, durations, anaphoric offsets, "now", the verb "may"', () => {
  assert.deepEqual(datesOf('The strike began at six in the morning.', '2024-10-07'), []);
  assert.deepEqual(datesOf('A 52-year-old driver died in the six-year war.', '2024-10-07'), []);
  assert.deepEqual(datesOf('The order was lifted a day later than hoped.', '2025-03-27'), []);
  assert.deepEqual(datesOf('There is no point now, and Russia may send envoys.', '2018-01-29'), []);
  assert.deepEqual(datesOf('More than 1,500 delegates were invited.', '2018-01-29'), []);
});

test('articleDate: metadata first, then a date line near the top, never an "Updated" line when another exists', () => {
  assert.equal(articleDate(doc('Body text of the article that is long enough.', '2025-03-16T14:20:00+01:00')), '2025-03-16');
  assert.equal(articleDate(doc('Title line\n\nHARBOUR DAILY\n\nMonday, October 7, 2024\n\nDockworkers walked out on Monday.')), '2024-10-07');
  assert.equal(articleDate(doc('Title\n\n*Coastline Post · March 19, 2025 · By Ruth Mendel*\n\nThe inquiry opened on Tuesday.')), '2025-03-19');
  assert.equal(articleDate(doc('Title\n\nUpdated March 20, 2025\n\nPublished March 18, 2025\n\nBody.')), '2025-03-18');
  // A wire dateline opening the body dates the article; one without a year does not.
  assert.equal(articleDate(doc('VELMAR, March 16, 2025 (Reuters) - Two workers were killed when a fire tore through a warehouse.')), '2025-03-16');
  assert.equal(articleDate(doc('VELMAR, March 16 (Reuters) - Two workers were killed when a fire tore through a warehouse.')), null);
  // A date inside a long body sentence is not the article's date.
  assert.equal(articleDate(doc('Envoys met in Vienna on January 25, 2018 to discuss the constitution and the agenda of the next talks.')), null);
  // A date line the cleaner removed still dates the article; a dated comment does not.
  assert.equal(articleDate(doc('Body.', null, [{ reason: 'date line', text: 'Published 6 November 2023' }])), '2023-11-06');
  assert.equal(articleDate(doc('Body.', null, [{ reason: 'reader comments', text: 'Posted by Jens on March 17, 2025 at 9:14, great article, thanks for writing it' }])), null);
});

test('clause tense reads the verb group nearest the expression', () => {
  const t = (s: string, expr: string) => clauseTense(s, s.indexOf(expr), s.indexOf(expr) + expr.length);
  assert.equal(t('Residents were told on Sunday that the order would stay.', 'on Sunday'), 'past');
  assert.equal(t('Residents will not be allowed back before Thursday.', 'Thursday'), 'future');
  assert.equal(t('Earlier on Saturday, the opposition said it would stay away.', 'on Saturday'), 'past');
  assert.equal(t('The recount would begin on Wednesday in the hall.', 'on Wednesday'), 'future');
});

test('a modal or schedule word far back in the clause still makes its date a coming one', () => {
  const t = (s: string, expr: string) => clauseTense(s, s.indexOf(expr), s.indexOf(expr) + expr.length);
  assert.equal(t('Inspector Keita is expected to give a first account of the investigation on Friday.', 'on Friday'), 'future');
  assert.equal(t('The minister will present the full findings of the long inquiry into the collapse on Monday.', 'on Monday'), 'future');
  // A past verb between the marker and the date closes the reach.
  assert.equal(t('Officials expected that the team, which inspected the damaged bridge and its supports, finished on Monday.', 'on Monday'), 'past');
});

test('a span of days, weeks or months after "for" is a duration, not a date', () => {
  // chrono reads "for three days" as three days after the article date.
  assert.deepEqual(datesOf('In 2009 the crews walked out for three days over rosters.', '2025-11-04'), ['In 2009=2009']);
  assert.deepEqual(datesOf('The road was closed for two weeks.', '2025-11-04'), []);
  // ...while "for" before a day still names it.
  assert.deepEqual(datesOf('Talks are set for Thursday.', '2025-11-05'), ['Thursday=2025-11-06']);
});

test('"next month" and "last month" are the month after or before the article date', () => {
  assert.deepEqual(datesOf('A new pump will be delivered next month.', '2025-10-06'), ['next month=2025-11']);
  assert.deepEqual(datesOf('The plant closed last month.', '2025-01-20'), ['last month=2024-12']);
});

test('a date set aside in a contrast ("not next month") is not a date of the story', () => {
  assert.deepEqual(datesOf('"Book the jab now, not next month," the doctor said on Tuesday.', '2025-10-08'), ['on Tuesday=2025-10-07']);
  assert.deepEqual(datesOf('The vote will be held on Monday rather than Friday.', '2025-10-08'), ['on Monday=2025-10-13']);
});
