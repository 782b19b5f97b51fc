// Only the English parsers: the package root also loads a dozen other locales (116 ms to load
// against 25 ms; its strict and casual parsers are these same English ones).
import * as chrono from 'chrono-node/en';

export interface FoundDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY: only what the text states. */
  value: string;
  index: number;
  text: string;
}

// A fixed reference date so that parsing never depends on the clock: a date without a stated
// year is reported without one (and then not used), never completed with "this year".
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

// Every date we accept writes its year out ("2018", "'18" is not enough to date an article).
const HAS_YEAR = /(?<!\d)(?:1[89]|2[01])\d\d(?!\d)/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Dates stated in the text with at least their year. */
export function statedDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  if (!HAS_YEAR.test(text)) return found;
  for (const r of chrono.strict.parse(text, REFERENCE)) {
    const c = r.start;
    // The year must be written out: chrono also resolves relative phrases ("three days after").
    if (!c.isCertain('year') || !HAS_YEAR.test(r.text)) continue;
    const y = c.get('year');
    if (y === null || y < 1800 || y > 2200) continue;
    let value = String(y);
    if (c.isCertain('month')) {
      value += '-' + pad(c.get('month') ?? 1);
      if (c.isCertain('day')) value += '-' + pad(c.get('day') ?? 1);
    }
    found.push({ value, index: r.index, text: r.text });
  }
  // chrono does not read a bare "March 2018"; a month and year is still a usable date.
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const monthYear = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,? ((?:18|19|20|21)\d\d)\b/g;
  for (const m of text.matchAll(monthYear)) {
    const index = m.index ?? 0;
    if (found.some((f) => index >= f.index && index < f.index + f.text.length)) continue;
    const month = months.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    found.push({ value: `${m[2]}-${pad(month)}`, index, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

// Words that may surround a date on a date line without making it a sentence: publishing
// labels, times, comment counters and the like. Capitalised words (categories, places,
// names) are allowed too; any other lower-case word means the line says something.
const DATE_LINE_WORDS = new Set(
  'on at by date published updated posted last modified first am pm a.m p.m et edt est gmt utc bst cet cest ist pst pdt cst cdt mst mdt hrs h min mins minute minutes read hour hours ago comment comments reply replies share shares view views and more time of in from st nd rd th'.split(' '),
);

/**
 * A line that only states when the article was published (with labels, a time, a category,
 * a comment counter): "Jan 28, 2018, 00:38", "November 22, 2017 | By | Reply More",
 * "Updated 3:45 PM ET, Tue January 30, 2018". Returns the date, or null when the line says more.
 */
export function dateLine(line: string): FoundDate | null {
  // Cheap checks first: the date parser is the costliest step of cleaning.
  if (line.length > 140 || !HAS_YEAR.test(line)) return null;
  // "by admin", "by jsmith": whatever follows "by" is the author's handle, not a sentence.
  line = line.replace(/\b[Bb]y\s+[\p{L}\p{N}_.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu, (m) => ' '.repeat(m.length));
  if (!onlyDateLineWords(line)) return null;
  const dates = statedDates(line);
  if (dates.length === 0) return null;
  let rest = line;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.text.length);
  const restWords = rest.match(/[\p{L}][\p{L}.'’-]*/gu) ?? [];
  if (restWords.length > 10 || !onlyDateLineWords(rest)) return null;
  return dates[0];
}

/** Every lower-case word is one a date line may hold ("The vote is on Nov. 5, 2018." fails). */
function onlyDateLineWords(text: string): boolean {
  for (const w of text.match(/[\p{L}][\p{L}.'’-]*/gu) ?? []) {
    if (/^\p{Lu}/u.test(w)) continue;
    if (!DATE_LINE_WORDS.has(w.replace(/[.'’-]+$/, '').toLowerCase())) return false;
  }
  return true;
}
