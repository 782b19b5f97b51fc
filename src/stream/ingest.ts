// The ingest loop: a stream of JSONL articles -> dedupe -> online clustering -> the store, with each
// touched story's briefing rebuilt (a new version) after every `flushEvery` articles and at the end.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { briefArticles, NothingUsableError } from '../brief/index.js';
import { fromArticleInput } from '../ingest/index.js';
import type { CommittedStory, FlushStory, SeenArticle, Store, StoryArticle } from '../store/index.js';
import { InputError } from '../types.js';
import { createClusterer } from './cluster.js';
import type { StreamArticle } from './types.js';

export interface IngestOptions {
  /** Rebuild touched stories' briefings after this many new articles (default 50) and at the end. */
  flushEvery?: number;
  /** Summary length of each briefing. */
  words?: number;
  /** Called with one line per bad input: `<input>:<line>: <problem>`. */
  onProblem?: (line: string) => void;
  /** Stops reading `input` when aborted; the lines already read are ingested and flushed. */
  signal?: AbortSignal;
  /** ingestStream: flush when the input has been quiet this long with articles waiting (default 1000 ms). */
  idleFlushMs?: number;
}

export interface IngestReport {
  lines: number;
  stored: number;
  duplicates: number;
  bad: number;
  /** Story ids (in the store) that got a new briefing version. */
  updated: string[];
}

/** Keys under which an article counts as seen: its URL, and a hash of its text. */
export function dedupeKeys(article: StreamArticle): string[] {
  const keys: string[] = [];
  if (article.url) keys.push(`url:${article.url.trim()}`);
  const body = (article.text ?? article.html ?? '').replace(/\s+/g, ' ').trim();
  if (body) keys.push(`text:${createHash('sha256').update(body).digest('hex')}`);
  return keys;
}

/**
 * One line of a JSONL stream, counted in `report`: the article with the id it is stored under
 * and where it was read (`file:line`); null for a blank line, and for a bad one, which is counted
 * and reported (`file:line: problem`) so that the stream goes on.
 */
export function readStreamLine(
  raw: string,
  label: string,
  report: { lines: number; bad: number },
  problem: (line: string) => void,
): { article: StreamArticle; id: string; from: string } | null {
  report.lines++;
  if (!raw.trim()) return null;
  const from = `${label}:${report.lines}`;
  const parsed = parseArticleLine(raw);
  if (typeof parsed === 'string') {
    report.bad++;
    problem(`${from}: ${parsed}`);
    return null;
  }
  return { article: parsed, id: String(parsed.id ?? from), from };
}

/** Reads one JSONL line as an article; a string naming the problem when it is not one. */
export function parseArticleLine(line: string): StreamArticle | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'malformed JSON line';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not an article object';
  const article = value as StreamArticle;
  const text = typeof article.text === 'string' ? article.text.trim() : '';
  const html = typeof article.html === 'string' ? article.html.trim() : '';
  if (!text && !html) return 'article has no text';
  // The checks a briefing makes (field types, text in the HTML), made now: an article refused
  // later, at a rebuild, would take its story's other new articles with it.
  try {
    fromArticleInput(article, 'line', 'a', null);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  return article;
}

/** Adds articles one at a time to the store's stories; `flush` rebuilds the touched briefings. */
export interface Ingester {
  /** Clusters the article unless already seen: 'stored' or 'duplicate'. Flushes every `flushEvery` stored. */
  add(article: StreamArticle, id: string): Promise<'stored' | 'duplicate'>;
  /** Rebuilds every touched story's briefing (a new version) and saves the clusterer state. */
  flush(): Promise<void>;
  /**
   * The cheap half of a flush (see Store.commitArticles): the articles added since the last
   * flush, their seen keys and the clusterer state committed, every touched story marked stale;
   * no briefing is built. Resolves the stories written to.
   */
  commitArticles(): Promise<CommittedStory[]>;
  /** Articles added since the last flush. */
  pending(): number;
  report: IngestReport;
}

/** An ingester on `store`, resuming from the clusterer state it saved; `label` names the input in problem lines. */
export async function openIngester(store: Store, label: string, options: IngestOptions = {}): Promise<Ingester> {
  const flushEvery = Math.max(1, options.flushEvery ?? 50);
  const problem = options.onProblem ?? ((line: string) => process.stderr.write(`precis: ${line}\n`));
  const clusterer = createClusterer({}, (await store.loadClusterState()) ?? undefined);
  const report: IngestReport = { lines: 0, stored: 0, duplicates: 0, bad: 0, updated: [] };
  const pending = new Map<string, StoryArticle[]>();
  // Articles read since the last flush: their keys are recorded with them, in the flush's one
  // transaction, so a crash before it loses no article (running the input again re-reads them).
  const seen: SeenArticle[] = [];
  const seenKeys = new Set<string>();
  let sinceFlush = 0;

  const flush = async () => {
    const built = new Map<string, FlushStory | null>();
    let toBuild = [...pending.keys()];
    for (;;) {
      for (const clusterId of toBuild) {
        built.set(clusterId, await rebuild(store, clusterId, pending.get(clusterId)!, options, (p) => problem(`${label}: story ${clusterId}: ${p}`)));
      }
      const stories = [...built.values()].filter((story): story is FlushStory => story !== null);
      const result = await store.commitFlush({ stories, seen, clusterState: clusterer.snapshot() });
      if (result.status === 'committed') {
        for (const { id } of result.written) if (!report.updated.includes(id)) report.updated.push(id);
        break;
      }
      // Another writer changed these stories meanwhile: rebuild them from the store and retry.
      toBuild = result.clusterIds;
    }
    clear();
  };
  const clear = () => {
    pending.clear();
    seen.length = 0;
    seenKeys.clear();
    sinceFlush = 0;
  };
  const commitArticles = async (): Promise<CommittedStory[]> => {
    const stories = [...pending].map(([clusterId, articles]) => ({ clusterId, articles }));
    const committed = await store.commitArticles({ stories, seen, clusterState: clusterer.snapshot() });
    clear();
    return committed;
  };

  const add = async (parsed: StreamArticle, articleId: string): Promise<'stored' | 'duplicate'> => {
    const keys = dedupeKeys(parsed);
    if (keys.some((key) => seenKeys.has(key)) || (await store.findSeen(keys)) !== null) {
      report.duplicates++;
      return 'duplicate';
    }
    for (const key of keys) seenKeys.add(key);
    seen.push({ keys, articleId });
    const assignment = clusterer.assign({ ...parsed, id: articleId });
    const { id: _id, ...article } = parsed;
    const list = pending.get(assignment.story) ?? [];
    list.push(article);
    pending.set(assignment.story, list);
    report.stored++;
    if (++sinceFlush >= flushEvery) await flush();
    return 'stored';
  };
  return { add, flush, commitArticles, pending: () => sinceFlush, report };
}

/** Ingests JSONL lines from `input` into `store`; `label` names the input in problem lines. */
export async function ingestStream(input: Readable, label: string, store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const problem = options.onProblem ?? ((line: string) => process.stderr.write(`precis: ${line}\n`));
  const ingester = await openIngester(store, label, { ...options, onProblem: problem });
  const report = ingester.report;
  const lines = createInterface({ input, crlfDelay: Infinity, signal: options.signal })[Symbol.asyncIterator]();
  const idleMs = Math.max(1, options.idleFlushMs ?? 1000);
  // A live input (a pipe left open) that goes quiet: what was read is stored, not held until
  // `flushEvery` more articles arrive.
  for (let next = lines.next(); ; ) {
    let timer: NodeJS.Timeout | undefined;
    const idle = ingester.pending() > 0 ? new Promise<'idle'>((resolve) => (timer = setTimeout(resolve, idleMs, 'idle'))) : null;
    const got = idle ? await Promise.race([next, idle]) : await next;
    clearTimeout(timer);
    if (got === 'idle') {
      await ingester.flush();
      continue;
    }
    if (got.done) break;
    next = lines.next();
    const line = readStreamLine(got.value, label, report, problem);
    if (line) await ingester.add(line.article, line.id);
  }
  await ingester.flush();
  return report;
}

/** A story's new articles with a briefing rebuilt from all of them; null when none is usable. */
async function rebuild(store: Store, clusterId: string, added: StoryArticle[], options: IngestOptions, problem: (p: string) => void): Promise<FlushStory | null> {
  const words = options.words;
  const storyId = await store.streamStory(clusterId);
  // The version first: an append landing between the two reads then shows as a conflict at commit.
  // (A story stored by a worker and not briefed yet has no version: 0.)
  const record = storyId ? await store.getStory(storyId) : null;
  const before = storyId ? ((await store.getArticles(storyId)) ?? []) : [];
  try {
    const { briefing } = briefArticles([...before, ...added], { words });
    return { clusterId, storyId, expectedVersion: record?.version ?? 0, expectedArticles: before.length, articles: added, briefing };
  } catch (err) {
    if (!(err instanceof NothingUsableError)) throw err;
    problem('no usable article after cleaning');
    return null;
  }
}

/**
 * A story marked stale by Store.commitArticles: its briefing rebuilt from all of its stored
 * articles and written as a new version unless the story changed meanwhile (whoever committed the
 * newer articles rebuilds it then). With `committed` (the articles the story held after the
 * caller's own commit), a story marked since with more is left to the one who marked it. Resolves
 * the version written; null when none was (already current, changed meanwhile, nothing usable,
 * no longer stale).
 */
export async function rebuildStaleStory(store: Store, id: string, options: { words?: number; problem: (p: string) => void; committed?: number }): Promise<number | null> {
  const [marked] = await store.staleStories({ ids: [id] });
  if (!marked) return null;
  // Marked again since `committed` articles were: whoever committed the newer ones rebuilds it.
  if (options.committed !== undefined && marked.articles > options.committed) return null;
  const articles = (await store.getArticles(id)) ?? [];
  if (articles.length === 0) return null;
  let briefing = null;
  try {
    briefing = briefArticles(articles, { words: options.words }).briefing;
  } catch (err) {
    if (!(err instanceof NothingUsableError)) throw err;
    options.problem('no usable article after cleaning');
  }
  const written = await store.writeBriefing(id, briefing, articles.length);
  return written?.status === 'written' ? written.version : null;
}
