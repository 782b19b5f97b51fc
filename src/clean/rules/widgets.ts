import { wordCount } from '../cues.js';
import { blockRule } from './rule.js';

/** Stray counters left by share and like buttons: "0", "150", "1.2K", "35 shares". */
export const removeShareCounters = blockRule('removeShareCounters', 'share-counter', (t) =>
  /^[\d.,]+\s*[KkMm]?(?:\s+(?:shares?|likes?|views?|comments?|reads?))?$/.test(t),
);

// Labels of share buttons and the networks they point to.
const SHARE_WORDS = new Set(
  'like likes share shares shared sharing tweet tweets email e-mail mail print facebook twitter x linkedin pinterest reddit whatsapp telegram messenger tumblr flipboard pocket google google+ sms copy link save comment comments play on this article story the via more options close'.split(
    ' ',
  ),
);

/**
 * Share and like widgets: lines made only of button labels ("Share this: Facebook Twitter",
 * "Play Facebook", "Tweet"), and "Click to share on Twitter (Opens in new window)".
 */
export const removeShareWidgets = blockRule('removeShareWidgets', 'share-widget', (t) => {
  if (/^click to (?:share|email|print|tweet)\b.*$/i.test(t) && wordCount(t) <= 14) return true;
  if (/^share (?:this|on|via|the story|the article)\b.{0,60}$/i.test(t) && !/[.!?]$/.test(t)) return true;
  const ws = t
    .toLowerCase()
    .replace(/[|:•·,/()\d]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return ws.length > 0 && ws.length <= 12 && ws.every((w) => SHARE_WORDS.has(w)) && ws.some((w) => w !== 'the' && w !== 'on' && w !== 'this' && w !== 'more');
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
    /^(?:add a location to your tweets|tweet with a location)\b/i.test(t)
  );
});

/**
 * The signature line under an embedded tweet: "— Jane Doe (@janedoe) November 3, 2019".
 * The tweet's own text stays; its signature is page furniture.
 */
export const removeTweetSignatures = blockRule('removeTweetSignatures', 'tweet-signature', (t) =>
  /^[—–-]{1,2}\s*.{1,80}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2}, \d{4}$/u.test(t),
);
