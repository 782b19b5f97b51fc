import type { CleaningDoc } from '../document.js';
import { comparable, comparableWordCount, endsLikeSentence, isAllCaps, isProse, wordCount } from '../cues.js';
import { blockRule, type CleaningRule } from './rule.js';

// Only blocks of this many words count as repeated text: short lines recur legitimately
// (list items of a recipe, table headers), a repeated paragraph or pull quote is a copy.
const MIN_DUPLICATE_WORDS = 10;

/** Mostly numbers ("2 eggs, 1 cup rice, 3 tbsp. oil ..."): rows of a recipe or table repeat. */
function isDataRow(text: string): boolean {
  // (No digit at all: no word has one.)
  if (!/\p{N}/u.test(text)) return false;
  const ws = text.split(' ');
  return ws.filter((w) => /\p{N}/u.test(w)).length >= ws.length * 0.2;
}

/**
 * A paragraph repeated word for word (pull quotes, captions printed twice, scrape loops):
 * the first copy stays.
 */
export const removeDuplicates: CleaningRule = {
  name: 'removeDuplicates',
  run(doc: CleaningDoc) {
    const seen = new Set<string>();
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      if (wordCount(text) < MIN_DUPLICATE_WORDS) continue;
      const key = comparable(text);
      // Questions recur on purpose (the same question put to each person in a series).
      if (comparableWordCount(key) < MIN_DUPLICATE_WORDS || doc.blocks[i].listItem || !endsLikeSentence(text) || isDataRow(key) || /\?["”’]?$/.test(text)) continue;
      if (seen.has(key)) doc.drop(i, 'duplicate');
      else seen.add(key);
    }
  },
};

// Subheads are short. Between 6 and 10 words, lines without a full stop are as often
// sentences that lost it as subheads: on the Zyte pages (extract + clean) a limit of 10 words
// gave recall 0.9806, 6 words 0.9818, 14 words 0.9770. Subheads in capitals or wrapped in
// dashes are unmistakable and may be longer.
const MAX_HEADING_WORDS = 6;
const MAX_MARKED_HEADING_WORDS = 12;

function isShortLabel(text: string, limit = MAX_HEADING_WORDS): boolean {
  const n = wordCount(text);
  if (n === 0 || n > limit || endsLikeSentence(text) || /\?$/.test(text)) return false;
  // A clause after a comma ("By Monday, the army had withdrawn") is a sentence that lost its
  // full stop, not a subhead.
  return !/,\s+\p{Ll}+\s+\p{Ll}+\s+\p{Ll}/u.test(text);
}

/**
 * Subheads inside the article ("Sochi agenda", "– ‘Future belongs to Syrians’ –",
 * "IMMEDIATE BREAKTHROUGHS IMPROBABLE"): not sentences, and they would otherwise run into
 * the next sentence when the text is split. Kept are runs of short lines (a list, not a
 * heading) and a closing line with nothing after it.
 */
export const removeSectionHeadings: CleaningRule = {
  name: 'removeSectionHeadings',
  run(doc) {
    const kept = doc.kept();
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k];
      const block = doc.blocks[i];
      if (block.heading !== undefined) {
        doc.drop(i, 'section-heading');
        continue;
      }
      const text = block.text;
      if (block.listItem || !isShortLabel(text, MAX_MARKED_HEADING_WORDS)) continue;
      const dashWrapped = /^[–—-]\s.*\s[–—-]$/.test(text);
      const prev = kept[k - 1];
      const next = kept[k + 1];
      if (next === undefined) continue;
      const nextIsProse = isProse(doc.blocks[next].text, 5);
      if (dashWrapped || (isAllCaps(text) && wordCount(text) >= 2 && nextIsProse)) {
        doc.drop(i, 'section-heading');
        continue;
      }
      // Between two paragraphs, alone: a heading. Next to another short line: part of a list.
      const prevIsLabel = prev !== undefined && isShortLabel(doc.blocks[prev].text);
      if (prev !== undefined && !prevIsLabel && nextIsProse && isShortLabel(text)) doc.drop(i, 'section-heading');
    }
  },
};

const ELLIPSIS_END = /\s*(?:\.{3,}|…)$/;
// Words a sentence cannot end on: a text cut after one of them was cut mid-sentence.
const OPEN_WORDS = new Set(
  'a an the and or but nor of to in on at for with from by as that which who whose whom his her its their our my your this these those than into onto about after before while when where because if is are was were be been has have had will would can could may might must should'.split(' '),
);

/**
 * Text cut off with an ellipsis: a teaser repeating the start of a paragraph found elsewhere
 * in the article ("Police continue to question the..." above the full sentence), and a
 * last paragraph cut mid-sentence where a preview or a paywall ends ("... accounts and...",
 * "His ..."). A sentence that ends in an ellipsis on purpose (trailing off in a quote)
 * ends on a word that can close a sentence, and is kept.
 */
export const removeTruncatedText: CleaningRule = {
  name: 'removeTruncatedText',
  run(doc) {
    const kept = doc.kept();
    // The comparable form of every block is only needed when some block ends in an ellipsis.
    let texts: string[] | null = null;
    for (let k = 0; k < kept.length; k++) {
      const text = doc.blocks[kept[k]].text;
      if (!ELLIPSIS_END.test(text)) continue;
      texts ??= kept.map((i) => comparable(doc.blocks[i].text));
      const stem = comparable(text.replace(ELLIPSIS_END, ''));
      if (wordCount(stem) >= 6 && texts.some((t, j) => j !== k && t.length > stem.length && t.startsWith(stem))) {
        doc.drop(kept[k], 'duplicate');
        continue;
      }
      if (k !== kept.length - 1 || k === 0) continue;
      const ws = stem.split(' ');
      if (OPEN_WORDS.has(ws[ws.length - 1])) doc.drop(kept[k], 'truncated-text');
    }
  },
};

/** Wiki section headings, printed with their edit link: "Early life [ edit ]". */
export const removeWikiHeadings = blockRule('removeWikiHeadings', 'section-heading', (t) => wordCount(t) <= 12 && /\s\[\s?edit\s?\]$/.test(t));
