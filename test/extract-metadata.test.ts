import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHalf, scoreAuthor, scoreDate, titleMatches } from '../src/eval/extraction.js';
import { extractFromHtml } from '../src/ingest/html.js';
import { urlDate } from '../src/ingest/html-metadata.js';

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
