// The cleaning stage: RawArticle -> Article. The body is cut into blocks (paragraphs, or lines
// of scraped text), and the rules of rules/index.ts run over them in a fixed order; each rule
// drops blocks with a reason slug, recorded in Article.removed in reading order.
//
// Reason slugs (stable; later stages may rely on them):
//   title, repeated-headline, date-line (dates the article), timestamp (a bare date or time
//   below the body), dateline (wire prefix cut from the first paragraph), masthead, byline,
//   sign-off, author-bio, photo-caption, photo-credit, image, reader-comments, leave-a-reply,
//   related-links, tags, share-counter, share-widget, social-prompt, tweet-signature,
//   advertisement, newsletter-prompt, paywall-prompt, cookie-prompt, copyright,
//   republication-note, editor-note, navigation, page-furniture, section-heading, duplicate,
//   separator, front-matter, link-reference, code-block, embedded-post (a tweet or Instagram
//   post flattened into the text), site-notice (help texts of the embedding or archiving site),
//   media-widget (video players, galleries), highlights (a page's summary bullets),
//   author-contact (how to reach or follow the author), truncated-text (a paragraph cut off
//   with an ellipsis where a preview ends).
//
// Subheads are removed ("section-heading"): they are not sentences, and once the text is
// split they would read as one-word sentences or run into the next sentence. The removal
// records them, so a caller that wants them can put them back.
import type { Article, RawArticle } from '../types.js';
import { textToBlocks } from './blocks.js';
import { isProse, wordCount, words } from './cues.js';
import { statedDates } from './dates.js';
import { CleaningDoc, type Block } from './document.js';
import { markdownToBlocks } from './markdown.js';
import { CLEANING_RULES, type CleaningRule } from './rules/index.js';

export { CLEANING_RULES } from './rules/index.js';
export type { CleaningRule } from './rules/index.js';
export { CleaningDoc } from './document.js';
export type { Block, Metadata } from './document.js';
export { isPhotoCaption, isPhotoCredit } from './rules/captions.js';
export { dateLine, statedDates } from './dates.js';
export { markdownToBlocks, visibleText } from './markdown.js';
export { textToBlocks } from './blocks.js';

export interface CleanOptions {
  /** Rules to run instead of CLEANING_RULES (to switch one off, or to test one alone). */
  rules?: readonly CleaningRule[];
}

/** A title when the article states none: its first sentence, cut at a word boundary. */
function titleFromText(text: string, fallback: string): string {
  const first = text.split('\n\n').find((p) => isProse(p, 3)) ?? text.split('\n\n')[0] ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  const ws = words(sentence);
  if (ws.length === 0) return fallback;
  if (ws.length <= 16) return sentence.replace(/[.]$/, '');
  // Cut after the 16th word, at the end of that word in the original text.
  let count = 0;
  const cut = sentence.replace(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu, (w) => (++count <= 16 ? w : '\u0000'));
  return cut.slice(0, cut.indexOf('\u0000')).trim().replace(/[,;:–—-]$/, '') + '…';
}

/** A published date as found in metadata, reduced to YYYY-MM-DD, YYYY-MM or YYYY. */
function normalizePublished(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(v)) return v;
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(v);
  if (iso) return iso[1];
  return statedDates(v)[0]?.value ?? null;
}

// Rules that judge a block by where it sits can, on an unusual page, take the article itself
// for noise (a subhead "Comments" opening the rest of a story about comments). As Readability
// does, when too little survives, run again with one of them switched off at a time.
const POSITIONAL_RULES = ['removeReaderComments', 'removeRelatedLinks', 'removeTrailingTeasers', 'removeHeaderFurniture', 'removeSectionHeadings'];
// A news article body is rarely under 40 words; an input of twice that which comes out
// smaller has probably been over-cleaned.
const MIN_KEPT_WORDS = 40;

/**
 * Keep only the article: drop comments, teasers, widgets, captions, credits, headings and
 * header lines, each with the reason; take the title, date, outlet and byline from the
 * header lines when the input's metadata lacks them. Paragraphs end up separated by one
 * blank line.
 */
export function cleanArticle(raw: RawArticle, options: CleanOptions = {}): Article {
  const rules = options.rules ?? CLEANING_RULES;
  const first = runRules(raw, rules);
  if (wordCount(first.text) >= MIN_KEPT_WORDS || wordCount(raw.body) < 2 * MIN_KEPT_WORDS) return first;
  for (const name of POSITIONAL_RULES) {
    if (!rules.some((r) => r.name === name)) continue;
    const retry = runRules(raw, rules.filter((r) => r.name !== name));
    if (wordCount(retry.text) >= MIN_KEPT_WORDS) return retry;
  }
  return first;
}

function runRules(raw: RawArticle, rules: readonly CleaningRule[]): Article {
  let blocks: Block[];
  const meta = {
    title: raw.title?.trim() || null,
    published: normalizePublished(raw.published),
    outlet: raw.outlet?.trim() || null,
    byline: raw.byline?.trim() || null,
  };
  let inline: { block: number; removal: { reason: string; text: string } }[] = [];
  if (raw.format === 'markdown') {
    const md = markdownToBlocks(raw.body);
    blocks = md.blocks;
    inline = md.inline;
    meta.title ??= md.frontMatter.title;
    meta.published ??= normalizePublished(md.frontMatter.date);
    meta.byline ??= md.frontMatter.author;
  } else {
    blocks = textToBlocks(raw.body);
  }

  const doc = new CleaningDoc(blocks, meta, raw.format);
  for (const x of inline) doc.note(x.block, x.removal);
  for (const rule of rules) rule.run(doc);

  const text = doc
    .kept()
    .map((i) => doc.blocks[i].text)
    .filter((t) => t !== '')
    .join('\n\n');
  const found = doc.resolved();
  return {
    id: raw.id,
    path: raw.path,
    title: found.title ?? titleFromText(text, raw.id),
    url: raw.url,
    published: found.published,
    outlet: found.outlet,
    byline: found.byline,
    text,
    removed: [...raw.removed, ...doc.removals()],
  };
}
