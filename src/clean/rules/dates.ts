import { isProse } from '../cues.js';
import { dateLine } from '../dates.js';
import type { CleaningRule } from './rule.js';

// A date line below the article only dates the article when it says so ("Posted at ...",
// "Updated: ..."); a bare date down there usually belongs to a related-post teaser.
const PUBLISHING_LABEL = /\b(?:published|posted|updated|first published|last modified|date)\b/i;

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
      const found = dateLine(text);
      if (!found) {
        if (isProse(text)) inBody = true;
        continue;
      }
      if (!inBody) doc.offer('published', found.value, 1);
      else if (PUBLISHING_LABEL.test(text)) doc.offer('published', found.value, 2);
      // "date-line" tells later stages the line dates the article; a bare date under the
      // body is only a timestamp of something else.
      doc.drop(i, !inBody || PUBLISHING_LABEL.test(text) ? 'date-line' : 'timestamp');
    }
  },
};
