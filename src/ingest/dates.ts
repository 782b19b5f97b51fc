// Only the English parsers: the package root also loads a dozen other locales (116 ms to load
// against 25 ms; its strict and casual parsers are these same English ones).
import * as chrono from 'chrono-node/en';


/**
 * A publication date as metadata gives it ("2018-01-29T10:00:00Z", "2018-01-29", "Jan 29, 2018",
 * "29 January 2018") -> "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when that is all it says); null when
 * it is not a date with a year. The calendar date is the one written, not shifted to UTC.
 */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${m[2]}`;
  if (/^\d{4}$/.test(s)) return s;
  if (!/\b\d{4}\b/.test(s)) return null; // no year: not a publication date we can trust
  const parsed = chrono.parse(s, new Date(Date.UTC(2000, 0, 1)));
  const first = parsed[0];
  if (!first || !first.start.isCertain('year')) return null;
  const y = first.start.get('year')!;
  const mo = first.start.isCertain('month') ? first.start.get('month') : null;
  const d = first.start.isCertain('day') ? first.start.get('day') : null;
  if (mo && d) return validDate(y, mo, d);
  if (mo) return `${y}-${String(mo).padStart(2, '0')}`;
  return String(y);
}

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

