// Pre-cleaning before readability: drops the blocks around an article that news templates mark
// by tag, ARIA role or class/id words (navigation, share bars, related stories, newsletter
// sign-ups, captions, bylines, comments, hidden pop-ups). Readability scores containers by their
// text, so a related-stories list with long teasers inside the article container otherwise survives
// its conditional cleaning; removing such blocks first is the "better pre-cleaning" that
// boilerplate-aware extractors (trafilatura, newspaper) rely on.

import type { Removal } from '../types.js';
import { blockText } from './html-text.js';

/** Tags that never hold article prose. */
const NEVER_ARTICLE: Record<string, string> = {
  SCRIPT: 'script',
  STYLE: 'style',
  NOSCRIPT: 'script fallback',
  TEMPLATE: 'template',
  IFRAME: 'embedded frame',
  NAV: 'navigation',
  BUTTON: 'button',
  SELECT: 'form control',
  TEXTAREA: 'form control',
  FORM: 'form',
  FIGCAPTION: 'image caption',
  DIALOG: 'dialog',
};

/** ARIA roles of page furniture. */
const ROLES: Record<string, string> = {
  navigation: 'navigation',
  banner: 'site header',
  contentinfo: 'site footer',
  complementary: 'sidebar',
  dialog: 'dialog',
  alertdialog: 'dialog',
  menu: 'navigation',
  menubar: 'navigation',
  search: 'search box',
  tooltip: 'pop-up',
};

/**
 * Words of class and id attributes that name page furniture, and the reason reported for
 * dropping it. Matched as whole words of the attribute split at spaces, dashes, underscores and
 * camelCase humps, so "article-share-bar" hits "share" while "shareholders" does not.
 */
const HINTS: Array<[RegExp, string]> = [
  [/^(?:share|sharing|sharebar|sharetools|social|socials|sociallinks|addthis|sharethis)$/, 'share buttons'],
  [/^(?:related|recommended|recommendations|recirc|recirculation|morestories|moreon|alsolike|readmore|readnext|upnext|whatsnext|trending|mostpopular|mostread|popular|outbrain|taboola|zergnet|teaser|teasers|promo|promos|crosslinks)$/, 'related links'],
  [/^(?:newsletter|newsletters|subscribe|subscription|signup|optin|registration|paywall|regwall|piano)$/, 'newsletter or subscription'],
  [/^(?:comment|comments|commenting|disqus|discussion|replies|respond)$/, 'comments'],
  [/^(?:ad|ads|advert|adverts|advertisement|advertising|adslot|adunit|dfp|gpt|sponsor|sponsored|commercial|affiliate)$/, 'advertisement'],
  [/^(?:caption|captions|credit|credits|imagecredit|photocredit)$/, 'image caption'],
  [/^(?:byline|bylines|author|authors|dateline|timestamp|datetime|published|pubdate|updated|postmeta|entrymeta|meta)$/, 'byline or date'],
  [/^(?:breadcrumb|breadcrumbs|nav|navbar|navigation|menu|masthead|pagination|pager)$/, 'navigation'],
  [/^(?:sidebar|aside|rail)$/, 'sidebar'],
  [/^(?:cookie|cookies|consent|gdpr|privacybanner)$/, 'cookie notice'],
  [/^(?:rollover|tooltip|popover|popup|modal|overlay|hovercard|lightbox)$/, 'pop-up'],
  [/^(?:tags|tag|taglist|keywords|topics)$/, 'tag list'],
];

// Containers never removed by class words: templates put words like "has-sidebar" or
// "comments-open" on the page or article wrapper itself.
const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Splits a class or id value into lower-case words at separators and camelCase humps. */
export function hintWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Templates repeat the same class strings many times on a page.
const reasonCache = new Map<string, string | null>();

function cachedReason(attributes: string): string | null {
  if (!attributes.trim()) return null;
  const cached = reasonCache.get(attributes);
  if (cached !== undefined) return cached;
  const reason = reasonOfWords(attributes);
  if (reasonCache.size > 50_000) reasonCache.clear();
  reasonCache.set(attributes, reason);
  return reason;
}

function hintReason(element: Element): string | null {
  const byClass = cachedReason(element.getAttribute('class') ?? '');
  if (byClass) return byClass;
  const id = element.getAttribute('id') ?? '';
  const byId = cachedReason(id);
  return byId && !isTextSlug(id, element) ? byId : null;
}

/**
 * Whether an id is an anchor made from the element's own words ("h-what-is-social-shopping" on
 * the subhead "What is social shopping?"), as publishing tools give headings and sections so
 * that they can be linked to. Such an id names the text, not the template: its words say
 * nothing about whether the block is furniture.
 */
function isTextSlug(id: string, element: Element): boolean {
  const idWords = hintWords(id).filter((w) => w.length > 1 && !/^\d+$/.test(w));
  if (idWords.length < 2) return false;
  const text = new Set(hintWords((element.textContent ?? '').slice(0, 300)));
  return idWords.every((w) => text.has(w));
}

function reasonOfWords(attributes: string): string | null {
  const words = hintWords(attributes);
  // Joined neighbours catch compounds written with separators ("more-stories", "read-more").
  const pairs = words.slice(1).map((word, i) => words[i] + word);
  for (const [pattern, reason] of HINTS) {
    if (words.some((w) => pattern.test(w)) || pairs.some((w) => pattern.test(w))) return reason;
  }
  return null;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /display:none|visibility:hidden/.test(style);
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Length of text inside <p> elements: a rough measure of how much article prose a block holds. */
function paragraphTextLength(element: Element): number {
  let total = 0;
  for (const p of Array.from(element.querySelectorAll('p'))) total += textLength(p);
  return total;
}

/**
 * Replaces the links inside block quotes by their text. Embedded posts (tweets and the like)
 * are quotations full of links (handles, t.co, the date), and readability's link-density rule
 * would otherwise throw them out as navigation although the story quotes them.
 */
function unlinkQuotes(root: Element): void {
  for (const link of Array.from(root.querySelectorAll('blockquote a'))) {
    link.replaceWith(...Array.from(link.childNodes));
  }
}

/**
 * A story card: an <article> element that only points to another story (a link, a headline, a
 * line of teaser) among the page's own. Pages mark up related-story grids this way; the story
 * itself is the <article> holding the prose.
 */
function isTeaserCard(element: Element, pageProse: number): boolean {
  if (!element.querySelector('a[href]')) return false;
  const text = textLength(element);
  return text < 400 && paragraphTextLength(element) < pageProse * 0.3;
}

export interface BoilerplateOptions {
  /** Drop blocks by class/id words (the risky rule; tags, roles and hidden markup always go). */
  useClassHints: boolean;
}

/**
 * Removes page furniture from the document in place and returns what it removed and why.
 * A block named like furniture is still kept when it holds a large share of the page's
 * paragraph text, since then the name belongs to the article's own container.
 */
export function removeBoilerplate(document: Document, options: BoilerplateOptions = { useClassHints: true }): Removal[] {
  const removed: Removal[] = [];
  const body = document.body ?? document.documentElement;
  if (!body) return removed;
  const pageProse = Math.max(1, paragraphTextLength(body));
  // Story cards only come in numbers; a lone <article> is the story, however short.
  const articleCount = body.querySelectorAll('article').length;

  const drop = (element: Element, reason: string, silent = false): void => {
    if (!silent) {
      // Block-aware text, so that list items and headings do not run together in the report.
      const text = blockText(element).replace(/\s+/g, ' ').trim();
      if (text) removed.push({ reason, text });
    }
    element.remove();
  };

  /** Decides on one element; false when it was dropped (its subtree then needs no visit). */
  const keep = (element: Element): boolean => {
    const tag = element.tagName.toUpperCase();
    const byTag = NEVER_ARTICLE[tag];
    if (byTag) {
      // Some sites wrap the whole page in a <form> (ASP.NET) or a <nav>-like shell: keep those.
      const silent = tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE';
      if (!silent && paragraphTextLength(element) >= pageProse * 0.3) return true;
      drop(element, byTag, silent);
      return false;
    }
    if (tag === 'ARTICLE' && articleCount > 1 && isTeaserCard(element, pageProse)) {
      drop(element, 'related links');
      return false;
    }
    if (KEEP_TAGS.has(tag)) return true;
    if (isHidden(element) || element.getAttribute('aria-hidden') === 'true') {
      if (paragraphTextLength(element) >= pageProse * 0.3) return true;
      drop(element, 'hidden');
      return false;
    }
    const byRole = ROLES[(element.getAttribute('role') ?? '').toLowerCase()];
    const reason = byRole ?? (options.useClassHints ? hintReason(element) : null);
    if (!reason) return true;
    // A link inside running prose is words of the sentence, whatever its class says
    // (auto-tagged names, author links in a quote): dropping it would cut the sentence.
    if (!byRole && tag === 'A' && element.closest('p')) return true;
    // A pop-up's trigger wraps the visible word and the pop-up itself: drop only the pop-up.
    if (reason === 'pop-up' && Array.from(element.querySelectorAll('[class], [id]')).some((inner) => hintReason(inner) === 'pop-up')) {
      return true;
    }
    // Embedded posts (tweets, Instagram) sit in "social" containers but are quoted in the story:
    // keep them, and take away the class words readability would also hold against them.
    if (element.querySelector('blockquote')) {
      element.removeAttribute('class');
      element.removeAttribute('id');
      return true;
    }
    // Furniture words on the article's own wrapper: keep the wrapper, its children are still examined.
    if (paragraphTextLength(element) >= pageProse * 0.3) return true;
    drop(element, reason);
    return false;
  };
  // firstElementChild/nextElementSibling: linkedom builds `children` by scanning the subtree.
  const visit = (element: Element): void => {
    for (let child = element.firstElementChild; child; ) {
      const next = child.nextElementSibling;
      if (keep(child)) visit(child);
      child = next;
    }
  };

  unlinkQuotes(body);
  visit(body);
  return removed;
}

/** Class words of the summary line news templates print under the headline. */
const STANDFIRST_WORDS = new Set(['standfirst', 'dek', 'subheadline', 'subhead', 'subtitle', 'lead', 'lede', 'abstract', 'intro', 'strapline', 'kicker']);

function normalizedWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * Removes the standfirst: the summary under the headline that repeats the page's meta
 * description. It is the headline's companion, not the story's first paragraph, when the page
 * marks it so: inside a <header>, labelled as a description, or classed as a lead or dek. A
 * first paragraph that merely equals the description (sites often copy it there) is kept.
 */
export function removeStandfirst(document: Document): Removal[] {
  const descriptions = new Set(
    Array.from(document.querySelectorAll('meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]'))
      .map((meta) => normalizedWords(meta.getAttribute('content') ?? ''))
      .filter((text) => text.length >= 20),
  );
  const removed: Removal[] = [];
  if (!descriptions.size || !document.body) return removed;
  const candidates = new Set(['P', 'H2', 'H3', 'H4', 'DIV', 'SPAN']);
  const marks = new Map<string, boolean>();
  const isMarked = (element: Element): boolean => {
    if (element.getAttribute('itemprop') === 'description') return true;
    const attributes = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    let marked = marks.get(attributes);
    if (marked === undefined) {
      const words = hintWords(attributes);
      const joined = words.slice(1).map((word, i) => words[i] + word);
      marked = [...words, ...joined].some((w) => STANDFIRST_WORDS.has(w));
      marks.set(attributes, marked);
    }
    return marked;
  };
  // One walk down the tree, carrying whether we are inside a <header> and how many levels up the
  // nearest lead/dek-classed ancestor is: attribute look-ups only, text only for marked blocks.
  const visit = (element: Element, inHeader: boolean, sinceMark: number): void => {
    for (let child = element.firstElementChild, next: Element | null; child; child = next) {
      next = child.nextElementSibling;
      const tag = child.tagName.toUpperCase();
      const header = inHeader || tag === 'HEADER';
      const distance = isMarked(child) ? 0 : sinceMark + 1;
      if (candidates.has(tag) && (header || distance <= 2) && descriptions.has(normalizedWords(child.textContent ?? ''))) {
        removed.push({ reason: 'standfirst', text: (child.textContent ?? '').replace(/\s+/g, ' ').trim() });
        child.remove();
        continue;
      }
      visit(child, header, distance);
    }
  };
  visit(document.body, false, 99);
  return removed;
}

/** Elements kept when flattening: they carry the paragraph structure, and cannot nest deeply. */
const STRUCTURAL = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'PRE', 'HR']);

/**
 * Unwraps elements nested deeper than `maxDepth`, keeping their content in place. Readability's
 * scoring costs grow steeply with nesting (about 30 s for 1,000 nested divs on linkedom, and no
 * end in sight for 5,000), while real pages stay shallow: the deepest of the Zyte benchmark's
 * 111 pages nests 50 levels. A page nested deeper is degenerate or hostile; flattening it keeps
 * its text and keeps extraction fast. Iterative, so no depth can overflow the call stack.
 */
export function flattenDeepNesting(root: Element, maxDepth: number): number {
  const tooDeep: Element[] = [];
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (depth + 1 > maxDepth && !STRUCTURAL.has(child.tagName.toUpperCase())) tooDeep.push(child);
      stack.push([child, depth + 1]);
    }
  }
  // Deepest first, so that every unwrapped element's content has already been flattened.
  for (let i = tooDeep.length - 1; i >= 0; i--) {
    const element = tooDeep[i];
    element.replaceWith(...Array.from(element.childNodes));
  }
  return tooDeep.length;
}

/**
 * Puts streamed server-rendered content where the page's script would: React streaming sends a
 * late part of the page as `<div hidden id="S:n">` at the end of the body, and a script moves it
 * into the placeholder `<template id="B:n">` left in place. Without scripts that part (often
 * the whole article) stays hidden. Returns how many parts were put in place.
 */
export function revealStreamedContent(document: Document): number {
  let revealed = 0;
  for (const part of Array.from(document.querySelectorAll('div[hidden]'))) {
    const id = /^S:(\d+)$/.exec(part.getAttribute('id') ?? '');
    if (!id) continue;
    const placeholder = document.getElementById(`B:${id[1]}`);
    part.removeAttribute('hidden');
    if (placeholder && placeholder.parentNode && !part.contains(placeholder)) {
      while (part.firstChild) placeholder.parentNode.insertBefore(part.firstChild, placeholder);
      part.remove();
    }
    revealed++;
  }
  return revealed;
}
