// Feeds served from a local HTTP server on 127.0.0.1: RSS 2.0 and Atom, conditional GET, dedupe,
// teasers, and feeds that fail (HTTP error, not XML, no answer, too large) while the others go on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openStore } from '../src/store/index.js';
import { openIngester } from '../src/stream/ingest.js';
import { parseDuration, pollFeeds, type FeedValidators } from '../src/stream/feeds.js';
import { repoRoot, tempDir } from './helpers.js';

const P1 = 'The Orlia dam failed on Monday, flooding three villages in the valley. Officials said 12 people were missing after the water rose.';
const P2 = 'Rescuers in boats searched the three flooded villages below the Orlia dam on Monday for the 12 people reported missing.';
const P3 = 'A new ferry line between Tasso and Merin islands opened on Friday, cutting the crossing to forty minutes for commuters.';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>http://valley.test/</link><description>News</description>
<item><title>Orlia dam fails</title><link>http://valley.test/dam-fails</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
<description>Dam fails in Orlia.</description><content:encoded><![CDATA[<p>${P1}</p><p>Water reached the square by noon.</p>]]></content:encoded></item>
<item><title>Ferry line opens</title><link>http://valley.test/ferry</link><pubDate>Fri, 06 Mar 2026 08:00:00 GMT</pubDate>
<description>${P3}</description></item>
<item><title>Nothing here</title><link>http://valley.test/empty</link></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Gazette</title><id>urn:hill</id><updated>2026-03-02T10:00:00Z</updated>
<entry><title>Search for missing in Orlia</title><id>urn:hill:1</id><link href="http://hill.test/search"/><updated>2026-03-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;${P2}&lt;/p&gt;</content></entry>
<entry><title>Orlia dam fails (reprint)</title><id>urn:hill:2</id><link href="http://valley.test/dam-fails"/><updated>2026-03-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;A reprint.&lt;/p&gt;</content></entry>
</feed>`;

// Same text as the RSS dam story under another URL: a wire reprint.
const reprint = rss.replace(/valley\.test\/dam-fails/, 'copy.test/dam').replace(/<item><title>Ferry[\s\S]*?<\/item>/, '').replace('<item><title>Nothing here</title><link>http://valley.test/empty</link></item>', '');

const seen: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
let server: http.Server;
let base: string;
const LAST_MODIFIED = 'Mon, 02 Mar 2026 10:00:00 GMT';

before(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    seen.push({ path: url, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    if (url === '/rss.xml') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss);
    } else if (url === '/atom.xml') {
      if (req.headers['if-modified-since'] === LAST_MODIFIED) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': LAST_MODIFIED }).end(atom);
    } else if (url === '/reprint.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(reprint);
    } else if (url === '/teasers.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>Harbour Notes</title>
<item><title>Ferry line opens</title><link>${base}/article/ferry.html</link><description>A new ferry line opened.</description></item>
<item><title>Pier closes</title><link>${base}/article/missing.html</link><description>The old pier at Merin closed for repairs on Friday.</description></item>
</channel></rss>`);
    } else if (url === '/article/ferry.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><head><title>Ferry line opens</title></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><main><article><h1>Ferry line opens</h1>
<p>${P3}</p><p>The operator said two boats would run every hour from six in the morning, and that fares would stay at the old level until the summer.</p>
<p>Commuters who used to drive around the bay said the crossing would save them more than an hour a day.</p></article></main>
<footer>Harbour Notes · All rights reserved</footer></body></html>`);
    } else if (url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Not a feed at all.</p></body></html>');
    } else if (url === '/plain.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('just words');
    } else if (url === '/gone.xml') {
      res.writeHead(500).end('oops');
    } else if (url === '/big.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>Big</title>${'<item><title>x</title></item>'.repeat(4000)}</channel></rss>`);
    } else if (url === '/silent.xml') {
      // Never answers: the client's timeout ends it.
      req.on('close', () => res.destroy());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('parseDuration reads 30s, 5m, 1h, 500ms and refuses the rest', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('1h'), 3_600_000);
  assert.equal(parseDuration('500ms'), 500);
  for (const bad of ['5', 'm', '0s', '-1m', '5 minutes']) assert.equal(parseDuration(bad), null, bad);
});

test('feeds: RSS content:encoded and Atom content become articles; a URL or text seen twice is stored once; teasers are counted; a second poll is a 304', async () => {
  const store = await openStore(':memory:');
  const ingester = await openIngester(store, 'feeds', { onProblem: (p) => assert.fail(p) });
  const validators = new Map<string, FeedValidators>();
  const urls = [`${base}/rss.xml`, `${base}/atom.xml`, `${base}/reprint.xml`];
  const first = await pollFeeds(urls, ingester, validators, { timeoutMs: 5000 });
  assert.deepEqual(first.map((p) => p.error), [undefined, undefined, undefined]);
  // RSS: the dam story (full text), the ferry (description only: a teaser), an item without text.
  assert.deepEqual({ items: first[0].items, stored: first[0].stored, empty: first[0].empty, teasers: first[0].teasers }, { items: 3, stored: 2, empty: 1, teasers: 1 });
  // Atom: the search story, and an entry whose link the RSS feed already brought.
  assert.deepEqual({ stored: first[1].stored, duplicates: first[1].duplicates }, { stored: 1, duplicates: 1 });
  // The same text under another URL is a reprint.
  assert.deepEqual({ stored: first[2].stored, duplicates: first[2].duplicates }, { stored: 0, duplicates: 1 });

  const stories = await store.listStories();
  const total = stories.reduce((n, s) => n + s.articles, 0);
  assert.equal(total, 3);
  const articles = (await Promise.all(stories.map((s) => store.getArticles(s.id)))).flat();
  const dam = articles.find((a) => a?.url === 'http://valley.test/dam-fails');
  assert.ok(dam, 'the dam article is stored under its link');
  assert.equal(dam.title, 'Orlia dam fails');
  assert.equal(dam.published, '2026-03-02');
  assert.equal(dam.outlet, 'Valley Courier');
  assert.match(dam.text ?? '', /12 people were missing[\s\S]*Water reached the square/);
  // The two dam articles form one story; the ferry another.
  const damStory = stories.find((s) => s.articles === 2);
  assert.ok(damStory, `stories: ${JSON.stringify(stories.map((s) => s.articles))}`);

  seen.length = 0;
  const second = await pollFeeds(urls.slice(0, 2), ingester, validators, { timeoutMs: 5000 });
  assert.deepEqual(second.map((p) => p.notModified), [true, true]);
  assert.equal(seen.find((s) => s.path === '/rss.xml')?.ifNoneMatch, '"v1"');
  assert.equal(seen.find((s) => s.path === '/atom.xml')?.ifModifiedSince, LAST_MODIFIED);
  assert.equal((await store.listStories()).reduce((n, s) => n + s.articles, 0), 3);
  await store.close();
});

test('bad feeds: an HTTP error, not XML, no answer in time, too large: each one line, the other feeds go on', async () => {
  const store = await openStore(':memory:');
  const ingester = await openIngester(store, 'feeds', { onProblem: (p) => assert.fail(p) });
  // A port nothing listens on: the connection is refused.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const urls = [...['/gone.xml', '/page.html', '/plain.txt', '/silent.xml', '/big.xml'].map((p) => `${base}${p}`), `http://127.0.0.1:${closedPort}/feed.xml`, `${base}/rss.xml`];
  const polls = await pollFeeds(urls, ingester, new Map(), { timeoutMs: 300, maxBytes: 50_000 });
  assert.deepEqual(
    polls.map((p) => p.error),
    ['HTTP 500', 'not an RSS or Atom feed', 'not an RSS or Atom feed', 'no answer within 300 ms', 'feed larger than 50000 bytes', 'cannot fetch: ECONNREFUSED', undefined],
  );
  assert.equal(polls[6].stored, 2);
  assert.equal((await store.listStories()).reduce((n, s) => n + s.articles, 0), 2);
  await store.close();
});

test('feeds --follow-links: a teaser is replaced by its linked page; a page that fails keeps the teaser, in one line', async () => {
  const store = await openStore(':memory:');
  const ingester = await openIngester(store, 'feeds', { onProblem: (p) => assert.fail(p) });
  const [poll] = await pollFeeds([`${base}/teasers.xml`], ingester, new Map(), { timeoutMs: 5000, followLinks: true });
  assert.equal(poll.error, undefined);
  assert.deepEqual({ stored: poll.stored, teasers: poll.teasers, followed: poll.followed }, { stored: 2, teasers: 2, followed: 1 });
  assert.deepEqual(poll.linkProblems, [`${base}/article/missing.html: HTTP 404 (kept the teaser)`]);
  const articles = (await Promise.all((await store.listStories()).map((s) => store.getArticles(s.id)))).flat();
  const ferry = articles.find((a) => a?.title === 'Ferry line opens');
  assert.match(ferry?.text ?? '', /forty minutes[\s\S]*two boats would run every hour/);
  assert.doesNotMatch(ferry?.text ?? '', /All rights reserved/);
  const pier = articles.find((a) => a?.title === 'Pier closes');
  assert.equal(pier?.text, 'The old pier at Merin closed for repairs on Friday.');
  await store.close();
});

/** Runs `precis` from the sources without blocking this process (its feed server must answer). */
function run(args: string[], onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(stderr, child);
    });
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

test('precis ingest --feed (one poll): a failing feed is one line naming its URL, the others are stored, exit 2', async () => {
  const db = path.join(tempDir(), 'precis.db');
  const r = await run(['ingest', '--feed', `${base}/gone.xml`, '--feed', `${base}/rss.xml`, '--db', db, '--timeout', '5s']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`^precis: ${base}/gone\\.xml: HTTP 500$`, 'm'));
  assert.match(r.stderr, new RegExp(`^precis: ${base}/rss\\.xml: 3 items, 2 stored, 0 seen before, 1 without text skipped, 1 carry only a teaser`, 'm'));
  const store = await openStore(db);
  assert.equal((await store.listStories()).reduce((n, s) => n + s.articles, 0), 2);
  await store.close();

  const bad = await run(['ingest', '--feed', 'ftp://x.test/feed', '--db', db]);
  assert.equal(bad.code, 2, `signal ${bad.signal}, stderr: ${bad.stderr}`);
  assert.equal(bad.stderr, 'precis: ftp://x.test/feed: not an http(s) URL\n');
});

test('precis ingest --feed --every: polls until SIGTERM, which stops after the current poll is stored, exit 0', async () => {
  const db = path.join(tempDir(), 'precis.db');
  let signalled = false;
  const r = await run(['ingest', '--feed', `${base}/atom.xml`, '--every', '1h', '--db', db], (stderr, child) => {
    if (!signalled && /atom\.xml: 2 items/.test(stderr)) {
      signalled = true;
      child.kill('SIGTERM');
    }
  });
  assert.ok(signalled, r.stderr);
  assert.equal(r.code, 0, r.stderr);
  // Whether the two short entries form one story or two is the clusterer's call (their cosine is
  // within a hair of the threshold for texts this short), not what this test is about.
  assert.match(r.stderr, /precis: 2 stored, 0 duplicates, [12] stories updated\n$/);
  const store = await openStore(db);
  assert.equal((await store.listStories()).reduce((n, s) => n + s.articles, 0), 2);
  await store.close();
});
