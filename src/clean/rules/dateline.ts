import type { CleaningDoc } from '../document.js';
import { isProse } from '../cues.js';
import type { CleaningRule } from './rule.js';

// The wire-style dateline opening the first paragraph: "MOSCOW, Jan 29 (Reuters) - ",
// "SAN FRANCISCO — ", "SPRINGFIELD, Ill. --", "Seoul (CNN) ", "RIVERTON (KXYZ.com) — ".
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s\p{Lu}[\p{Lu}\p{M}.'’-]*){0,3}`;
const ANY_PLACE = String.raw`\p{Lu}[\p{L}\p{M}.'’-]+(?:\s\p{Lu}[\p{L}\p{M}.'’-]*){0,2}`;
const REGION = String.raw`(?:,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?`;
const DATE = String.raw`(?:,?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?)?`;
const SOURCE = String.raw`\s?\(([^()]{1,40})\)`;
const SEPARATOR = String.raw`\s*(?:--|[-—–|:]|>>)\s*`;
const NEXT = String.raw`(?=["“‘']?[\p{Lu}\p{N}])`;

const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE}${REGION}${DATE}(?:${SOURCE})?)${SEPARATOR}${NEXT}`, 'u');
const SOURCED_DATELINE = new RegExp(String.raw`^(${ANY_PLACE}${REGION}${DATE}${SOURCE})(?:${SEPARATOR}|\s)${NEXT}`, 'u');
const DATELINE_ALONE = new RegExp(String.raw`^${CAPS_PLACE}${REGION}${DATE}(?:${SOURCE})?(?:${SEPARATOR})?$`, 'u');

/** The dateline prefix of a paragraph and the source it names, or null. */
export function datelinePrefix(text: string): { prefix: string; source: string | null } | null {
  const m = CAPS_DATELINE.exec(text) ?? SOURCED_DATELINE.exec(text);
  if (!m) return null;
  // At least three capital letters in the place: "UN - The ..." is not a dateline.
  if ((m[1].match(/\p{Lu}/gu) ?? []).length < 3 && !m[2]) return null;
  return { prefix: m[0], source: m[2] ?? null };
}

/**
 * Strip the dateline from the first paragraph (the sentence stays), and drop a dateline left
 * on a line of its own above it ("CAIRO |"). A news agency named in it suggests the outlet.
 */
export const removeDateline: CleaningRule = {
  name: 'removeDateline',
  run(doc: CleaningDoc) {
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (isProse(text)) {
        const found = datelinePrefix(text);
        if (found) {
          if (found.source) doc.offer('outlet', found.source, 4);
          doc.stripPrefix(i, found.prefix, 'dateline');
        }
        return;
      }
      if (DATELINE_ALONE.test(text) && /[|:(—–-]/.test(text)) doc.drop(i, 'dateline');
    }
  },
};
