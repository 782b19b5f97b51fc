import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { InputError, type Removal } from '../types.js';
import { articleNode, dateEvidence, indexMeta, jsonLdNodes, readMetadata, type DateEvidence } from './html-metadata.js';
import { blockText } from './html-text.js';
import { removeEdgeBoilerplate } from './html-edges.js';
import { flattenDeepNesting, removeBoilerplate, removeStandfirst, revealStreamedContent } from './html-boilerplate.js';
import { linkBlocks, removeLinkParagraphs, type LinkBlock } from './html-links.js';

/** What extraction finds in one HTML page. */
export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** YYYY-MM-DD (or YYYY-MM, YYYY) from the page's metadata, null when none. */
  published: string | null;
  /** Canonical URL when the page names one, else the URL given. */
  url: string | null;
  /** The article body: paragraphs separated by one blank line; "" when the page has no article. */
  text: string;
  removed: Removal[];
}

interface BodyAttempt {
  text: string;
  removed: Removal[];
}

// Nesting deeper than this is flattened before anything walks the page (see flattenDeepNesting).
const MAX_NESTING = 100;

// linkedom takes about 100 ms to load (a third of the CLI's start-up), and text, Markdown and
// JSON inputs never need it: it is loaded on the first HTML page, synchronously through its
// CommonJS build (the same code as its ES build), so extraction stays a synchronous call.
const requireFromHere = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;

function parseHTML(html: string): unknown {
  linkedom ??= requireFromHere('linkedom') as typeof import('linkedom');
  return linkedom.parseHTML(html);
}

function parse(html: string): Document {
  let document = (parseHTML(html) as unknown as { document: Document }).document;
  if (!document.documentElement || !document.body) {
    // A fragment or an empty string: give it the html and body a page has.
    document = (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: Document })
      .document;
  }
  settleStrayElements(document);
  flattenDeepNesting(document.documentElement, MAX_NESTING);
  revealStreamedContent(document);
  return document;
}

/**
 * Gathers what a page puts beside its <body> into it, in page order: elements between </head>
 * and <body> (a stray <script>) and a second <body> stay children of <html> when parsed, and
 * one of them before the body, or an empty first body, hides the article from whatever reads
 * document.body.
 */
function settleStrayElements(document: Document): void {
  const html = document.documentElement;
  const children = Array.from(html.children).filter((child) => child.tagName !== 'HEAD');
  const body = children.find((child) => child.tagName === 'BODY');
  if (!body || children.length === 1) return;
  const at = children.indexOf(body);
  const nodesOf = (element: Element): Node[] => (element.tagName === 'BODY' ? Array.from(element.childNodes) : [element]);
  const before = children.slice(0, at).flatMap(nodesOf);
  const after = children.slice(at + 1).flatMap(nodesOf);
  for (const node of before.reverse()) body.insertBefore(node, body.firstChild);
  for (const node of after) body.appendChild(node);
  for (const element of children) if (element !== body && element.tagName === 'BODY') element.remove();
}

/** Readability over the page after pre-cleaning at the given strength; changes the document. */
function readBody(document: Document, useClassHints: boolean, url: string | null, inspect?: (content: Element) => void): BodyAttempt {
  const removed = [...removeStandfirst(document), ...removeBoilerplate(document, { useClassHints })];
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    // Readability trips over some malformed trees; such a page yields no article rather than
    // failing the whole input.
    article = null;
  }
  if (!article?.content) return { text: '', removed };
  const content = article.content as Element;
  inspect?.(content);
  removed.push(...removeLinkParagraphs(content, url));
  const edges = removeEdgeBoilerplate(blockText(content));
  return { text: edges.text, removed: [...removed, ...edges.removed] };
}

/**
 * Characters of prose in a body: paragraphs long enough to be sentences and punctuated like
 * them. Counted in characters, not words, so that Chinese and Japanese text measures fairly.
 */
function proseLength(text: string): number {
  let total = 0;
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.length >= 40 && /[.!?。！？…"”»]/.test(paragraph)) total += paragraph.length;
  }
  return total;
}

// Below this much prose the page is an index, a video or an error page, not an article: about
// two short sentences. The shortest body among the Zyte benchmark's articles has 369 characters.
const MIN_ARTICLE_PROSE = 150;

/** Runs of 4 words of a text, as in the extraction benchmark's shingles. */
function wordRuns(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + 4 <= words.length; i++) runs.push(words.slice(i, i + 4).join(' '));
  return runs;
}

/** Share of a text's 4-word runs that also occur in another text. */
function containedShare(text: string, within: string): number {
  const inside = new Set(wordRuns(within));
  const runs = wordRuns(text);
  return runs.length ? runs.filter((run) => inside.has(run)).length / runs.length : 0;
}

/**
 * The JSON-LD articleBody as a fallback body, when it is much longer than what extraction found
 * and its text really is on the page (some sites put a teaser or another story there).
 */
function structuredBody(html: string, articleBody: string | null, extracted: string): string | null {
  if (!articleBody || articleBody.length < 500 || extracted.length >= articleBody.length * 0.5) return null;
  const page = parse(html);
  const pageText = blockText(page.body ?? page.documentElement);
  // Some sites put markup in articleBody: read it as a page fragment.
  const bodyText = /<\/?[a-z][^>]*>/i.test(articleBody) ? blockText(parse(articleBody).body) : articleBody;
  if (containedShare(bodyText, pageText) < 0.8) return null;
  return bodyText
    .split(/\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Extracts the article of an HTML page: its metadata from structured data and meta tags, and its
 * body as plain text (paragraphs separated by one blank line), "" when the page has no article.
 * `url` is where the page came from; relative canonical links resolve against it.
 */
/**
 * Most elements a page may have. Parsing costs memory and time in proportion to the elements
 * (a million take seconds and gigabytes); the largest of 1,201 real news pages of the
 * evaluation sets has under 4,000, so 100,000 leaves room for any real article page.
 */
export const MAX_HTML_ELEMENTS = 100_000;

/** Opening tags in `html`, counted without parsing it; stops counting past `limit`. */
export function countElements(html: string, limit = Infinity): number {
  let n = 0;
  for (let at = html.indexOf('<'); at >= 0 && n <= limit; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/** Refuses, naming `input`, a page too large to parse at a bounded cost. */
export function checkPageSize(html: string, input: string): void {
  if (countElements(html, MAX_HTML_ELEMENTS) > MAX_HTML_ELEMENTS) {
    throw new InputError(input, `the page has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements, too many for a news article`);
  }
}

export function extractFromHtml(html: string, options: { url?: string | null } = {}): ExtractedPage {
  const document = parse(html);
  const meta = readMetadata(document, options.url ?? null);
  let body = readBody(document, true, options.url ?? null);
  // Too little survived, or a single removed block outweighs the body: the class words probably
  // hit the article's own container. Retry with them switched off, as readability itself retries
  // with one rule off at a time.
  const longestRemoved = body.removed.reduce((longest, r) => Math.max(longest, r.text.length), 0);
  if (body.text.length < 250 || longestRemoved > body.text.length) {
    const looser = readBody(parse(html), false, options.url ?? null);
    if (body.text.length < looser.text.length * 0.5) body = looser;
  }
  const structured = structuredBody(html, meta.articleBody, body.text);
  if (structured) body = { text: structured, removed: body.removed };
  let text = body.text;
  const removed = body.removed;
  if (proseLength(text) < MIN_ARTICLE_PROSE) {
    if (text) removed.push({ reason: 'no article on the page', text });
    text = '';
  }
  return {
    title: meta.title,
    byline: meta.byline,
    outlet: meta.outlet,
    published: meta.published,
    url: meta.url,
    text,
    // Reasons read as the cleaning stage's slugs do ("share buttons" -> "share-buttons").
    removed: removed.map((r) => ({ reason: r.reason.trim().toLowerCase().replace(/\s+/g, '-'), text: r.text })),
  };
}

/** Every source of the page's published date, as decideDate weighs them (for the evaluator). */
export function pageDateEvidence(html: string, url: string | null): DateEvidence {
  const document = parse(html);
  const nodes = jsonLdNodes(document);
  return dateEvidence(document, indexMeta(document), articleNode(nodes), url);
}

/** The link-dense blocks of the page's body as extraction first finds it (for fitting the model). */
export function pageLinkBlocks(html: string, url: string | null): LinkBlock[] {
  let blocks: LinkBlock[] = [];
  readBody(parse(html), true, url, (content) => (blocks = linkBlocks(content, url)));
  return blocks;
}
