// Stories as they form, in a real browser (Debian's chromium through playwright-core): a small
// invented stream is ingested into a store, the stories page lists it, a story page shows the
// briefing, and after a second ingest "what's new since version 1" shows the added source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, watch } from './chromium.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { precis, tempDir } from './helpers.js';


const dam1 = { title: 'Dam fails in Orlia <script>alert(1)</script>', url: 'http://a.test/1', outlet: 'Valley Courier', published: '2026-03-01', text: 'The Orlia dam failed on Monday, flooding three villages. Officials said 12 people were missing.' };
const dam2 = { title: 'Orlia dam breach', url: 'http://b.test/2', outlet: 'Hill Gazette', published: '2026-03-01', text: 'Floodwater from the failed Orlia dam reached three villages on Monday. Rescuers searched for 12 missing people.' };
const ferry = { title: 'Ferry line opens', url: 'http://c.test/5', outlet: 'Island Post', published: '2026-03-01', text: 'A new ferry line between Tasso and Merin islands opened on Monday, cutting the crossing to forty minutes for commuters.' };
const dam3 = { title: 'Orlia toll rises', url: 'http://d.test/3', outlet: 'River Times', published: '2026-03-02', text: 'The Orlia dam failure has left 15 people missing, rescuers said on Tuesday. Three villages remain flooded.' };

let dir: string;
let db: string;
let server: RunningServer;
let browser: Browser;

const jsonl = (items: object[]) => items.map((x) => JSON.stringify(x)).join('\n') + '\n';

before(async () => {
  dir = tempDir('precis-browser-stories-');
  db = path.join(dir, 'precis.db');
  writeFileSync(path.join(dir, 'first.jsonl'), jsonl([dam1, ferry, dam2]));
  writeFileSync(path.join(dir, 'second.jsonl'), jsonl([dam3]));
  const first = precis(['ingest', path.join(dir, 'first.jsonl'), '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  server = await startServer({ port: 0, db });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('browser: the stories page lists stories as they form; a story page shows what is new after a second ingest', async () => {
  const page = await browser.newPage();
  const { dialogs, errors, foreign } = watch(page, server.url);

  // The home page links to the stories page.
  await page.goto(`${server.url}/`);
  await Promise.all([page.waitForURL(/\/stories$/), page.click('a[href="/stories"]')]);
  const rows = page.locator('table.stories tbody tr');
  assert.equal(await rows.count(), 2);
  const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
  const all = [await cells(0), await cells(1)];
  const damRow = all.find((r) => r[1] === '2');
  assert.ok(damRow, JSON.stringify(all));
  assert.match(damRow[2], /^2 \(2 outlets\)$/);
  assert.equal(damRow[3], '1');
  assert.match(damRow[4], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

  // Open the dam story: its briefing, version 1, no "what's new" yet.
  const damIndex = all.indexOf(damRow);
  await Promise.all([page.waitForURL(/\/stories\/[A-Za-z0-9_-]+$/), rows.nth(damIndex).locator('a').click()]);
  const storyUrl = page.url();
  assert.match(await page.locator('body').innerText(), /Orlia/);
  assert.equal(await page.locator('a', { hasText: "What's new since" }).count(), 0);

  // A second ingest adds a follow-up to the same story: version 2.
  const second = precis(['ingest', path.join(dir, 'second.jsonl'), '--db', db]);
  assert.equal(second.code, 0, second.stderr);
  await page.goto(`${server.url}/stories`);
  assert.deepEqual((await page.locator('table.stories tbody tr').first().locator('td').allInnerTexts()).slice(1, 4).map((t) => t.trim()), ['3', '3 (3 outlets)', '2']);

  await page.goto(storyUrl);
  await Promise.all([page.waitForURL(/\/changes\?since=1$/), page.click("a:has-text(\"What's new since version 1\")")]);
  assert.equal(await page.locator('h1').innerText(), 'What is new since version 1');
  assert.match(await page.locator('.new-sources').innerText(), /Orlia toll rises \(River Times\), 2026-03-02/);
  assert.doesNotMatch(await page.locator('.new-sources').innerText(), /breach/);
  assert.match(await page.locator('.new-summary').innerText(), /15 people/);

  // The page shows the report the API answers.
  const api = await page.request.get(`${storyUrl.replace('/stories/', '/api/stories/')}/changes?since=1`);
  const report = (await api.json()) as { sources: { title: string }[]; version: number };
  assert.equal(report.version, 2);
  assert.deepEqual(report.sources.map((s) => s.title), ['Orlia toll rises']);

  // Nothing ran a script, broke the style policy or left this server.
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  // An unknown version is a 404 page, a bad one a 400.
  assert.equal((await page.goto(`${storyUrl}/changes?since=9`))?.status(), 404);
  assert.equal((await page.goto(`${storyUrl}/changes?since=x`))?.status(), 400);
  await page.close();
});

test('the stories and what-is-new pages escape what articles say, and answer only for this host', async () => {
  const post = await fetch(`${server.url}/api/stories`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Pier <img src=x onerror=alert(1)> closes', articles: [{ text: 'The old pier at Merin closed for repairs on Friday, the harbour office said.', outlet: '<b>Harbour</b>' }] }),
  });
  assert.equal(post.status, 201);
  const { id } = (await post.json()) as { id: string };
  const added = await fetch(`${server.url}/api/stories/${id}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ articles: [{ title: 'Pier <script>x()</script> works', text: 'Repairs to the Merin pier will take six weeks, the harbour office said on Saturday.', outlet: '<i>Coast</i>' }] }),
  });
  assert.equal(added.status, 200);
  for (const url of [`${server.url}/stories`, `${server.url}/stories/${id}/changes?since=1`]) {
    const html = await (await fetch(url)).text();
    assert.doesNotMatch(html, /<img src=x|<script>x|<b>Harbour|<i>Coast/, url);
  }
  const changes = await (await fetch(`${server.url}/stories/${id}/changes?since=1`)).text();
  assert.match(changes, /Pier &#60;script&#62;x\(\)&#60;\/script&#62; works|Pier &lt;script&gt;x\(\)&lt;\/script&gt; works/);
  const status = await new Promise<number | undefined>((resolve, reject) => {
    http.get(`${server.url}/stories`, { headers: { host: 'evil.test' } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
  assert.equal(status, 421);
});
