import type { CleaningDoc } from '../document.js';
import { endsLikeSentence, isProse, wordCount } from '../cues.js';
import type { CleaningRule } from './rule.js';

// Cues that open a teaser for another story. Each needs a separator (":", "|", "-", "»") or
// to stand alone as the whole line, so that "Read more about it, she said." stays.
const TEASER_CUE =
  /^\[?\s*(?:more news|more stories|related(?: stories| articles| coverage| content| links?| posts| news| reading| videos?| photos| galleries| topics)?(?: (?:on|from) [^:|]{1,30})?|also|read more|read also|also read|also see|see also|more from [^:|]{1,40}|more on [^:|]{1,40}|more|recommended(?: for you| reading| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|further reading|watch|watch now|listen|video|also on [^:|]{1,30}|read next|up next|don't miss|most read|most popular|popular now|top stories|trending(?: now)?|editor'?s'? picks|from around the web|in other news|previously|next article|previous article|latest news|more headlines|related video|must read|explore more|read(?=\s*[:|]))\s*(?:[:|»›>–—-]|$)/i;

// "For live updates, click here", "(Read the entire story...CLICK HERE)", "Click for more from
// X", "Please wait while you are redirected...or Click Here": a link, not a sentence.
function isClickPrompt(text: string): boolean {
  if (wordCount(text) > 30) return false;
  return (
    /\bclick here\b[^.!?]{0,40}[.!)]?\)?$/i.test(text) && wordCount(text) <= 20 ||
    /^\(?(?:read|see|watch) (?:the )?(?:entire|full|whole) (?:story|article|video)\b.{0,20}\bclick here\b/i.test(text) ||
    /^click (?:for|to) (?:more|read|see|watch|view)\b/i.test(text) ||
    /^please wait while you are redirected\b/i.test(text) ||
    /\bclick here to (?:read|learn|see|find out) more about this (?:tool|feature|service)\b/i.test(text)
  );
}

function isTeaser(text: string): boolean {
  if (isClickPrompt(text)) return true;
  // A linked headline in square brackets between paragraphs: "[Storm closes the pier]".
  // (A headline: opens with a capital, five words or more; not a credit "[Photo=X]" nor a
  // reference "[Smith no. 1997, p. 41]".)
  if (/^\[["“‘']?[A-Z][^\[\]=]{10,200}\]$/.test(text) && !/\d{4}|\b(?:no|p|pp|hal|vol)\.\s?\d/.test(text) && wordCount(text) >= 5 && wordCount(text) <= 30) return true;
  // A headline with the link's label after it: "Storm closes the pier Read more".
  if (/^[^.!?]{10,200}\sRead more$/.test(text) && wordCount(text) <= 30) return true;
  // A teaser cut off before its link: "Owner looks for a new publisher; several... More."
  if (/(?:\.{3}|…)\s*More\.?$/.test(text) && wordCount(text) <= 30) return true;
  // Another outlet's or column's teaser: "FROM COINAGE: The ten most ...".
  if (/^FROM [A-Z][A-Z&' ]{1,30}:\s/.test(text) && wordCount(text) <= 25) return true;
  if (/^[^.!?]{0,80}\bhere:\s*https?:\/\/\S+$/i.test(text) && wordCount(text) <= 20) return true;
  if (/^\[\s*(?:related|see also|read more|more)\b[^\]]*\]$/i.test(text)) return true;
  if (/^click here\b/i.test(text) && wordCount(text) <= 30) return true;
  if (/^(?:check out|see|view|watch|read|explore) (?:the full|our full|more|all|the latest)\b/i.test(text) && wordCount(text) <= 20 && /!$|:$|[^.!?]$/.test(text)) return true;
  const cue = TEASER_CUE.exec(text);
  if (!cue) return false;
  // A teaser is a cue and a headline; a long paragraph after "More:" is still article text.
  return wordCount(text) <= 30;
}

/** A heading that introduces a list of teasers ("More from the Herald:", "Related stories"). */
function isTeaserListHeading(text: string): boolean {
  return TEASER_CUE.test(text) && text.replace(TEASER_CUE, '').trim() === '';
}

/**
 * Related-link teasers: "More news: ...", "Related: ...", "Read more ...", "[Related: ...]",
 * and the headline list under a "More from X:" heading.
 */
export const removeRelatedLinks: CleaningRule = {
  name: 'removeRelatedLinks',
  run(doc: CleaningDoc) {
    const kept = doc.kept();
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k];
      const text = doc.blocks[i].text;
      if (!isTeaser(text)) continue;
      doc.drop(i, 'related-links');
      if (!isTeaserListHeading(text)) continue;
      // The headlines listed under it, up to the next paragraph of prose.
      for (let j = k + 1; j < kept.length; j++) {
        const t = doc.blocks[kept[j]].text;
        if (isProse(t) || wordCount(t) > 25) break;
        doc.drop(kept[j], 'related-links');
      }
    }
  },
};

/** The punctuation skeleton of a line: "Team A (Group 1): 3rd" -> "():". */
function shape(text: string): string {
  return text.replace(/[\p{L}\p{N}\s]+/gu, '');
}

/**
 * Lines that share one punctuation skeleton are rows of a list or table ("Team A (Group 1):
 * 3rd place", "May 4 -- City Arena, Springfield, IL"), not a set of
 * unrelated headlines.
 */
function looksLikeDataList(texts: string[]): boolean {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const s = shape(t);
    if (s !== '') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values()) * 2 >= texts.length;
}

/**
 * Lines no teaser headline is: a table's row (cells set apart by " | ", as extraction writes
 * them) and a reference giving its address ("Smith, J. (2024). Title. Site. https://...").
 */
function isRowOrReference(text: string): boolean {
  return (text.match(/ \| /g) ?? []).length >= 2 || /(?:https?:\/\/|www\.)\S/.test(text);
}

/**
 * Teaser headlines at the very end of the page: two or more headline-shaped lines (no
 * sentence ending) after the last paragraph. Runs after section headings have been judged,
 * so one closing subhead alone is not taken for a list of links.
 */
export const removeTrailingTeasers: CleaningRule = {
  name: 'removeTrailingTeasers',
  run(doc) {
    const kept = doc.kept();
    const run: number[] = [];
    for (let k = kept.length - 1; k > 0; k--) {
      const t = doc.blocks[kept[k]].text;
      if (endsLikeSentence(t) || /\?$/.test(t) || wordCount(t) < 4 || wordCount(t) > 25 || doc.blocks[kept[k]].listItem || isRowOrReference(t)) break;
      run.push(kept[k]);
    }
    if (run.length < 2 || looksLikeDataList(run.map((i) => doc.blocks[i].text))) return;
    for (const i of run) doc.drop(i, 'related-links');
  },
};
