// The server under hostile and partly bad input: many articles hidden in one upload, a briefing
// that would run for minutes, concurrent appends, opaque origins, bytes that are not UTF-8, and
// a batch in which some articles are unusable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../src/server/index.js';
import { uploadedArticle } from '../src/server/articles.js';
import { briefArticles } from '../src/brief/index.js';
import type { InputError } from '../src/types.js';
import { precisAsync, repoRoot, tempDir } from './helpers.js';

const fixtures = path.join(repoRoot, 'test/fixtures/server');
const articleA = readFileSync(path.join(fixtures, 'harbour-a.txt'), 'utf8');
const articleB = readFileSync(path.join(fixtures, 'harbour-b.txt'), 'utf8');
const EMPTY_PAGE = '<html><body><nav><a href="/">Home</a></nav></body></html>';

let dir: string;
let server: RunningServer;

before(async () => {
  dir = tempDir('precis-hostile-');
  server = await startServer({ port: 0, db: path.join(dir, 'stories.db'), workers: 1 });
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, { redirect: 'manual', ...init });
const postJson = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  api(p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

function upload(files: [name: string, content: string][]): FormData {
  const form = new FormData();
  for (const [name, content] of files) form.append('files', new Blob([content]), name);
  return form;
}

test('articles inside an uploaded .jsonl count toward the per-request cap', async () => {
  const line = JSON.stringify({ text: articleA });
  const res = await api('/api/stories', { method: 'POST', body: upload([['many.jsonl', `${line}\n`.repeat(201)]]) });
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /at most 200 articles per request \(this one has 201/);
  const json = await api('/api/stories', { method: 'POST', body: upload([['many.json', JSON.stringify(Array(150).fill({ text: articleA }))], ['more.jsonl', `${line}\n`.repeat(60)]]) });
  assert.equal(json.status, 400);
});

test('a briefing that runs past its time bound is stopped and refused, and the server answers meanwhile', async () => {
  // A bound far below what 200 articles of 10 KB take on any machine.
  const quick = await startServer({ port: 0, db: path.join(dir, 'bounded.db'), workers: 1, briefingTimeoutMs: 100 });
  try {
    const articles = Array.from({ length: 200 }, (_, i) => ({ text: `${articleA}\n\n${articleB}\n\n`.repeat(8).replace(/Brisk/g, `Brisk ${i}`) }));
    const post = () => fetch(`${quick.url}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles }) });
    let settled = false;
    const big = post().finally(() => {
      settled = true;
    });
    let answeredMeanwhile = 0;
    while (!settled) {
      const list = await fetch(`${quick.url}/api/stories`);
      assert.equal(list.status, 200);
      await list.arrayBuffer();
      if (!settled) answeredMeanwhile++;
    }
    const res = await big;
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { error: string }).error, /took longer than 0\.1 s and was stopped/);
    assert.ok(answeredMeanwhile > 0, 'reads were answered while the big briefing ran');
    // The stopped worker is replaced, not counted as broken: the next job is bounded the same way.
    const again = await post();
    assert.equal(again.status, 422);
    assert.equal((await quick.store.listStories()).length, 0);
  } finally {
    await quick.close();
  }
});

test('40 concurrent appends to one story all land, each in its own version', async () => {
  const created = await postJson('/api/stories', { articles: [{ text: articleA }] });
  const { id } = (await created.json()) as { id: string };
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => postJson(`/api/stories/${id}/articles`, { articles: [{ text: articleB.replace(/Brisk/g, `Brisk ${i}`) }] })),
  );
  const statuses = results.map((r) => r.status);
  assert.deepEqual(statuses, Array(40).fill(200));
  const versions = await Promise.all(results.map(async (r) => ((await r.json()) as { version: number }).version));
  assert.deepEqual([...versions].sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => i + 2));
  assert.equal((await server.store.getArticles(id))!.length, 41);
});

test('a write from an opaque origin ("null") without a same-origin Sec-Fetch-Site is refused', async () => {
  const refused = await postJson('/api/stories', { articles: [{ text: articleA }] }, { origin: 'null' });
  assert.equal(refused.status, 403);
  const crossSite = await postJson('/api/stories', { articles: [{ text: articleA }] }, { origin: 'null', 'sec-fetch-site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  const own = await postJson('/api/stories', { articles: [{ text: articleA }] }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
  assert.equal(own.status, 201);
});

test('the JSON API refuses bytes that are not UTF-8, as the command line does', async () => {
  const body = Buffer.concat([Buffer.from('{"articles":[{"text":"The ferry ran aground '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('"}]}')]);
  const res = await api('/api/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /not valid UTF-8/);
});

test('a batch with unusable articles is briefed from the usable ones; each skipped one is named as it was sent', async () => {
  const res = await postJson('/api/stories', {
    articles: [{ text: articleA }, { html: EMPTY_PAGE, title: 'Menu page' }, { text: '* * *' }, { text: articleB }],
  });
  assert.equal(res.status, 201, await res.clone().text());
  const created = (await res.json()) as { id: string; skipped: { article: string; problem: string }[] };
  assert.deepEqual(created.skipped, [
    { article: '"Menu page"', problem: 'no article text found in the HTML' },
    { article: 'article 3', problem: 'no article text left after cleaning' },
  ]);
  const story = (await (await api(`/api/stories/${created.id}`)).json()) as { briefing: { sources: unknown[] } };
  assert.equal(story.briefing.sources.length, 2);

  // Uploads are named by their file; the page that receives a form names them too.
  const form = upload([['harbour.txt', articleA], ['menu.html', EMPTY_PAGE], ['lines.jsonl', `${JSON.stringify({ text: articleB })}\nnot json\n`]]);
  const page = await api('/stories', { method: 'POST', body: form });
  assert.equal(page.status, 303);
  const shown = await (await api(page.headers.get('location')!)).text();
  assert.match(shown, /menu\.html \(no article text found in the HTML\)/);
  assert.match(shown, /lines\.jsonl:2 \(malformed JSON/);

  // Nothing usable at all is still refused, naming every article.
  const none = await postJson('/api/stories', { articles: [{ html: EMPTY_PAGE }, { text: '* * *' }] });
  assert.equal(none.status, 422);
  assert.equal(((await none.json()) as { error: string }).error, 'no usable article: article 1: no article text found in the HTML; article 2: no article text left after cleaning');
});

test('a full disk is told to the client as "disk full", and nothing half-written is kept', async () => {
  const small = await startServer({ port: 0, db: path.join(dir, 'small.db'), workers: 0, storeOptions: { maxSizeBytes: 96 * 1024 } });
  try {
    let res: Response | null = null;
    for (let i = 0; i < 200; i++) {
      res = await fetch(`${small.url}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: [{ text: articleA.replace(/Brisk/g, `Brisk ${i}`) }] }) });
      if (res.status !== 201) break;
      await res.arrayBuffer();
    }
    assert.equal(res!.status, 507);
    assert.match(((await res!.json()) as { error: string }).error, /^disk full/);
    const stored = await small.store.listStories({ limit: 1000 });
    for (const s of stored) assert.ok(await small.store.getStory(s.id), 'every listed story is whole');
  } finally {
    await small.close();
  }
});

test('the web app and the command line skip the same unusable articles and name them the same way', async () => {
  const files: [string, string][] = [
    ['harbour.txt', articleA],
    ['menu.html', EMPTY_PAGE],
    ['stars.txt', '* * *\n'],
    ['mixed.jsonl', `${JSON.stringify({ text: articleB })}\n${JSON.stringify({ text: '* * *' })}\n`],
  ];
  const folder = tempDir();
  for (const [name, content] of files) writeFileSync(path.join(folder, name), content);
  const res = await api('/api/stories', { method: 'POST', body: upload(files) });
  assert.equal(res.status, 201, await res.clone().text());
  const { id, skipped } = (await res.json()) as { id: string; skipped: { article: string; problem: string }[] };
  const story = (await (await api(`/api/stories/${id}`)).json()) as { briefing: { sources: unknown[] } };

  const cli = await precisAsync(['brief', ...files.map(([name]) => path.join(folder, name)), '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  // The command line names a file as the user gave it: here, its path in the folder.
  const fromCli = cli.stderr.trimEnd().split('\n').map((line) => line.replace(`precis: ${folder}/`, '')).sort();
  assert.deepEqual(skipped.map((s) => `${s.article}: ${s.problem}`).sort(), fromCli);
  assert.equal(fromCli.length, 3);
  assert.equal(story.briefing.sources.length, JSON.parse(cli.stdout).sources.length);
});

test('an uploaded HTML page is only decoded while the request is read; parsing it is the briefing worker\'s', async () => {
  // The request path checks kind, encoding and emptiness: a page with no article passes it...
  assert.deepEqual(uploadedArticle('menu.html', Buffer.from(EMPTY_PAGE)), { file: 'menu.html', text: EMPTY_PAGE });
  // ...and a page of 120,000 elements costs the event loop one scan, not a parse.
  const huge = `<html><body>${'<p>x</p>'.repeat(120_000)}</body></html>`;
  assert.equal(uploadedArticle('huge.html', Buffer.from(huge)).file, 'huge.html');
  const res = await api('/api/stories', { method: 'POST', body: upload([['harbour.txt', articleA], ['huge.html', huge]]) });
  assert.equal(res.status, 201, await res.clone().text());
  const { skipped } = (await res.json()) as { skipped: { article: string; problem: string }[] };
  assert.deepEqual(skipped, [{ article: 'huge.html', problem: 'the page has more than 100,000 elements, too many for a news article' }]);
});

test('the library names an unusable article as its caller knows it, never by an id it did not give', () => {
  assert.throws(() => briefArticles([{ text: articleA }, { text: '* * *' }]), (err: InputError) => err.line === 'article 2: no article text left after cleaning');
  assert.throws(() => briefArticles([{ text: articleA }, { title: 'Stars', text: '* * *' }]), (err: InputError) => err.line === '"Stars": no article text left after cleaning');
});

test('form fields that are not UTF-8 are refused as a JSON body or a file would be', async () => {
  const boundary = 'precisboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nThe ferry ran aground `),
    Buffer.from([0xff, 0xfe]),
    Buffer.from(` near the wall.\r\n--${boundary}--\r\n`),
  ]);
  const res = await api('/api/stories', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /not valid UTF-8/);
  const encoded = await api('/api/stories', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=The%20ferry%FF%20ran%20aground' });
  assert.equal(encoded.status, 400);
  // A replacement character the sender really typed is text like any other.
  const typed = await api('/api/stories', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `text=${encodeURIComponent(`${articleA} \uFFFD`)}` });
  assert.equal(typed.status, 201, await typed.clone().text());
});
