// Link-dense blocks of the extracted body: keep or drop, by a small logistic model.
//
// A paragraph, list item or subhead that is mostly link text is either navigation ("read
// also" teasers, related-story lists, tag clouds) or part of the article (a listicle's linked
// entries, a guide's list of resources, a subhead linked to itself, a table of contents the
// author wrote). Link density alone (Kohlschütter et al., "Boilerplate Detection using Shallow
// Text Features", WSDM 2010) cannot tell them apart; where the links point and what the block
// looks like can: related stories link within the site and sit at the end, a listicle's
// entries link out to other sites and sit among the prose, a heading's own anchor stays on
// the page. The weights are fitted, not set by hand: see `npm run bench:extract -- --fit-links`.

import type { Removal } from '../types.js';

/** Blocks judged: those whose text is at least this share link text (the rest always stay). */
export const MIN_LINK_SHARE = 0.5;

export const LINK_BLOCK_FEATURES = [
  'bias',
  'linkShare', // share of the block's characters inside links (0.5 to 1)
  'heading', // an h2-h6 subhead
  'listItem', // an li, dd or dt
  'inPage', // share of the link text that points within the page (#anchor)
  'offSite', // share of the link text that points to another site
  'words', // log(1 + words) / 4
  'sentence', // ends as a sentence does (. ! ?)
  'linkedSiblings', // share of its sibling blocks that are link-dense too
  'position', // where it sits among the body's blocks: 0 first, 1 last
  'numbered', // opens with a number ("3. Kajabi", "10)")
] as const;

export type LinkBlockFeature = (typeof LINK_BLOCK_FEATURES)[number];
export type LinkBlockWeights = Record<LinkBlockFeature, number>;

/**
 * Fitted on half A of WCXB and of Zyte (173 pages, 590 blocks; `npm run bench:extract --
 * --fit-links --split A`), each block weighted by its words (at most 30), labelled by whether
 * its words run inside the page's true body. Five folds by page id (FNV-1a, as the halves):
 * held-out blocks 82.8% right with L2 0.001 (0.01: 80.7%, 0.1: 74.0%), where a link-share
 * threshold of 0.8 gets 44.2%. On the other halves: WCXB B 68.8% right (threshold 53.7%),
 * Zyte B 94.6% (threshold 94.9%, but dropping 5.1% of the words as article against 1.4%).
 */
export const LINK_BLOCK_WEIGHTS: LinkBlockWeights = {
  bias: 3.43,
  linkShare: -2.86,
  heading: 0.62,
  listItem: -0.21,
  inPage: -0.03,
  offSite: 3.81,
  words: -2.68,
  sentence: 0.86,
  linkedSiblings: 1.69,
  position: -1.41,
  numbered: 0.85,
};

const BLOCKS = 'p, li, h2, h3, h4, h5, h6, dd, dt';

function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Link text share of one block, and how much of its link text stays on the page or leaves the site. */
function linkProfile(element: Element, pageHost: string | null): { text: number; linked: number; inPage: number; offSite: number; written: number } {
  const text = squash(element.textContent).length;
  let linked = 0;
  let inPage = 0;
  let offSite = 0;
  let written = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) {
    const label = squash(link.textContent);
    const length = label.length;
    linked += length;
    if (/^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?$/i.test(label)) written += length;
    const href = (link.getAttribute('href') ?? '').trim();
    if (href.startsWith('#')) inPage += length;
    else if (/^(?:https?:)?\/\//i.test(href)) {
      const host = hostOf(href.startsWith('//') ? `https:${href}` : href);
      if (host && pageHost && host !== pageHost && !host.endsWith(`.${pageHost}`) && !pageHost.endsWith(`.${host}`)) offSite += length;
    }
  }
  return { text, linked, inPage, offSite, written };
}

export interface LinkBlock {
  element: Element;
  text: string;
  features: number[];
}

/** The link-dense blocks of an extracted body with their features, in reading order. */
export function linkBlocks(root: Element, pageUrl: string | null): LinkBlock[] {
  const pageHost = hostOf(pageUrl);
  const all = Array.from(root.querySelectorAll(BLOCKS));
  const profiles = new Map<Element, ReturnType<typeof linkProfile>>();
  const profile = (element: Element) => {
    let p = profiles.get(element);
    if (!p) profiles.set(element, (p = linkProfile(element, pageHost)));
    return p;
  };
  const dense = (element: Element) => {
    const p = profile(element);
    return p.text > 0 && p.linked / p.text >= MIN_LINK_SHARE;
  };
  const blocks: LinkBlock[] = [];
  all.forEach((element, index) => {
    const text = squash(element.textContent);
    if (!text || !dense(element)) return;
    const p = profile(element);
    // Addresses written out (a bare URL, "Tickets: www.example.org") are cited for the reader
    // to see, not links to click through: keep them.
    if (p.written === p.linked) return;
    const tag = element.tagName.toUpperCase();
    const siblings = element.parentElement ? Array.from(element.parentElement.children).filter((s) => s !== element && s.matches(BLOCKS)) : [];
    const words = text.split(' ').length;
    const values: Record<LinkBlockFeature, number> = {
      bias: 1,
      linkShare: Math.min(1, p.linked / p.text),
      heading: /^H[2-6]$/.test(tag) ? 1 : 0,
      listItem: tag === 'LI' || tag === 'DD' || tag === 'DT' ? 1 : 0,
      inPage: p.linked ? p.inPage / p.linked : 0,
      offSite: p.linked ? p.offSite / p.linked : 0,
      words: Math.log1p(words) / 4,
      sentence: /[.!?]["”’)]?$/.test(text) ? 1 : 0,
      linkedSiblings: siblings.length ? siblings.filter(dense).length / siblings.length : 0,
      position: all.length > 1 ? index / (all.length - 1) : 0,
      numbered: /^\d{1,3}[.):]\s/.test(text) ? 1 : 0,
    };
    blocks.push({ element, text, features: LINK_BLOCK_FEATURES.map((f) => values[f]) });
  });
  return blocks;
}

/** Probability that a link-dense block belongs to the article. */
export function keepProbability(features: number[], weights: LinkBlockWeights = LINK_BLOCK_WEIGHTS): number {
  const z = LINK_BLOCK_FEATURES.reduce((sum, f, i) => sum + weights[f] * features[i], 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Removes the link-dense blocks of an extracted body that the model judges navigation rather
 * than article ("link list"), and returns them.
 */
export function removeLinkParagraphs(root: Element, pageUrl: string | null, weights: LinkBlockWeights = LINK_BLOCK_WEIGHTS): Removal[] {
  const removed: Removal[] = [];
  for (const block of linkBlocks(root, pageUrl)) {
    // (An enclosing block already removed took this one with it.)
    if (!root.contains(block.element)) continue;
    if (keepProbability(block.features, weights) >= 0.5) continue;
    removed.push({ reason: 'link list', text: block.text });
    block.element.remove();
  }
  return removed;
}
