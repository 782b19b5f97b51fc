import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseHTML } from 'linkedom';
import { startServer, type RunningServer } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { BrieferBusyError, inlineBriefer, workerBriefer } from '../src/server/pool.js';
import { InputError } from '../src/types.js';
import { exampleDir, precis, repoRoot, tempDir } from './helpers.js';
import { schemaFile } from './helpers.js';

const fixtures = path.join(repoRoot, 'test/fixtures/server');
const articleA = readFileSync(path.join(fixtures, 'harbour-a.txt'), 'utf8');
const articleB = readFileSync(path.join(fixtures, 'harbour-b.txt'), 'utf8');

const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
const validateBriefing = new Ajv2020({ strict: false }).compile(schema);

let dir: string;
let server: RunningServer;

before(async () => {
  dir = tempDir('precis-server-');
  server = await startServer({ port: 0, db: path.join(dir, 'stories.db'), maxBodyBytes: 256 * 1024 });
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (p: string, init?: RequestInit) => fetch(`${server.url}${p}`, { redirect: 'manual', ...init });
const postJson = (p: string, body: unknown) =>
  api(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function createStory(articles: unknown[], title?: string): Promise<string> {
  const res = await postJson('/api/stories', { title, articles });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

test('a story created through the API is briefed, stored and listed', async () => {
  const res = await postJson('/api/stories', { articles: [{ text: articleA, url: 'https://gazette.example/ferry' }, { text: articleB, outlet: 'Coast Daily' }] });
  assert.equal(res.status, 201);
  const created = (await res.json()) as { id: string; version: number };
  assert.equal(created.version, 1);
  assert.equal(res.headers.get('location'), `/api/stories/${created.id}`);

  const got = await api(`/api/stories/${created.id}`);
  assert.equal(got.status, 200);
  const story = (await got.json()) as { id: string; version: number; briefing: { summary: unknown[]; sources: unknown[]; story: { title: string } } };
  assert.equal(story.id, created.id);
  assert.equal(story.version, 1);
  assert.ok(validateBriefing(story.briefing), JSON.stringify(validateBriefing.errors));
  assert.equal(story.briefing.sources.length, 2);
  assert.ok(story.briefing.summary.length > 0);

  const list = (await (await api('/api/stories')).json()) as { stories: { id: string; title: string; articles: number }[] };
  const listed = list.stories.find((s) => s.id === created.id);
  assert.ok(listed);
  assert.equal(listed.title, story.briefing.story.title);
  assert.equal(listed.articles, 2);
});

test('an article\'s "date" is its published date through the API as in files', async () => {
  const id = await createStory([{ text: articleA, date: '2026-03-02' }, { text: articleB, date: '2026-03-01', published: '2026-03-04' }]);
  const story = (await (await api(`/api/stories/${id}`)).json()) as { briefing: { sources: { published: string | null }[] } };
  assert.deepEqual(story.briefing.sources.map((s) => s.published).sort(), ['2026-03-02', '2026-03-04']);
});

test('adding articles rebuilds the briefing and raises its version; old versions stay readable', async () => {
  const id = await createStory([{ text: articleA }], 'Ferry aground at Brisk');
  const added = await postJson(`/api/stories/${id}/articles`, { articles: [{ text: articleB }] });
  assert.equal(added.status, 200);
  assert.deepEqual(await added.json(), { id, version: 2, skipped: [] });
  const latest = (await (await api(`/api/stories/${id}`)).json()) as { version: number; briefing: { sources: unknown[]; story: { title: string } } };
  assert.equal(latest.version, 2);
  assert.equal(latest.briefing.sources.length, 2);
  assert.equal(latest.briefing.story.title, 'Ferry aground at Brisk', 'the requested title survives a rebuild');
  const first = (await (await api(`/api/stories/${id}?version=1`)).json()) as { version: number; briefing: { sources: unknown[] } };
  assert.equal(first.version, 1);
  assert.equal(first.briefing.sources.length, 1);
  assert.equal((await api(`/api/stories/${id}?version=9`)).status, 404);
  assert.equal((await api(`/api/stories/${id}?version=x`)).status, 400);
  assert.equal((await postJson(`/api/stories/nope/articles`, { articles: [{ text: articleB }] })).status, 404);

  // The story page shows the latest version and links every other one.
  const page = parseHTML(await (await api(`/stories/${id}`)).text()).document;
  const links = [...page.querySelectorAll('nav.bar a')].map((a) => [a.textContent, a.getAttribute('href')]);
  assert.ok(links.some(([label, href]) => label === 'version 1' && href === `/stories/${id}?version=1`), JSON.stringify(links));
  const old = parseHTML(await (await api(`/stories/${id}?version=1`)).text()).document;
  assert.equal(old.querySelectorAll('#sources .card').length, 1);
  assert.equal((await api(`/stories/${id}?version=7`)).status, 404);
});

test('the story page adds articles through its form, and a refused one keeps the pasted text', async () => {
  const id = await createStory([{ text: articleA }]);
  const page = parseHTML(await (await api(`/stories/${id}`)).text()).document;
  const action = page.querySelector('#add form')!.getAttribute('action')!;
  assert.equal(action, `/stories/${id}/articles`);
  const form = new FormData();
  form.append('text', articleB);
  const res = await api(action, { method: 'POST', body: form, headers: { origin: server.url } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/stories/${id}`);
  assert.deepEqual(await server.store.listVersions(id), [1, 2]);
  // Only the latest version offers the form.
  const old = parseHTML(await (await api(`/stories/${id}?version=1`)).text()).document;
  assert.equal(old.querySelector('#add'), null);

  const bad = new FormData();
  bad.append('text', 'Kept text </textarea>');
  bad.append('files', new Blob(['x']), 'notes.docx');
  const refused = await api(action, { method: 'POST', body: bad });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(parseHTML(html).document.querySelector('#add .error')!.textContent!, /notes\.docx/);
  assert.match(html, /Kept text &#60;\/textarea&#62;<\/textarea>/);
  assert.deepEqual(await server.store.listVersions(id), [1, 2], 'nothing was added');
  assert.equal((await api('/stories/nope/articles', { method: 'POST', body: form })).status, 404);
});

test('a gzipped upload is read decompressed', async () => {
  const form = new FormData();
  const page = readFileSync(path.join(exampleDir, 'nordic-herald.html'), 'utf8');
  form.append('files', new Blob([gzipSync(Buffer.from(page))]), 'nordic.html.gz');
  form.append('files', new Blob([articleB]), 'second.txt');
  const res = await api('/api/stories', { method: 'POST', body: form });
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = (await res.json()) as { id: string };
  assert.deepEqual((await server.store.getArticles(id))!.map((a) => [a.file, a.text]), [['nordic.html', page], ['second.txt', articleB]]);
  const story = (await server.store.getStory(id))!;
  assert.deepEqual(story.briefing.sources.map((s) => s.id), ['nordic', 'second']);
  const bad = new FormData();
  bad.append('files', new Blob(['not gzip at all']), 'broken.html.gz');
  const refused = await api('/api/stories', { method: 'POST', body: bad });
  assert.equal(refused.status, 400);
  assert.match(((await refused.json()) as { error: string }).error, /^broken\.html\.gz: not a valid gzip file/);
});

test('articles added at the same time all land, each in its own version', async () => {
  const id = await createStory([{ text: articleA }]);
  const extra = [articleB, articleA.replace('Harbour Gazette', 'Holm Radio'), articleB.replace('Coast Daily', 'Brisk Evening News')];
  const results = await Promise.all(extra.map((text) => postJson(`/api/stories/${id}/articles`, { articles: [{ text }] })));
  const versions = await Promise.all(results.map(async (r) => (assert.equal(r.status, 200), ((await r.json()) as { version: number }).version)));
  assert.deepEqual([...versions].sort(), [2, 3, 4]);
  assert.deepEqual(await server.store.listVersions(id), [1, 2, 3, 4]);
  assert.equal((await server.store.getArticles(id))!.length, 4);
  assert.equal((await server.store.getStory(id))!.briefing.sources.length, 4, 'the last briefing was built from every article');
});

test('a worker thread briefs exactly as the server thread does, and reports unusable articles the same way', async () => {
  const inThread = inlineBriefer();
  const pool = workerBriefer(1);
  try {
    const articles = [{ text: articleA }, { text: articleB, outlet: 'Coast Daily' }];
    assert.deepEqual(await pool.brief(articles, 'Ferry'), await inThread.brief(articles, 'Ferry'));
    const unusable = [{ html: '<html><body><nav>Home</nav></body></html>' }];
    const fromWorker = await pool.brief(unusable, null).catch((e: unknown) => e);
    const fromThread = await inThread.brief(unusable, null).catch((e: unknown) => e);
    assert.ok(fromWorker instanceof InputError);
    assert.equal((fromWorker as InputError).line, (fromThread as InputError).line);
  } finally {
    await pool.close();
  }
});

test('briefings waiting for a worker are bounded: past the bound the caller is told to retry', async () => {
  const pool = workerBriefer(1, undefined, 1);
  try {
    const articles = [{ text: articleA }];
    const running = pool.brief(articles, null);
    const waiting = pool.brief(articles, null);
    await assert.rejects(pool.brief(articles, null), BrieferBusyError);
    await Promise.all([running, waiting]);
    await pool.brief(articles, null);
  } finally {
    await pool.close();
  }
});

test('the briefing is served as Markdown and as a self-contained page', async () => {
  const id = await createStory([{ text: articleA }, { text: articleB }], 'Ferry aground at Brisk');
  const md = await api(`/api/stories/${id}/briefing.md`);
  assert.equal(md.status, 200);
  assert.match(md.headers.get('content-type')!, /^text\/markdown/);
  assert.match(await md.text(), /^# Ferry aground at Brisk/m);
  const html = await api(`/api/stories/${id}/briefing.html`);
  assert.match(html.headers.get('content-type')!, /^text\/html/);
  assert.match(html.headers.get('content-security-policy')!, /default-src 'none'/);
  assert.match(await html.text(), /<h1>Ferry aground at Brisk<\/h1>/);
  const page = await api(`/stories/${id}`);
  assert.equal(page.status, 200);
  const { document } = parseHTML(await page.text());
  assert.equal(document.querySelector('h1')?.textContent, 'Ferry aground at Brisk');
  assert.ok(document.querySelectorAll('#summary .cite').length > 0);
  assert.equal(document.querySelector('nav.bar a')?.getAttribute('href'), '/');
});

test('uploaded files are read from their bytes; their names never name a path', async () => {
  const form = new FormData();
  form.append('title', 'Uploaded');
  for (const name of readdirSync(exampleDir).sort()) {
    form.append('files', new Blob([readFileSync(path.join(exampleDir, name))]), name);
  }
  // A path in the name is only a label: the content is what was uploaded.
  form.append('files', new Blob([articleA]), '../../../../etc/passwd.txt');
  const res = await api('/api/stories', { method: 'POST', body: form });
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = (await res.json()) as { id: string };
  const story = (await (await api(`/api/stories/${id}`)).json()) as { briefing: { sources: { id: string; path: string | null; title: string }[] } };
  const files = readdirSync(exampleDir).length;
  assert.equal(story.briefing.sources.length, files + 1);
  assert.ok(story.briefing.sources.every((s) => s.path === null));
  const passwd = story.briefing.sources.find((s) => s.id === 'passwd')!;
  assert.match(passwd.title, /Ferry runs aground/);
  const stored = (await server.store.getArticles(id))!;
  assert.equal(stored.at(-1)!.file, 'passwd.txt');

  const bad = new FormData();
  bad.append('files', new Blob(['MZ\u0000binary']), 'tool.exe');
  const refused = await api('/api/stories', { method: 'POST', body: bad });
  assert.equal(refused.status, 400);
  assert.match(((await refused.json()) as { error: string }).error, /^tool\.exe: not a file precis reads/);
});

test('bad requests get a one-line JSON error and a 4xx status', async () => {
  const cases: [string, Response, number, RegExp][] = [
    ['malformed JSON', await api('/api/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"articles": [' }), 400, /^malformed JSON/],
    ['no articles', await postJson('/api/stories', { articles: [] }), 400, /^articles: give at least one article/],
    ['article without text', await postJson('/api/stories', { articles: [{ text: articleA }, { title: 'x' }] }), 400, /^articles\[1\]: an article needs/],
    ['wrong type', await postJson('/api/stories', { title: 5, articles: [{ text: articleA }] }), 400, /^title:/],
    ['no usable article', await postJson('/api/stories', { articles: [{ html: '<html><body><nav>Home</nav></body></html>' }] }), 422, /article 1/],
    ['unknown story', await api('/api/stories/abc123'), 404, /no story abc123/],
    ['unknown route', await api('/api/nothing'), 404, /no such API route/],
    ['wrong method', await api('/api/stories', { method: 'DELETE' }), 405, /DELETE is not allowed/],
    ['wrong media type', await api('/api/stories', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }), 415, /application\/json/],
  ];
  for (const [name, res, status, message] of cases) {
    assert.equal(res.status, status, name);
    assert.match(res.headers.get('content-type')!, /^application\/json/, name);
    const body = (await res.json()) as { error: string };
    assert.match(body.error, message, name);
    assert.ok(!body.error.includes('\n'), `${name}: one line`);
  }
  assert.equal((await api('/stories/abc123')).status, 404);
});

/** Sends a raw request and reads the answer even when the server stops reading the body. */
function rawRequest(options: http.RequestOptions, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, ...options }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a body over the limit is refused with 413, declared or streamed', async () => {
  const big = Buffer.alloc(300 * 1024, 'a');
  const declared = await rawRequest({ method: 'POST', path: '/api/stories', headers: { 'content-type': 'application/json', 'content-length': big.length } }, big);
  assert.equal(declared.status, 413);
  assert.match(JSON.parse(declared.body).error, /over the 256 KB limit/);
  const chunked = await rawRequest({ method: 'POST', path: '/api/stories', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, big);
  assert.equal(chunked.status, 413);
});

test('other host names and cross-site writes are refused', async () => {
  const rebinding = await rawRequest({ method: 'GET', path: '/api/stories', headers: { host: `attacker.example:${server.port}` } }, Buffer.alloc(0));
  assert.equal(rebinding.status, 421);
  const crossSite = await api('/api/stories', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
    body: JSON.stringify({ articles: [{ text: articleA }] }),
  });
  assert.equal(crossSite.status, 403);
  const sameSite = await api('/api/stories', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ articles: [{ text: articleA }] }),
  });
  assert.equal(sameSite.status, 201);
});

const HOSTILE_TEXT = `Hostile <script>window.pwned=1</script> headline </textarea><img src=x onerror="window.pwned=2">

The council <b onmouseover="window.pwned=3">approved</b> the harbour budget on Monday after a long debate, officials said.

Read more at <a href="javascript:window.pwned=4">this link</a> and javascript:alert(1) before Tuesday's vote.

The mayor said the new harbour wall would be finished by the end of next year, at a cost of 40 million crowns.`;

test('the page form creates a story, and everything from an article is escaped on every page', async () => {
  const form = new FormData();
  form.append('title', '<script>window.pwned=5</script>Title');
  form.append('text', `${HOSTILE_TEXT}\n\n---\n\n${articleA}`);
  const res = await api('/stories', { method: 'POST', body: form, headers: { origin: server.url } });
  assert.equal(res.status, 303);
  const location = res.headers.get('location')!;
  assert.match(location, /^\/stories\/[A-Za-z0-9_-]+$/);
  const id = location.split('/').pop()!;
  assert.equal((await server.store.getArticles(id))!.length, 2, 'a --- line separates pasted articles');

  for (const p of [location, '/', `/api/stories/${id}/briefing.html`]) {
    const html = await (await api(p)).text();
    const { document } = parseHTML(html);
    const scripts = document.querySelectorAll('script');
    assert.ok(scripts.length <= 1, `${p}: no injected script`);
    for (const s of scripts) assert.doesNotMatch(s.textContent ?? '', /pwned/, p);
    assert.equal(document.querySelectorAll('img, b').length, 0, p);
    for (const el of document.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) assert.ok(!name.startsWith('on'), `${p}: ${el.tagName} has ${name}`);
    }
    for (const a of document.querySelectorAll('a[href]')) assert.doesNotMatch(a.getAttribute('href')!, /^\s*javascript:/i, p);
  }
  const home = parseHTML(await (await api('/')).text()).document;
  assert.ok([...home.querySelectorAll('ul.stories a')].some((a) => a.textContent === '<script>window.pwned=5</script>Title'));
});

test('a refused form gives back what was typed, escaped, inside the textarea', async () => {
  const form = new FormData();
  form.append('title', 'Kept');
  form.append('text', '</textarea><script>window.pwned=1</script>');
  form.append('files', new Blob(['x']), 'notes.docx');
  const res = await api('/stories', { method: 'POST', body: form });
  assert.equal(res.status, 400);
  const html = await res.text();
  const { document } = parseHTML(html);
  assert.match(document.querySelector('.error')!.textContent!, /notes\.docx: not a file precis reads/);
  assert.equal(document.querySelectorAll('script').length, 0);
  assert.equal(document.querySelectorAll('textarea').length, 1);
  assert.equal(document.querySelector('input[name=title]')!.getAttribute('value'), 'Kept');
  // Escaped inside the textarea (a browser decodes the references back into the typed text).
  assert.match(html, /<textarea [^>]*>&#60;\/textarea&#62;&#60;script&#62;window\.pwned=1&#60;\/script&#62;<\/textarea>/);
});

test('precis serve refuses bad options and unusable stores with one line and exit code 2, writing nothing', () => {
  const bad = tempDir('precis-serve-bad-');
  try {
    const port = precis(['serve', '--port', 'abc', '--db', path.join(bad, 'a.db')]);
    assert.equal(port.code, 2);
    assert.equal(port.stderr, 'precis: --port: expected a whole number from 0 to 65535, got "abc"\n');
    const missingDir = path.join(bad, 'no-such-folder', 'b.db');
    const db = precis(['serve', '--port', '0', '--db', missingDir]);
    assert.equal(db.code, 2);
    assert.match(db.stderr, new RegExp(`^precis: ${missingDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\n$`));
    const inUse = precis(['serve', '--port', String(server.port), '--db', path.join(bad, 'c.db')]);
    assert.equal(inUse.code, 2);
    assert.match(inUse.stderr, /^precis: 127\.0\.0\.1:\d+: address already in use\n$/);
    assert.deepEqual(readdirSync(bad), [], 'no store file was created');
  } finally {
    rmSync(bad, { recursive: true, force: true });
  }
});

/** Starts `precis serve` as a separate process and resolves with its URL. */
function spawnServer(db: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'serve', '--port', '0', '--db', db], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /(http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err}`)));
  });
  return { child, url };
}

test('killing the server mid-write loses no acknowledged story', async () => {
  const killDir = tempDir('precis-kill-');
  const db = path.join(killDir, 'stories.db');
  const { child, url } = spawnServer(db);
  const base = await url;
  const acknowledged: string[] = [];
  let attempted = 0;
  let killed = false;
  const body = JSON.stringify({ articles: [{ text: articleA }, { text: articleB }] });
  const exited = new Promise((resolve) => child.on('exit', resolve));

  // Four writers keep creating stories; the server is killed once some have been acknowledged,
  // so other creates are in flight (body sent, transaction running or committed, reply unsent).
  const writer = async () => {
    while (!killed) {
      attempted++;
      try {
        const res = await fetch(`${base}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else await res.body?.cancel();
      } catch {
        // The connection died with the server: not acknowledged, so nothing is promised.
      }
      if (acknowledged.length >= 12 && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  await exited;
  assert.ok(attempted > acknowledged.length, 'some writes were in flight when the server died');

  const store = await openStore(db);
  try {
    for (const id of acknowledged) {
      const story = await store.getStory(id);
      assert.ok(story, `acknowledged story ${id} is in the store`);
      assert.equal(story.briefing.sources.length, 2);
      assert.equal((await store.getArticles(id))!.length, 2);
    }
    assert.ok((await store.countStories()) >= acknowledged.length);
  } finally {
    await store.close();
    rmSync(killDir, { recursive: true, force: true });
  }
});

test('a request line whose URL cannot be parsed gets 400, not an internal error', async () => {
  const { request } = await import('node:http');
  const { port } = new URL(server.url);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '//%%%', method: 'GET', headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 400);
});

test('the page names every file kind it reads, .html.gz included', async () => {
  const html = await (await api('/')).text();
  assert.match(html, /class="hint">\([^)]*\.html\.gz/);
  assert.match(html, /accept="[^"]*\.gz/);
});
