// Hypocorisms: familiar forms of given names ("Bill" for William, "Peggy" for Margaret), read
// from the data list data/hypocorisms.tsv (licence beside it). Two given names are one when they
// are the same or share a full form ("Bill" and "Will" are both William's).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const HYPOCORISMS_FILE = fileURLToPath(new URL('../../../data/hypocorisms.tsv', import.meta.url));

let table: Map<string, Set<string>> | null = null;

/** Lower-case given name -> the full forms it stands for (a full form stands for itself). */
function fullForms(): Map<string, Set<string>> {
  if (table) return table;
  table = new Map();
  const add = (form: string, full: string) => {
    let set = table!.get(form);
    if (!set) table!.set(form, (set = new Set()));
    set.add(full);
  };
  for (const line of readFileSync(HYPOCORISMS_FILE, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [full, forms] = line.split('\t');
    if (!full || !forms) continue;
    add(full, full);
    for (const f of forms.split(',')) if (f.trim()) add(f.trim(), full);
  }
  return table;
}

/** The full given names a (lower-case, folded) given name may stand for, itself included. */
export function givenNameKeys(word: string): string[] {
  const full = fullForms().get(word);
  return full ? [...new Set([word, ...full])] : [word];
}

/** Whether two given names may name one person: equal, or forms of one full name. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const fa = fullForms().get(a);
  const fb = fullForms().get(b);
  if (!fa || !fb) return false;
  for (const x of fa) if (fb.has(x)) return true;
  return false;
}
