import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../src/ingest/html.js';
import { normalizeDate, personName, withoutSiteName } from '../src/ingest/html-metadata.js';
import { blockText } from '../src/ingest/html-text.js';
import { flattenDeepNesting, hintWords } from '../src/ingest/html-boilerplate.js';
import { removeEdgeBoilerplate } from '../src/ingest/html-edges.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/html');
const page = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

test('metadata from meta tags: og:title, og:site_name, article:published_time, author, relative canonical', () => {
  const result = extractFromHtml(page('meta-tags.html'), { url: 'https://ledger.example/share?id=12' });
  assert.equal(result.title, 'Harbour bridge reopens after repairs');
  assert.equal(result.outlet, 'The Coastal Ledger');
  // The date as the page states it, not shifted to UTC (22:15 at -08:00 is the 8th in UTC).
  assert.equal(result.published, '2024-03-07');
  assert.equal(result.byline, 'Priya Nandakumar');
  assert.equal(result.url, 'https://ledger.example/news/2024/03/harbour-bridge-reopens');
});

test('metadata from JSON-LD wins over meta tags: headline, authors, publisher, datePublished, url', () => {
  const result = extractFromHtml(page('json-ld.html'), { url: 'https://valley.example/amp/orchard' });
  assert.equal(result.title, 'Orchard growers count losses after late frost');
  assert.equal(result.byline, 'Tomas Berg, Ana Ruiz');
  assert.equal(result.outlet, 'Northern Valley Times');
  assert.equal(result.published, '2023-05-02');
  assert.equal(result.url, 'https://valley.example/news/orchard-frost');
});

test('date from <time datetime> when no meta tag names one; url falls back to the one given', () => {
  const result = extractFromHtml(page('time-element.html'), { url: 'https://library.example/posts/7' });
  assert.equal(result.published, '2022-11-19');
  assert.equal(result.url, 'https://library.example/posts/7');
  assert.equal(result.byline, null);
});

test('body keeps the article paragraphs and drops navigation, share bar, caption, related links, footer', () => {
  const result = extractFromHtml(page('meta-tags.html'), { url: 'https://ledger.example/' });
  const paragraphs = result.text.split('\n\n');
  assert.equal(paragraphs.length, 4);
  assert.match(paragraphs[0], /^The Harbour Street bridge reopened/);
  assert.match(paragraphs[3], /temporary ferry service to continue\.$/);
  for (const junk of ['Share on', 'Workers inspect', 'Ferry timetable', 'All rights reserved', 'Home', 'tracking-code']) {
    assert.ok(!result.text.includes(junk), `body should not contain "${junk}"`);
  }
  const reasons = new Set(result.removed.map((r) => r.reason));
  for (const reason of ['share-buttons', 'image-caption', 'related-links']) assert.ok(reasons.has(reason), reason);
  assert.ok(result.removed.some((r) => r.text.includes('Council approves new bus lanes')));
});

test('paragraph joining: blocks become paragraphs, <br> a line break, inline markup joins with spaces, table cells with " | "', () => {
  const { document } = parseHTML(
    '<div><h2>Head</h2>one <b>bold</b>\n  two<br>next line<ul><li>first</li><li>second <a href="#">link</a></li></ul>' +
      '<table><tr><td>a</td><td>b</td></tr></table><p>  </p><p>last</p></div>',
  );
  assert.equal(blockText(document.querySelector('div')!), 'Head\n\none bold two\nnext line\n\nfirst\n\nsecond link\n\na | b\n\nlast');
  const result = extractFromHtml(page('json-ld.html'));
  assert.match(result.text, /blossom\.\nSome orchards/);
  assert.equal(result.text.split('\n\n').length, 3);
});

test('a page with no article gives an empty body, with the reason recorded', () => {
  const result = extractFromHtml(page('no-article.html'), { url: 'https://daily.example/business' });
  assert.equal(result.text, '');
  assert.equal(result.outlet, 'Example Daily');
  assert.equal(extractFromHtml('').text, '');
  assert.equal(extractFromHtml('<html><body><p>Hi.</p></body></html>').text, '');
});

test('hostile markup: scripts, styles, comments, templates, hidden and framed text never reach the body', () => {
  const result = extractFromHtml(page('hostile.html'), { url: 'https://town.example/river' });
  assert.ok(!/must not leak/.test(result.text), result.text);
  assert.ok(!/analytics|document\.write|alert\(/.test(result.text));
  assert.equal(result.text.split('\n\n').length, 4);
  assert.match(result.text, /worst stretch near the weir cleaned first\./);
  // Escaped markup in the prose is prose, and stays as the reader saw it.
  assert.match(result.text, /signatures <script> was handed in/);
  assert.ok(!result.removed.some((r) => /must not leak/.test(r.text) && r.reason === 'script'));
});

test('dates normalize to YYYY-MM-DD from ISO, slashes, month names and timestamps; junk is null', () => {
  assert.equal(normalizeDate('2019-11-20T04:00:00-06:00'), '2019-11-20');
  assert.equal(normalizeDate('20191120'), '2019-11-20');
  assert.equal(normalizeDate('2019/11/20 10:00'), '2019-11-20');
  assert.equal(normalizeDate('Wed, 20 Nov 2019 04:00:00 GMT'), '2019-11-20');
  assert.equal(normalizeDate('November 2nd, 2019'), '2019-11-02');
  assert.equal(normalizeDate('1574222400'), '2019-11-20');
  assert.equal(normalizeDate('2019-11'), '2019-11');
  assert.equal(normalizeDate('2019-13-45'), null);
  assert.equal(normalizeDate('yesterday'), null);
});

test('class words split at separators and camelCase, so "shareholders" is not a share bar', () => {
  assert.deepEqual(hintWords('article__share-bar relatedStories'), ['article', 'share', 'bar', 'related', 'stories']);
  const html = (cls: string): string =>
    `<html><body><div class="story"><p>The company told its shareholders on Friday that profits rose by a tenth over the year, helped by strong sales abroad.</p>` +
    `<p>Sales in Asia grew fastest, the chief executive said, while the home market was flat after two years of decline.</p>` +
    `<p>The board proposed a higher dividend and said it expected the coming year to be at least as good, barring a recession.</p>` +
    `<div class="${cls}"><p>Investors cheered the figures and the shares rose five percent in early trading on the exchange.</p></div></div></body></html>`;
  assert.match(extractFromHtml(html('shareholders-note')).text, /Investors cheered/);
  assert.doesNotMatch(extractFromHtml(html('share-tools')).text, /Investors cheered/);
});

test('edge furniture: ad labels anywhere, bylines and copyright only at the edges', () => {
  const { text, removed } = removeEdgeBoilerplate(
    'By Jane Doe\n\nFirst paragraph of the story.\n\nAdvertisement\n\nBy the end of the day it was over.\n\n© 2024 Example News. All rights reserved.',
  );
  assert.equal(text, 'First paragraph of the story.\n\nBy the end of the day it was over.');
  assert.deepEqual(removed.map((r) => r.reason).sort(), ['advertising or layout label', 'byline or date', 'copyright notice']);
  const credited = removeEdgeBoilerplate('The ministry confirmed the figures on Friday.\n\n(Reporting by Ann Lee; Editing by Bo Kim)');
  assert.equal(credited.text, 'The ministry confirmed the figures on Friday.');
  assert.equal(credited.removed[0].reason, 'reporting credit');
  // The same words inside the story are the story.
  const inside = 'Reporting by the agency was wrong, he said.\n\nThe ministry confirmed the figures.\n\nIt was a long day.';
  assert.equal(removeEdgeBoilerplate(inside).text, inside);
});

test('a standfirst repeating the meta description is dropped only when the page marks it as one', () => {
  const summary = 'The port will close for a week while cranes are replaced, the harbour authority said.';
  const story =
    '<p>The harbour authority said on Monday that the container port would close from the first of the month while two of its cranes are replaced.</p>' +
    '<p>Shipping lines have been told to divert to the northern terminal, which has room for about half of the usual traffic, an official said.</p>' +
    '<p>The new cranes were bought last year and can lift containers from the largest ships now calling at the port, the authority said in a statement.</p>';
  const page = (lead: string): string =>
    `<html><head><meta name="description" content="${summary}"></head><body><article>${lead}<div class="body">${story}</div></article></body></html>`;
  const marked = extractFromHtml(page(`<header><h1>Port to close</h1><p class="dek">${summary}</p></header>`));
  assert.doesNotMatch(marked.text, /cranes are replaced, the harbour/);
  assert.ok(marked.removed.some((r) => r.reason === 'standfirst'));
  const plain = extractFromHtml(page(`<p>${summary}</p>`));
  assert.match(plain.text, /^The port will close for a week/);
});

test('deeply nested markup is flattened, keeping its paragraphs', () => {
  const paragraph = '<p>The river rose by two metres overnight and the town closed both of its bridges to traffic.</p>';
  const html = `<html><body>${'<div>'.repeat(3000)}${paragraph.repeat(3)}${'</div>'.repeat(3000)}</body></html>`;
  const result = extractFromHtml(html);
  assert.equal(result.text.split('\n\n').length, 3);
  const { document } = parseHTML(`<html><body>${'<div>'.repeat(10)}<p>a</p><p>b</p>${'</div>'.repeat(10)}</body></html>`);
  assert.equal(flattenDeepNesting(document.documentElement, 4), 7);
  assert.equal(blockText(document.body), 'a\n\nb');
});

test('author fields give names: "By" dropped, handles, dates and furniture cut off, links refused', () => {
  assert.equal(personName('By Jane Doe'), 'Jane Doe');
  assert.equal(personName('Bryan Smith @bsmith Nov 18, 2019 at 9:24 pm ET • 2 min read'), 'Bryan Smith');
  assert.equal(personName('Jane Doe | November 18, 2019 12:01 PM Print this article'), 'Jane Doe');
  assert.equal(personName('Ana Ruiz and Tomas Berg'), 'Ana Ruiz and Tomas Berg');
  assert.equal(personName('https://www.facebook.com/janedoe'), null);
});

test('a title loses a trailing site name only when it repeats the outlet', () => {
  assert.equal(withoutSiteName('Harbour bridge reopens | The Coastal Ledger', 'The Coastal Ledger'), 'Harbour bridge reopens');
  assert.equal(withoutSiteName('Meal prep tips - Beachbody Blog', 'The Beachbody Blog'), 'Meal prep tips');
  assert.equal(withoutSiteName('Spain 2 - 1 Russia', 'Sports Daily'), 'Spain 2 - 1 Russia');
  assert.equal(withoutSiteName('Opinion | Why bridges fail', 'The Coastal Ledger'), 'Opinion | Why bridges fail');
});

test('JSON-LD articleBody stands in when extraction finds little, but only if its text is on the page', () => {
  const body = [
    'The observatory on the ridge will reopen to visitors in June after a two-year restoration of its dome and telescope mount.',
    'Volunteers rebuilt the rotating mechanism by hand, using drawings found in the archive of the university that built it in 1912.',
    'Evening tours will run on clear Fridays and Saturdays, and tickets can be booked from the first of May, the trust said.',
    'The trust said the restoration was paid for by local donations and a grant from the regional heritage fund.',
    'A small exhibition in the entrance hall will show photographs of the observatory from its first decades.',
  ];
  const page = (onPage: string[]): string =>
    `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Observatory reopens', articleBody: body.join('\n') })}</script></head>` +
    `<body><div aria-hidden="true">${onPage.map((p) => `<p>${p}</p>`).join('')}</div><p>Short teaser.</p></body></html>`;
  const used = extractFromHtml(page(body));
  assert.equal(used.text, body.join('\n\n'));
  const elsewhere = extractFromHtml(page(['Nothing of that story is on this page, which is about something else entirely.']));
  assert.equal(elsewhere.text, '');
});

test('date stamps and split bylines at the top of the body are dropped; dated sentences stay', () => {
  const top = removeEdgeBoilerplate('Nov. 20, 2019, 9:28 AM UTC\n\nBy\n\nJane Doe\n\nThe house will become a police station.\n\nIt was built in 1890.');
  assert.equal(top.text, 'The house will become a police station.\n\nIt was built in 1890.');
  const dated = 'On Nov. 20, 2019 the house was sold.\n\nIt was built in 1890.';
  assert.equal(removeEdgeBoilerplate(dated).text, dated);
});

test('story cards (<article> teasers among several) are dropped; a lone short <article> is the story', () => {
  const prose =
    '<p>The ferry company said on Sunday that the winter timetable would start a week early because of falling passenger numbers on the island routes.</p>' +
    '<p>Islanders said the change left them with one crossing a day and asked the regional council to step in before the school holidays.</p>' +
    '<p>The company said it would review the timetable again in March, once the figures for the new year were known.</p>';
  const card = (n: number): string => `<article class="card"><a href="/story/${n}"><h3>Another story number ${n}</h3></a><p>A line of teaser text for story ${n}.</p></article>`;
  const result = extractFromHtml(`<html><body><main><article>${prose}</article><section>${card(1)}${card(2)}${card(3)}</section></main></body></html>`);
  assert.doesNotMatch(result.text, /Another story|teaser text/);
  assert.equal(result.text.split('\n\n').length, 3);
  const short =
    '<p>The bridge on Mill Road will be closed on Saturday for repairs to its railings, the council said on Thursday. ' +
    'Buses will be diverted through the town centre. <a href="/roads">Road works</a> are listed online.</p>';
  assert.match(extractFromHtml(`<html><body><article>${short}</article></body></html>`).text, /Mill Road will be closed/);
});

test('content streamed into a hidden part of the page is put where its placeholder stands and extracted', () => {
  const prose = '<p>The harbour board met on the quay to talk about the new crane, the tides and the ferry timetable for the winter months ahead.</p>'.repeat(6);
  const html = `<html><head><title>Crane day</title></head><body><header><a href="/">Quay Notes</a></header>` +
    `<main><template id="B:0"></template><p>Loading...</p></main><footer>Contact us</footer>` +
    `<div hidden id="S:0"><article><h1>Crane day on the quay</h1>${prose}</article></div>` +
    `<script>$RC("B:0","S:0")</script></body></html>`;
  const result = extractFromHtml(html, {});
  assert.match(result.text, /The harbour board met on the quay/);
  assert.ok(!/Contact us/.test(result.text));
});

test('an empty first <body> or elements between </head> and <body> do not hide the article', () => {
  const prose = '<p>The harbour board met on the quay to talk about the new crane, the tides and the ferry timetable for the winter months ahead.</p>'.repeat(6);
  const html = `<!doctype html><html><head><title>Crane day</title></head>\n<script>var lang = "en";</script>\n` +
    `<body class="post"><article><h1>Crane day on the quay</h1>${prose}</article></body></html>`;
  assert.match(extractFromHtml(html, {}).text, /The harbour board met on the quay/);
});

test('link-dense blocks by the fitted model: an entry linking off-site among the prose stays, a related-story list within the site goes; a subhead whose id is its own words stays', () => {
  const prose = (s: string) => `<p>${s} The harbour board met on Tuesday to weigh the cost of new cranes, and its members argued for most of the afternoon about who should pay.</p>`;
  const html = `<html><head><title>Five tools for small harbours</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Five tools for small harbours</h1>
${prose('Harbours across the coast are short of money.')}
<h2 id="h-sharing-a-tide-gauge">Sharing a tide gauge</h2>
${prose('A tide gauge records the height of the water.')}
<p><a href="https://tidewell.example/gauges">Tidewell gauges, sold to forty harbours since 2019.</a></p>
${prose('Several harbour masters said the gauges paid for themselves.')}
${prose('Others said the installation took longer than promised.')}
<ul><li><a href="/news/ferry-strike">Ferry strike enters third day</a></li><li><a href="/news/pier-repairs">Pier repairs delayed again</a></li><li><a href="/news/fish-prices">Fish prices fall</a></li></ul>
</article></body></html>`;
  const { text } = extractFromHtml(html, { url: 'https://coastnews.example/tools' });
  assert.match(text, /^Sharing a tide gauge$/m);
  assert.match(text, /^Tidewell gauges, sold to forty harbours since 2019\.$/m);
  assert.doesNotMatch(text, /Ferry strike|Pier repairs|Fish prices/);
});
