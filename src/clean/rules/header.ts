import type { CleaningDoc } from '../document.js';
import { comparable, endsLikeSentence, firstSentence, isAllCaps, isProse, isTitleCased, wordCount } from '../cues.js';
import { statedDates } from '../dates.js';
import { looksLikeOutlet } from '../outlets.js';
import type { CleaningRule } from './rule.js';

// A headline is short; a first line longer than this is the article's first paragraph
// (news headlines mostly run 8-14 words; 20 leaves room for long ones).
const MAX_TITLE_WORDS = 20;
// And rarely under four words: a shorter first line is a label ("Yes", "Excavation methods",
// "BBC News, Lima") more often than a headline.
const MIN_TITLE_WORDS = 4;

/**
 * A first line is a headline when it is short, does not end a sentence, and is capitalised
 * like a title: it opens with a capital, a digit or a quote (not "moms Classroom ...", not a
 * bullet or a widget's "×"). A line cut off with an ellipsis is a teaser, not a headline.
 */
export function looksLikeHeadline(text: string): boolean {
  const n = wordCount(text);
  if (n < MIN_TITLE_WORDS || n > MAX_TITLE_WORDS) return false;
  if (!/^["“‘'\p{Lu}\p{N}]/u.test(text)) return false;
  if (/(?:\.{2,}|…)\s*["”’]?$/.test(text)) return false;
  // Headlines do not end with a full stop (an abbreviation like "U.S." aside): a first line
  // that does is the first sentence of the body.
  // A line ending in a colon introduces what follows (a quote, a list): it is body text.
  if (/:\s*$/.test(text)) return false;
  // Two sentences ("... the port. It closed at once ...") are body text too; "Sen. Jane Doe"
  // or "U.S. Navy" inside a headline is not a sentence end.
  if (firstSentence(text).trim().length < text.trim().length) return false;
  return !/[.]["”’)]?$/.test(text) || /\b(?:\p{Lu}\.){2,}$/u.test(text);
}

/**
 * How much of a first line leadingDate reads. Only a date starting within its first 20
 * characters counts, and no date expression runs for hundreds of characters, so the dates found
 * there are those found in the whole line; the line is cut at a space, so that what a date
 * pattern sees right after its last character is the same. Speed (issue 12): an article without
 * a title has its whole first paragraph here, and reading all of it for dates was some 40% of
 * cleaning on the 1,800-article pool story.
 */
const LEADING_DATE_WINDOW = 400;

/** The start of text up to the first white space at or after LEADING_DATE_WINDOW (all of it when shorter or when there is none). */
function headOf(text: string): string {
  if (text.length <= LEADING_DATE_WINDOW) return text;
  const space = text.slice(LEADING_DATE_WINDOW).search(/\s/);
  return space < 0 ? text : text.slice(0, LEADING_DATE_WINDOW + space);
}

/**
 * A date glued in front of the headline (" date 2018-01-29 Kremlin unfazed by ..."): the date
 * part, when only a label precedes it.
 */
function leadingDate(text: string): { prefix: string; value: string } | null {
  const first = statedDates(headOf(text))[0];
  if (!first || first.index > 20) return null;
  const label = text.slice(0, first.index);
  if (!/^\s*(?:(?:date|published|posted|updated|on)\s*:?\s*)*$/i.test(label)) return null;
  const prefix = text.slice(0, first.index + first.text.length);
  const rest = text.slice(prefix.length).replace(/^[\s|,:–—-]+/, '');
  if (rest === '') return null;
  return { prefix: text.slice(0, text.length - rest.length), value: first.value };
}

/**
 * The headline: the input's title when it has one; otherwise the first meaningful line of
 * the body (or the first Markdown heading), which is then removed from the text.
 */
export const takeTitle: CleaningRule = {
  name: 'takeTitle',
  run(doc: CleaningDoc) {
    const kept = doc.kept();
    const first = kept[0];
    if (first === undefined) return;
    const block = doc.blocks[first];
    if (doc.meta.title !== null) {
      // A Markdown "# Heading" at the top is the title even when metadata also gave one.
      if (block.heading === 1) doc.drop(first, comparable(block.text) === comparable(doc.meta.title) ? 'repeated-headline' : 'title');
      return;
    }
    const markdownTitle = kept.find((i) => doc.blocks[i].heading === 1);
    let i = markdownTitle !== undefined && markdownTitle === kept.find((k) => doc.blocks[k].heading !== undefined) ? markdownTitle : first;
    // Extracted bodies come with their title in the metadata; their first line is body text.
    if (doc.format === 'extracted' && doc.blocks[i].heading === undefined) return;
    // A masthead or a section kicker above the headline ("APD NEWS", "WORLD"): short, in
    // capitals or named like an outlet, with a headline in ordinary case right under it.
    const next = kept[kept.indexOf(i) + 1];
    const top = doc.blocks[i].text;
    if (
      next !== undefined && doc.blocks[i].heading === undefined && wordCount(top) <= 4 && !endsLikeSentence(top) &&
      (isAllCaps(top) || looksLikeOutlet(top)) && !isAllCaps(doc.blocks[next].text) && looksLikeHeadline(doc.blocks[next].text)
    ) {
      if (KICKERS.test(top)) doc.drop(i, 'page-furniture');
      else {
        doc.offer('outlet', top, 1);
        doc.drop(i, 'masthead');
      }
      i = next;
    }
    const dated = leadingDate(doc.blocks[i].text);
    if (dated) {
      doc.offer('published', dated.value, 0);
      doc.stripPrefix(i, dated.prefix, 'date-line');
    }
    // A stamp glued after the headline: "Headline Posted: Monday, June 2, 2014 11:03 PM EDT Updated: ...".
    const stamp = /\s+(?:Posted|Published|Updated)\s*:\s*(?:\p{L}+,? )?\p{L}+\.? \d{1,2},? \d{4}\b.*$/u.exec(doc.blocks[i].text);
    if (stamp && stamp.index > 0) {
      const found = statedDates(stamp[0])[0];
      if (found) doc.offer('published', found.value, 0);
      doc.stripSuffix(i, stamp[0], 'date-line');
    }
    const text = doc.blocks[i].text;
    if (doc.blocks[i].heading === undefined && !looksLikeHeadline(text)) return;
    doc.meta.title = text;
    doc.drop(i, 'title');
  },
};

/** The headline printed again at the top of the body (scrapes often carry it twice). */
export const removeRepeatedHeadline: CleaningRule = {
  name: 'removeRepeatedHeadline',
  run(doc) {
    if (doc.meta.title === null) return;
    const title = comparable(doc.meta.title);
    if (title === '') return;
    for (const i of doc.kept()) {
      const text = comparable(doc.blocks[i].text);
      // Equal, or one of the two followed by a site name ("Headline - Site", "Headline | Site").
      const extra = Math.abs(wordCount(doc.blocks[i].text) - wordCount(doc.meta.title));
      const withSiteName = (text.startsWith(title + ' ') || (title.startsWith(text + ' ') && wordCount(text) >= 4)) && extra <= 4;
      if (text === title || (withSiteName && !endsLikeSentence(doc.blocks[i].text))) {
        doc.drop(i, 'repeated-headline');
      }
    }
  },
};

/**
 * Short lines above the first paragraph that are not sentences: a masthead in capitals
 * ("APD NEWS", becomes the outlet), a leftover image caption naming who is pictured right
 * under the headline ("Russian President Vladimir Putin"), and other page furniture.
 */
// Capitalised labels above a story that name its kind, not its outlet.
const KICKERS = /^(?:exclusive|breaking(?: news)?|update[d]?|watch|video|live|opinion|analysis|comment|editorial|feature|news|world|politics|business|sport|sports|review|interview|photos|special report|explainer|fact check)$/i;

/**
 * A station's or paper's masthead with its home town ("KXYZ – Tulsa, Okla.", "The Dale
 * Courier | Brandon, Vt."): the outlet, when the line is nothing more. Its closing full stop
 * belongs to the state's abbreviation, so it does not make the line a sentence.
 */
export function outletAndPlace(text: string): string | null {
  const m = /^(\S.{0,40}?)\s+[–—|-]\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2},\s*\p{Lu}[\p{L}.]{1,12}$/u.exec(text.trim());
  if (!m) return null;
  const outlet = m[1]!.trim();
  return wordCount(outlet) <= 5 && (isAllCaps(outlet) || looksLikeOutlet(outlet)) ? outlet : null;
}

export const removeHeaderFurniture: CleaningRule = {
  name: 'removeHeaderFurniture',
  run(doc) {
    const body = doc.kept().find((i) => isProse(doc.blocks[i].text));
    const limit = body ?? doc.blocks.length;
    for (const i of doc.kept()) {
      if (i >= limit) break;
      const text = doc.blocks[i].text;
      const stationLine = outletAndPlace(text);
      if (stationLine) {
        doc.offer('outlet', stationLine, 1);
        doc.drop(i, 'masthead');
        continue;
      }
      if (endsLikeSentence(text) || doc.blocks[i].listItem) continue;
      // Above the body of scraped text, a line that opens in lower case or with a symbol and
      // does not end like a sentence is a widget or a teaser ("× Close ...", "* Top story ...",
      // "moms Classroom hero ... 2:54 PM ET"). (An extracted page's header was judged by the
      // extractor; scripts without capitals open with any letter.)
      if (wordCount(text) > 6) {
        const oddStart = /^(?:\p{Ll}|[^\p{L}\p{N}"“‘'(\[«„])/u.test(text);
        if (doc.format !== 'extracted' && oddStart && wordCount(text) <= 30) doc.drop(i, 'page-furniture');
        continue;
      }
      const afterHeadline = i > 0 && ['title', 'repeated-headline'].includes(doc.reasonOf(i - 1) ?? '');
      if ((isAllCaps(text) && wordCount(text) <= 4 && !KICKERS.test(text)) || looksLikeOutlet(text)) {
        doc.offer('outlet', text, 1);
        doc.drop(i, 'masthead');
      } else if (afterHeadline && isTitleCased(text) && wordCount(text) >= 2) {
        doc.drop(i, 'photo-caption');
      } else {
        doc.drop(i, 'page-furniture');
      }
    }
  },
};
