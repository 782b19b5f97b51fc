import { dateLine } from '../dates.js';
import type { CleaningRule } from './rule.js';

/**
 * Lines that only say when the article was published ("Jan 28, 2018, 00:38",
 * "November 22, 2017 | By | Reply More"): the first one becomes the published date.
 */
export const removeDateLines: CleaningRule = {
  name: 'removeDateLines',
  run(doc) {
    for (const i of doc.kept()) {
      const found = dateLine(doc.blocks[i].text);
      if (!found) continue;
      doc.offer('published', found.value, 1);
      doc.drop(i, 'date-line');
    }
  },
};
