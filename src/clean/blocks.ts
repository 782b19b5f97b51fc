import type { Block } from './document.js';

// UTF-8 punctuation read as Windows-1252 ("donâ€™t"): the byte sequences of the usual
// offenders, mapped back. Only these exact sequences are touched.
const MOJIBAKE: [string, string][] = [
  ['â€™', '’'], ['â€˜', '‘'], ['â€œ', '“'], ['â€\u009d', '”'], ['â€\u009c', '“'], ['â€"', '—'], ['â€“', '–'],
  ['â€”', '—'], ['â€¦', '…'], ['â€¢', '•'], ['Ã©', 'é'], ['Ã¨', 'è'], ['Ã¡', 'á'], ['Ã³', 'ó'], ['Ã±', 'ñ'],
  ['Ã¼', 'ü'], ['Ã¶', 'ö'], ['Ã¤', 'ä'], ['Â ', ' '], ['Â\u00a0', ' '],
];

// The entities that survive in scraped text; others are left as they are.
const ENTITIES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", '#39': "'", '#039': "'", nbsp: ' ', lt: '<', gt: '>', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…', '#8217': '’', '#8216': '‘', '#8220': '“', '#8221': '”',
  '#8212': '—', '#8211': '–', '#8230': '…',
};

/** Repair encoding defects that change no word: double-encoded punctuation, HTML entities. */
export function repairEncoding(text: string): string {
  let out = text;
  if (/[âÃÂ]/.test(out)) for (const [bad, good] of MOJIBAKE) out = out.split(bad).join(good);
  // A closing curly quote whose last byte was lost ("“wild.�?"): the replacement character
  // and the "?" that stood for the byte, after a word or a punctuation mark.
  if (out.includes('\ufffd?')) out = out.replace(/(?<=[\p{L}\p{N}.,!?])\ufffd\?/gu, '”');
  if (out.includes('&')) out = out.replace(/&(#?\w{2,6});/g, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
  return out;
}

/**
 * Scrape defects that are safe to repair because they change no word: Windows line ends,
 * no-break and zero-width spaces, private-use icon glyphs (font icons scraped as text), tabs,
 * and the encoding defects above.
 */
export function normalizeWhitespace(body: string): string {
  return repairEncoding(body)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\ue000-\uf8ff]/g, '')
    .replace(/\t/g, '    ');
}

/**
 * Runs of spaces inside a line become one space; leading indentation is measured, not kept.
 * The typewriter quotes of agency feeds (``like this'') become plain double quotes.
 */
export function tidyLine(line: string): string {
  const t = line.trim().replace(/ {2,}/g, ' ');
  return t.includes('``') || t.includes("''") ? t.replace(/``|''/g, '"') : t;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A line that stops mid-sentence and is long enough to have been wrapped at a fixed width
 * continues on the next line (hard-wrapped plain text). Short lines ("Jan 28, 2018, 00:38")
 * and lines that end a sentence stay separate, since scraped text puts one paragraph, caption
 * or widget per line.
 */
function continuesOnNextLine(line: string, next: string): boolean {
  const t = line.trim();
  const n = next.trim();
  if (t.length < 50 || n.length === 0) return false;
  if (/[.!?:;"”’)\]]$/.test(t)) return false;
  if (/^[•·▪◦*+-]\s/.test(n)) return false;
  return /^[\p{Ll}\p{N}(“"‘']/u.test(n) || t.length >= 60;
}

/**
 * Whether a paragraph's lines are hard-wrapped prose, as agency feeds send it: two or more
 * lines, every line but the last 40 to 80 columns long, and at least one of them stopping
 * mid-sentence (no terminator, or the next line opens in lower case). Then all its lines are
 * one paragraph, whatever the case of the next line ("rising in American" / "Indian communities").
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  let midSentence = false;
  for (let k = 0; k < lines.length - 1; k++) {
    const line = lines[k]!.trim();
    if (line.length < 40 || line.length > 80) return false;
    if (/^[•·▪◦*+-]\s/.test(line)) return false;
    // Stopping without a terminator, or on one the next line carries on from in lower case
    // ("Williams-Sonoma Inc." / "apparently ..."): a period after an abbreviation is no sentence end.
    if (!/[.!?:;"”’)\]]$/.test(line) || /^\p{Ll}/u.test(lines[k + 1]!.trim())) midSentence = true;
  }
  return midSentence;
}

/** Plain or extracted text: paragraphs are separated by blank lines, lines kept apart unless wrapped. */
export function textToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of normalizeWhitespace(body).split(/\n[ ]*\n/)) {
    const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
    const wrapped = isHardWrapped(lines);
    let current: { text: string; indent: number } | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (current === null) current = { text: tidyLine(line), indent: indentOf(line) };
      else current.text += ' ' + tidyLine(line);
      const next = lines[i + 1];
      if (next === undefined || (!wrapped && !continuesOnNextLine(line, next))) {
        if (current.text !== '') blocks.push({ text: current.text, indent: current.indent });
        current = null;
      }
    }
  }
  return blocks;
}
