import { isProse } from '../cues.js';
import { dateLine, statedDates } from '../dates.js';
import { looksLikeOutlet } from '../outlets.js';
import type { CleaningRule } from './rule.js';

// A date line below the article only dates the article when it says so ("Posted at ...",
// "Updated: ..."); a bare date down there usually belongs to a related-post teaser.
const PUBLISHING_LABEL = /\b(?:published|posted|updated|first published|last modified|date)\b/i;

// A time with at most a publishing label: "Updated 18:42", "Posted: 9:15 am ET".
const TIME_LINE = /^(?:(?:last )?(?:updated|posted|published|modified)\s*:?\s*(?:at\s+)?)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$/i;

/**
 * Whether a date line is the date and nothing else but labels and separators ("January 28,
 * 2018", "Mar 3, 2019 | 9:12 am"). Within the body, a line that also names things or gives
 * figures ("Web Summit - November 9-12, 2026, Lisbon", "1/1/2013 +13.1%") is a row of a
 * schedule or a table, not a timestamp.
 */
function isBareDate(text: string): boolean {
  let rest = text;
  for (const d of [...statedDates(text)].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.text.length);
  rest = rest.replace(/\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?/gi, ' ');
  return !/\p{N}|\p{Lu}\p{L}/u.test(rest);
}

/**
 * Lines that only say when the article was published ("Jan 28, 2018, 00:38",
 * "November 22, 2017 | By | Reply More"). The first one above the body gives the published
 * date; below the body only a labelled one does, and an unlabelled one is a "timestamp".
 */
export const removeDateLines: CleaningRule = {
  name: 'removeDateLines',
  run(doc) {
    let inBody = false;
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (TIME_LINE.test(text)) {
        doc.drop(i, inBody ? 'timestamp' : 'date-line');
        continue;
      }
      const found = dateLine(text);
      if (!found) {
        if (isProse(text)) inBody = true;
        continue;
      }
      if (!inBody) {
        doc.offer('published', found.value, 1);
        // "Coastline Post · March 19, 2025 · By Ruth Mendel": the other parts name the
        // outlet and the author.
        for (const part of text.split(/\s+[·•|]\s+/)) {
          const by = /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})$/u.exec(part.trim());
          if (by) doc.offer('byline', by[1], 2);
          else if (looksLikeOutlet(part)) doc.offer('outlet', part.trim(), 2);
        }
      }
      else if (PUBLISHING_LABEL.test(text)) doc.offer('published', found.value, 2);
      else if (!isBareDate(text)) continue;
      // "date-line" tells later stages the line dates the article; a bare date under the
      // body is only a timestamp of something else.
      doc.drop(i, !inBody || PUBLISHING_LABEL.test(text) ? 'date-line' : 'timestamp');
    }
  },
};
