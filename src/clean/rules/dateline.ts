import type { CleaningDoc } from '../document.js';
import { isProse } from '../cues.js';
import type { CleaningRule } from './rule.js';

// The wire-style dateline opening the first paragraph: "MOSCOW, Jan 29 (Reuters) - ",
// "SAN FRANCISCO — ", "SPRINGFIELD, Ill. --", "Seoul (CNN) ", "RIVERTON (KXYZ.com) — ".
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s\p{Lu}[\p{Lu}\p{M}.'’-]*){0,3}`;
const ANY_PLACE = String.raw`\p{Lu}[\p{L}\p{M}.'’-]+(?:\s\p{Lu}[\p{L}\p{M}.'’-]*){0,2}`;
const REGION = String.raw`(?:,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?`;
const DATE = String.raw`(?:,?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?)?`;
// The source in brackets, or a press-release wire between slashes ("/PRNewswire/"). A source
// is a name of at most three words opening with a capital ("(Reuters)", "(KXYZ.com)"): a label
// with a remark in brackets ("Private (in person): ...", "Arrow (in-memory): ...") is no dateline.
const SOURCE = String.raw`\s?(?:\((\p{Lu}[^()\s]*(?:\s[^()\s]+){0,2})\)|\/(\p{L}[\p{L}-]{1,30})\/)`;
const SEPARATOR = String.raw`\s*(?:--|[-—–|:]|>>)\s*`;
const NEXT = String.raw`(?=["“‘']?[\p{Lu}\p{N}])`;

const CAPS_DATELINE = new RegExp(String.raw`^(${CAPS_PLACE}${REGION}${DATE}(?:${SOURCE})?)${SEPARATOR}${NEXT}`, 'u');
const SOURCED_DATELINE = new RegExp(String.raw`^(${ANY_PLACE}${REGION}${DATE}${SOURCE})(?:${SEPARATOR}|\s)${NEXT}`, 'u');
// "(CNN) -- ", "(AP) — ": the agency alone, in brackets, opening the paragraph.
const AGENCY_ONLY = /^(\((?:CNN|AP|Reuters|AFP|UPI|AAP|PTI|IANS|ANI|Xinhua|dpa|BBC|NBC|CBS|ABC|Bloomberg)\))(?:\s*(?:--|[—–-])\s*|\s+)(?=["“‘']?[\p{Lu}\p{N}])/u;
// "Springfield, IL - ": a place in ordinary case with a US state's postal code and a dash.
const STATE_DATELINE = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}, [A-Z]{2})\s+(?:--|[—–-])\s+(?=["“‘']?[\p{Lu}\p{N}])/u;
const DATELINE_ALONE = new RegExp(String.raw`^${CAPS_PLACE}${REGION}${DATE}(?:${SOURCE})?(?:${SEPARATOR})?$`, 'u');

/** The dateline prefix of a paragraph and the source it names, or null. */
export function datelinePrefix(text: string): { prefix: string; source: string | null } | null {
  const agency = AGENCY_ONLY.exec(text);
  if (agency) return { prefix: agency[0], source: agency[1].slice(1, -1) };
  const state = STATE_DATELINE.exec(text);
  if (state) return { prefix: state[0], source: null };
  const m = CAPS_DATELINE.exec(text) ?? SOURCED_DATELINE.exec(text);
  if (!m) return null;
  // At least three capital letters in the place: "UN - The ..." is not a dateline.
  const source = m[2] ?? m[3] ?? null;
  if ((m[1].match(/\p{Lu}/gu) ?? []).length < 3 && !source) return null;
  return { prefix: m[0], source };
}

/**
 * Strip the dateline from the first paragraph (the sentence stays), and drop a dateline left
 * on a line of its own above it ("CAIRO |"). A news agency named in it suggests the outlet.
 */
export const removeDateline: CleaningRule = {
  name: 'removeDateline',
  run(doc: CleaningDoc) {
    let inBody = false;
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (inBody) {
        // Further down, only a dateline naming its agency ("SPRINGFIELD, Ill. (AP) -- "):
        // a wire story pasted under the first one, or a lead printed after a teaser.
        const found = isProse(text) ? datelinePrefix(text) : null;
        if (found?.source) doc.stripPrefix(i, found.prefix, 'dateline');
        continue;
      }
      if (isProse(text)) {
        const found = datelinePrefix(text);
        if (found) {
          if (found.source) doc.offer('outlet', found.source, 4);
          doc.stripPrefix(i, found.prefix, 'dateline');
        } else {
          // The dash of a dateline whose place the scrape left out ("— A dispatcher ...").
          const dash = /^(?:[—–]|--)\s+(?=["“\p{Lu}])/u.exec(text);
          if (dash) doc.stripPrefix(i, dash[0], 'dateline');
        }
        inBody = true;
        continue;
      }
      if (DATELINE_ALONE.test(text) && /[|:(—–-]/.test(text)) doc.drop(i, 'dateline');
    }
  },
};
