// Roles: what the text says a person is ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov, the
// Kremlin's spokesman", "Peskov, 54, a spokesman for the Kremlin"). Each mention of a person's
// name is read with the words right before it (a role noun or title, with the capitalised words
// and modifiers that qualify it) and the apposition right after it (", [age,] [a|an|the] phrase"
// holding a role word). The entity's role is the one stated most often, cited where first stated.
import type { Doc, Entity, EntityRole } from '../../types.js';
import { NameIndex } from '../name-index.js';
import { ROLE_NOUNS, TITLES } from './entity-lexicon.js';

/** Courtesy titles say nothing of what someone does. */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'madam', 'dr']);
/** Lower-case words that qualify a role noun before a name ("former", "deputy", "press"). */
const MODIFIERS = new Set(
  'former acting interim deputy assistant associate senior junior chief vice top longtime then-former retired veteran press foreign defense defence interior finance justice health trade state federal local regional national general managing executive lead head district county city town police security military army navy intelligence election campaign team club family party company bank government'.split(' '),
);
/** Words ending like role nouns that are not ("after", "other", "never"). */
const NOT_ROLES = new Set(
  'after under over other never ever whether either neither later earlier rather together her for or per father-in-law another mother-in-law their our your nor however manner number member matter order paper water power summer winter corner border letter center centre er'.split(' '),
);
/** Titles that qualify a role but are none ("acting", "former", "Foreign"). */
const QUALIFIERS = new Set(
  'acting former interim managing crown special senior junior assistant associate emeritus staff vice foreign defence defense interior finance justice health trade economy democrat republican principal'.split(' '),
);
/** A word that names what someone is: a role noun of the lexicon, a title, or a word of an agent ending. */
export function isRoleWord(w: string): boolean {
  const l = w.toLowerCase().replace(/[.,]$/, '');
  if (!l || NOT_ROLES.has(l) || QUALIFIERS.has(l)) return false;
  if (ROLE_NOUNS.has(l) || (TITLES.has(l) && !COURTESY.has(l))) return true;
  if (ROLE_NOUNS.has(l.replace(/s$/, ''))) return true;
  return /^\p{Ll}/u.test(w) && /^\p{Ll}{3,}(?:ist|ian|man|woman|person|ee|er|or|ant|ent)$/u.test(l) && !/(?:ment|ever|ther)$/.test(l);
}

/**
 * A word that names what a person (not a company) is: a role noun of the lexicon, a title, or a
 * word of a person's ending ("geologist", "historian", "chairwoman"). Agent nouns in -er and -or
 * name firms as often ("retailer", "carrier") and do not count.
 */
export function isPersonRoleWord(w: string): boolean {
  const l = w.toLowerCase().replace(/[.,]$/, '');
  if (!l || NOT_ROLES.has(l) || QUALIFIERS.has(l)) return false;
  if (ROLE_NOUNS.has(l) || (TITLES.has(l) && !COURTESY.has(l)) || ROLE_NOUNS.has(l.replace(/s$/, ''))) return true;
  return /^\p{Ll}{3,}(?:ist|ian|man|woman|person)$/u.test(w) && !/(?:ment|ever|ther)$/.test(l);
}

const CAPITALISED = /^\p{Lu}/u;
/** Prepositions that open a noun phrase's complement, after its head. */
const HEAD_ENDS = new Set(['of', 'for', 'in', 'on', 'at', 'with', 'from', 'to', 'by', 'about', 'into', 'over', 'against']);
const CONNECT = new Set(['of', 'for', 'at', 'and', '&', 'the']);
const PRONOUNS = /^(?:to|who|which|that|whose|he|she|they|it|and|but|said|says|told|was|is|has|had|will|would|in|on|at|according)$/i;

/** The role phrase right before a name: it must end in a role word next to the name. */
function roleBefore(text: string): string | null {
  const words = text.replace(/\s+$/, '').split(/\s+/);
  if (!words.length || !isRoleWord(words[words.length - 1]!) || /[,;:.!?"“”)]$/.test(words[words.length - 1]!)) return null;
  let k = words.length - 1;
  while (k > 0 && words.length - k < 7) {
    const w = words[k - 1]!;
    if (/[,;:!?"“”()]$/.test(w) || /^["“(]/.test(w)) break;
    const l = w.toLowerCase();
    if (CAPITALISED.test(w) && !/^(?:The|A|An|In|On|At|But|And|As|When|While|After|Before|By|For|With|From|To|Of)$/.test(w)) k--;
    else if (MODIFIERS.has(l) || isRoleWord(w) || /^\d+-year-old$/.test(l)) k--;
    else if (CONNECT.has(l) && k >= 2 && CAPITALISED.test(words[k]!) && CAPITALISED.test(words[k - 2]!)) k--;
    else break;
  }
  // Only capitalised titles of courtesy, or a sentence-initial single word, say nothing.
  const phrase = words.slice(k).join(' ').replace(/^(?:the|a|an)\s+/i, '');
  if (!phrase || words.slice(k).every((w) => COURTESY.has(w.toLowerCase().replace(/\.$/, '')))) return null;
  return phrase;
}

/** The apposition right after a name: ", 54, a spokesman for the Kremlin," / ", the Kremlin's spokesman". */
export function roleAfter(text: string, roleWord: (w: string) => boolean = isRoleWord): string | null {
  const m = /^,\s+(?:\d{1,3},\s+)?(?:(the|a|an)\s+)?([^,;:.!?"“”()]{2,90}?)(?=\s*(?:[,;.!?)]|$|\s(?:said|says|told|who|has|had|was|is)\b))/u.exec(text);
  if (!m) return null;
  const phrase = m[2]!.trim();
  const words = phrase.split(/\s+/);
  if (words.length > 12 || PRONOUNS.test(words[0]!)) return null;
  // Without an article the phrase must open on its role ("spokesman for X"), or qualify one
  // within three words ("Kremlin spokesman"); with one, a role word within the first five.
  const reach = m[1] ? 5 : 3;
  const at = words.slice(0, reach).findIndex((w) => roleWord(w.replace(/['’]s$/, '')));
  if (at < 0) return null;
  // The role is the phrase's head, before any complement: "the search for survivors" names no role.
  // A preposition after a lower-case noun opens that noun's complement ("University of ..." is a name).
  const complement = words.findIndex((w, k) => k > 0 && HEAD_ENDS.has(w) && /^\p{Ll}/u.test(words[k - 1]!));
  if (complement >= 0 && complement < at) return null;
  // A place after a name ("Paris, Texas") is no role: it would hold no lower-case word.
  if (!words.some((w) => /^\p{Ll}/u.test(w))) return null;
  return phrase;
}

/** Each person's most often stated role, cited; entities without one are returned unchanged. */
export function withRoles(docs: Doc[], entities: Entity[]): Entity[] {
  const people = entities.filter((e) => e.type === 'person');
  if (!people.length) return entities;
  const owner = new Map<string, Entity>();
  for (const e of people) for (const f of [e.name, ...e.aliases]) if (f.length > 2 && !owner.has(f)) owner.set(f, e);
  if (!owner.size) return entities;
  const names = new NameIndex([...owner.keys()].sort((a, b) => b.length - a.length));
  const found = new Map<Entity, Map<string, { text: string; n: number; citation: { source: string; quote: string } }>>();
  for (const d of docs) {
    for (const s of d.sentences) {
      for (const m of names.wholeMatches(s.text)) {
        const e = owner.get(m.name)!;
        const at = m.index;
        const after = s.text.slice(at + m.name.length).replace(/^['’]s\b/, '\u0000');
        const role = roleBefore(s.text.slice(0, at)) ?? (after.startsWith('\u0000') ? null : roleAfter(after));
        if (!role) continue;
        let tally = found.get(e);
        if (!tally) found.set(e, (tally = new Map()));
        const key = role.toLowerCase();
        const seen = tally.get(key);
        if (seen) seen.n++;
        else tally.set(key, { text: role, n: 1, citation: { source: s.source, quote: s.text } });
      }
    }
  }
  return entities.map((e) => {
    const tally = found.get(e);
    if (!tally) return e;
    let best: { text: string; n: number; citation: { source: string; quote: string } } | null = null;
    for (const r of tally.values()) if (!best || r.n > best.n) best = r;
    const role: EntityRole = { text: best!.text, citation: best!.citation };
    return { ...e, role };
  });
}
