import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Removal } from '../types.js';
import { readMetadata } from './html-metadata.js';
import { blockText } from './html-text.js';

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

export function extractFromHtml(html: string, options: { url?: string | null } = {}): ExtractedPage {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const meta = readMetadata(document, options.url ?? null);
  const r = new Readability<Node>(document, { serializer: (node) => node }).parse();
  const text = r?.content ? blockText(r.content) : '';
  return { title: meta.title, byline: meta.byline, outlet: meta.outlet, published: meta.published, url: meta.url, text, removed: [] };
}
