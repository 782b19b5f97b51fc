import { blockRule, type CleaningRule } from './rule.js';

/** Markdown blocks that carry no article text: images, rules, link definitions, front matter, code. */
export const removeMarkup: CleaningRule = {
  name: 'removeMarkup',
  run(doc) {
    for (const i of doc.kept()) {
      const markup = doc.blocks[i].markup;
      if (markup) doc.drop(i, markup);
    }
  },
};

/** Lines with no letter or digit at all: "___", "* * *", "———", stray bullets. */
export const removeSeparators = blockRule('removeSeparators', 'separator', (t) => !/[\p{L}\p{N}]/u.test(t));
