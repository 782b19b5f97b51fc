import { wordCount } from '../cues.js';
import { blockRule } from './rule.js';

/** Stray counters left by share and like buttons: "0", "150", "1.2K", "35 shares". */
export const removeShareCounters = blockRule('removeShareCounters', 'share-counter', (t) =>
  /^[\d.,]+\s*[KkMm]?(?:\s+(?:shares?|likes?|views?|comments?|reads?))?$/.test(t),
);

// Labels of share buttons and the networks they point to.
const SHARE_WORDS = new Set(
  'like likes share shares shared sharing tweet tweets email e-mail mail print facebook twitter x linkedin pinterest reddit whatsapp telegram messenger tumblr flipboard pocket google google+ sms copy link save comment comments play on this article story the via more options close bookmark with delicious digg stumbleupon'.split(
    ' ',
  ),
);

/**
 * Share and like widgets: lines made only of button labels ("Share this: Facebook Twitter",
 * "Play Facebook", "Tweet"), and "Click to share on Twitter (Opens in new window)".
 */
export const removeShareWidgets = blockRule('removeShareWidgets', 'share-widget', (t) => {
  if (/^click to (?:share|email|print|tweet)\b.*$/i.test(t) && wordCount(t) <= 14) return true;
  // "Read or Share this story: http://...", "Help spread the word! Share Tweet", "E-mail this to a friend".
  if (/^read or share this (?:story|article)\b/i.test(t) && wordCount(t) <= 15) return true;
  if (/^help spread the word\b/i.test(t) && wordCount(t) <= 15) return true;
  if (/\be-?mail this (?:to a friend|story|article)\b/i.test(t) && wordCount(t) <= 15) return true;
  if (/^share (?:this|on|via|the story|the article)\b.{0,60}$/i.test(t) && !/[.!?]$/.test(t)) return true;
  // At most 12 words, all of them button labels, one of them more than "the", "on", "this" or
  // "more". Words are what is left between spaces and the separators | : • · , / ( ) and digits;
  // reading them one at a time stops at the first word of a paragraph that is no label.
  const word = /[^\s|:•·,/()\d]+/g;
  const lower = t.toLowerCase();
  let count = 0;
  let meaningful = false;
  for (let m = word.exec(lower); m !== null; m = word.exec(lower)) {
    const w = m[0];
    if (++count > 12 || !SHARE_WORDS.has(w)) return false;
    if (w !== 'the' && w !== 'on' && w !== 'this' && w !== 'more') meaningful = true;
  }
  return count > 0 && meaningful;
});

/** Invitations to follow the outlet or the author elsewhere: "Follow us on Twitter", "Twitter: @name". */
export const removeSocialPrompts = blockRule('removeSocialPrompts', 'social-prompt', (t) => {
  if (wordCount(t) > 25) return false;
  return (
    /^(?:follow|like|find|join|connect with|subscribe to) (?:us|me|\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3}) (?:on|at|via) (?:facebook|twitter|instagram|linkedin|youtube|tiktok|google|tumblr|pinterest|threads|bluesky|mastodon|x)\b/iu.test(t) ||
    /^(?:and )?(?:like|follow) us on (?:facebook|twitter|instagram)\b/i.test(t) ||
    /^(?:for the latest (?:news|updates)(?: and analysis)?,? )?follow @\w+/i.test(t) ||
    /^(?:twitter|instagram|facebook|email|e-mail)\s*:\s*\S+$/i.test(t) ||
    /^@\w{2,}$/.test(t) ||
    /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(t) ||
    /^(?:e-?mail(?: me| us)?:?\s*)?\[email(?:\s|\u00a0)protected\]$/i.test(t) ||
    /^(?:add a location to your tweets|tweet with a location)\b/i.test(t) ||
    /^(?:watch|stay with|follow|keep it with) .{1,80}\bfor more on this story\.?$/i.test(t)
  );
});

/**
 * The signature line under an embedded tweet: "— Jane Doe (@janedoe) November 3, 2019".
 * The tweet's own text stays; its signature is page furniture.
 */
export const removeTweetSignatures = blockRule('removeTweetSignatures', 'tweet-signature', (t) =>
  /^[—–-]{1,2}\s*.{1,80}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2}, \d{4}$/u.test(t),
);

// Sentences that only tell the reader how to reach or follow the author or the outlet.
const CONTACT_SENTENCES: RegExp[] = [
  /^(?:[Rr]each|[Cc]ontact|[Ee]-?mail|[Cc]all|[Ww]rite to) (?:him|her|them|me|us|the (?:author|reporter|writer)|\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}) (?:at|on|via|by)\b.*(?:@|\d{3}[-. )]\d{3,4}\b|\b[Tt]witter\b)/u,
  /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} (?:may|can) be reached at\b/u,
  /^(?:for (?:more|the latest|the top stories)\b[^,]{0,40},\s*)?follow (?:us|me|him|her|them|@\w+|\p{L}[\p{L}.'’-]*(?: \p{L}[\p{L}.'’-]*){0,5}) (?:on|at) (?:twitter|facebook|instagram)\b/iu,
  /^follow @\w+ on twitter\b/i,
  /^find \S+(?: \S+)? on (?:facebook|twitter|instagram)\b/i,
  /^follow .{1,50} for the latest\b/i,
  // "E-mail: jroe@example.com Twitter: @janeroe"
  /^(?:(?:e-?mail|twitter|instagram|phone|tel)\s*:\s*\S+\s*)+$/i,
  /^for (?:further|more) information\s*:.*(?:@|\d{3}[-. ]\d{3})/i,
];
// "Jane Roe is a staff writer at the Journal." goes with contact sentences after it.
const BIO_SENTENCE = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3} (?:is|was) (?:a|an|the) [^.]{0,60}\b(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer|critic)\b/u;

/** Split a short block into sentences at ". " before a capital, "@" handles and all. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<![\s.]\p{Lu}\.)(?<=[.!?])\s+(?=[\p{Lu}@])/u).filter((s) => s.trim() !== '');
}

/**
 * How to reach or follow the author or the outlet: "Reach Jane Roe at 555-0100 and on
 * Twitter @janeroe.", "Jane Roe may be reached at jroe@example.com. Follow her on Twitter
 * @janeroe.", "For more from Jane, follow her on Twitter @janeroe." Every sentence of the block
 * must be such a line (a biography sentence may open it).
 */
export const removeContactLines = blockRule('removeContactLines', 'author-contact', (t) => {
  if (wordCount(t) > 60) return false;
  const sentences = sentencesOf(t);
  const contacts = sentences.filter((s) => CONTACT_SENTENCES.some((re) => re.test(s))).length;
  const bios = sentences.filter((s) => BIO_SENTENCE.test(s)).length;
  return contacts > 0 && contacts + bios === sentences.length && bios <= 1;
});
