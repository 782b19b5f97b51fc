// What a request hands over (JSON, multipart uploads, the page's form) becomes the articles a
// story keeps, and a story's articles become its briefing. Uploaded files are read from their
// bytes in memory; their names only say the format and are never opened as paths.
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { articleName, briefRawArticles, NothingUsableError, type BriefResult } from '../brief/index.js';
import { articleInputSchema, assignUniqueIds, decodeText, formatOf, fromArticleInput, readBuffer, MAX_INPUT_BYTES } from '../ingest/index.js';
import type { StoryArticle } from '../store/index.js';
import { InputError, type Problem, type RawArticle } from '../types.js';
import { HttpError } from './http.js';

/** Most articles one request may add: a story is a cluster, not an archive. */
export const MAX_ARTICLES_PER_REQUEST = 200;
/** Longest story title accepted. */
const MAX_TITLE_CHARS = 500;

export interface StoryRequest {
  /** The title the caller asked for; null to let the briefing choose. */
  title: string | null;
  articles: StoryArticle[];
}

const titleSchema = z
  .string()
  .max(MAX_TITLE_CHARS, `title is longer than ${MAX_TITLE_CHARS} characters`)
  .nullish()
  .transform((t) => t?.trim() || null);

const articlesSchema = z
  .array(articleInputSchema)
  .min(1, 'give at least one article')
  .max(MAX_ARTICLES_PER_REQUEST, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request`);

const createStorySchema = z.object({ title: titleSchema, articles: articlesSchema });
const addArticlesSchema = z.object({ articles: articlesSchema });

/** "articles[1].text: ..." from the first problem zod found. */
function describeIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid request body';
  let where = '';
  for (const part of issue.path) {
    where += typeof part === 'number' ? `[${part}]` : `${where ? '.' : ''}${String(part)}`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Keeps the fields a story stores, dropping empty ones. */
function toStoryArticle(a: z.infer<typeof articleInputSchema>): StoryArticle {
  const out: StoryArticle = {};
  for (const key of ['title', 'text', 'html', 'url', 'published', 'outlet'] as const) {
    const value = a[key];
    if (typeof value === 'string' && value.trim()) out[key] = value;
  }
  return out;
}

function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    // The rule of every other input: bytes that are not UTF-8 are refused, never replaced.
    text = decodeText(body, 'request body');
  } catch (err) {
    if (err instanceof InputError) throw new HttpError(400, err.line);
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `POST /api/stories` with a JSON body. */
export function parseCreateJson(body: Buffer): StoryRequest {
  const parsed = createStorySchema.safeParse(parseJsonBody(body));
  if (!parsed.success) throw new HttpError(400, describeIssue(parsed.error));
  return { title: parsed.data.title, articles: parsed.data.articles.map(toStoryArticle) };
}

/** `POST /api/stories/:id/articles` with a JSON body. */
export function parseAddJson(body: Buffer): StoryArticle[] {
  const parsed = addArticlesSchema.safeParse(parseJsonBody(body));
  if (!parsed.success) throw new HttpError(400, describeIssue(parsed.error));
  return parsed.data.articles.map(toStoryArticle);
}

/** The last segment of an uploaded file's name, without control characters: a label, never a path. */
function uploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'upload';
}

/**
 * An uploaded file as a story article: its decoded text and its name. Only what is cheap is
 * checked here, so a bad upload is refused now, naming the file: its kind, its compression, its
 * encoding, that it has text. Parsing (HTML above all) is the briefing worker's, off the event loop.
 */
export function uploadedArticle(rawName: string, bytes: Uint8Array): StoryArticle {
  let name = uploadName(rawName);
  if (!formatOf(name)) {
    throw new HttpError(400, `${name}: not a file precis reads (.txt, .md, .html, .htm, .html.gz, .json, .jsonl)`);
  }
  let data = bytes;
  if (name.toLowerCase().endsWith('.gz')) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
    } catch {
      throw new HttpError(400, `${name}: not a valid gzip file, or over the ${MAX_INPUT_BYTES / 1048576} MB input size limit once decompressed`);
    }
    name = name.slice(0, -3);
  }
  let text: string;
  try {
    text = decodeText(data, name);
  } catch (err) {
    if (err instanceof InputError) throw new HttpError(400, err.line);
    throw err;
  }
  if (!text.trim()) throw new HttpError(400, `${name}: empty file`);
  return { file: name, text };
}

/**
 * How many articles a stored article stands for: one, or for an uploaded .json or .jsonl file
 * the articles in it (its non-blank lines; the entries of its array). Counted without parsing
 * any article, so the per-request cap holds however the articles arrive.
 */
export function articleCount(article: StoryArticle): number {
  if (!article.file) return 1;
  const format = formatOf(article.file);
  const text = article.text ?? '';
  if (format === 'jsonl') {
    let n = 0;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      if (/\S/.test(text.slice(at, Math.min(end, at + 4096)))) n++;
      at = end + 1;
    }
    return n;
  }
  if (format === 'json') {
    try {
      const value = JSON.parse(text) as unknown;
      if (Array.isArray(value)) return value.length;
      const list = (value as { articles?: unknown } | null)?.articles;
      return Array.isArray(list) ? list.length : 1;
    } catch {
      return 1;
    }
  }
  return 1;
}

/** Refuses a request of more articles than the cap, counting those inside uploaded files. */
export function checkArticleCount(articles: StoryArticle[]): void {
  let n = 0;
  for (const a of articles) n += articleCount(a);
  if (n > MAX_ARTICLES_PER_REQUEST) {
    throw new HttpError(400, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request (this one has ${n}, counting those inside uploaded files)`);
  }
}

/** A form the server refused, with what the reader had typed in it. */
export class FormRefused extends HttpError {
  constructor(
    status: number,
    message: string,
    public readonly typed: { title: string; text: string },
  ) {
    super(status, message);
  }
}

/** U+FFFD as UTF-8 bytes. */
const REPLACEMENT_UTF8 = Buffer.from('\uFFFD', 'utf8');

/** A line holding only dashes separates two pasted articles in the page's form. */
const PASTE_SEPARATOR = /^[ \t]*-{3,}[ \t]*$/m;

export function splitPasted(text: string): string[] {
  return text
    .split(new RegExp(PASTE_SEPARATOR.source, 'gm'))
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * A multipart (files and fields) or URL-encoded form body: `title`, any number of `text` fields
 * (each one article, or several separated by `---` lines when `splitText`), and files of any field name.
 */
export async function parseForm(body: Buffer, contentType: string, options: { splitText: boolean }): Promise<StoryRequest> {
  let form: FormData;
  try {
    // Node's fetch Request parses multipart and URL-encoded bodies; nothing touches the disk.
    form = await new Request('http://precis.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    throw new HttpError(400, 'malformed form body');
  }
  const titleValue = form.get('title');
  const typedTitle = typeof titleValue === 'string' ? titleValue : '';
  const pasted = form.getAll('text').filter((v): v is string => typeof v === 'string');
  // A refusal carries what was typed, so the page can give it back instead of losing it.
  const refuse = (err: HttpError): never => {
    throw new FormRefused(err.status, err.message, { title: typedTitle, text: pasted.join('\n\n---\n\n') });
  };
  // The rule of every input: text that is not UTF-8 is refused. The form parser has already put
  // U+FFFD in place of bad bytes; one that the body itself does not carry was such a byte.
  const fields = [typedTitle, ...pasted];
  if (fields.some((v) => v.includes('\uFFFD')) && !body.includes(REPLACEMENT_UTF8) && !/%EF%BF%BD/i.test(body.toString('latin1'))) {
    refuse(new HttpError(400, 'text: not valid UTF-8'));
  }
  const title = titleSchema.safeParse(typedTitle);
  if (!title.success) refuse(new HttpError(400, describeIssue(title.error)));
  const articles: StoryArticle[] = [];
  for (const text of pasted) {
    const texts = options.splitText ? splitPasted(text) : text.trim() ? [text] : [];
    for (const t of texts) articles.push({ text: t });
  }
  for (const value of form.values()) {
    if (typeof value === 'string') continue;
    // An empty file input still sends a part with no name and no bytes.
    if (!value.name && value.size === 0) continue;
    try {
      articles.push(uploadedArticle(value.name, new Uint8Array(await value.arrayBuffer())));
    } catch (err) {
      if (err instanceof HttpError) refuse(err);
      throw err;
    }
  }
  if (articles.length === 0) refuse(new HttpError(400, 'give at least one article: paste its text or add a file'));
  try {
    checkArticleCount(articles);
  } catch (err) {
    if (err instanceof HttpError) refuse(err);
    throw err;
  }
  return { title: title.data ?? null, articles };
}

/** A story briefed: the briefing, and each article that could not be used, named as its sender knows it. */
export interface StoryBriefing {
  briefing: BriefResult['briefing'];
  skipped: Problem[];
}

/**
 * Runs the pipeline over a story's articles, oldest first, with the rule of the command line:
 * the usable articles are briefed and each unusable one is reported by the name its sender gave
 * it (a file name, a title, or its position); only when none is usable is it an InputError.
 */
export function briefStory(articles: StoryArticle[], title: string | null, options: { words?: number } = {}): StoryBriefing {
  const raws: RawArticle[] = [];
  const names: string[] = [];
  const skipped: Problem[] = [];
  articles.forEach((article, i) => {
    const name = articleName(article, i + 1);
    try {
      if (article.file) {
        const read = readBuffer(article.file, Buffer.from(article.text ?? '', 'utf8'), null);
        for (const p of read.problems) skipped.push(p);
        read.articles.forEach((a) => {
          raws.push(a);
          // As the command line names an article of a file that holds several: "story.jsonl [story-3]".
          names.push(read.articles.length > 1 ? `${name} [${a.id}]` : name);
        });
      } else {
        const { file: _file, ...input } = article;
        raws.push(fromArticleInput(input, name, `a${i + 1}`, null));
        names.push(name);
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      skipped.push({ input: err.input, message: err.message });
    }
  });
  const unique = assignUniqueIds(raws);
  // Cleaning names an article by its id; the sender knows it by the name given above.
  const nameOf = new Map(unique.map((a, i) => [a.id, names[i]!]));
  const rename = (p: Problem): Problem => ({ input: nameOf.get(p.input) ?? p.input, message: p.message });
  try {
    const result = briefRawArticles(unique, [], { strict: false, title: title ?? undefined, words: options.words }, 'story');
    return { briefing: result.briefing, skipped: [...skipped, ...result.problems.map(rename)] };
  } catch (err) {
    if (!(err instanceof NothingUsableError)) throw err;
    const all = [...skipped, ...err.problems.map(rename)];
    if (all.length === 1) throw new InputError(all[0]!.input, all[0]!.message);
    throw new InputError('no usable article', all.map((p) => `${p.input}: ${p.message}`).join('; '));
  }
}
