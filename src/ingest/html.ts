import type { Removal } from '../types.js';

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

// Placeholder until the extractor lands.
export function extractFromHtml(html: string, options: { url?: string | null } = {}): ExtractedPage {
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, '\n').replace(/\n\s*\n+/g, '\n\n').trim();
  return { title: null, byline: null, outlet: null, published: null, url: options.url ?? null, text, removed: [] };
}
