import type { CleaningDoc } from '../document.js';

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
