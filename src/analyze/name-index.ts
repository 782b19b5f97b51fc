// Finding many names in texts without testing each name against each text.
//
// Tried and dropped (issue 12, speed at ten times the size): the names as a trie of character
// codes (a position read character by character as far as some name goes) instead of lists under
// three-character heads. On the 1,800-article pool story (7,612 person forms, 105,137 sentences;
// wholeMatches, lastIn and endingLast over every sentence, alternating, load 5-6 on 2 cores) old
// 1,400 / 2,464 / 2,269 ms, trie 1,500 / 1,850 / 1,937 ms: the head lists are short at this size,
// and a Map lookup per character costs about what the startsWith tests it saves. Outputs identical.

/**
 * Which of many names a text contains, without testing each name against each text: names are
 * filed under their first three characters, and a text is looked up by the three characters at
 * each of its positions.
 */
export class NameIndex {
  private readonly byHead = new Map<string, number[]>();
  /**
   * The first two characters of every head, as one number: most positions of a text start no
   * name, and are passed over without cutting out their three characters.
   */
  private readonly pairs = new Set<number>();
  constructor(private readonly names: string[]) {
    names.forEach((name, i) => {
      const head = name.slice(0, 3);
      this.pairs.add(pairAt(head, 0));
      let list = this.byHead.get(head);
      if (!list) this.byHead.set(head, (list = []));
      list.push(i);
    });
  }
  /** The last name (in the given order) that text.includes(), if any. */
  lastIn(text: string): string | undefined {
    let last = -1;
    for (let i = 0; i + 3 <= text.length; i++) {
      if (!this.pairs.has(pairAt(text, i))) continue;
      const list = this.byHead.get(text.slice(i, i + 3));
      if (!list) continue;
      for (let k = list.length - 1; k >= 0 && list[k]! > last; k--) {
        if (text.startsWith(this.names[list[k]!]!, i)) {
          last = list[k]!;
          break;
        }
      }
    }
    return last < 0 ? undefined : this.names[last];
  }
  /** The name whose occurrence in text ends last; of two ending at one place, the longer. */
  endingLast(text: string): string | null {
    let best: string | null = null;
    let bestEnd = -1;
    for (let i = 0; i + 3 <= text.length; i++) {
      if (!this.pairs.has(pairAt(text, i))) continue;
      const list = this.byHead.get(text.slice(i, i + 3));
      if (!list) continue;
      for (const k of list) {
        const name = this.names[k]!;
        const end = i + name.length;
        if ((end > bestEnd || (end === bestEnd && name.length > best!.length)) && text.startsWith(name, i)) {
          best = name;
          bestEnd = end;
        }
      }
    }
    return best;
  }
  /**
   * Whole-word occurrences (no letter or digit just before or after), left to right and not
   * overlapping: at each place the longest name found there (the first given of equally long
   * ones), then on after its end.
   */
  *wholeMatches(text: string): Generator<{ name: string; index: number }> {
    for (let i = 0; i + 3 <= text.length; ) {
      const list = this.pairs.has(pairAt(text, i)) ? this.byHead.get(text.slice(i, i + 3)) : undefined;
      let best: string | null = null;
      if (list && !wordCharEndingAt(text, i)) {
        for (const k of list) {
          const name = this.names[k]!;
          if ((best === null || name.length > best.length) && text.startsWith(name, i) && !wordCharAt(text, i + name.length)) best = name;
        }
      }
      if (best === null) i++;
      else {
        yield { name: best, index: i };
        i += best.length;
      }
    }
  }
}

/** The two UTF-16 code units at i as one number: a position is looked at without cutting out a string. */
const pairAt = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether the character (code point) starting at i is a letter or a digit. */
function wordCharAt(text: string, i: number): boolean {
  const c = text.codePointAt(i);
  if (c === undefined) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(String.fromCodePoint(c));
}
/** Whether the character (code point) ending just before i is a letter or a digit. */
function wordCharEndingAt(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const start = i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
  return wordCharAt(text, start);
}
