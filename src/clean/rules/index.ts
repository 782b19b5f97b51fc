import { removeAuthorBio, removeBylines, removeReferences, removeSignOffs } from './bylines.js';
import { removeGluedPhotoCredits, removePhotoCaptions, removePhotoCredits } from './captions.js';
import { removeReaderComments } from './comments.js';
import { removeDateline } from './dateline.js';
import { removeDateLines } from './dates.js';
import { removeEmbeddedPosts, removePlayerLabels, removePlayerWidgets, removeSiteNotices, removeStoryHighlights } from './embeds.js';
import { removeHeaderFurniture, removeRepeatedHeadline, takeTitle } from './header.js';
import { removeMarkup, removeSeparators } from './markup.js';
import {
  removeAdvertisements,
  removeCookiePrompts,
  removeCopyright,
  removeDisclaimers,
  removeEditorNotes,
  removeNewsletterPrompts,
  removeNavigation,
  removePageFurnitureLabels,
  removePaywallPrompts,
  removeRepublicationNotes,
} from './prompts.js';
import { removeNewswireNotices } from './newswire.js';
import { removeRelatedLinks, removeTrailingTeasers } from './related.js';
import type { CleaningRule } from './rule.js';
import { removeDuplicates, removeSectionHeadings, removeTruncatedText, removeWikiHeadings } from './structure.js';
import { removeTagLines } from './tags.js';
import { removeContactLines, removeShareCounters, removeShareWidgets, removeSocialPrompts, removeTweetSignatures } from './widgets.js';

export type { CleaningRule } from './rule.js';

/**
 * The cleaning rules in the order they run. Rules that recognise a block by its own words
 * come first, so a block gets the most specific reason; rules that judge by position
 * (title, header furniture, headings, trailing teasers) come after, on what is left.
 * The comment thread goes early: everything after its start is comments, whatever it says.
 * Date lines come after comments and related links, so that the timestamps of comments and
 * teasers are removed as such and never taken for the article's date.
 */
export const CLEANING_RULES: readonly CleaningRule[] = [
  removeMarkup,
  removeSeparators,
  removeNavigation,
  removeTweetSignatures,
  removeEmbeddedPosts,
  removeSiteNotices,
  removePlayerWidgets,
  removePlayerLabels,
  removeStoryHighlights,
  removeWikiHeadings,
  removeReaderComments,
  removeShareCounters,
  removeShareWidgets,
  removeAdvertisements,
  removeNewsletterPrompts,
  removePaywallPrompts,
  removeCookiePrompts,
  removeCopyright,
  removeRepublicationNotes,
  removeEditorNotes,
  removeNewswireNotices,
  removeDisclaimers,
  removePageFurnitureLabels,
  removeSocialPrompts,
  removeContactLines,
  removeTagLines,
  removeRelatedLinks,
  removeDateLines,
  removeBylines,
  removeSignOffs,
  removeReferences,
  removePhotoCaptions,
  removePhotoCredits,
  removeGluedPhotoCredits,
  removeDateline,
  takeTitle,
  removeRepeatedHeadline,
  removeHeaderFurniture,
  removeDuplicates,
  removeTruncatedText,
  removeSectionHeadings,
  removeAuthorBio,
  removeTrailingTeasers,
];
