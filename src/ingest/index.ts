// The ingest stage: files, folders, stdin and in-memory articles become RawArticles.
// It reads bytes, refuses what is not text, detects the format and fills the article fields;
// cleaning the body is the next stage's job.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { InputError, type ArticleInput, type Problem, type RawArticle } from '../types.js';
import { checkPageSize, extractFromHtml } from './html.js';
import { decodeText } from './decode.js';
import { readBounded } from './read.js';
import { normalizeDate } from './dates.js';
import { describeFsError } from './fs-errors.js';

export { decodeText } from './decode.js';
export { normalizeDate } from './dates.js';
export { describeFsError } from './fs-errors.js';

/**
 * Largest input file read, after decompression. A news article is rarely above 1 MB of HTML;
 * 20 MB leaves room for a whole cluster in one JSONL file while bounding memory.
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export type InputFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';

const EXTENSIONS: [suffix: string, format: InputFormat][] = [
  ['.html.gz', 'html'],
  ['.htm.gz', 'html'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.json', 'json'],
];

/** The format a file name announces, or null when its extension is not one precis reads. */
export function formatOf(name: string): InputFormat | null {
  const lower = name.toLowerCase();
  for (const [suffix, format] of EXTENSIONS) if (lower.endsWith(suffix)) return format;
  return null;
}

function stemOf(name: string): string {
  const base = path.basename(name);
  const lower = base.toLowerCase();
  for (const [suffix] of EXTENSIONS) if (lower.endsWith(suffix)) return base.slice(0, base.length - suffix.length);
  return base.replace(/\.[^.]*$/, '') || base;
}

/** A source id: [A-Za-z0-9_.-]+, as the briefing schema requires. */
function safeId(raw: string): string {
  const id = raw.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'article';
}

/** Gives each article an id unique within the cluster (a suffix -2, -3... on repeats). */
export function assignUniqueIds(articles: RawArticle[]): RawArticle[] {
  const seen = new Map<string, number>();
  return articles.map((a) => {
    const base = safeId(a.id);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? { ...a, id: base } : { ...a, id: `${base}-${n}` };
  });
}

const optionalText = z.string().nullish();
/** An article object in JSON/JSONL input and the HTTP API. Unknown fields are ignored. */
export const articleInputSchema = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    title: optionalText,
    text: optionalText,
    html: optionalText,
    url: optionalText,
    published: optionalText,
    /** How newswire collections (DUC, TAC) name an article's date: read when "published" is absent. */
    date: optionalText,
    outlet: optionalText,
  })
  .refine((a) => Boolean(a.text?.trim() || a.html?.trim()), { message: 'an article needs a non-empty "text" or "html"' })
  // One place for the alias, so files, streams and the API read it alike.
  .transform(({ date, ...a }) => (a.published?.trim() || !date ? a : { ...a, published: date }));

function describeZodError(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid article';
  const where = issue.path.length ? `field "${issue.path.join('.')}": ` : '';
  return `${where}${issue.message}`;
}

/** Turns one article object (JSON, JSONL, API) into a RawArticle; throws InputError naming `input`. */
export function fromArticleInput(value: unknown, input: string, id: string, filePath: string | null): RawArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(input, 'expected an article object with "text" or "html"');
  }
  const parsed = articleInputSchema.safeParse(value);
  if (!parsed.success) throw new InputError(input, describeZodError(parsed.error));
  const a = parsed.data;
  const published = a.published ? normalizeDate(a.published) : null;
  const articleId = a.id !== undefined && a.id !== null && String(a.id).trim() ? String(a.id) : id;
  if (a.text?.trim()) {
    return {
      id: articleId, path: filePath, format: 'text', body: a.text, title: a.title?.trim() || null, url: a.url?.trim() || null,
      published, outlet: a.outlet?.trim() || null, byline: null, removed: [],
    };
  }
  checkPageSize(a.html ?? '', input);
  const page = extractFromHtml(a.html ?? '', { url: a.url ?? null });
  if (!page.text.trim()) throw new InputError(input, 'no article text found in the HTML');
  return {
    id: articleId, path: filePath, format: 'extracted', body: page.text, title: a.title?.trim() || page.title,
    url: a.url?.trim() || page.url, published: published ?? page.published, outlet: a.outlet?.trim() || page.outlet,
    byline: page.byline, removed: page.removed,
  };
}

/** Articles handed over in memory (library, HTTP API); ids are a1, a2, ... in order. */
export function fromArticleInputs(inputs: ArticleInput[], label = 'article'): RawArticle[] {
  return assignUniqueIds(inputs.map((a, i) => fromArticleInput(a, `${label} ${i + 1}`, `a${i + 1}`, null)));
}

function lineOfPosition(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function parseJson(text: string, input: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineOfPosition(text, Number(pos[1])) + lineOffset : lineOffset + text.split('\n').length;
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new InputError(`${input}:${line}`, `malformed JSON: ${reason}`);
  }
}

export interface ReadResult {
  articles: RawArticle[];
  /** Inputs (or parts of them, like one JSONL line) that could not be used. */
  problems: Problem[];
}

/**
 * Parses one input's bytes. `name` gives the format by its extension and is how errors name the
 * input; `filePath` is recorded as the articles' path (null for uploads). Never touches the disk.
 */
export function readBuffer(name: string, bytes: Uint8Array, filePath: string | null = name, format?: InputFormat | null): ReadResult {
  let data = bytes;
  const fmt = format ?? formatOf(name) ?? sniffFormat(bytes);
  if (name.toLowerCase().endsWith('.gz')) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
    } catch (err) {
      const tooBig = err instanceof RangeError || /maxOutputLength|buffer/i.test(String(err));
      throw new InputError(name, tooBig ? `decompresses to more than ${MAX_INPUT_BYTES / 1048576} MB, the input size limit` : 'not a valid gzip file');
    }
  }
  const text = decodeText(data, name);
  if (!text.trim()) throw new InputError(name, 'empty file');
  const id = stemOf(name);
  switch (fmt) {
    case 'html': {
      checkPageSize(text, name);
      const page = extractFromHtml(text, {});
      if (!page.text.trim()) throw new InputError(name, 'no article text found in the HTML');
      return {
        articles: [{ id, path: filePath, format: 'extracted', body: page.text, title: page.title, url: page.url, published: page.published, outlet: page.outlet, byline: page.byline, removed: page.removed }],
        problems: [],
      };
    }
    case 'json': {
      const value = parseJson(text, name);
      const list = Array.isArray(value)
        ? value
        : value && typeof value === 'object' && Array.isArray((value as { articles?: unknown }).articles)
          ? (value as { articles: unknown[] }).articles
          : [value];
      if (list.length === 0) throw new InputError(name, 'no articles in the JSON array');
      const articles: RawArticle[] = [];
      const problems: Problem[] = [];
      list.forEach((item, i) => {
        const label = list.length > 1 ? `${name}[${i}]` : name;
        try {
          articles.push(fromArticleInput(item, label, list.length > 1 ? `${id}-${i + 1}` : id, filePath));
        } catch (err) {
          if (err instanceof InputError) problems.push({ input: err.input, message: err.message });
          else throw err;
        }
      });
      return { articles, problems };
    }
    case 'jsonl': {
      const articles: RawArticle[] = [];
      const problems: Problem[] = [];
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        try {
          articles.push(fromArticleInput(parseJson(line, name, i), `${name}:${i + 1}`, `${id}-${i + 1}`, filePath));
        } catch (err) {
          if (err instanceof InputError) problems.push({ input: err.input, message: err.message });
          else throw err;
        }
      });
      return { articles, problems };
    }
    default:
      return {
        articles: [{ id, path: filePath, format: fmt === 'markdown' ? 'markdown' : 'text', body: text, title: null, url: null, published: null, outlet: null, byline: null, removed: [] }],
        problems: [],
      };
  }
}

/** The format of stdin or a file with an unknown extension, from its first characters. */
function sniffFormat(bytes: Uint8Array): InputFormat {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('[') || head.startsWith('{')) {
    // JSONL when the first line is a whole object and another line follows: the first line is
    // read to its end, however long, not only the first 512 bytes.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = buf.indexOf(head[0]!);
    const newline = buf.indexOf(10, start);
    if (newline < 0) return 'json';
    const firstLine = buf.toString('utf8', start, newline).trim();
    const rest = buf.subarray(newline + 1, newline + 1 + 4096).toString('utf8').trim();
    return head.startsWith('{') && firstLine.endsWith('}') && rest.length > 0 ? 'jsonl' : 'json';
  }
  if (head.startsWith('# ')) return 'markdown';
  return 'text';
}

/**
 * Files under a folder that precis reads, in a stable (code point) order; hidden entries skipped.
 * A subfolder that cannot be listed is skipped and reported in `problems`; the folder itself
 * failing to list throws.
 */
async function listFolder(dir: string, problems: Problem[], top = true): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (top) throw err;
    problems.push({ input: dir, message: `${describeFsError(err)}: folder skipped` });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const f of await listFolder(full, problems, false)) files.push(f);
    else if (e.isFile() && formatOf(e.name)) files.push(full);
  }
  return files;
}

async function readFile(file: string): Promise<ReadResult> {
  const stat = await fs.stat(file);
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES) {
    throw new InputError(file, `file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB input size limit`);
  }
  return readBuffer(file, readBounded(file, MAX_INPUT_BYTES), file);
}

/**
 * Reads files, folders (recursively, in stable order) and "-" (stdin). A bad input is recorded
 * as a problem and the others are still read; with `strict`, the first bad input throws.
 * Whether what was read is enough is the caller's decision.
 */
export async function readInputs(inputs: string[], options: { strict?: boolean } = {}): Promise<ReadResult> {
  if (inputs.length === 0) throw new InputError('precis', 'no inputs given');
  const articles: RawArticle[] = [];
  const problems: Problem[] = [];
  const fail = (input: string, message: string) => {
    if (options.strict) throw new InputError(input, message);
    problems.push({ input, message });
  };
  for (const input of inputs) {
    try {
      let result: ReadResult;
      if (input === '-') {
        result = readBuffer('-', readBounded('-', MAX_INPUT_BYTES, 'standard input'), '-');
      } else {
        let stat;
        try {
          stat = await fs.stat(input);
        } catch (err) {
          throw new InputError(input, describeFsError(err));
        }
        if (stat.isDirectory()) {
          const skipped: Problem[] = [];
          const files = await listFolder(input, skipped);
          for (const p of skipped) fail(p.input, p.message);
          if (files.length === 0) throw new InputError(input, 'folder has no readable files (.txt, .md, .html, .html.gz, .json, .jsonl)');
          const before = articles.length;
          for (const file of files) {
            try {
              const r = await readFile(file);
              for (const a of r.articles) articles.push(a);
              for (const p of r.problems) fail(p.input, p.message);
            } catch (err) {
              if (err instanceof InputError) fail(err.input, err.message);
              else fail(file, describeFsError(err));
            }
          }
          if (articles.length === before && !options.strict) problems.push({ input, message: 'folder has no usable articles' });
          continue;
        }
        result = await readFile(input);
      }
      for (const a of result.articles) articles.push(a);
      for (const p of result.problems) fail(p.input, p.message);
    } catch (err) {
      if (err instanceof InputError) fail(err.input, err.message);
      else fail(input, describeFsError(err));
    }
  }
  return { articles: assignUniqueIds(articles), problems };
}

/**
 * How an error names one article: its file, with the article's id when the file held several
 * ("story.jsonl [story-17]"), or the id alone for articles handed over in memory.
 */
export function describeArticle(raw: Pick<RawArticle, 'id' | 'path'>): string {
  if (!raw.path) return raw.id;
  if (raw.path === '-') return raw.id === '-' ? '-' : `- [${raw.id}]`;
  return safeId(stemOf(raw.path)) === raw.id ? raw.path : `${raw.path} [${raw.id}]`;
}
