import { wordCount } from '../cues.js';
import { blockRule } from './rule.js';

/** Tag and category lines: "Tags: , ,", "Category: Arab uprising", "Filed under: ...". */
export const removeTagLines = blockRule(
  'removeTagLines',
  'tags',
  (t) =>
    wordCount(t) <= 40 &&
    /^(?:tags?|tagged(?: with| in)?|topics?|categor(?:y|ies)|filed (?:under|in)|posted in|keywords?|labels?|sections?|subjects?|more about)\s*[:|]/i.test(t),
);
