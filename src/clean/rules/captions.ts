import type { CleaningRule } from './rule.js';
import { endsLikeSentence, wordCount } from '../cues.js';
import { blockRule } from './rule.js';

// A credit closing a caption: "AP Photo/Jane Doe", "(Reuters/John Roe)", "| Getty Images",
// "via REUTERS", "(Jane Roe/The Daily Courier)", and the agency after a cut-off gallery
// caption "... Police continue to question... (Associated Press)" (the ellipsis marks the cut).
const CLOSING_CREDITS: RegExp[] = [
  /\b(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty|Xinhua|AAP|PA|Bloomberg|NurPhoto|Anadolu)\s*(?:Photo|Images|PHOTO|Pictures)?\s*\/\s*\p{Lu}[\p{L}.' -]*\)?$/u,
  /\((?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Xinhua)(?: Photo| Images|\/)[^)]*\)$/,
  /\b(?:via|\/) Getty Images\)?$|\bGetty Images$/,
  /\bvia (?:REUTERS|Reuters|AP|AFP|EPA|Getty Images)\)?\.?$/,
  /(?:\.{3}|…)\s*\((?:The )?(?:Associated Press|AP|Reuters|AFP|Getty Images|EPA|Xinhua|UPI|Bloomberg)\)$/,
  /\((?:\p{Lu}[\p{L}'’.-]+ ){1,3}\p{Lu}[\p{L}'’.-]+\s?\/\s?(?:The )?\p{Lu}[\p{L}.&'’ -]{1,40}\)$/u,
];

// A short description, the picture's date and the agency: "Soldiers near the border. May 3, 2014 (Reuters)".
const DATED_AGENCY_CREDIT = /^.{0,200}\b\d{4}\.?\s*\((?:Reuters|REUTERS|AP|AFP|EPA|Getty Images|Xinhua)\)$/;

// A caption, then " | " and the picture agency, then whatever the page printed next (a
// headline and its standfirst): "Divers at the pier. | Jane Roe/Getty Images Pier closes ...".
const PIPE_CREDIT = /^[^|]{20,400}[.!?]["”’]?\s\|\s(?:Getty(?: Images)?|AP|Reuters|AFP|EPA|(?:\p{Lu}[\p{L}.'’-]+ ){1,3}\p{Lu}[\p{L}.'’-]+\s?\/\s?(?:Getty Images|AP|Reuters|AFP|EPA))\b/u;

// Wire galleries open a picture of an earlier event with "FILE -" ("FILE - In this 2013 file
// photo, ..."): no sentence of an article starts that way.
const FILE_PHOTO_OPENER = /^FILE\s?[-–—]+\s?\p{Lu}/u;

// The label a picture viewer prints before its caption ("Enlarge this image", "Hide caption").
const CAPTION_LABEL = /^(?:enlarge (?:this )?image|view images?|toggle caption|hide caption|image copyright|image caption|slideshow \(\d+ images?\)|photo gallery|view (?:gallery|slideshow))\b/i;

// Cues that alone mark a line as a caption or a picture credit.
const CAPTION_STRONG: RegExp[] = [
  /^(?:photo|photos|photograph|picture|pic|image|images|file photo|caption|credit|credits|photo credit|photo caption|picture caption|image credit|image copyright|image caption|video caption|media caption|illustration|graphic|photo illustration|top image|main image|header image|featured image)\s*(?:[:|]|[–—]\s)/i,
  /\((?:photos?|photograph|picture|image|credit|photo credit|illustration)\s*(?:by\b|:|courtesy\b)/i,
  CAPTION_LABEL,
  /^in this (?:[\w.,-]+ ){0,6}(?:photo|picture|photograph|image|video (?:still|grab)|screengrab|screenshot)\b/i,
  /^this (?:[\w.,-]+ ){0,4}(?:photo|picture|photograph|image|handout|screengrab|screenshot)\b,? (?:provided|released|taken|made available|obtained|supplied|shows)\b/i,
  /^file (?:photo|picture|image)\b/i,
  /^(?:media playback is unsupported on your device|media caption)\b/i,
  /\([^()]*\b(?:photos?|pictures?|images?|file|handout|screengrab|screenshot)\b[^()]*\)$/i,
  /\b(?:REUTERS|AFP PHOTO|AP PHOTO)\s*\/\s*\p{Lu}/u,
  /\b[Pp]icture taken (?:on )?(?:\p{Lu}\p{Ll}+ \d{1,2}|\d{1,2} \p{Lu}\p{Ll}+|in)\b/u,
  /\b(?:courtesy of|photo courtesy|image courtesy)\b[^.]{0,60}$/i,
  FILE_PHOTO_OPENER,
  PIPE_CREDIT,
  DATED_AGENCY_CREDIT,
  // Credits that name the picture library or the video's channel: "Source: jdoe / Wikimedia
  // Commons", "(CNN/YouTube)", a credit first: "Getty Images Jane Doe", "Official Photo, Jane Doe".
  /(?:^|[\s/|])(?:Wikimedia Commons|Shutterstock|iStock(?:photo)?|Flickr)\)?$/,
  /\(\p{Lu}[\p{L}.]*\/(?:YouTube|Twitter|Facebook|Instagram|Vimeo)\)$/u,
  // (names only after the agency: "Shutterstock Expands Partnership with ..." is a headline)
  /^(?:Getty Images|AP Photo|AFP|EPA|Shutterstock)\s+\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’-]*|&|de|del|der|van|von|da|di|du|la|le|for|via)){0,5}$/u,
  /^(?:\p{Lu}\p{L}+ ){0,3}Photo(?:graph)?, \p{Lu}[\p{L}.'’-]+ \p{Lu}[\p{L}.'’-]+/u,
  // A credit closing a caption's sentence: "... at the site. Courtesy Jane Roe", "... in 2019.
  // / NIAID", "... on the pier Photograph: Jane Roe", "... Photo by Jane Roe", "Credit: Jane Roe".
  /[.!?]["”’]?\s+Courtesy (?:of )?\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3}$/u,
  /\p{Ll}{2}[.!?]\s+[\/—–]\s?\p{Lu}[\p{L}&.]{1,20}(?: (?:\p{Lu}[\p{L}&.]{1,20}|of|the|and|de)){0,4}$/u,
  /\b(?:Photograph|Photo|Picture|Image|Illustration|Credit)\s?:\s?\p{Lu}[\p{L}.'’ -]{1,40}(?:\/[\p{L}.'’ -]{1,40})?$/u,
  /\b(?:[Pp]hoto|[Pp]icture|[Ii]mage)s? by \p{Lu}[\p{L}.'’ -]{1,40}$/u,
  /\bShare Photo$/,
  // Figure legends: "Fig. 2 The skull in side view", "Figure 3. Routes flown ...".
  /^(?:Fig\.?|Figure|Table) \d+[a-z]?[.:]?\s+\p{Lu}/u,
  // A portrait's caption, the whole line: "Jane Doe, 32, of Springfield".
  /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}, \d{1,3}, of \p{Lu}[\p{L}.'’ -]{1,40}$/u,
  ...CLOSING_CREDITS,
];

// A caption may run long (the picture's description, then the story's first lines) when a
// credit closes it or "FILE -" opens it; those cues are certain enough to judge a longer block.
// (BBC pages glue "Image copyright X Image caption ..." to the paragraph under the picture,
// so those two labels do not make a long block a caption.)
const CERTAIN_CUES: RegExp[] = [/^(?:enlarge (?:this )?image|view images?|toggle caption|hide caption)\b/i, /^(?:Fig\.?|Figure) \d+[a-z]?[.:]?\s+\p{Lu}/u, FILE_PHOTO_OPENER, PIPE_CREDIT, ...CLOSING_CREDITS];
// Longest caption judged by its other cues (wire captions rarely pass 70 words).
const MAX_CAPTION_WORDS = 70;
// Longest block a closing credit or a "FILE -" opener can mark as a caption.
const MAX_CREDITED_CAPTION_WORDS = 130;

// Cues that mark a caption only in company: a position marker ("(C)", "(2nd L)"), a picture
// verb ("is pictured", "looks on", "poses"), a closing "on January 25, 2018." date.
const POSITION_MARKER = /\s\((?:C|L|R|centre|center|left|right|front|back|top|bottom|\d(?:st|nd|rd|th)\s?(?:L|R|left|right)|L-?R|R-?L|from left|from right|far left|far right)\)/;
const PICTURE_VERB = /\b(?:(?:is|are) (?:pictured|seen|shown|photographed)|pictured|looks? on|poses?|posing|gestures?|gesturing|waves? to|attends?|arrives?|speaks? (?:during|at|to)|walks?|listens?|reacts?|smiles?|holds? up)\b/;
const CLOSING_DATE = /\b(?:on|in) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\.?\)?$/;
const SPEECH = /\b(?:said|says|told|tells|according to|asked)\b|["“”]/;

/** Is this line a photo caption? Decided by cues, not by where the line sits. */
export function isPhotoCaption(text: string): boolean {
  const n = wordCount(text);
  if (n > MAX_CREDITED_CAPTION_WORDS) return false;
  if (n > MAX_CAPTION_WORDS) return CERTAIN_CUES.some((re) => re.test(text));
  // Credits often pile up at the end: "... (AP Photo/Jane Doe) (Associated Press)".
  for (let t = text; ; ) {
    if (CAPTION_STRONG.some((re) => re.test(t))) return true;
    const shorter = t.replace(/\s*\([^()]*\)$/, '');
    if (shorter === t || shorter === '') break;
    t = shorter;
  }
  if (SPEECH.test(text)) return false;
  const weak = [POSITION_MARKER.test(text), PICTURE_VERB.test(text), CLOSING_DATE.test(text)].filter(Boolean).length;
  return weak >= 2;
}

export const removePhotoCaptions = blockRule('removePhotoCaptions', 'photo-caption', isPhotoCaption);

/**
 * A credit line on its own: "Getty Images", "AP Photo/Jane Doe", "Jane Doe/Reuters",
 * "(Smith & Jones/Journal of Examples)", "Courtesy of the Doe family".
 */
export function isPhotoCredit(text: string): boolean {
  if (wordCount(text) > 10 || endsLikeSentence(text.replace(/\)$/, '').replace(/\b\p{Lu}\.$/u, ''))) return false;
  const t = text.replace(/^\((.*)\)$/, '$1').trim();
  return (
    /^(?:Getty Images|AP|AFP|Reuters|EPA|Shutterstock|iStock|Xinhua|Alamy|Corbis|AAP|PA|Bloomberg)(?:\s*(?:Photo|Images|PHOTO))?(?:\s*\/.*)?$/.test(t) ||
    /^(?:photo|image|picture)s?\s*(?:by|courtesy)\b/i.test(t) ||
    /^(?:photograph|photography|illustration) by\b/i.test(t) ||
    /^[Cc]ourtesy(?: of)?(?: the)?\s+\p{Lu}/u.test(t) ||
    (/^\p{Lu}[\p{L}.'’&, -]*\s?\/\s?\p{Lu}[\p{L}.'’&, -]*(?:\s?\/\s?\p{Lu}[\p{L}.'’&, -]*)?$/u.test(t) && t.split('/').every(namesOnly))
  );
}

// Lower-case words a name of a person or a body may hold ("Ana de Souza", "Journal of Examples").
const NAME_PARTICLES = new Set(['of', 'de', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'da', 'di', 'y', '&']);

/**
 * Whether one side of a "Name / Agency" credit is names only: every word capitalised or a name's
 * particle. "customizable CI/CD solution" and "Machine Learning Club at Georgia Tech" are not.
 */
function namesOnly(side: string): boolean {
  const words = side.split(/[\s,]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w));
}

export const removePhotoCredits = blockRule('removePhotoCredits', 'photo-credit', isPhotoCredit);

// Words a picture agency's name ends with ("Splash News", "Getty Images", "Rex Features").
const AGENCY_END = '(?:News|Images|Photos?|Pictures|Press|Wire|Features|Getty|Reuters|AP|AFP|EPA|Shutterstock|WireImage|FilmMagic|Invision|Corbis|Splash|Bloomberg|Xinhua)';
// "Jane Roe / Splash News The harbour ...": a photographer and agency run into the first words.
const GLUED_CREDIT = new RegExp(`^\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){1,2} ?/ ?(?:\\p{Lu}[\\p{L}.&]* ){0,2}${AGENCY_END} (?=["“\\p{Lu}])`, 'u');

/**
 * A photo credit run into the paragraph under the picture, as scrapes flatten them: cut from
 * its front, so the paragraph starts with its own first word.
 */
export const removeGluedPhotoCredits: CleaningRule = {
  name: 'removeGluedPhotoCredits',
  run(doc) {
    for (const i of doc.kept()) {
      const credit = GLUED_CREDIT.exec(doc.blocks[i].text);
      if (credit && credit[0].length < doc.blocks[i].text.length) doc.stripPrefix(i, credit[0], 'photo-credit');
    }
  },
};
