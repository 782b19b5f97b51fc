// Figures in running text: "more than 1,500", "some 1,600", "hundreds of thousands", "$2.5 billion",
// "12 percent". Each becomes an anchor value and a plausible interval, so that two reports can be
// compared by what they claim rather than by how they word it.

export type FigureUnit = 'count' | 'money' | 'percent';
/** How the text qualifies the number: "exact" (1,500), "approximate" (some/about 1,600),
 * "more" (more than/at least 1,500), "less" (fewer than/up to 40), "vague" (hundreds, dozens). */
export type FigureQualifier = 'exact' | 'approximate' | 'more' | 'less' | 'vague';

export interface Figure {
  /** The figure as written, qualifier included ("more than 1,500"). */
  text: string;
  /** Offsets in the text handed to findFigures. */
  start: number;
  end: number;
  /** The number the text names (1500 for "more than 1,500"; 200000 for "hundreds of thousands"). */
  value: number;
  /** The interval of values the wording allows. */
  low: number;
  high: number;
  qualifier: FigureQualifier;
  unit: FigureUnit;
  /** "$", "€", "£"... for money, else null. */
  currency: string | null;
  /** A stated number (not "hundreds" or "dozens"): two specific figures that differ are worth showing. */
  specific: boolean;
  /** Offset where the number itself starts (after the qualifier and currency sign). */
  numberStart: number;
}

const SMALL: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
};
const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};

// Plural quantity words. The intervals read each word as "at least two of the unit, fewer than
// ten of the next": "hundreds" is 200-999, "dozens" 24-99.
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  millions: [2e6, 999e6],
  billions: [2e9, 999e9],
};

const MONTHS =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|june|july|august|september|october|november|december)$/i;

// Qualifiers, longest first so "no more than" wins over "more than".
const QUALIFIERS: [RegExp, FigureQualifier, number, number][] = [
  // [pattern, qualifier, low factor, high factor]; "approximate" reads as +-10%, the spread a
  // reporter's "some"/"about" usually covers; "nearly" as up to 15% below.
  [/(?:no more than|not more than|at most|up to|as many as|fewer than|less than|under|below)\s+$/i, 'less', 0, 1],
  [/(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|not less than|above|exceeding|almost? more than)\s+$/i, 'more', 1, Infinity],
  [/(?:nearly|almost|close to|just under|just shy of)\s+$/i, 'approximate', 0.85, 1],
  [/(?:some|about|around|roughly|approximately|an estimated|estimated|circa|approx\.?|just over|an? additional|another)\s+$/i, 'approximate', 0.9, 1.1],
];

const WEIGHT_CUE = /\bweigh|\d\s*-?\s*(?:foot|feet|ft)\b|\btall\b|\bheavy\b/i;

const CURRENCY = /(?:US\$|A\$|C\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)$/;

// A number core: digits with thousands separators or decimals, or a number written out.
const NUMBER =
  /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b|\bone\b(?!-| (?:of|another|more|less|day|night|time|way|side|hand|thing|point|year|week|month|by|after|too|or|and|in|such|who|that|which)\b)(?= [a-z])|\b(?:half a|a few|several|a couple of|a couple|a) (?:dozen|hundred|thousand|million|billion)\b|\b(?:tens|hundreds) of (?:thousands|millions)\b|\b(?:dozens|scores|hundreds|thousands|millions|billions)\b/gi;

function wordValue(word: string): number | null {
  const w = word.toLowerCase();
  // "a dozen", "a hundred", "half a dozen", "half a million".
  const a = /^(half )?a (dozen|hundred|thousand|million|billion)$/.exec(w);
  if (a) return (a[2] === 'dozen' ? 12 : SCALE[a[2]!]!) / (a[1] ? 2 : 1);
  if (w === 'one') return 1;
  if (w in SMALL) return SMALL[w];
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(\w+)$/.exec(w);
  if (m && m[2] in UNITS) return SMALL[m[1]] + UNITS[m[2]];
  return null;
}

function vagueInterval(word: string): [number, number] | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w in VAGUE) return VAGUE[w];
  // "a few hundred" is read as 200-999 like "hundreds", "several hundred" as 300-999, "a couple
  // of hundred" as 200-299; "a few dozen" likewise in twelves.
  const few = /^(a few|several|a couple of|a couple) (dozen|hundred|thousand|million|billion)$/.exec(w);
  if (few) {
    const unit = few[2] === 'dozen' ? 12 : SCALE[few[2]!]!;
    return few[1] === 'several' ? [3 * unit, 9.99 * unit] : few[1]!.startsWith('a couple') ? [2 * unit, 2.99 * unit] : [2 * unit, 9.99 * unit];
  }
  const m = /^(tens|hundreds) of (thousands|millions)$/.exec(w);
  if (m) {
    const unit = m[2] === 'thousands' ? 1e3 : 1e6;
    return m[1] === 'tens' ? [20 * unit, 99 * unit] : [200 * unit, 999 * unit];
  }
  return null;
}

/** The word before position `at` (letters, digits, dots), or "". */
function wordBefore(text: string, at: number): string {
  const m = /([\p{L}\p{N}.]+)[\s(]*$/u.exec(text.slice(Math.max(0, at - 40), at));
  return m ? m[1] : '';
}

function wordAfter(text: string, at: number): string {
  const m = /^[\s]*([\p{L}\p{N}.]+)/u.exec(text.slice(at, at + 40));
  return m ? m[1] : '';
}

/**
 * Numbers that are not quantities: years, parts of dates and times, ordinals, ages, ranges,
 * codes in names ("Resolution 2224", "Pier 4"), and compound modifiers ("two-day conference").
 */
function isNotAQuantity(text: string, start: number, end: number, raw: string, value: number, hasCurrency: boolean): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 12);
  const prev = wordBefore(text, start);
  const next = wordAfter(text, end);
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true; // ordinal "29th"
  if (/^[:.]\d/.test(after) || /\d[:.]$/.test(before)) return true; // time 10:30, 1.2.3
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b)/i.test(after)) return true;
  if (/^[-–]\s*\d/.test(after) || /\d\s*[-–]$/.test(before)) return true; // range 29-30
  if (/^-(?:year|month|week|day|hour|minute|storey|story|point|page|seat|mile|km|foot|metre|meter)/i.test(after)) return true;
  // The size of a group is a count ("a 550-member delegation", "a 150-strong team"); other
  // compound modifiers ("six-year", "two-man") describe rather than count.
  if (/^-(?:member|strong)\b/i.test(after)) return false;
  if (/^[-–]\p{L}/u.test(after) && !hasCurrency) return true;
  if (MONTHS.test(prev) || MONTHS.test(next)) return true; // "Jan. 29", "29 January"
  if (/^(?:aged?|no\.?|number|#)$/i.test(prev)) return true;
  // Proportions: "seven out of ten", "one in four" say how many of every so many, not how many.
  if (/^\s+(?:out of|in)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred)\b)/i.test(text.slice(end, end + 24))) return true;
  if (/(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+(?:out of|in)\s+$/i.test(text.slice(Math.max(0, start - 24), start))) return true;
  // Fractions: "one quarter of the population", "two thirds".
  if (/^\s+(?:quarters?|halves|half|thirds?|fifths?|tenths?)\b/i.test(after)) return true;
  // Ranges: "15 to 30 miles", "between 25 and 50": neither end is a claim of its own.
  if (/^\s*(?:to|and|or)\s+\d/.test(after) && !/^\s*and\s+\d{1,3}(?:,\d{3})/.test(after)) return true;
  const lead = text.slice(Math.max(0, start - 30), start);
  if (/\d\s+to\s+$/.test(lead) || /\bbetween\s+[\d,.]+\s+and\s+$/i.test(lead)) return true;
  // A number word with a capital inside a sentence is part of a name ("the Humboldt Five").
  if (/^\p{Lu}\p{Ll}/u.test(raw) && start > 0 && !/[.!?:"“]\s*$/.test(text.slice(0, start)) && text.slice(0, start).trim() !== '') return true;
  if (/^(?:years?-old|year|years old)$/i.test(next) && /^\s+years?\s+old/i.test(after)) return true;
  if (!hasCurrency && /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100) return true; // a year
  // A number right after a capitalised word that is not sentence-initial is a code or a name
  // ("Resolution 2224", "Route 9", "Gate 4").
  const prevMatch = /(\p{Lu}[\p{L}.]*)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (prevMatch && !hasCurrency) {
    const prevStart = start - prevMatch[0].length;
    const beforePrev = text.slice(0, prevStart).trimEnd();
    if (beforePrev && !/[.!?:;"“”'‘’(\[–—-]$/.test(beforePrev)) return true;
  }
  return false;
}

/** Every quantity in a text, with its qualifier, unit and interval, in text order. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  let lastEnd = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const raw = m[0];
    let start = m.index;
    let end = start + raw.length;
    // Inside the last figure, written out ("one hundred and twenty").
    if (start < lastEnd) continue;
    // "a quarter of a million": a fraction of the number, not the number.
    if (/^a\s/i.test(raw) && /\b(?:quarter|third|half|fraction)\s+(?:of\s+)?$/i.test(text.slice(Math.max(0, start - 20), start))) continue;
    // Never start inside a word or a longer number ("A380", "3.5.1").
    if (start > 0 && /[\p{L}\p{N}_]/u.test(text[start - 1])) continue;
    if (/^[\p{L}_]/u.test(text.slice(end, end + 1)) && /\d$/.test(raw) && !/^(?:k|m|bn|mn|b|tn)\b/i.test(text.slice(end))) continue;

    let value: number;
    let low: number;
    let high: number;
    let qualifier: FigureQualifier = 'exact';
    let specific = true;
    const vague = vagueInterval(raw);
    if (vague) {
      [low, high] = vague;
      value = low;
      qualifier = 'vague';
      specific = false;
    } else if (/\d/.test(raw)) {
      value = Number(raw.replace(/,/g, ''));
      low = high = value;
    } else {
      const w = wordValue(raw);
      if (w === null) continue;
      value = low = high = w;
    }

    // "two dozen", "three dozen": so many twelves.
    const dozen = specific && !/dozen/i.test(raw) ? /^\s(dozen)\b/i.exec(text.slice(end)) : null;
    if (dozen) {
      value *= 12;
      low *= 12;
      high *= 12;
      end += dozen[0].length;
    }
    // Scale words: "2.5 billion", "$3bn", "11 million", "four thousand".
    const scale = /^\s?(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b/i.exec(text.slice(end));
    if (scale && specific) {
      const factor = SCALE[scale[1].toLowerCase()];
      // "m" and "b" alone are scales only right after a number ("$3m"), not the article "a".
      if (!(scale[0].startsWith(' ') && scale[1].length === 1)) {
        value *= factor;
        low *= factor;
        high *= factor;
        end += scale[0].length;
        // "one hundred and twenty": the rest of the number written out.
        const rest = factor === 100 && !/\d/.test(raw) ? /^\s(?:and\s)?((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/i.exec(text.slice(end)) : null;
        const restValue = rest ? wordValue(rest[1]!) : null;
        if (rest && restValue !== null) {
          value += restValue;
          low += restValue;
          high += restValue;
          end += rest[0].length;
        }
        // "hundreds of thousands" is matched as one vague word above; "two hundred thousand" here.
        const second = /^\s(thousand|million|billion)\b/i.exec(text.slice(end));
        if (second) {
          const f2 = SCALE[second[1].toLowerCase()];
          value *= f2;
          low *= f2;
          high *= f2;
          end += second[0].length;
        }
      }
    }

    let unit: FigureUnit = 'count';
    let currency: string | null = null;
    const numberStart = start;
    const head = text.slice(Math.max(0, start - 6), start);
    const cur = CURRENCY.exec(head);
    if (cur) {
      currency = cur[0].trim().replace(/^USD$/, '$').replace(/^EUR$/, '€').replace(/^GBP$/, '£').replace(/^US\$$/, '$');
      unit = 'money';
      start -= cur[0].length;
    } else {
      const suffix = /^\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)/i.exec(text.slice(end));
      if (suffix) {
        unit = 'percent';
        end += suffix[0].length;
      } else {
        const named = /^\s(?:dollars|euros|pounds|yuan|yen|rupees|francs|kronor|krona|crowns|pence|cents)\b|^p\b/i.exec(text.slice(end));
        // "weighs 130 pounds", "5-foot-8 and 130 pounds": a weight, not a sum.
        const weight = named && /pounds/i.test(named[0]) && WEIGHT_CUE.test(text.slice(Math.max(0, start - 60), end + 40));
        if (named && specific && !weight) {
          unit = 'money';
          currency = named[0].trim().toLowerCase().replace(/^p$/, 'pence');
          end += named[0].length;
        }
      }
    }
    if (isNotAQuantity(text, numberStart, m.index + raw.length, raw, value, currency !== null)) continue;

    // Qualifier before the figure.
    const lead = text.slice(Math.max(0, start - 30), start);
    for (const [re, q, lowFactor, highFactor] of QUALIFIERS) {
      const qm = re.exec(lead);
      if (!qm) continue;
      // Keep "over" and "under" as qualifiers only where they do not start a phrase of place
      // ("under 40" is a quantity; "killed over 40" too): they sit right before the number.
      start -= qm[0].length;
      if (specific) {
        qualifier = q;
        low = value * lowFactor;
        high = highFactor === Infinity ? Infinity : value * highFactor;
      } else if (q === 'more') {
        high = Infinity;
      } else if (q === 'less') {
        low = 0;
      }
      break;
    }
    lastEnd = end;
    out.push({
      text: text.slice(start, end).replace(/\s+/g, ' '),
      start,
      end,
      value,
      low,
      high,
      qualifier,
      unit,
      currency,
      specific,
      numberStart,
    });
  }
  return out;
}

/** True when the intervals of two figures of the same unit leave no value both allow. */
export function incompatible(a: Figure, b: Figure): boolean {
  return a.high < b.low || b.high < a.low;
}

/**
 * Relative gap between two numbers a source calls approximate ("some 1,600", "about 1,520")
 * below which they are read as one number rounded differently: news copy rounds to two
 * significant figures, which moves a value by up to 5%.
 */
export const ROUNDING_TOLERANCE = 0.05;

export function relativeGap(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether two figures about the same thing tell the reader different things: two stated numbers
 * that differ beyond rounding ("more than 1,500" and "some 1,600"; "at least 40" and "more than
 * 55"), or any two figures whose intervals cannot both hold ("hundreds" and "3,000").
 * A vague figure compatible with a stated one ("hundreds of thousands" and "more than 340,000")
 * says nothing new and is not a difference.
 */
export function differ(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  if (a.currency !== b.currency) return false;
  if (a.specific && b.specific) {
    // A bound that holds the other's stated number agrees with it: "under 10" and "9".
    if (a.qualifier === 'exact' && (b.qualifier === 'more' || b.qualifier === 'less') && holds(b, a.value)) return false;
    if (b.qualifier === 'exact' && (a.qualifier === 'more' || a.qualifier === 'less') && holds(a, b.value)) return false;
    // "Some", "about": the words say the number is rounded.
    if (a.qualifier === 'approximate' || b.qualifier === 'approximate') return relativeGap(a.value, b.value) > ROUNDING_TOLERANCE;
    if (a.value === b.value) return false;
    // Otherwise a figure is the same as another only when it is that one rounded ("14,000" for
    // "14,302", "1,500" for "1,520"), to two significant digits or more: "2.3 billion" and
    // "2.4 billion", "4.5 percent" and "5 percent" are different statements.
    const sa = significantDigits(a.value);
    const sb = significantDigits(b.value);
    if (Math.min(a.value, b.value) >= 1000 && Math.min(sa, sb) >= 2) {
      if (roundTo(b.value, sa) === a.value || roundTo(a.value, sb) === b.value) return false;
    }
    return true;
  }
  return incompatible(a, b);
}


/**
 * Whether a bound holds a stated number. "Fewer than 10" holds anything under 10, "at least 4"
 * anything from 4. A round bound ("more than 400") is read as a reporter writes it: the number
 * rounded down to its last significant digit, so it holds 400 to 499 (and at least a tenth over
 * the bound), not 550, which a source knowing it would have called "more than 500".
 */
function holds(bound: Figure, value: number): boolean {
  if (value < bound.low || value > bound.high) return false;
  if (bound.qualifier !== 'more') return true;
  const zeros = String(Math.round(Math.abs(bound.value))).length - significantDigits(Math.round(bound.value));
  if (zeros < 1 || !Number.isInteger(bound.value)) return true;
  return value < bound.value + Math.max(10 ** zeros, bound.value * 0.1);
}

const WORD_NUMBER =
  /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen)\b(?:\s(?:hundred|thousand|million|billion)\b)*/i;

/**
 * A figure as a conflict claim states it: the words of the source with a number written out in
 * words put in digits ("Two" -> "2", "some forty" -> "some 40"), so claims read and compare alike.
 */
export function claimText(f: Figure): string {
  if (/\d/.test(f.text) || !f.specific) return f.text;
  return f.text.replace(WORD_NUMBER, f.value.toLocaleString('en-US'));
}

/** Significant digits of a number as written: 1500 -> 2, 1520 -> 3, 2.3e9 -> 2, 18.5 -> 3. */
export function significantDigits(value: number): number {
  const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

function roundTo(value: number, digits: number): number {
  if (value === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1);
  return Math.round(value / scale) * scale;
}
