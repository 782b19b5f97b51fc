import type { CleaningDoc } from '../document.js';
import { wordCount } from '../cues.js';
import type { CleaningRule } from './rule.js';

// A person's or desk's name as printed in credits: capitalised words, initials, particles.
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|la|le|del|dos))*`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|&|\band\b)\s*${NAME})*`;

const BYLINE = new RegExp(
  String.raw`^(?:[/|]\s*)?(?:(?:[Uu]pdated|[Ss]ource:\s*[\p{L}.' ]+?)\s+)?(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Ww]ords by|[Ss]tory by|[Tt]ext by|[Aa]uthor:?|[Rr]eporter:?)\s+(${NAMES})(?:\s*[,|–—-]\s*\p{Lu}[\p{L}.&' ]{0,60})?$`,
  'u',
);

const TIME_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Christmas|Easter|Then|Now|Noon|Midnight|Tonight|Today|Tomorrow|Yesterday|Contrast|Comparison|Law|Design|Default|Far|All|Some|Most|Many|Then)\b/;

/** "By Jane Doe", "By JANE DOE, Associated Press", "/ Updated By A and B", "Posted by admin". */
function byline(text: string): string | null {
  if (wordCount(text) > 14 || /[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''))) return null;
  const m = BYLINE.exec(text);
  // "By Monday, ..." and "By March 2019" are time phrases, not names.
  if (!m || TIME_WORDS.test(m[1])) return null;
  return m[1];
}

export const removeBylines: CleaningRule = {
  name: 'removeBylines',
  run(doc: CleaningDoc) {
    for (const i of doc.kept()) {
      const name = byline(doc.blocks[i].text);
      if (name === null) continue;
      doc.offer('byline', name, 2);
      doc.drop(i, 'byline');
    }
  },
};

// Credits at the end of wire copy and of reports: "(Reporting by X; Editing by Y)",
// "X contributed to this report.", "Press journalist for HRO media – Khizer Hayat reports.",
// "-- Jane Doe", and a bare source credit like "(CGTN & AFP)".
const CREDIT_WORDS = String.raw`(?:reporting|additional reporting|writing|editing|compiled|produced|translated|research|graphics|edited|written|reported|with (?:files|inputs|reporting|additional reporting|agency inputs))`;
const SIGN_OFFS: RegExp[] = [
  new RegExp(String.raw`^\(\s*${CREDIT_WORDS}\b.*\)\.?$`, 'i'),
  new RegExp(String.raw`^${CREDIT_WORDS} (?:by|from)\b.{0,160}$`, 'i'),
  /^\(?\s*with (?:inputs|agency inputs) from [^)]{1,60}\)?\.?$/i,
  /^(?:AP|AFP|Reuters|REUTERS|Xinhua|dpa|ANI|PTI|IANS|UPI|TASS|Anadolu|Bloomberg|CNN|BBC)\.?$/,
  /^.{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b.{0,40}$/i,
  /^.{0,120}\bcontributed reporting\b.{0,40}$/i,
  new RegExp(String.raw`^.{0,80}[–—-]\s*${NAME}\s+(?:reports|reporting)\.?$`, 'u'),
  new RegExp(String.raw`^(?:--|—|–|-)\s*${NAMES}(?:,\s*[\p{L}.&' ]{1,40})?$`, 'u'),
  new RegExp(String.raw`^(?:[Ss]ources?|[Vv]ia|[Ee]ditors?|[Ee]dited by|[Ww]riter|[Rr]eporter|[Tt]ranslator|[Cc]ompiled by)\s*:\s*${NAMES}(?:\s*[,|/&]\s*${NAMES})*\.?$`, 'u'),
];
// Long credit lists: "Jane Roe in Cairo, John Doe in Algiers and Ann Poe in Rabat contributed
// to this report." (wire stories name every bureau), "Contributing: Jane Roe; The Associated Press".
const LONG_SIGN_OFFS: RegExp[] = [
  /\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$/i,
  /^(?:The )?(?:Associated Press|AP|Reuters|AFP) (?:writers?|reporters?|correspondents?|staff)\b.{0,600}\bcontributed\b.{0,60}$/,
  /^contributing\s*:\s*\p{Lu}/iu,
  // Sources named under member-newspaper and press-release copy.
  /^[Ii]nformation from\s*:\s*\p{Lu}.{0,200}$/u,
  /^SOURCE\s+\p{Lu}[\p{L}.&'’ -]{1,60}$/u,
];
const SOURCE_CREDIT = /^\(\s*(\p{Lu}[\p{L}.]*(?:\s*(?:&|and|\/|,)\s*\p{Lu}[\p{L}.]*)*)\s*\)\.?$/u;

const DASHED = /^(?:--|[-–—])\s/;

/** "- Diapers" next to "- Hair": an item of a list written with dashes, not "-- Jane Doe" signing off. */
function inDashedList(blocks: readonly { text: string }[], i: number): boolean {
  return DASHED.test(blocks[i]!.text) && (DASHED.test(blocks[i - 1]?.text ?? '') || DASHED.test(blocks[i + 1]?.text ?? ''));
}

export const removeSignOffs: CleaningRule = {
  name: 'removeSignOffs',
  run(doc) {
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (wordCount(text) <= 90 && LONG_SIGN_OFFS.some((re) => re.test(text))) {
        doc.drop(i, 'sign-off');
        continue;
      }
      if (wordCount(text) > 40) continue;
      const credit = SOURCE_CREDIT.exec(text);
      if (credit && wordCount(text) <= 6) {
        doc.offer('outlet', credit[1], 3);
        doc.drop(i, 'sign-off');
      } else if (!inDashedList(doc.blocks, i) && SIGN_OFFS.some((re) => re.test(text))) {
        doc.drop(i, 'sign-off');
      }
    }
  },
};

// Built once: a Unicode pattern costs far more to compile than to run on one paragraph.
const AUTHOR_BIO = new RegExp(
  String.raw`^${NAME} (?:is|was) (?:a|an|the) [^.]{0,80}\b(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|author|producer|photographer|intern|fellow)\b`,
  'u',
);

/** The author's biography closing the page: "Jane Doe is a contributing editor at X." */
export const removeAuthorBio: CleaningRule = {
  name: 'removeAuthorBio',
  run(doc) {
    const kept = doc.kept();
    const last = kept[kept.length - 1];
    if (last === undefined || kept.length < 3) return;
    const text = doc.blocks[last].text;
    if (wordCount(text) <= 50 && AUTHOR_BIO.test(text)) doc.drop(last, 'author-bio');
  },
};

// A bibliographic reference: "Roe J, Doe A, Poe K, et al. Title of the paper. Journal. 2015."
// Its title and journal would read as names of people and places to later stages.
const REFERENCE_LABEL = /^(?:sources?|references?|citations?|journal references?|full citation)\s*:\s*/i;
const AUTHOR_LIST = /^(?:\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)? \p{Lu}{1,3}\.?, ){2,}/u;
const REFERENCE_MARKS = /\bet al\.|\bdoi:|\bdoi\.org\/|\b(?:19|20)\d{2};\s?\d+|\.\s(?:19|20)\d{2}\.?$/;

/** Study references under an article: "Source: Roe J, Doe A, et al. Title. Journal. 2015." */
export const removeReferences: CleaningRule = {
  name: 'removeReferences',
  run(doc) {
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (wordCount(text) > 80) continue;
      const rest = text.replace(REFERENCE_LABEL, '');
      const labelled = rest !== text;
      if ((labelled && REFERENCE_MARKS.test(rest)) || (AUTHOR_LIST.test(rest) && REFERENCE_MARKS.test(rest))) doc.drop(i, 'reference');
    }
  },
};
