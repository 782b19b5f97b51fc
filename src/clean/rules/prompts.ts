import { wordCount } from '../cues.js';
import { blockRule } from './rule.js';

// Advertising slots and "continue reading" markers that sites place inside the article.
const AD_PHRASES =
  /\b(?:advertisement|advertising|advert|sponsored(?: content| links?)?|paid (?:content|post)|promoted(?: content| stories)?|story continues below(?: advertisement)?|story continued below|article continues below(?: this)?(?: advertisement| ad)?|continue reading(?: the main story| below)?|scroll (?:down )?to continue(?: with content)?|skip advertisement|ad feedback|report this ad|photo|ad)\b/gi;

/** "Advertisement", "Story continues below", "Advertisement Continue reading the main story". */
export const removeAdvertisements = blockRule('removeAdvertisements', 'advertisement', (t) => {
  if (wordCount(t) > 12) return false;
  const rest = t.replace(AD_PHRASES, ' ').replace(/[\s\-–—|:.•·()]+/g, '');
  return rest === '' && /advert|sponsor|promoted|paid|continue|scroll|\bad\b/i.test(t);
});

/** "Sign up for our newsletter", "Get breaking news delivered to your inbox". */
export const removeNewsletterPrompts = blockRule('removeNewsletterPrompts', 'newsletter-prompt', (t) => {
  if (wordCount(t) > 45) return false;
  return (
    /^(?:sign up|subscribe|register|get|receive|enter your email|want (?:more|the latest)|never miss|don't miss|stay (?:informed|up to date|updated)|be the first)\b.*\b(?:newsletters?|inbox|e-?mail (?:alerts|updates|briefing)|news alerts|briefing|digest)\b/i.test(t) ||
    /\b(?:sign up for|subscribe to) (?:our|the|my) [\w\s-]{0,40}newsletter/i.test(t) ||
    /\bdelivered (?:straight |directly |right )?to your inbox\b/i.test(t) ||
    /^(?:breaking news )?emails? (?:alerts?|newsletters?)\b/i.test(t) ||
    /^(?:subscribe|sign up|sign in|log in|register)(?: now| today| here)?[.!]?$/i.test(t) ||
    /^already (?:a subscriber|have an account)\b/i.test(t) ||
    /^breaking news emails\b/i.test(t) ||
    /^want the (?:news|latest)\b.{0,80}\b(?:e-?mail|newsletter)\b/i.test(t) ||
    /^newsletter (?:choices|options|sign-?up)\b/i.test(t) ||
    /^subscribe to [\p{L}\s]{1,40} (?:and|to) get\b.{0,60}$/iu.test(t)
  );
});

/** Cookie and consent banners. */
export const removeCookiePrompts = blockRule('removeCookiePrompts', 'cookie-prompt', (t) => {
  if (wordCount(t) > 60) return false;
  return (
    /\b(?:we|this (?:site|website)|our (?:site|website|partners)) (?:uses?|places?|sets?) cookies\b/i.test(t) ||
    /\b(?:accept|allow|manage|reject) (?:all )?cookies\b/i.test(t) ||
    /\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)\b.*\b(?:agree|accept|consent)/i.test(t) ||
    /^(?:cookie (?:policy|settings|preferences|consent)|privacy policy|terms of (?:use|service))\.?$/i.test(t)
  );
});

/** "Copyright 2018 The Associated Press. All rights reserved." and redistribution notices. */
export const removeCopyright = blockRule('removeCopyright', 'copyright', (t) => {
  if (wordCount(t) > 40) return false;
  return (
    /^(?:©|\(c\)\s*\d{4}|copyright\b)/i.test(t) ||
    /\ball rights reserved\b/i.test(t) ||
    /\bmay not be (?:published|reproduced|redistributed|rewritten|broadcast)\b/i.test(t)
  );
});

/** "This article was originally published on ...", "A version of this story appeared in ...". */
export const removeRepublicationNotes = blockRule('removeRepublicationNotes', 'republication-note', (t) => {
  if (wordCount(t) > 45) return false;
  return (
    /^(?:this (?:article|story|piece|post|report|column|interview)|it) (?:was|is|has been) (?:originally |first )?(?:published|posted|appeared|republished|reprinted|adapted)\b/i.test(t) ||
    /^(?:this (?:article|story|piece|post) )?(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b/i.test(t) ||
    /^a version of this (?:article|story|piece|report) (?:appeared|was published|first appeared)\b/i.test(t) ||
    /^read the (?:full|original|rest of the) (?:story|article|report|post)\b/i.test(t) ||
    /^this (?:article|story) appeared on page\b/i.test(t) ||
    /^this (?:post|article|story|piece|column) (?:originally|first) (?:ran|appeared|aired)\b/i.test(t) ||
    /^(?:excerpted|adapted) from\b.{0,300}\b(?:published|publishing|press|books?|by)\b/i.test(t) ||
    /^an? (?:expanded|longer|shorter|earlier|full) version of this (?:report|story|article) (?:appears|appeared|is available)\b/i.test(t) ||
    /^(?:\(?this (?:story|article|report) (?:has been|was|is) (?:published|auto-generated|generated) from (?:an? )?(?:wire|syndicated|agency|news agency) (?:agency )?feed\b)/i.test(t)
  );
});

/** Editors' notes about the page itself: "Correction: An earlier version of this story misstated ...". */
export const removeEditorNotes = blockRule('removeEditorNotes', 'editor-note', (t) => {
  if (wordCount(t) > 80) return false;
  // "Editor's note: If you capture a photo of ..., send it to ...", "... check out this story by ...".
  // "This story has been corrected to show that ...": the correction is made in the text above.
  if (/^this (?:story|article|report|post) has been (?:corrected|updated|amended|changed) to (?:show|reflect|correct|clarify|remove|add|include)\b/i.test(t)) return true;
  // "• This article was amended on 3 May 2019. The original headline said ...": the page's
  // revision stamp and what it changed, not news.
  if (/^[•*·–—-]?\s*this (?:story|article|report|post|piece) (?:was|has been) (?:amended|updated|corrected|changed|edited) (?:on|at)\b[^.!?]{0,60}(?:[.]\s|[.]?$)/i.test(t)) return true;
  if (/^editor'?s'?’?\s+note\s*[:—–-]/i.test(t) && /\b(?:check out|send (?:us|them|it|your|images|photos)|click|visit|sign up|share it with|email us)\b/i.test(t)) return true;
  return (
    /^(?:editor'?s'?’?\s+note|editors’ note|correction|clarification|update(?:d)?)\s*[:—–-]/i.test(t) &&
    /\b(?:this (?:story|article|post|report|piece) (?:was|has been|is being) (?:updated|corrected|amended|changed)|(?:an )?earlier version|originally (?:misstated|misnamed|misidentified|reported|said|stated)|incorrectly (?:stated|said|reported|identified))\b/i.test(
      t,
    )
  );
});

// Navigation and UI labels that scrapes pick up as lines of their own.
const UI_LABELS =
  /^(?:top of page|back to top|now playing:?|first posted|last updated|permalink:.*|return to top|skip to (?:main )?content|skip navigation|print(?: this (?:page|article))?|close|menu|search|home|loading(?:\.*|…)|next|previous|next (?:article|story|post)|previous (?:article|story|post)|article excerpt|full article|comments|share|listen|listen to (?:this|the) (?:article|story)|\d+ min(?:ute)? read|reading time:? \d+ min(?:ute)?s?|see a mistake\?.*|report (?:a typo|an error|a correction)\b.*|have a (?:news )?tip\?.*|got a (?:news )?tip\?.*|contact us\.?|image \d+ of \d+|\d+ of \d+|view (?:gallery|slideshow|photos)|expand|collapse|more|less|like this:?|like loading\.*|reply|report|flag|report abuse|prev(?:ious)? post|next post|sort by (?:best|newest|oldest)|comments powered by disqus\.?|photo|photos|video|videos|image|images|audio|gallery|please enable javascript\b.*|our standards:.*|(?:text|font) size\b.*|.*\bcopy this code to your (?:website|blog|site)\b.*|.*\bautoplay\b.*)$/i;

/** Navigation and widget labels: "Top of Page", "Back to top", "See a mistake? Tell us." */
export const removePageFurnitureLabels = blockRule('removePageFurnitureLabels', 'page-furniture', (t) => wordCount(t) <= 14 && UI_LABELS.test(t));

/** Paywall and metering notices: "Subscribe to continue reading", "You have 3 free articles left". */
export const removePaywallPrompts = blockRule('removePaywallPrompts', 'paywall-prompt', (t) => {
  if (wordCount(t) > 40) return false;
  return (
    /\b(?:subscribe|sign in|log in|register)(?: now)? to (?:continue|keep) reading\b/i.test(t) ||
    /\b(?:you have|you've) (?:reached|read|used) (?:your|all|the)?.{0,30}\b(?:free|complimentary) (?:articles?|stories)\b/i.test(t) ||
    /\b\d+ (?:free )?(?:articles?|stories) (?:left|remaining)\b/i.test(t) ||
    /\bthis (?:article|story|content) is (?:only )?(?:for|available to|reserved for) (?:subscribers|members)\b/i.test(t) ||
    /^(?:already a subscriber|not a subscriber|become a (?:member|subscriber))\b.{0,60}$/i.test(t)
  );
});

// Section names that site menus are made of: a line of them is navigation, not a headline.
const MENU_WORDS = new Set(
  'home news world uk us local national international politics business money markets economy tech technology science health sport sports football entertainment culture arts books music film movies tv lifestyle life style travel food opinion opinions comment analysis video videos photos podcasts weather obituaries education environment climate crime features magazine newsletters subscribe login log in sign register search menu more contact about jobs classifieds shop events latest trending live'.split(
    ' ',
  ),
);

/**
 * Navigation left in scraped text: breadcrumbs ("Home » World » Middle East") and menu lines
 * ("News Business Sport Opinion Subscribe"). Removed before the title is chosen, so that a
 * menu is never taken for the headline.
 */
export const removeNavigation = blockRule('removeNavigation', 'navigation', (t) => {
  // Neither form ends like a sentence: paragraphs that do (nearly all) are not split at all.
  if (/[.!?]$/.test(t)) return false;
  if (/[»›>]/.test(t)) {
    const parts = t.split(/\s*(?:»|›|>|\/|\||·|•)\s*/).filter(Boolean);
    if (parts.length >= 3 && parts.every((p) => wordCount(p) <= 4 && /^[\p{Lu}\p{N}]/u.test(p))) return true;
  }
  const ws = t.toLowerCase().split(/[\s|·•,]+/).filter(Boolean);
  return ws.length >= 3 && ws.length <= 20 && ws.filter((w) => MENU_WORDS.has(w)).length >= ws.length * 0.8;
});

function isSafeHarbour(t: string): boolean {
  return /\bforward[- ]looking statements?\b/i.test(t) && /\b(?:differ materially|undertakes? no (?:obligation|duty)|safe harbou?r)\b/i.test(t);
}

/** "Disclaimer: The views expressed are the author's own." */
export const removeDisclaimers = blockRule(
  'removeDisclaimers',
  'disclaimer',
  (t) =>
    (wordCount(t) <= 80 || isSafeHarbour(t)) &&
    (/^(?:disclaimer|disclosure)\s*[:—–-]/i.test(t) ||
      // A press release's safe-harbour paragraph ("Actual results could differ materially from
      // these forward-looking statements ..."): legal text, however long.
      isSafeHarbour(t) ||
      // "The author is a columnist for X. The opinions expressed are his own."
      (wordCount(t) <= 40 && /\bthe (?:opinions|views) expressed (?:here |in this (?:article|column|piece) )?are (?:his|her|their|the author'?s?’?|solely)\b/i.test(t))),
);
