// The cleaning stage: RawArticle -> Article. The body is cut into blocks (paragraphs, or lines
// of scraped text), and the rules of rules/index.ts run over them in a fixed order; each rule
// drops blocks with a reason slug, recorded in Article.removed in reading order.
//
// Reason slugs (stable; later stages may rely on them):
//   title, repeated-headline, date-line (dates the article), timestamp (a bare date or time
//   below the body), dateline (wire prefix cut from the first paragraph, or from a later one
//   that names its agency), masthead, byline,
//   sign-off, author-bio, photo-caption, photo-credit, image, reader-comments, leave-a-reply,
//   related-links, tags, share-counter, share-widget, social-prompt, tweet-signature,
//   advertisement, newsletter-prompt, paywall-prompt, cookie-prompt, copyright,
//   republication-note, editor-note, disclaimer (opinion disclaimers, press releases' safe-harbour
//   paragraphs), navigation, page-furniture, section-heading, duplicate,
//   separator, front-matter, link-reference, code-block, embedded-post (a tweet or Instagram
//   post flattened into the text), site-notice (help texts of the embedding or archiving site),
//   media-widget (video players, galleries), highlights (a page's summary bullets),
//   author-contact (how to reach or follow the author), truncated-text (a paragraph cut off
//   with an ellipsis where a preview ends), reference (a study's bibliographic reference).
//
// Subheads are kept out of `text` ("section-heading"): they are not sentences, and once the text
// is split they would read as one-word sentences or run into the next sentence. They are still
// part of the article: `withSubheads` is the text with them in place, which is what `precis
// extract` prints (without them, F1 against hand-checked bodies falls by 0.017 on WCXB).
import type { Article, RawArticle } from '../types.js';
import { textToBlocks } from './blocks.js';
import { firstSentence, hasAtLeastWords, isProse, words } from './cues.js';
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
export { firstSentence } from './cues.js';

export interface CleanOptions {
  /** Rules to run instead of CLEANING_RULES (to switch one off, or to test one alone). */
  rules?: readonly CleaningRule[];
}

// Titles when the article states none (JSON/JSONL input with "text" only, scraped pages).
// The choice: the first line is the title only when it reads as a headline (takeTitle and
// looksLikeHeadline in rules/header.ts: 4 to 20 words, one sentence, no closing full stop or
// ellipsis, opens with a capital); it is then removed from the text with the reason "title".
// Above the body of scraped text, a line opening in lower case or with a symbol is page
// furniture (a widget, a teaser), never a title. A first line
// that is a full sentence, a caption, a credit or a teaser stays in the text, and the title is
// derived from the first sentence of the text instead: whole when short, otherwise cut at
// the last clause boundary (a comma, a dash, a colon, or before "who", "after", "as", ...)
// that leaves a readable phrase, with "…" to say it was cut. A derived title is never
// recorded as removed, since its words are still in the text.

// Derived titles stay headline-sized: 16 words is the length of a long news headline
// (headlines mostly run 8-14 words).
const MAX_DERIVED_TITLE_WORDS = 16;
// A cut leaves at least this many words, so the title still says who did what.
const MIN_DERIVED_TITLE_WORDS = 6;

// Words before which a clause or a phrase starts: a cut there leaves a whole clause.
const CLAUSE_OPENERS = new Set(
  'who whom whose which that when where while after before because as since although though if unless until amid despite following according in on at for with from by during over under into near'.split(' '),
);

// Words a phrase does not end on.
const FUNCTION_WORDS = new Set('a an the and or but nor of to its his her their our my your this these those than is are was were be been has have had will would can could may might must should'.split(' '));

/** A title when the article states none: its first sentence, cut at a clause boundary. */
export function titleFromText(text: string, fallback: string): string {
  const paragraphs = text.split('\n\n');
  // (A paragraph cut off with an ellipsis is a teaser: the title comes from the story.)
  const first = paragraphs.find((p) => isProse(p, 3) && !/(?:\.{3}|…)$/.test(p)) ?? paragraphs.find((p) => isProse(p, 3)) ?? paragraphs[0] ?? '';
  // (A dash, a bullet or a stray control character left at the front of the paragraph, as a
  // mis-decoded dash is, is not part of the title.)
  const sentence = firstSentence(first).trim().replace(/^[—–•*\p{Cc}\s-]+/u, '');
  const ws = words(sentence);
  if (ws.length === 0) return fallback;
  if (ws.length <= MAX_DERIVED_TITLE_WORDS) return sentence.replace(/(?<!\b\p{Lu})[.]$/u, '');
  // Where each word ends, and what follows it.
  const ends: { end: number; word: string; next: string; punct: string }[] = [];
  // Numbers keep their thousands ("$40,000" is one word, never cut after "$40").
  const wordRe = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]|,(?=\d{3}))*/gu;
  for (let m = wordRe.exec(sentence); m !== null; m = wordRe.exec(sentence)) {
    let end = m.index + m[0].replace(/[.]$/, '').length;
    // A closing quote or bracket right after the word goes with it.
    end += /^[)\]"”’]*/.exec(sentence.slice(end))?.[0].length ?? 0;
    const rest = sentence.slice(end);
    ends.push({ end, word: m[0].toLowerCase(), punct: /^\s*([,;:–—(]|--|\s-\s)/.exec(rest)?.[1] ?? '', next: /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(rest)?.[1]?.toLowerCase() ?? '' });
  }
  const window = ends.slice(MIN_DERIVED_TITLE_WORDS - 1, MAX_DERIVED_TITLE_WORDS);
  // The latest boundary in reach; failing one, the last word that can end a phrase.
  const canEnd = (e: { word: string }) => !CLAUSE_OPENERS.has(e.word) && !FUNCTION_WORDS.has(e.word);
  const boundary = window.filter((e) => canEnd(e) && (e.punct !== '' || CLAUSE_OPENERS.has(e.next))).pop();
  const cut = boundary ?? window.filter(canEnd).pop() ?? window[window.length - 1];
  let title = sentence.slice(0, cut.end).trim();
  // A quotation cut before its end loses its opening mark rather than dangle open.
  if (/^["“]/.test(title) && !/["”]/.test(title.slice(1))) title = title.slice(1);
  return title + '…';
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
  if (hasAtLeastWords(first.text, MIN_KEPT_WORDS) || !hasAtLeastWords(raw.body, 2 * MIN_KEPT_WORDS)) return first;
  for (const name of POSITIONAL_RULES) {
    if (!rules.some((r) => r.name === name)) continue;
    const retry = runRules(raw, rules.filter((r) => r.name !== name));
    if (hasAtLeastWords(retry.text, MIN_KEPT_WORDS)) return retry;
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
  // Subheads are part of the article a reader sees (and of what extraction benchmarks count as
  // the body), but not sentences: they are kept out of `text` and put back in `withSubheads`.
  const shown = doc.blocks
    .map((b, i) => (doc.isKept(i) || doc.reasonOf(i) === 'section-heading' ? b.text : ''))
    .filter((t) => t !== '')
    .join('\n\n');
  return {
    id: raw.id,
    path: raw.path,
    title: found.title ?? titleFromText(text, raw.id),
    url: raw.url,
    published: found.published,
    outlet: found.outlet,
    byline: found.byline,
    text,
    ...(shown !== text ? { withSubheads: shown } : {}),
    removed: [...raw.removed, ...doc.removals()],
  };
}

/**
 * What `precis extract` prints of an article: the body as a reader sees it (subheads in place)
 * and what cleaning removed from it (the subheads, being back in the text, are not listed).
 */
export function readerView(article: Article): { text: string; removed: Article['removed'] } {
  if (article.withSubheads === undefined) return { text: article.text, removed: article.removed };
  return { text: article.withSubheads, removed: article.removed.filter((r) => r.reason !== 'section-heading') };
}
