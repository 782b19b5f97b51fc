import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHalf, scoreAuthor, scoreDate, titleMatches } from '../src/eval/extraction.js';
import { extractFromHtml } from '../src/ingest/html.js';
import { dateOdds, decideDate, shownDates, urlDate, type DateEvidence } from '../src/ingest/html-metadata.js';

const body = '<p>' + 'The harbour board met on the quay to talk about the new crane and the tides. '.repeat(8) + '</p>';

test('dates are scored on their day: exact, wrong, missing, or not asked', () => {
  assert.equal(scoreDate('2025-03-04', '2025-03-04T10:00:00Z'), 'exact');
  assert.equal(scoreDate('2025-03-04', '2025-03-05'), 'wrong');
  assert.equal(scoreDate('2025-03-04', null), 'missing');
  assert.equal(scoreDate(null, '2025-03-05'), 'unasked');
});

test('titles compare without case and punctuation; authors are contained in the byline', () => {
  assert.ok(titleMatches('Ten Cranes, Reviewed!', 'ten cranes reviewed'));
  assert.ok(!titleMatches('Ten Cranes', 'Ten Cranes | Harbour Times'));
  assert.equal(scoreAuthor('Ana Lopes', 'By Ana Lopes and Tom Reed'), 'right');
  assert.equal(scoreAuthor('Ana Lopes', 'Staff'), 'wrong');
  assert.equal(scoreAuthor('', 'Staff'), 'spurious');
  assert.equal(scoreAuthor('Ana Lopes', null), 'missing');
});

test('pages split into two stable halves by the parity of a hash of their id', () => {
  const halves = ['0001', '0002', '0003', '0004', '0005', '0006'].map(pageHalf);
  assert.deepEqual(halves, ['0001', '0002', '0003', '0004', '0005', '0006'].map(pageHalf));
  assert.ok(halves.includes('A') && halves.includes('B'));
});

test('a date in the URL path is read and wins over a time-zone-shifted meta date', () => {
  assert.equal(urlDate('https://example.org/2025/12/18/crane-day'), '2025-12-18');
  assert.equal(urlDate('https://example.org/news/crane-day'), null);
  const html = `<html><head><meta property="article:published_time" content="2025-12-19T02:00:00Z"></head><body><article>${body}</article></body></html>`;
  assert.equal(extractFromHtml(html, { url: 'https://example.org/2025/12/18/crane-day' }).published, '2025-12-18');
});

test('two stated published dates far apart give no date rather than a wrong one', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Crane day', datePublished: '2019-04-02' });
  const html = `<html><head><script type="application/ld+json">${ld}</script><meta property="article:published_time" content="2024-06-01"></head><body><article>${body}</article></body></html>`;
  assert.equal(extractFromHtml(html, {}).published, null);
  const agreeing = html.replace('2024-06-01', '2019-04-02');
  assert.equal(extractFromHtml(agreeing, {}).published, '2019-04-02');
});

test('the page date: what the page shows settles a published/modified split, and stands in when nothing is stated', () => {
  const page = (head: string, body: string) => `<html><head>${head}</head><body><article><h1>Ferry timetable approved</h1>${body}<p>${'The harbour board approved the new ferry timetable after three months of talks with the unions. '.repeat(4)}</p></article></body></html>`;
  const ld = (p: string, m: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry timetable approved","datePublished":"${p}","dateModified":"${m}"}</script>`;
  // The page shows its modified date only: that is its date.
  assert.equal(extractFromHtml(page(ld('2021-03-02T10:00:00Z', '2024-06-11T10:00:00Z'), '<p>June 11, 2024</p>')).published, '2024-06-11');
  // It shows the published date (or neither): the published date.
  assert.equal(extractFromHtml(page(ld('2021-03-02T10:00:00Z', '2024-06-11T10:00:00Z'), '<p>2 March 2021</p>')).published, '2021-03-02');
  assert.equal(extractFromHtml(page(ld('2021-03-02T10:00:00Z', '2024-06-11T10:00:00Z'), '')).published, '2021-03-02');
  // Nothing stated: the one date shown; dates inside scripts are not shown.
  assert.equal(extractFromHtml(page('', '<p class="date">Posted Dec. 18th, 2025</p>')).published, '2025-12-18');
  assert.equal(extractFromHtml(page('<script>var d = "January 5, 2020";</script>', '')).published, null);
  assert.deepEqual([...shownDates('On 3rd of May 2019 and 2019-05-04, not 31 February 2019.')].sort(), ['2019-05-03', '2019-05-04']);
});

test('dates in figures are read when day and month cannot be confused; URL dates may run into the slug', () => {
  assert.deepEqual([...shownDates('Updated: 10/31/2024, posted 15/12/2025 at 19:00')], ['2024-10-31', '2025-12-15']);
  assert.deepEqual([...shownDates('Filed 4/5/2024 under version 1.10.2024')], []);
  assert.equal(urlDate('https://example.org/notes/2025-12-15+Crane+day'), '2025-12-15');
  assert.equal(urlDate('https://example.org/2021/10/12345-crane'), null);
});

test('the page date is the likeliest candidate, given only when it is likely enough', () => {
  const none: DateEvidence = {
    url: null, ldPublished: null, ldCreated: null, ldModified: null, metaPublished: null, metaModified: null,
    timeElement: null, timeText: null, shown: [], nearHeadline: [],
  };
  // Stated published dates that agree: given.
  assert.equal(decideDate({ ...none, ldPublished: '2024-02-01', metaPublished: '2024-02-01' }), '2024-02-01');
  // The one date the page shows: given; the first of several dates shown far from the headline: not.
  assert.equal(decideDate({ ...none, shown: ['2023-07-04'] }), '2023-07-04');
  assert.equal(decideDate({ ...none, shown: ['2023-07-04', '2025-01-09', '2025-01-08'] }), null);
  // The same, next to the headline: given.
  assert.equal(decideDate({ ...none, shown: ['2023-07-04', '2025-01-09', '2025-01-08'], nearHeadline: ['2023-07-04'] }), '2023-07-04');
  // A URL date decides.
  assert.equal(decideDate({ ...none, url: '2022-05-06', metaPublished: '2022-05-07' }), '2022-05-06');
  // Every candidate has a probability, the likeliest first.
  const odds = dateOdds({ ...none, ldPublished: '2024-02-01', shown: ['2024-02-01', '2024-03-01'] });
  assert.equal(odds[0]!.date, '2024-02-01');
  assert.ok(odds[0]!.probability > odds[1]!.probability);
});

test('the title: the headline a reader sees when the metadata vouches for it, without site names', () => {
  const page = (head: string, h1: string) =>
    `<html><head>${head}</head><body><article>${h1}${body}</article></body></html>`;
  // The <h1> shares its words with og:title: it is the title, site suffix and all left behind.
  assert.equal(
    extractFromHtml(page('<meta property="og:title" content="Crane Day: A Guide | Quay Notes">', '<h1>Crane Day on the Quay: A Guide</h1>'), { url: 'https://quaynotes.example/crane' }).title,
    'Crane Day on the Quay: A Guide',
  );
  // An <h1> that is the site's logo is not: the stated title, its site name (found in the host) cut.
  assert.equal(
    extractFromHtml(page('<title>Crane day on the quay | Quay Notes</title>', '<h1>Quay Notes</h1>'), { url: 'https://quaynotes.example/crane' }).title,
    'Crane day on the quay',
  );
  // An <h1> that adds a date to the stated title: the stated title.
  assert.equal(extractFromHtml(page('<meta property="og:title" content="Crane day on the quay">', '<h1>Dec 18 2025 Crane day on the quay</h1>'), {}).title, 'Crane day on the quay');
  // A JSON-LD headline cut short is completed by the meta title it begins.
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Crane day on the quay (and"}</script>';
  assert.equal(extractFromHtml(page(`${ld}<meta property="og:title" content="Crane day on the quay (and the tides)">`, ''), {}).title, 'Crane day on the quay (and the tides)');
});

test('the author: people before groups, the shown byline when the metadata names only the site', () => {
  const page = (head: string, top: string) =>
    `<html><head>${head}</head><body><article><h1>Crane day on the quay</h1>${top}${body}</article></body></html>`;
  const ld = (author: object) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Crane day on the quay', author, publisher: { '@type': 'Organization', name: 'Quay Notes' } })}</script>`;
  // An Organization as author gives way to the person in the byline.
  assert.equal(extractFromHtml(page(ld({ '@type': 'Organization', name: 'Quay Notes' }), '<div class="post-author"><span>Mira Holt</span><span>Harbour editor</span></div>'), {}).byline, 'Mira Holt');
  // With no person shown, the group's name stands.
  assert.equal(extractFromHtml(page(ld({ '@type': 'Organization', name: 'Quay Notes' }), ''), {}).byline, 'Quay Notes');
  // Byline labels and glued job titles are no names; "By Name" next to the headline is.
  assert.equal(extractFromHtml(page('', '<div class="author-box">Written By</div><p>By Tomas Berg, Dec 17, 2025</p>'), {}).byline, 'Tomas Berg');
  assert.equal(extractFromHtml(page('', '<p class="byline">Full Bio</p>'), {}).byline, null);
});
