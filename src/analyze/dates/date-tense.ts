// The tense of the clause around a date expression, from cheap lexical cues.
//
// Why: "the spokesman said on Saturday" means the Saturday before the article, while "the
// congress opens on Tuesday" or "will meet on Tuesday" means the coming one. chrono-node
// resolves a bare weekday to the nearest one regardless of tense, so we read the verb group
// nearest to the expression: the closest verb before it in the same clause, else the first one
// after it. A POS tagger would do the same job slower; news clauses around a date are short and
// the verb group that governs the date is almost always within a few words of it.

export type Tense = 'past' | 'future';

/** Words that by themselves put the clause in the future. */
const FUTURE_MARKERS = new Set([
  'will', "'ll", 'shall', 'would', "won't", "wouldn't", 'be', 'due', 'scheduled', 'expected', 'planned',
  'plans', 'plan', 'intends', 'aims', 'hopes', 'upcoming', 'going', 'set', 'later',
]);

/** Markers of the future strong enough to reach a date further along their clause. */
const STRONG_FUTURE = new Set(['will', "'ll", 'shall', 'expected', 'due', 'scheduled', 'planned', 'plans', 'intends']);
/** Words beyond the ordinary reach searched for them. */
const LONG_REACH = 8;

/** Auxiliaries before a participle that keep it in the past ("was told", "had been moved"). */
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'has', 'have', 'been', 'did']);

/** Present-tense forms that, next to a time expression, announce a scheduled event ("opens on Tuesday"). */
// Only forms that are rarely nouns: "votes", "tests", "talks", "heads" would read "won 7,102 votes on
// Sunday" as a schedule.
const PRESENT_VERBS = new Set([
  'is', 'are', 'am', 'opens', 'reopens', 'begins', 'starts', 'resumes', 'meets', 'closes', 'arrives', 'travels',
  'convenes', 'kicks', 'expires', 'gathers', 'launches', 'concludes', 'departs', 'flies', 'goes',
  // plural present forms that are rarely nouns: "voters go to the polls on Sunday"
  'go', 'begin', 'resume', 'convene', 'gather', 'arrive', 'depart', 'reconvene', 'reopen',
])

/** Irregular past forms common in news copy. */
const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'broke', 'began', 'met', 'took', 'went', 'came', 'held', 'made',
  'gave', 'left', 'won', 'lost', 'fell', 'rose', 'ran', 'saw', 'found', 'sent', 'spent', 'struck', 'stood',
  'brought', 'bought', 'caught', 'fought', 'thought', 'sought', 'taught', 'led', 'fled', 'spoke', 'wrote',
  'chose', 'drove', 'froze', 'flew', 'grew', 'knew', 'threw', 'drew', 'shot', 'hit', 'quit', 'cut', 'put',
  'set', 'kept', 'slept', 'swept', 'felt', 'dealt', 'meant', 'built', 'paid', 'laid', 'heard', 'sold', 'tore',
  'wore', 'swore', 'bore', 'became', 'overcame', 'withdrew', 'undertook', 'forbade', 'arose', 'woke', 'hung',
  'sank', 'sang', 'rang', 'began', 'burned', 'burnt', 'died', 'killed', 'got', 'let', 'stole', 'shook', 'bit',
  'hid', 'slid', 'lit', 'read', 'sat', 'split', 'spread', 'upheld', 'oversaw', 'foresaw', 'mistook',
]);

/** Words ending in -ed that are not past verbs. */
const NOT_PAST_ED = new Set([
  'need', 'speed', 'bed', 'red', 'hundred', 'embed', 'seed', 'feed', 'breed', 'indeed', 'proceed', 'exceed',
  'succeed', 'shed', 'greed', 'weed', 'creed', 'deed', 'freed', 'sled', 'wed', 'shred', 'naked', 'wicked',
  'sacred', 'kindred', 'rugged', 'ragged', 'united', 'based', 'related', 'limited', 'advanced', 'armed',
]);

/** Where a clause ends: the tense of the next clause says nothing about this one. */
const CLAUSE_BREAK = /[.;:!?()\[\]"“”]|\s[–—-]\s/;

const WORD = /[\p{L}']+/gu;

interface Word {
  word: string;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.toLowerCase().replace(/’/g, "'").matchAll(WORD)) out.push({ word: m[0] });
  return out;
}

/** Whether a lower-cased word is a past tense or past participle form. */
export function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  return word.length > 4 && word.endsWith('ed') && !NOT_PAST_ED.has(word);
}

/** The tense signalled by the word at `i`, looking at up to three words before it for auxiliaries. */
function cueAt(words: Word[], i: number): Tense | null {
  const w = words[i]!.word;
  if (w === 'set') {
    // "is set to", "set for" announce; a bare past "set" is rare next to a date.
    return 'future';
  }
  if (FUTURE_MARKERS.has(w)) return 'future';
  if (isPastForm(w)) {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const aux = words[k]!.word;
      if (aux === 'be' || aux === 'will' || aux === 'would' || aux === "'ll" || aux === 'to') return 'future';
      if (aux === 'is' || aux === 'are' || aux === 'am') return 'future'; // present passive: "is held on Tuesday"
      // The present perfect does not take a definite past time ("has warned on Wednesday" is not
      // English), so a day next to it belongs to what is announced: "has warned of rain on Wednesday".
      if ((aux === 'has' || aux === 'have') && k === i - 1) return 'future';
      if (PAST_AUXILIARIES.has(aux)) return 'past';
    }
    return 'past';
  }
  if (PRESENT_VERBS.has(w)) {
    // "was due", "had been" were caught above; "is to meet" is future too.
    return 'future';
  }
  return null;
}

/**
 * The tense of the clause holding text.slice(start, end): the cue nearest before the
 * expression (within `reach` words, not crossing a clause break), else the first cue after it;
 * null when the clause gives none.
 */
/** Words right before a date that make it a coming one whatever the verb: "ahead of Sunday's vote". */
const AHEAD_OF = /\b(?:ahead of|in the run-up to|in the lead-up to|in preparation for|in time for)\s+(?:the\s+)?$/i;

export function clauseTense(text: string, start: number, end: number, reach = 8): Tense | null {
  const before = text.slice(0, start);
  if (AHEAD_OF.test(before)) return 'future';
  if (/\bsince\s+$/i.test(before)) return 'past'; // "closed since Monday"
  const breakBefore = lastMatchEnd(before, CLAUSE_BREAK);
  const left = wordsOf(before.slice(breakBefore));
  for (let i = left.length - 1, n = 0; i >= 0 && n < reach; i--, n++) {
    const cue = cueAt(left, i);
    if (cue) return cue;
  }
  // "Inspector Keita is expected to give a first account of the investigation on Friday": a
  // modal or a schedule word further back in the same clause still governs the infinitive the
  // date belongs to, as long as no verb of another tense stands between them.
  for (let i = left.length - 1 - reach, n = 0; i >= 0 && n < LONG_REACH; i--, n++) {
    const w = left[i]!.word;
    if (STRONG_FUTURE.has(w)) return 'future';
    if (isPastForm(w) || PRESENT_VERBS.has(w)) break;
  }
  const after = text.slice(end);
  const breakAfter = after.search(CLAUSE_BREAK);
  const right = wordsOf(breakAfter >= 0 ? after.slice(0, breakAfter) : after);
  for (let i = 0; i < right.length && i < reach; i++) {
    const cue = cueAt(right, i);
    if (cue) return cue;
  }
  return null;
}

function lastMatchEnd(text: string, re: RegExp): number {
  const global = new RegExp(re.source, 'g');
  let end = 0;
  for (const m of text.matchAll(global)) end = (m.index ?? 0) + m[0].length;
  return end;
}
