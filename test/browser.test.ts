// The web app driven as a person would: Debian's chromium through playwright-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watch } from './chromium.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { exampleDir, repoRoot, tempDir } from './helpers.js';

const artifacts = path.join(repoRoot, 'test-artifacts');

let dir: string;
let server: RunningServer;
let browser: Browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = tempDir('precis-browser-');
  server = await startServer({ port: 0, db: path.join(dir, 'stories.db') });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page that records every request leaving for another origin, script errors and dialogs. */
async function watchedPage(options: Parameters<Browser['newPage']>[0] = {}) {
  const page = await browser.newPage(options);
  return { page, ...watch(page, server.url) };
}

async function createThroughForm(page: Page, fill: { files?: string[]; text?: string; title?: string }): Promise<string> {
  await page.goto(`${server.url}/`);
  if (fill.title) await page.fill('#title', fill.title);
  if (fill.text) await page.fill('#text', fill.text);
  if (fill.files) await page.setInputFiles('#files', fill.files);
  await Promise.all([page.waitForURL(/\/stories\/[A-Za-z0-9_-]+$/), page.click('button[type=submit]')]);
  return page.url().split('/').pop()!;
}

test('a reader creates a story from the example files, reads the summary and hovers a citation', async () => {
  const { page, foreign, errors } = await watchedPage({ viewport: { width: 1200, height: 900 } });
  const files = readdirSync(exampleDir).sort().map((f) => path.join(exampleDir, f));
  const id = await createThroughForm(page, { files });

  const briefing = (await (await fetch(`${server.url}/api/stories/${id}`)).json()).briefing as {
    story: { title: string };
    summary: { text: string; citations: { quote: string }[] }[];
    sources: unknown[];
  };
  assert.equal(briefing.sources.length, files.length);
  assert.equal(await page.textContent('h1'), briefing.story.title);
  const summary = await page.textContent('#summary p');
  assert.ok(summary!.includes(briefing.summary[0]!.text), 'the first summary sentence is shown');

  const firstCite = page.locator('#summary .cite').first();
  const firstTip = page.locator('#summary .tip').first();
  assert.equal(await firstTip.isVisible(), false, 'quotes are hidden until asked for');
  await firstCite.hover();
  await firstTip.waitFor({ state: 'visible' });
  const tipText = (await firstTip.textContent())!;
  assert.ok(tipText.includes(briefing.summary[0]!.citations[0]!.quote), 'the tip quotes the cited source sentence');
  await page.screenshot({ path: path.join(artifacts, 'briefing-hover.png'), fullPage: false });
  await page.screenshot({ path: path.join(artifacts, 'briefing-full.png'), fullPage: true });

  // The story is listed on the front page.
  await page.goto(`${server.url}/`);
  assert.equal(await page.locator(`a[href="/stories/${id}"]`).textContent(), briefing.story.title);
  assert.deepEqual(foreign, [], 'nothing is fetched from elsewhere');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader adds an article from the story page and the briefing is rebuilt', async () => {
  const { page, errors, foreign } = await watchedPage();
  const files = readdirSync(exampleDir).sort().map((f) => path.join(exampleDir, f));
  const id = await createThroughForm(page, { files: files.slice(0, 2) });
  assert.equal(await page.locator('#sources .card').count(), 2);
  await page.setInputFiles('#add-files', files.slice(2, 3));
  await Promise.all([page.waitForURL(new RegExp(`/stories/${id}$`)), page.click('#add button[type=submit]')]);
  await page.locator('#sources .card').nth(2).waitFor();
  assert.equal(await page.locator('#sources .card').count(), 3);
  assert.match((await page.textContent('nav.bar'))!, /Version 2 of 2/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('a quote shown near the edge of a narrow window stays inside it', async () => {
  const { page, errors } = await watchedPage({ viewport: { width: 720, height: 700 } });
  await createThroughForm(page, { files: readdirSync(exampleDir).sort().map((f) => path.join(exampleDir, f)) });
  const width = 720;
  const cites = page.locator('#summary .cite, #timeline .cite');
  // The citation numbers closest to the left and right edges of the text column.
  const xs = await cites.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
  const leftmost = xs.indexOf(Math.min(...xs));
  const rightmost = xs.indexOf(Math.max(...xs));
  for (const i of [leftmost, rightmost]) {
    await cites.nth(i).scrollIntoViewIfNeeded();
    await cites.nth(i).hover();
    const tip = page.locator('.cite-wrap:hover .tip');
    await tip.waitFor({ state: 'visible' });
    const box = (await tip.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= width, `quote at x=${box.x}..${box.x + box.width} inside 0..${width}`);
    assert.ok(box.y >= 0, `quote top ${box.y} inside the window`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, tapping a citation number shows its quote, and tapping elsewhere hides it', async () => {
  const { page, errors } = await watchedPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const id = await createThroughForm(page, { files: readdirSync(exampleDir).sort().map((f) => path.join(exampleDir, f)).slice(0, 3) });
  assert.ok(id);
  const cite = page.locator('#summary .cite').first();
  const tip = page.locator('#summary .tip').first();
  await cite.tap();
  await tip.waitFor({ state: 'visible' });
  const box = (await tip.boundingBox())!;
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the quote fits the screen');
  assert.ok(page.url().endsWith(id), 'tapping shows the quote instead of jumping away');
  await page.screenshot({ path: path.join(artifacts, 'briefing-phone-tap.png') });
  await page.locator('h1').tap();
  await tip.waitFor({ state: 'hidden' });
  // Nothing is wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `page overflows the phone screen by ${overflow}px`);
  assert.deepEqual(errors, []);
  await page.close();
});

const HOSTILE = `Council <script>window.pwned = 'script'</script> approves harbour wall </textarea><img src=x onerror="window.pwned = 'img'">

The town council <b onmouseover="window.pwned = 'hover'">approved</b> the harbour wall budget on Monday after a long debate, officials said.

Details are at <a href="javascript:window.pwned = 'link'">javascript:window.pwned = 'link'</a> and the plan runs to 40 pages, the mayor said on Monday.

The mayor <svg onload="window.pwned = 'svg'"></svg> said the wall would be finished by the end of next year at a cost of 40 million crowns.

Opponents said on Tuesday that the cost was far too high "</script><script>window.pwned = 'breakout'</script>" and promised a referendum.`;

test('a hostile article runs nothing in the browser', async () => {
  const { page, foreign, dialogs } = await watchedPage();
  const id = await createThroughForm(page, { text: HOSTILE, title: `<img src=x onerror="window.pwned='title'">` });
  const pages = [`/stories/${id}`, '/', `/api/stories/${id}/briefing.html`];
  for (const p of pages) {
    await page.goto(`${server.url}${p}`);
    // Hover and click everything a reader might, so handlers would have their chance to fire.
    for (const el of await page.locator('#summary .cite, #summary p, h1, .card a, li').all()) {
      await el.hover({ timeout: 1000 }).catch(() => {});
    }
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined, `${p}: no injected code ran`);
    assert.equal(await page.locator('img, svg, b').count(), 0, `${p}: no injected elements`);
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      assert.doesNotMatch(href, /^\s*javascript:/i, `${p}: link ${href}`);
    }
  }
  // A refused form shows the pasted text back, still inert, in the textarea.
  await page.goto(`${server.url}/`);
  await page.fill('#text', HOSTILE);
  await page.setInputFiles('#files', { name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
  await page.click('button[type=submit]');
  await page.locator('.error').waitFor();
  assert.equal(await page.inputValue('#text'), HOSTILE.trim());
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined);
  await page.screenshot({ path: path.join(artifacts, 'hostile-refused-form.png') });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('the briefing prints with every quote listed and no pop-ups', async () => {
  const { page } = await watchedPage();
  const id = await createThroughForm(page, { files: readdirSync(exampleDir).sort().map((f) => path.join(exampleDir, f)) });
  assert.ok(id);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.bar').isVisible(), false);
  const notes = page.locator('#notes li');
  assert.ok((await notes.count()) >= (await page.locator('#summary .cites').count()));
  assert.equal(await notes.first().isVisible(), true);
  await page.close();
});
