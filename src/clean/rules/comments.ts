import type { CleaningDoc } from '../document.js';
import { endsLikeSentence, isProse, wordCount } from '../cues.js';
import type { CleaningRule } from './rule.js';

// A heading that opens a comment section: "11 comments", "Comments (4)", "Join the discussion".
const COMMENTS_HEADING =
  /^(?:reader\s+)?comments?(?:\s*\(\d+\))?\s*:?$|^\d+\s+(?:comments?|responses?|replies|reactions|thoughts)(?:\s+(?:to|on)\b.*)?$|^(?:show|view|load|read|hide|add|post|see all)\s+(?:\d+\s+)?comments?\b.{0,20}$|^join the (?:discussion|conversation|debate)\b.{0,40}$|^comments? (?:are|is) (?:closed|disabled|moderated)\b.*$|^(?:have your say|discuss this article)\.?$/i;

// The comment form that ends a blog page.
const LEAVE_A_REPLY = /^(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)\b.{0,60}$|^(?:you must be logged in to post a comment\b.*|your email address will not be published\b.*|cancel reply)$/i;

// A comment's header: a bullet and a user name ("• Plasma Dawn"), or a name with its age
// ("jsmith 3 hours ago"). Short, and not a sentence.
const BULLET_USER = /^[•·▪◦●]\s*(\S.{0,48})$/u;
const USER_WITH_AGE = /^\S.{0,40}?\s[•·|-]?\s*\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$/i;

function isCommentHeader(text: string): boolean {
  const bullet = BULLET_USER.exec(text);
  if (bullet) return wordCount(bullet[1]) <= 5 && !endsLikeSentence(bullet[1]);
  return USER_WITH_AGE.test(text);
}

/**
 * Where the reader comments begin, or -1. A comment thread is recognised by its heading, or by
 * at least two comment headers that each introduce a comment body (a list of short bullet
 * items has headers but no bodies).
 */
function threadStart(doc: CleaningDoc, afterBlock: number): number {
  const indented = indentedThreadStart(doc, afterBlock);
  const kept = doc.kept().filter((i) => i > afterBlock && (indented < 0 || i < indented));
  for (let k = 0; k < kept.length; k++) {
    const text = doc.blocks[kept[k]].text;
    if (COMMENTS_HEADING.test(text) || LEAVE_A_REPLY.test(text)) return kept[k];
    if (!isCommentHeader(text)) continue;
    let withBody = 0;
    for (let j = k; j < kept.length; j++) {
      const next = kept[j + 1];
      if (isCommentHeader(doc.blocks[kept[j]].text) && next !== undefined && !isCommentHeader(doc.blocks[next].text)) withBody++;
    }
    if (withBody >= 2) return kept[k];
  }
  return indented;
}

/**
 * A thread told apart only by indentation: the article's paragraphs sit at the margin, then
 * from a short line on (a user name) every remaining block is indented, as replies are.
 */
function indentedThreadStart(doc: CleaningDoc, afterBlock: number): number {
  const kept = doc.kept();
  let start = -1;
  for (let k = kept.length - 1; k >= 0 && kept[k] > afterBlock; k--) {
    if (doc.blocks[kept[k]].indent === 0) break;
    start = k;
  }
  if (start < 0 || kept.length - start < 2) return -1;
  // The article: several paragraphs, all at the margin. A single space of indentation is a
  // scrape habit, not a reply level.
  const article = kept.slice(0, start);
  if (article.length < 3 || article.some((i) => doc.blocks[i].indent > 0)) return -1;
  const first = doc.blocks[kept[start]];
  return first.indent >= 2 && wordCount(first.text) <= 5 && !endsLikeSentence(first.text) ? kept[start] : -1;
}

/**
 * Reader comments: everything from the start of the comment section to the end of the page.
 * Only after the article has begun, so that a headline mentioning comments is safe.
 */
export const removeReaderComments: CleaningRule = {
  name: 'removeReaderComments',
  run(doc) {
    const body = doc.kept().find((i) => isProse(doc.blocks[i].text));
    if (body === undefined) return;
    const start = threadStart(doc, body);
    if (start < 0) return;
    for (const i of doc.kept()) {
      if (i < start) continue;
      doc.drop(i, i === start && LEAVE_A_REPLY.test(doc.blocks[i].text) ? 'leave-a-reply' : 'reader-comments');
    }
  },
};
