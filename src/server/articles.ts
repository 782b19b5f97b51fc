// What a request hands over (JSON, multipart uploads, the page's form) becomes the articles a
// story keeps, and a story's articles become its briefing. Uploaded files are read from their
// bytes in memory; their names only say the format and are never opened as paths.
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { briefRawArticles, type BriefResult } from '../brief/index.js';
import { articleInputSchema, assignUniqueIds, decodeText, formatOf, fromArticleInput, readBuffer, MAX_INPUT_BYTES } from '../ingest/index.js';
import type { StoryArticle } from '../store/index.js';
import { InputError, type RawArticle } from '../types.js';
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
  try {
    return JSON.parse(body.toString('utf8'));
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
 * An uploaded file as a story article: its decoded text and its name. The file is read once here
 * so a bad upload is refused now, naming the file, rather than when the story is briefed.
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
  const checked = readBuffer(name, data, null);
  if (checked.problems.length) {
    const first = checked.problems[0]!;
    throw new HttpError(400, `${first.input}: ${first.message}`);
  }
  return { file: name, text: decodeText(data, name) };
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
  if (articles.length > MAX_ARTICLES_PER_REQUEST) refuse(new HttpError(400, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request`));
  return { title: title.data ?? null, articles };
}

/** Runs the pipeline over a story's articles, oldest first. Unusable articles throw InputError. */
export function briefStory(articles: StoryArticle[], title: string | null, options: { words?: number } = {}): BriefResult {
  const raws: RawArticle[] = [];
  articles.forEach((article, i) => {
    const label = `article ${i + 1}`;
    if (article.file) {
      const read = readBuffer(article.file, Buffer.from(article.text ?? '', 'utf8'), null);
      if (read.problems.length) throw new InputError(read.problems[0]!.input, read.problems[0]!.message);
      for (const a of read.articles) raws.push(a);
    } else {
      const { file: _file, ...input } = article;
      raws.push(fromArticleInput(input, label, `a${i + 1}`, null));
    }
  });
  return briefRawArticles(assignUniqueIds(raws), [], { strict: true, title: title ?? undefined, words: options.words }, 'story');
}
