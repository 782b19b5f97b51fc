import type { CleaningDoc } from '../document.js';
import { endsLikeSentence, isProse, wordCount } from '../cues.js';
import type { CleaningRule } from './rule.js';
import { blockRule } from './rule.js';

// Things a page embeds from elsewhere, which a scrape flattens into lines of "text": social
// posts, video and gallery players, the notices of archive and social sites, story highlights.

// A tweet is at most 280 characters: about 60 words with its signature and links.
const MAX_POST_WORDS = 60;

// The signature under an embedded tweet, glued to its text: "... — Jane Doe (@janedoe) May 3, 2019".
const TWEET_SIGNATURE_AT_END = /(?:^|\s)[—–-]{1,2}\s*[^—–\n]{1,80}\(@\w{1,30}\)\s+\p{L}+\.? \d{1,2}, \d{4}$/u;
// A tweet card: the author's name and handle, then the post ("Jane Doe (@janedoe) We landed!").
const TWEET_CARD = /^\p{Lu}[^()\n]{0,60}\(@\w{1,30}\)\s+\S/u;
// The caption line of an embedded Instagram post: "A post shared by Jane Doe (@jane) on May 4, 2017 at 5:57pm PDT".
const INSTAGRAM_SIGNATURE = /\bA (?:post|photo|video) shared by .{1,80}\(@[\w.]{1,30}\) on \p{L}+\.? \d{1,2}, \d{4}/u;
// Links only a tweet carries: its attached picture, or a status link cut by the embed ("…").
const TWEET_LINK = /\bpic\.twitter\.com\/\w+|\btwitter\.com\/\w+\/status\/\d+/;

function isEmbeddedPost(text: string, format: CleaningDoc['format']): boolean {
  const n = wordCount(text);
  if (n > MAX_POST_WORDS + 20) return false;
  if (TWEET_SIGNATURE_AT_END.test(text) || INSTAGRAM_SIGNATURE.test(text)) return true;
  // In a page extracted from HTML an embedded post is a quotation the extractor kept on
  // purpose (the Zyte benchmark's annotators count a quoted tweet's text as article body);
  // scraped plain text flattens the whole embed, so there the other cues apply too.
  if (n > MAX_POST_WORDS || format === 'extracted') return false;
  // A sentence naming someone with a handle and saying what they said stays ("X (@x) said ...").
  if (TWEET_CARD.test(text) && !/^[^()]*\(@\w+\)\s+(?:said|says|wrote|writes|tweeted|posted|told|added)\b/.test(text)) return true;
  return TWEET_LINK.test(text);
}

/**
 * Social posts embedded in the page: a tweet with its signature ("... — Jane Doe (@janedoe)
 * May 3, 2019"), a tweet card ("Jane Doe (@janedoe) text"), a post with its picture link
 * ("pic.twitter.com/..."), an Instagram post's "A post shared by ..." line. The article
 * reports what matters of them in its own sentences; the embed itself is not its text.
 */
export const removeEmbeddedPosts: CleaningRule = {
  name: 'removeEmbeddedPosts',
  run(doc) {
    for (const i of doc.kept()) if (isEmbeddedPost(doc.blocks[i].text, doc.format)) doc.drop(i, 'embedded-post');
  },
};

// Notices that social and archive sites print around what they show (their help texts).
const SITE_NOTICES: RegExp[] = [
  // Twitter's location help, shown under embedded timelines.
  /\b(?:when you tweet with a location|add location information to your tweets|delete your (?:tweet )?location history)\b/i,
  // Web archives describing their own crawls.
  /\b(?:crawl data|these crawls|web captures|web collections curated)\b.{0,200}\b(?:internet archive|wayback machine|archive-it|archive (?:the )?pages)\b/i,
  /\b(?:donat\w+|added to) (?:their |its )?(?:crawl data )?(?:to )?the (?:internet archive|wayback machine)\b/i,
  /^below is the uncorrected machine-read text\b/i,
  // A wiki's disambiguation note: '"X" redirects here. For other uses, see X (disambiguation)'.
  /\bredirects here\. For other uses, see\b/,
  // "Add Jane Doe as an interest to stay up to date on the latest Jane Doe news ..."
  /\bas an interest to (?:stay up to date|get updates|follow)\b/i,
  /^interested in [^?]{1,60}\?\s*(?:add|follow)\b/i,
  // Forms to mail the page to a friend and the checks that guard them.
  /^(?:message|your message)\s*:\s*\*?\s*a friend (?:wanted|thought) you\b/i,
  /\bthank you for your interest in spreading the word\b/i,
  /\bwe only request your email address so that\b/i,
  /^you must enter the characters\b/i,
  /^\*?\s*I (?:understand|agree to|accept) the (?:terms|privacy policy)\b/i,
  // Transcript services' disclaimers: "This text may not be in its final form".
  /\bthis (?:text|transcript) may not be in its final form\b/i,
  /^please verify you(?:'|’)re not a robot\b/i,
  /^we(?:'|’)ve detected that javascript is disabled\b/i,
];

/**
 * Help texts of the sites a page embeds or was archived by: Twitter's location notice,
 * a web archive describing its crawls, "Add X as an interest", "email this page" forms.
 */
export const removeSiteNotices = blockRule('removeSiteNotices', 'site-notice', (t) => wordCount(t) <= 150 && SITE_NOTICES.some((re) => re.test(t)));

// Players and galleries flattened into one line: "JUST WATCHED ... Replay More Videos ...",
// "1 of 26 Full Screen Autoplay Close Skip Ad", "Embed <video title> 2:25 autoplay".
const PLAYER_LINES: RegExp[] = [
  /^JUST WATCHED\b.*\b(?:Replay|MUST WATCH)\b/,
  /^\d+ of \d+ (?:Full Screen|Autoplay)\b/i,
  /\bFull Screen Autoplay Close\b/i,
  /^Embed\b.{0,120}\b\d{1,2}:\d{2}\b.{0,40}\bautoplay\b/i,
  /\bHide Caption \d+ of \d+\b/,
  /\bImage \d+ of \/? ?\d+\b.{0,40}\bCaption\b/,
  /^\d+ PHOTOS\b.{0,120}\bSee Gallery\b/,
  // A gallery's strip of credits: "... Jane Roe/Getty Images John Doe/Getty Images Ann Poe/Getty Images".
  /(?:\/\s?Getty Images\b.*){3}/,
  // "Watch the full clip below."
  /^watch (?:the )?(?:full |whole )?(?:video|clip|interview|segment|report)s? (?:below|above|here)\.?$/i,
  // A gallery titled twice, then its captions: "Photos: The pier Photos: The pier Divers at ...".
  /^Photos?: (.{5,80}?) Photos?: \1 /,
  /\b\d+ of \d+ (?:•\s*)+\d+ of \d+ Show Caption\b/,
  // A video teaser with its air time and its length: "... 9:04 PM ET Sun, 3 Sept 2017 | 02:51".
  /\b\d{1,2}:\d{2} [AP]M [A-Z]{1,4}\b.{0,40}\|\s*\d{1,2}:\d{2}$/,
];

// A video's description under its player's "CLOSE" button: "CLOSE The mayor explains why ...".
const VIDEO_DESCRIPTION = /^CLOSE (?!Skip\b)["“‘]?\p{Lu}\p{Ll}/u;

export const removePlayerWidgets = blockRule(
  'removePlayerWidgets',
  'media-widget',
  (t) => PLAYER_LINES.some((re) => re.test(t)) || (wordCount(t) <= 120 && VIDEO_DESCRIPTION.test(t)),
);

// Labels a video or gallery player leaves in front of the caption or story it carries:
// "EMBED More News Videos A man was ...", "CLOSE Skip in Skip x Embed x Share FBI officials ...".
const PLAYER_PREFIX = /^(?:EMBED More News Videos|CLOSE Skip in Skip x Embed x Share)\s+(?=\p{Lu}|["“‘])/iu;

/** Cut a player's labels off the front of the text they were glued to (the text stays). */
export const removePlayerLabels: CleaningRule = {
  name: 'removePlayerLabels',
  run(doc: CleaningDoc) {
    for (const i of doc.kept()) {
      const m = PLAYER_PREFIX.exec(doc.blocks[i].text);
      if (m && doc.blocks[i].text.length > m[0].length) doc.stripPrefix(i, m[0], 'media-widget');
    }
  },
};

/**
 * "Story highlights" and the highlight lines under it (summary bullets written for the
 * page, without full stops, that the story then tells in full), up to the first paragraph.
 */
export const removeStoryHighlights: CleaningRule = {
  name: 'removeStoryHighlights',
  run(doc) {
    const kept = doc.kept();
    for (let k = 0; k < kept.length; k++) {
      if (!/^story highlights\b/i.test(doc.blocks[kept[k]].text)) continue;
      doc.drop(kept[k], 'highlights');
      for (let j = k + 1; j < kept.length; j++) {
        const t = doc.blocks[kept[j]].text;
        if (endsLikeSentence(t) || isProse(t) || wordCount(t) > 30) break;
        doc.drop(kept[j], 'highlights');
      }
    }
  },
};
