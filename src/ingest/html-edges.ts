// Lines that templates put inside the article container but that are not the article: ad
// labels between paragraphs, and dateline, byline, copyright, sign-up and comment prompts at the
// top or bottom of the body. Only the edges are searched for the latter, because the same words
// in the middle of a story are usually the story ("He was published in 2001...").

import type { Removal } from '../types.js';

/** Paragraphs that are only an advertising or layout label. */
const LABEL = /^(?:advertisement|advert|ad|ads|sponsored(?: content)?|promoted|continue reading(?: the main story)?(?: below)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|scroll to continue(?: with content)?|skip (?:to content|advertisement)|this slideshow requires javascript|comments?|share(?: this)?(?: article| story)?|print|email)\.?$/i;

// "By Jane Doe", "By Jane Doe and John Roe - 11/18/19", "Written by J. Doe | Reuters": a name
// in capitals after "By", then nothing, a separator or a date. "By the end of the day..." is prose.
const BYLINE = /^(?:[Ww]ritten )?(?:[Bb]y|BY):?\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:(?:and|&|,)\s*(?:\p{Lu}[\p{L}.'’-]*\s*){1,4})*(?:$|[-–—|,•·/(]|\d)/u;

// Words a date line is made of, besides numbers.
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|[ecmp][sd]t|et|pt|ist)\b|\b(?:updated|published|posted|last|modified|on|at|of|the)\b/gi;

/** A line that is a date or time stamp and nothing else ("10:48, Tue, Nov 19, 2019 | Updated: 11:05"). */
function isOnlyDate(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/\d+(?:st|nd|rd|th)?/gi, ' ').replace(/[\s\p{P}\p{S}]+/gu, '');
  return rest.length === 0 && /\b(?:19|20)\d{2}\b|\d{1,2}[:.]\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Why a paragraph at the top or bottom of the body is not article text, or null. */
function edgeReason(paragraph: string, atEnd: boolean): string | null {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const n = words(text);
  if (n <= 15 && BYLINE.test(text)) return 'byline or date';
  if (n <= 12 && isOnlyDate(text)) return 'byline or date';
  if (n <= 15 && /^(?:posted|published|updated|last updated|first published)\b[\s:]/i.test(text) && /\d/.test(text)) return 'byline or date';
  if (n <= 15 && /^\|?\s*(?:posted|published|updated)\s*:/i.test(text)) return 'byline or date';
  if (n <= 40 && (/^(?:©|\(c\)|copyright\b)/i.test(text) || /\ball rights reserved\b/i.test(text))) return 'copyright notice';
  if (n <= 40 && /\b(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|email|daily|weekly)\b/i.test(text)) return 'newsletter or subscription';
  // Credits close a story; at its top the same words begin a sentence.
  if (atEnd && n <= 50 && /^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b|\bcontributed (?:reporting|to this report)\b|^(?:[\p{L}.]+ )*writers? .* contributed\b/iu.test(text)) return 'reporting credit';
  if (n <= 12 && /^(?:tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|what do you think)\b/i.test(text)) return 'comments';
  return null;
}

/** Splits a body into paragraphs, drops labels anywhere and furniture at either edge. */
export function removeEdgeBoilerplate(text: string): { text: string; removed: Removal[] } {
  const removed: Removal[] = [];
  let paragraphs = text.split(/\n{2,}/);
  paragraphs = paragraphs.filter((paragraph) => {
    if (!LABEL.test(paragraph.trim())) return true;
    removed.push({ reason: 'advertising or layout label', text: paragraph });
    return false;
  });
  while (paragraphs.length > 1) {
    // "By" and the name in separate blocks (the name was a link or a styled span).
    if (paragraphs.length > 2 && /^(?:by|written by):?$/i.test(paragraphs[0].trim()) && words(paragraphs[1]) <= 5 && !/[.!?]$/.test(paragraphs[1].trim())) {
      removed.push({ reason: 'byline or date', text: `${paragraphs.shift()!} ${paragraphs.shift()!}` });
      continue;
    }
    const reason = edgeReason(paragraphs[0], false);
    if (!reason) break;
    removed.push({ reason, text: paragraphs.shift()! });
  }
  while (paragraphs.length > 1) {
    const reason = edgeReason(paragraphs[paragraphs.length - 1], true);
    if (!reason) break;
    removed.push({ reason, text: paragraphs.pop()! });
  }
  return { text: paragraphs.join('\n\n'), removed };
}
