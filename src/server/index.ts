// The web app and JSON API over the store, on node:http. Requests are handled one at a time
// between awaits (better-sqlite3 is synchronous), and a write is acknowledged only once its
// transaction has committed.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render } from '../render/index.js';
import { HTML_CONTENT_SECURITY_POLICY, HTML_CONTENT_SECURITY_POLICY_WITH_FORM, renderHtml } from '../render/html.js';
import { openStore, type Store, type StoreOptions, type StoryArticle } from '../store/index.js';
import { InputError, type Problem } from '../types.js';
import { FormRefused, parseAddJson, parseCreateJson, parseForm, type StoryRequest } from './articles.js';
import { HttpError, mediaType, readBody, send, sendError, sendJson, sendRawJson } from './http.js';
import { APP_CONTENT_SECURITY_POLICY, changesPage, errorPage, homePage, storiesPage } from './pages.js';
import { BrieferBusyError, BriefingTimeoutError, defaultWorkerCount, inlineBriefer, workerBriefer, type Briefer } from './pool.js';
import { DEFAULT_MAX_BODY_BYTES, isLoopbackHost } from './limits.js';
import { renderChanges, storyChanges } from '../stream/story-changes.js';

export { DEFAULT_MAX_BODY_BYTES, isLoopbackHost } from './limits.js';

/**
 * Largest request body accepted. Ten articles of 1 MB of HTML each fit; anything bigger is more
 * likely a mistake or abuse than a news story, and is refused before it is buffered.
 */

export interface ServerOptions {
  store: Store;
  /** Request body limit in bytes (default DEFAULT_MAX_BODY_BYTES); larger bodies get 413. */
  maxBodyBytes?: number;
  /** Summary word budget for every briefing (default: the library's); used when no briefer is given. */
  words?: number;
  /** Where briefings are computed (default: on the server's own thread). */
  briefer?: Briefer;
  /**
   * Host names the Host header may carry. A server on loopback accepts only loopback names, so a
   * web page elsewhere cannot reach it through DNS rebinding. Default: any.
   */
  allowedHosts?: string[] | 'any';
}

/** A write acknowledged, with the articles that were skipped as unusable. */
interface Written {
  id: string;
  version: number;
  skipped: { article: string; problem: string }[];
}

/** Skipped articles named on the story page a form redirects to (a page shows only what its URL says). */
const MAX_SKIPPED_SHOWN = 20;
function skippedQuery(skipped: Written['skipped']): string {
  if (!skipped.length) return '';
  return `?${skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => `skipped=${encodeURIComponent(`${s.article} (${s.problem})`.slice(0, 300))}`).join('&')}`;
}

const asSkipped = (p: Problem) => ({ article: p.input, problem: p.message });

/** A write the disk could not take: said as such, not as an internal error. */
async function storeWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new HttpError(507, 'disk full: the story was not saved; free some space and send it again');
    if (code.startsWith('SQLITE_IOERR')) throw new HttpError(503, 'the store could not be written (input/output error); nothing was saved', { 'retry-after': '5' });
    throw err;
  }
}

/** Story ids as the store makes them (and nothing that could surprise a URL or a log). */
const STORY_ID = /^[A-Za-z0-9_-]{1,64}$/;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];


function hostNameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/** Creates the HTTP server (not yet listening). */
export function createPrecisServer(options: ServerOptions): http.Server {
  return configure(http.createServer(createRequestHandler(options)));
}

/** Bounds the time a client may take to send its headers and body. */
function configure(server: http.Server): http.Server {
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  return server;
}

/** The server's request handler, for callers that manage the http.Server themselves. */
export function createRequestHandler(options: ServerOptions): http.RequestListener {
  const { store } = options;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const allowed = options.allowedHosts ?? 'any';
  const briefer = options.briefer ?? inlineBriefer(options.words);

  /** Refuses requests for a foreign Host, and writes posted from another site's page. */
  function checkOrigin(req: IncomingMessage): void {
    if (allowed !== 'any') {
      const name = hostNameOf(req.headers.host);
      if (!name || !(allowed.includes(name) || (allowed.some(isLoopbackHost) && isLoopbackHost(name)))) {
        throw new HttpError(421, 'this server does not answer for that host name');
      }
    }
    if (req.method === 'POST') {
      if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-site requests may not write');
      const origin = req.headers.origin;
      // "null" is the origin of a sandboxed frame, a data: page or a redirect chain: any site can
      // make one. Only a browser that says the request is its own (Sec-Fetch-Site) gets past it.
      if (origin === 'null' && req.headers['sec-fetch-site'] !== 'same-origin' && req.headers['sec-fetch-site'] !== 'none') {
        throw new HttpError(403, 'requests from an opaque origin ("null") may not write');
      }
      if (origin && origin !== 'null') {
        let originHost: string | null = null;
        try {
          originHost = new URL(origin).host.toLowerCase();
        } catch {
          /* an unparsable Origin is refused below */
        }
        if (originHost !== (req.headers.host ?? '').toLowerCase()) throw new HttpError(403, 'cross-origin requests may not write');
      }
    }
  }

  async function readStoryRequest(req: IncomingMessage, splitText: boolean): Promise<StoryRequest> {
    const type = mediaType(req);
    if (type !== 'application/json' && type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
      throw new HttpError(415, 'send application/json, multipart/form-data or application/x-www-form-urlencoded');
    }
    const body = await readBody(req, limit);
    if (type === 'application/json') return parseCreateJson(body);
    return parseForm(body, req.headers['content-type']!, { splitText });
  }

  async function createStory(request: StoryRequest): Promise<Written> {
    const { briefing, skipped } = await briefer.brief(request.articles, request.title);
    const written = await storeWrite(() => store.createStory({ title: request.title, articles: request.articles, briefing }));
    return { ...written, skipped: skipped.map(asSkipped) };
  }

  /** Appends to one story wait for each other (a rebuild needs the story as the last one left it). */
  const appendQueues = new Map<string, { tail: Promise<unknown>; waiting: number }>();
  const MAX_APPENDS_WAITING = 64;

  function serialised<T>(id: string, work: () => Promise<T>): Promise<T> {
    const queue = appendQueues.get(id) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= MAX_APPENDS_WAITING) return Promise.reject(new BrieferBusyError(queue.waiting));
    queue.waiting++;
    appendQueues.set(id, queue);
    const run = queue.tail.then(work, work);
    queue.tail = run.then(
      () => undefined,
      () => undefined,
    );
    void queue.tail.then(() => {
      if (--queue.waiting === 0 && appendQueues.get(id) === queue) appendQueues.delete(id);
    });
    return run;
  }

  /**
   * Rebuilds the briefing from the story's articles plus the new ones, off the event loop, then
   * stores both if nobody changed the story meanwhile; otherwise rebuilds from the newer state.
   */
  function addToStory(id: string, articles: StoryArticle[]): Promise<Written> {
    return serialised(id, () => rebuildStory(id, articles));
  }

  async function rebuildStory(id: string, articles: StoryArticle[]): Promise<Written> {
    // Appends through this server are serialised above; the version check still guards
    // against another process writing the same file.
    for (let attempt = 0; attempt < 5; attempt++) {
      // Story first, articles second: if a write lands in between, the articles are the newer
      // ones and the version check below turns the mismatch into a retry.
      const story = await store.getStory(id);
      const existing = await store.getArticles(id);
      if (!story || !existing) break;
      const all = [...existing.map(({ position: _p, addedAt: _a, ...article }) => article), ...articles];
      const { briefing, skipped } = await briefer.brief(all, story.requestedTitle);
      const result = await storeWrite(() => store.appendArticles(id, articles, briefing, story.version));
      if (result === null) break;
      if (result !== 'conflict') return { ...result, skipped: skipped.map(asSkipped) };
    }
    if (!(await store.hasStory(id))) throw new HttpError(404, `no story ${id}`);
    throw new HttpError(409, 'the story kept changing while its briefing was rebuilt; send the articles again');
  }

  async function storyOr404(id: string, version?: number) {
    const story = STORY_ID.test(id) ? await store.getStory(id, version) : null;
    if (!story) throw new HttpError(404, version === undefined ? `no story ${id}` : `no version ${version} of story ${id}`);
    return story;
  }

  function versionParam(url: URL): number | undefined {
    const raw = url.searchParams.get('version');
    if (raw === null) return undefined;
    if (!/^[1-9]\d{0,8}$/.test(raw)) throw new HttpError(400, 'version must be a positive whole number');
    return Number(raw);
  }

  function allow(req: IncomingMessage, methods: string[]): void {
    const method = req.method === 'HEAD' ? 'GET' : req.method!;
    if (!methods.includes(method)) throw new HttpError(405, `${req.method} is not allowed here`, { allow: methods.join(', ') });
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]): Promise<void> {
    // parts: ['api', 'stories', id?, tail?]
    if (parts[1] !== 'stories' || parts.length > 4) throw new HttpError(404, 'no such API route');
    if (parts.length === 2) {
      allow(req, ['GET', 'POST']);
      if (req.method === 'POST') {
        const request = await readStoryRequest(req, false);
        const created = await createStory(request);
        // The transaction has committed: only now is the story acknowledged.
        sendJson(res, 201, created, { location: `/api/stories/${created.id}` });
        return;
      }
      const limitParam = url.searchParams.get('limit');
      const max = limitParam && /^\d{1,5}$/.test(limitParam) ? Number(limitParam) : 100;
      sendJson(res, 200, { stories: await store.listStories({ limit: max }) });
      return;
    }
    const id = parts[2]!;
    if (parts.length === 3) {
      allow(req, ['GET']);
      const story = await storyOr404(id, versionParam(url));
      // The briefing is sent as stored, without parsing and serialising it again.
      sendRawJson(res, 200, `{"id":${JSON.stringify(story.id)},"version":${story.version},"title":${JSON.stringify(story.title)},"briefing":${story.briefingJson}}`);
      return;
    }
    const tail = parts[3]!;
    if (tail === 'articles') {
      allow(req, ['POST']);
      if (!STORY_ID.test(id) || !(await store.hasStory(id))) throw new HttpError(404, `no story ${id}`);
      const type = mediaType(req);
      let articles: StoryArticle[];
      if (type === 'application/json') articles = parseAddJson(await readBody(req, limit));
      else articles = (await readStoryRequest(req, false)).articles;
      sendJson(res, 200, await addToStory(id, articles));
      return;
    }
    if (tail === 'briefing.md' || tail === 'briefing.html' || tail === 'briefing.json') {
      allow(req, ['GET']);
      const story = await storyOr404(id, versionParam(url));
      if (tail === 'briefing.md') {
        send(res, 200, render(story.briefing, 'md'), { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store' });
      } else if (tail === 'briefing.json') {
        sendRawJson(res, 200, story.briefingJson);
      } else {
        send(res, 200, renderHtml(story.briefing), { ...HTML_HEADERS, 'content-security-policy': HTML_CONTENT_SECURITY_POLICY });
      }
      return;
    }
    if (tail === 'changes') {
      allow(req, ['GET']);
      const since = Number(url.searchParams.get('since'));
      if (!Number.isInteger(since) || since < 1) throw new HttpError(400, 'since must be a briefing version (a positive integer)');
      const changes = await storyChanges(store, id, since);
      if (!changes) throw new HttpError(404, 'no such story or version');
      if (url.searchParams.get('format') === 'md') send(res, 200, renderChanges(changes, 'md'), { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store' });
      else sendJson(res, 200, changes);
      return;
    }
    throw new HttpError(404, 'no such API route');
  }

  /** What a refused form held, given back so the reader can fix it and send it again (files cannot be). */
  function typedIn(err: unknown, request: StoryRequest | null): { title: string; text: string } {
    if (err instanceof FormRefused) return err.typed;
    const pasted = (request?.articles ?? []).filter((a) => !a.file).map((a) => a.text ?? '');
    return { title: request?.title ?? '', text: pasted.join('\n\n---\n\n') };
  }

  /** A refusal a reader can act on (bad input), as a status and a one-line message; null for a fault. */
  function refusal(err: unknown): { status: number; message: string; headers: Record<string, string> } | null {
    if (err instanceof HttpError) return { status: err.status, message: err.message, headers: err.headers };
    if (err instanceof InputError) return { status: 422, message: err.line, headers: {} };
    if (err instanceof BriefingTimeoutError) return { status: 422, message: err.message, headers: {} };
    if (err instanceof BrieferBusyError) return { status: 503, message: err.message, headers: { 'retry-after': '2' } };
    return null;
  }

  /**
   * The story page: the HTML briefing with the app's navigation, links to every version, and
   * (on the latest version) the form to add articles. Null when there is no such story or version.
   */
  async function storyPage(id: string, version: number | undefined, form: { error?: string; text?: string } = {}) {
    const story = STORY_ID.test(id) ? await store.getStory(id, version) : null;
    if (!story) return null;
    const page = `/stories/${encodeURIComponent(id)}`;
    const shown = `?version=${story.version}`;
    const base = `/api/stories/${encodeURIComponent(id)}`;
    // Every version of the briefing stays readable: link the others from this one.
    const versions = await store.listVersions(id);
    const latest = story.version === versions[versions.length - 1];
    const others = versions.filter((v) => v !== story.version).map((v) => ({ label: `version ${v}`, href: `${page}?version=${v}` }));
    const html = renderHtml(story.briefing, {
      nav: [
        { label: '← All stories', href: '/' },
        { label: 'Stories as they form', href: '/stories' },
        { label: 'Markdown', href: `${base}/briefing.md${shown}` },
        { label: 'JSON', href: `${base}/briefing.json${shown}` },
        { label: 'Standalone page', href: `${base}/briefing.html${shown}` },
        ...(versions.length > 1 ? [{ label: `Version ${story.version} of ${versions.length}:`, href: `${page}${shown}` }, ...others] : []),
        // What is new in this version since each earlier one (the change report of the API).
        ...versions.filter((v) => latest && v < story.version).reverse().map((v) => ({ label: `What's new since version ${v}`, href: `${page}/changes?since=${v}` })),
      ],
      addArticles: latest ? { action: `${page}/articles`, ...form } : undefined,
    });
    return { html, headers: { ...HTML_HEADERS, 'content-security-policy': latest ? HTML_CONTENT_SECURITY_POLICY_WITH_FORM : HTML_CONTENT_SECURITY_POLICY } };
  }

  async function pages(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]): Promise<void> {
    const appHeaders = { ...HTML_HEADERS, 'content-security-policy': APP_CONTENT_SECURITY_POLICY };
    if (parts.length === 0) {
      allow(req, ['GET']);
      send(res, 200, homePage(await store.listStories({ limit: 200 })), appHeaders);
      return;
    }
    if (parts[0] === 'stories' && parts.length === 1 && req.method === 'GET') {
      const rows = [];
      for (const s of await store.listStories({ limit: 500 })) {
        const story = await store.getStory(s.id);
        const sources = story?.briefing.sources ?? [];
        rows.push({ ...s, sources: sources.length, outlets: new Set(sources.map((x) => x.outlet).filter(Boolean)).size });
      }
      send(res, 200, storiesPage(rows), appHeaders);
      return;
    }
    if (parts[0] === 'stories' && parts.length === 3 && parts[2] === 'changes') {
      allow(req, ['GET']);
      const id = parts[1]!;
      const since = Number(url.searchParams.get('since'));
      if (!Number.isInteger(since) || since < 1) {
        send(res, 400, errorPage(400, 'since must be a briefing version (a positive integer)'), appHeaders);
        return;
      }
      const story = STORY_ID.test(id) ? await store.getStory(id) : null;
      const changes = story ? await storyChanges(store, id, since) : null;
      if (!story || !changes) send(res, 404, errorPage(404, 'No such story or version'), appHeaders);
      else send(res, 200, changesPage(id, story.title, changes), appHeaders);
      return;
    }
    if (parts[0] === 'stories' && parts.length === 1) {
      allow(req, ['GET', 'POST']);
      let request: StoryRequest | null = null;
      try {
        request = await readStoryRequest(req, true);
        const { id, skipped } = await createStory(request);
        send(res, 303, '', { location: `/stories/${id}${skippedQuery(skipped)}` });
      } catch (err) {
        const refused = refusal(err);
        if (!refused) throw err;
        const home = homePage(await store.listStories({ limit: 200 }), { error: refused.message, ...typedIn(err, request) });
        send(res, refused.status, home, { ...appHeaders, ...refused.headers });
      }
      return;
    }
    if (parts[0] === 'stories' && parts.length === 2) {
      allow(req, ['GET']);
      const version = versionParam(url);
      const skipped = url.searchParams.getAll('skipped').slice(0, MAX_SKIPPED_SHOWN);
      const notice = skipped.length ? `Briefed without ${skipped.length === 1 ? 'one article' : `${skipped.length} articles`} that had nothing usable: ${skipped.join('; ')}` : undefined;
      const found = await storyPage(parts[1]!, version, { error: notice });
      if (!found) send(res, 404, errorPage(404, version === undefined ? 'No such story' : 'No such version of this story'), appHeaders);
      else send(res, 200, found.html, found.headers);
      return;
    }
    if (parts[0] === 'stories' && parts.length === 3 && parts[2] === 'articles') {
      allow(req, ['POST']);
      const id = parts[1]!;
      if (!STORY_ID.test(id) || !(await store.hasStory(id))) {
        send(res, 404, errorPage(404, 'No such story'), appHeaders);
        return;
      }
      let request: StoryRequest | null = null;
      try {
        request = await readStoryRequest(req, true);
        const { skipped } = await addToStory(id, request.articles);
        send(res, 303, '', { location: `/stories/${encodeURIComponent(id)}${skippedQuery(skipped)}` });
      } catch (err) {
        const refused = refusal(err);
        if (!refused) throw err;
        const found = await storyPage(id, undefined, { error: refused.message, text: typedIn(err, request).text });
        if (!found) send(res, 404, errorPage(404, 'No such story'), appHeaders);
        else send(res, refused.status, found.html, { ...found.headers, ...refused.headers });
      }
      return;
    }
    send(res, 404, errorPage(404, 'No such page'), appHeaders);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://precis.invalid');
    } catch {
      sendError(res, new HttpError(400, 'malformed request URL'));
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const isApi = parts[0] === 'api';
    try {
      checkOrigin(req);
      if (isApi) await api(req, res, url, parts);
      else await pages(req, res, url, parts);
    } catch (err) {
      if (err instanceof HttpError) {
        if (isApi || err.status === 413 || err.status === 421 || err.status === 403) sendError(res, err);
        else send(res, err.status, errorPage(err.status, err.message), { ...HTML_HEADERS, ...err.headers, 'content-security-policy': APP_CONTENT_SECURITY_POLICY });
      } else if (err instanceof BrieferBusyError) {
        sendJson(res, 503, { error: err.message }, { 'retry-after': '2' });
      } else if (err instanceof BriefingTimeoutError) {
        sendJson(res, 422, { error: err.message });
      } else if (err instanceof InputError) {
        // The articles were read but could not be briefed (e.g. nothing left after cleaning).
        sendJson(res, 422, { error: err.line });
      } else {
        throw err;
      }
    }
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`precis serve: internal error on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
}

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** SQLite file (created when missing), ':memory:', or a postgres:// URL of an existing database. */
  db: string;
  maxBodyBytes?: number;
  words?: number;
  /** Worker threads computing briefings (default: cores - 1, at least 1); 0 computes them on the server's thread. */
  workers?: number;
  /** Longest one briefing may run on a worker before it is stopped and refused (default 60 s). */
  briefingTimeoutMs?: number;
  storeOptions?: StoreOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  store: Store;
  /** Stops accepting, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
}

/**
 * Listens, then opens the store: a port already in use fails before any store file is created,
 * and a store that cannot be opened releases the port.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = configure(http.createServer());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Until the store is open, answer rather than leave a request hanging without a handler.
  const starting: http.RequestListener = (_req, res) => sendJson(res, 503, { error: 'the server is starting; try again' }, { 'retry-after': '1' });
  server.on('request', starting);
  let store: Store;
  try {
    store = await openStore(options.db, options.storeOptions);
  } catch (err) {
    await new Promise((resolve) => server.close(resolve));
    throw err;
  }
  server.off('request', starting);
  const workers = options.workers ?? defaultWorkerCount();
  const briefer = workers > 0 ? workerBriefer(workers, options.words, undefined, options.briefingTimeoutMs) : inlineBriefer(options.words);
  server.on(
    'request',
    createRequestHandler({
      store,
      maxBodyBytes: options.maxBodyBytes,
      briefer,
      allowedHosts: isLoopbackHost(host) ? LOOPBACK_NAMES : 'any',
    }),
  );
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shown}:${port}`,
    port,
    server,
    store,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          void briefer
            .close()
            .then(() => store.close())
            .then(resolve);
        });
        server.closeIdleConnections();
      })),
  };
}
