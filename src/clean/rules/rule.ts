import type { CleaningDoc } from '../document.js';
import { isProse } from '../cues.js';

/**
 * A cleaning rule: a named step that looks at the blocks still kept and drops (or trims)
 * some of them, each with its reason slug. Rules run in the fixed order of rules/index.ts.
 */
export interface CleaningRule {
  name: string;
  run(doc: CleaningDoc): void;
}

/** A rule that judges each kept block on its own. */
export function blockRule(name: string, reason: string, matches: (text: string) => boolean): CleaningRule {
  return {
    name,
    run(doc) {
      for (const i of doc.kept()) if (matches(doc.blocks[i].text)) doc.drop(i, reason);
    },
  };
}

/** Index of the first kept block that reads as prose (the article body proper starts there). */
export function firstProse(doc: CleaningDoc): number {
  for (const i of doc.kept()) if (isProse(doc.blocks[i].text)) return i;
  return doc.blocks.length;
}
