// Article metadata from an HTML page: JSON-LD (schema.org NewsArticle and kin), Open Graph,
// article:*, Twitter cards, plain <meta name=...>, <time datetime>, <link rel=canonical> and
// what the page shows its reader (headline, byline, dates). Each field weighs its sources:
// the published date by fitted weights over every source (decideDate), the title as the <h1>
// when a stated title vouches for it, the author as a person before a group or the site.

/** The structured-data fields found on a page. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** YYYY-MM-DD (or YYYY-MM, YYYY) as the page states it. */
  published: string | null;
  /** The canonical URL when the page names one, else the URL given. */
  url: string | null;
  /** JSON-LD articleBody when the page carries one (plain text, as published). */
  articleBody: string | null;
}

// schema.org types whose JSON-LD node describes the article itself.
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SocialMediaPosting|TechArticle|WebPage)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collapse(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const clean = decodeEntities(text).replace(/\s+/g, ' ').trim();
  return clean || null;
}

// Meta contents sometimes arrive with entities escaped twice (&amp;#8217;); decode what is left.
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point < 0x110000 ? String.fromCodePoint(point) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/** All JSON-LD nodes of the page, with @graph arrays and nested lists flattened. */
export function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = (script.textContent ?? '').replace(/^\s*<!--|-->\s*$/g, '').trim();
    if (!source) continue;
    try {
      visit(JSON.parse(source) as Json);
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines in strings); the meta tags remain.
      try {
        visit(JSON.parse(source.replace(/[\n\r\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as Json);
      } catch {
        /* give up on this block */
      }
    }
  }
  return nodes;
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** The JSON-LD node that describes the article: an article type, preferring one with a body. */
export function articleNode(nodes: JsonObject[]): JsonObject | null {
  const articles = nodes.filter((node) => types(node).some((t) => ARTICLE_TYPES.test(t)));
  const ranked = articles.sort((a, b) => rank(b) - rank(a));
  return ranked[0] ?? null;
  function rank(node: JsonObject): number {
    const isPage = types(node).every((t) => t === 'WebPage');
    return (typeof node.articleBody === 'string' ? 4 : 0) + (node.headline ? 2 : 0) + (isPage ? 0 : 1);
  }
}

function names(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (isObject(value)) return typeof value.name === 'string' ? [value.name] : names(value.name);
  return [];
}

export type MetaIndex = Map<string, string[]>;

/** Every <meta> content by its property, name and itemprop (lower-cased), in page order. */
export function indexMeta(document: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = meta.getAttribute('content');
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      // itemprop may list several properties ("datePublished dateCreated").
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
        const list = index.get(key) ?? [];
        list.push(content);
        index.set(key, list);
      }
    }
  }
  return index;
}

function metaContent(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const content of index.get(key.toLowerCase()) ?? []) {
      const value = collapse(content);
      if (value) return value;
    }
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as YYYY-MM-DD, taken as the page writes it (an ISO timestamp keeps its own calendar
 * day rather than being shifted to UTC); null when the text holds no recognizable date.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(text) ?? /^(\d{4})\/(\d{2})\/(\d{2})\b/.exec(text);
  if (iso) return valid(+iso[1], +iso[2], +iso[3]);
  const yearMonth = /^(\d{4})-(\d{2})$/.exec(text);
  if (yearMonth && +yearMonth[2] >= 1 && +yearMonth[2] <= 12) return `${yearMonth[1]}-${yearMonth[2]}`;
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    // Unix timestamps in seconds or milliseconds.
    const ms = text.length === 13 ? +text : +text * 1000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  // "November 20, 2019", "20 Nov 2019", "Wed, 20 Nov 2019 04:00:00 GMT".
  const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  for (const [month, day, year] of [
    monthFirst ? [monthFirst[1], monthFirst[2], monthFirst[3]] : null,
    dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : null,
  ].filter((m): m is string[] => m !== null)) {
    const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
    if (index >= 0) return valid(+year, index + 1, +day);
  }
  return null;

  function valid(year: number, month: number, day: number): string | null {
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href || !href.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The names in an author field. Profile links (article:author often holds one) are no names;
 * a byline element's text often runs on into a handle, a date or page furniture
 * ("Jane Doe @jdoe Nov 18, 2019 • 2 min read", "Jane Doe | November 18, 2019 Print this
 * article"), so it is cut at the first such mark.
 */
export function personName(value: string | null): string | null {
  if (!value || /^https?:\/\//i.test(value) || /^www\./i.test(value)) return null;
  let name = value.replace(/^\s*(?:written\s+)?by:?\s+/i, '');
  const cut = name.search(
    /\s+@\w|\s*[|•·\u2013\u2014]\s*|\s+-\s+|\s+\d|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s+(?:updated|published|posted)\b/i,
  );
  if (cut > 0) name = name.slice(0, cut);
  name = name.replace(/[\s,;:.]+$/, '').trim();
  return name && name.split(/\s+/).length <= 12 ? name : null;
}

function firstTimeElement(document: Document): string | null {
  for (const time of Array.from(document.querySelectorAll('time[datetime], [itemprop="datePublished"]'))) {
    const date = normalizeDate(time.getAttribute('datetime') ?? time.getAttribute('content') ?? time.textContent);
    if (date) return date;
  }
  return null;
}

const MONTH_NAMES = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SHOWN_DATE = new RegExp(
  `\\b${MONTH_NAMES}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b` +
    `|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES}\\.?,?\\s+((?:19|20)\\d{2})\\b` +
    `|\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b` +
    // Day and month in figures, read only when one of them cannot be a month (31/10/2024, 10/31/2024).
    `|(?<![\\d/.])(\\d{1,2})([/.])(\\d{1,2})\\11((?:19|20)\\d{2})(?![\\d/.])`,
  'gi',
);
// Page text read for shown dates: a date a reader sees is near the top of any page.
const SHOWN_TEXT_CHARS = 200_000;

// A date shown this close to the headline (characters of page text before its start, after
// its start) is the article's own date line rather than a date in a sidebar or a comment.
const BEFORE_HEADLINE = 300;
const AFTER_HEADLINE = 1500;

/** The full dates a page shows its reader: all, in page order, and those next to the headline. */
export interface ShownDates {
  all: string[];
  nearHeadline: string[];
}

/**
 * The full dates a reader of the page sees written in it (month names, day and year, or ISO),
 * outside scripts and styles: metadata says which date the page claims, the text which one it shows.
 */
export function shownDatesOf(document: Document): ShownDates {
  const parts: string[] = [];
  let length = 0;
  let headline = -1;
  const walk = (node: Node): void => {
    if (length > SHOWN_TEXT_CHARS) return;
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      parts.push(text);
      length += text.length + 1;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    if (tag === 'h1' && headline < 0) headline = length;
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  if (document.body) walk(document.body);
  const found = datesIn(parts.join(' '));
  const near = headline < 0 ? [] : found.filter((f) => f.index >= headline - BEFORE_HEADLINE && f.index <= headline + AFTER_HEADLINE);
  const distinct = (list: { date: string }[]) => [...new Set(list.map((f) => f.date))];
  return { all: distinct(found), nearHeadline: distinct(near) };
}

/** The full dates written in a text. */
export function shownDates(text: string): Set<string> {
  return new Set(datesIn(text).map((f) => f.date));
}

function datesIn(text: string): { date: string; index: number }[] {
  const out: { date: string; index: number }[] = [];
  for (const m of text.matchAll(SHOWN_DATE)) {
    const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
    let date: string | null = null;
    if (m[1]) date = isoDate(+m[3]!, month(m[1]), +m[2]!);
    else if (m[5]) date = isoDate(+m[6]!, month(m[5]), +m[4]!);
    else if (m[7]) date = isoDate(+m[7]!, +m[8]!, +m[9]!);
    else if (m[10]) {
      const [a, b] = [+m[10]!, +m[12]!];
      if (a > 12 && b <= 12) date = isoDate(+m[13]!, b, a);
      else if (b > 12 && a <= 12) date = isoDate(+m[13]!, a, b);
    }
    if (date) out.push({ date, index: m.index ?? 0 });
  }
  return out;
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A full date in a URL path ("/2025/12/18/slug"), or null. */
export function urlDate(url: string | null): string | null {
  if (!url) return null;
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?!\d)/.exec(url.replace(/^[a-z]+:\/\/[^/]+/i, ''));
  return match ? normalizeDate(`${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`) : null;
}

function days(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

/**
 * Every source of a page's published date, each read on its own; decideDate weighs them. On the
 * dated WCXB pages of half A the sources that miss are: JSON-LD datePublished (68 right of 77
 * pages that have one), meta published (42 of 45), the first <time datetime> (21 of 29, often
 * the modified date), dateModified (33 of 72), the first date shown (78 of 88), the second date
 * shown (1 of 37). Most wrong dates came from pages that state a published date but show their
 * reader only a later "Updated" date: the truth is the shown date on 7 of 12 such pages of half A
 * and 5 of 6 of half B, and the "Updated" label does not tell which (so the weights side with
 * the shown date, and such pages remain the main source of wrong dates).
 */
export interface DateEvidence {
  /** A full date in the URL path. */
  url: string | null;
  /** JSON-LD datePublished, dateCreated and dateModified of the article node. */
  ldPublished: string | null;
  ldCreated: string | null;
  ldModified: string | null;
  /** The article:published_time family of meta tags, and the modified ones. */
  metaPublished: string | null;
  metaModified: string | null;
  /** The first <time datetime> or itemprop=datePublished. */
  timeElement: string | null;
  /** The first full date written inside a <time> element's text. */
  timeText: string | null;
  /** The full dates the page shows its reader, in page order without repeats, and those next to its headline. */
  shown: string[];
  nearHeadline: string[];
}

export function dateEvidence(document: Document, metas: MetaIndex, article: JsonObject | null, url: string | null): DateEvidence {
  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const shown = shownDatesOf(document);
  return {
    url: urlDate(url),
    ldPublished: normalizeDate(str(article?.datePublished)),
    ldCreated: normalizeDate(str(article?.dateCreated)),
    ldModified: normalizeDate(str(article?.dateModified)),
    metaPublished: normalizeDate(
      metaContent(
        metas,
        'article:published_time', 'og:article:published_time', 'article:published', 'datePublished', 'pdate', 'date', 'pubdate', 'publishdate',
        'publish-date', 'publish_date', 'sailthru.date', 'parsely-pub-date', 'dc.date', 'DC.date', 'DC.date.issued',
        'dcterms.date', 'dcterms.created', 'article.published', 'cXenseParse:recs:publishtime', 'date.release',
        'citation_publication_date', 'citation_date', 'citation_online_date',
      ),
    ),
    metaModified: normalizeDate(metaContent(metas, 'article:modified_time', 'og:updated_time', 'dateModified')),
    timeElement: firstTimeElement(document),
    timeText: Array.from(document.querySelectorAll('time')).flatMap((t) => [...shownDates(t.textContent ?? '')])[0] ?? null,
    shown: shown.all,
    nearHeadline: shown.nearHeadline,
  };
}

/** What can vouch for a candidate date; each has a weight in DATE_WEIGHTS. */
export const DATE_SIGNALS = [
  'ldPublished', 'metaPublished', 'ldCreated', 'timeElement', 'timeText',
  'shownFirst', 'shown', 'shownOnly', 'nearHeadline', 'modified',
] as const;
export type DateSignal = (typeof DATE_SIGNALS)[number];
/** A weight per signal, and `bias`: what any candidate starts from (0 is "none of them is right"). */
export type DateWeights = Record<DateSignal | 'bias', number>;

/** Every full date some source gives, with the signals that vouch for it. */
export function dateCandidates(e: DateEvidence): Map<string, Set<DateSignal>> {
  const candidates = new Map<string, Set<DateSignal>>();
  const vouch = (date: string | null | undefined, signal: DateSignal) => {
    if (!date || date.length !== 10) return;
    const set = candidates.get(date) ?? new Set<DateSignal>();
    set.add(signal);
    candidates.set(date, set);
  };
  vouch(e.ldPublished, 'ldPublished');
  vouch(e.metaPublished, 'metaPublished');
  vouch(e.ldCreated, 'ldCreated');
  vouch(e.timeElement, 'timeElement');
  vouch(e.timeText, 'timeText');
  vouch(e.shown[0], 'shownFirst');
  for (const d of e.shown) vouch(d, 'shown');
  if (e.shown.length === 1) vouch(e.shown[0], 'shownOnly');
  for (const d of e.nearHeadline) vouch(d, 'nearHeadline');
  // A modified date counts against a candidate only when no published date states it too.
  for (const d of new Set([e.ldModified, e.metaModified])) {
    if (d !== e.ldPublished && d !== e.metaPublished) vouch(d, 'modified');
  }
  return candidates;
}

/**
 * How likely each candidate date is the published one: a conditional logit over the page's
 * candidates and a "none of them" option of score 0; a candidate's score is the bias plus the
 * weights of the signals vouching for it.
 */
export function dateOdds(e: DateEvidence, weights: DateWeights = DATE_WEIGHTS): { date: string; probability: number }[] {
  const scored = [...dateCandidates(e)].map(([date, signals]) => {
    let score = weights.bias;
    for (const signal of signals) score += weights[signal];
    return { date, score };
  });
  const top = Math.max(0, ...scored.map((c) => c.score));
  const total = Math.exp(-top) + scored.reduce((sum, c) => sum + Math.exp(c.score - top), 0);
  return scored.map((c) => ({ date: c.date, probability: Math.exp(c.score - top) / total })).sort((a, b) => b.probability - a.probability);
}

// A wrong date costs this many right ones (no date beats a wrong one: the timeline is built on
// it), so a date is given only when it is right with a probability above cost / (cost + 1).
export const WRONG_DATE_COST = 3;

/** The published date: the likeliest candidate when it is likely enough, else none. */
export function decideDate(e: DateEvidence, weights: DateWeights = DATE_WEIGHTS): string | null {
  // A full date in the URL path is written once, when the page is made, and is not shifted by a
  // time zone as metadata timestamps are: it is taken as it is (right on all 10 WCXB pages that
  // have one, both halves; too few pages, and too few disagreeing with metadata, to fit a weight).
  if (e.url) return e.url;
  const best = dateOdds(e, weights)[0];
  return best && best.probability > WRONG_DATE_COST / (WRONG_DATE_COST + 1) ? best.date : null;
}

/**
 * Fitted on the 105 dated pages of WCXB half A by bench:extract --fit-dates --split A (conditional
 * logit, L2 0.005 chosen by 5-fold cross-validation among 0.005, 0.02, 0.1, 0.5; held-out folds:
 * exact 89.5%, WRONG 3.8%). Published date exact / WRONG of dated pages, before (an ordered
 * procedure: URL, JSON-LD, meta, <time>, shown modified date over a published one, the one shown
 * date) -> with these weights: half A 84.8% / 7.6% -> 89.5% / 1.0%, half B (not used to fit)
 * 84.0% / 5.7% -> 91.5% / 1.9%.
 */
export const DATE_WEIGHTS: DateWeights = {
  bias: -2.7, ldPublished: 5.01, metaPublished: 5.36, ldCreated: -0.02, timeElement: -0.08, timeText: 2.92,
  shownFirst: 1.56, shown: 2.17, shownOnly: 1.52, nearHeadline: 2.2, modified: -0.9,
};

/** A title without a trailing " | Outlet" or " - Outlet" that repeats the site's name. */
export function withoutSiteName(title: string, outlet: string): string {
  const separators = /\s+[|\-\u2013\u2014:·•]\s+/g;
  let last: RegExpExecArray | null = null;
  for (let match = separators.exec(title); match; match = separators.exec(title)) last = match;
  if (!last) return title;
  const tail = title.slice(last.index + last[0].length).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const name = outlet.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const head = title.slice(0, last.index).trim();
  return tail && name && (name.includes(tail) || tail.includes(name)) && head ? head : title;
}

/**
 * A title without the site's name after its last separator, the name being the outlet's or,
 * failing that, one whose every word is in the host name ("Notes | Harbour Blog" on
 * blog.harbour.example); repeated ("Notes | Site | Site") names go too.
 */
export function withoutSiteNames(title: string, outlet: string | null, url: string | null): string {
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  for (let i = 0; i < 3; i++) {
    let next = outlet ? withoutSiteName(title, outlet) : title;
    if (next === title && host) {
      const last = [...title.matchAll(/\s+[|\-\u2013\u2014:·•]\s+/g)].pop();
      const words = last ? (title.slice(last.index! + last[0].length).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) : [];
      if (last && words.length && words.every((w) => host.includes(w)) && title.slice(0, last.index).trim()) next = title.slice(0, last.index).trim();
    }
    if (next === title) break;
    title = next;
  }
  return title;
}

function titleWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

// The headline a reader sees (the first <h1>) is the title when it shares at least this share
// of its words with a title the metadata states, and that title at least H1_COVERS of its
// words with it; otherwise the <h1> is a logo, a section name or a subhead.
const H1_SHARED = 0.5;
const H1_COVERS = 0.3;

/** The first <h1> when the metadata titles vouch for it, else null. */
function shownHeadline(document: Document, titles: (string | null)[]): string | null {
  const h1 = collapse(document.querySelector('h1')?.textContent);
  if (!h1) return null;
  const words = titleWords(h1);
  for (const title of titles) {
    if (!title) continue;
    const other = titleWords(title);
    const shared = [...words].filter((w) => other.has(w)).length;
    if (shared >= H1_SHARED * words.size && shared >= H1_COVERS * other.size) return h1;
  }
  return null;
}

/** The names in an author field, each marked whether it is a person (not an Organization node). */
function authorNodes(value: Json | undefined): { name: string; person: boolean }[] {
  if (Array.isArray(value)) return value.flatMap(authorNodes);
  const person = !(isObject(value) && types(value).some((t) => /Organization$|^Corporation$|^WebSite$|^Brand$/.test(t)));
  return names(value).map((name) => ({ name, person }));
}

/** A name that is the site's own (the outlet, the publisher) or a group's ("Staff", "News Desk"). */
function isGroupName(name: string, sites: (string | null)[]): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const flat = squash(name);
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  return (
    !flat || /\d/.test(name) || NOT_A_PERSON.test(name) || words.some((w) => BYLINE_LABEL.test(w)) ||
    sites.some((site) => !!site && squash(site) === flat)
  );
}

// Words of a group, not a person: a byline of these is no author's name.
const NOT_A_PERSON = /\b(?:staff|team|editors?|editorial|desk|admin|administrator|newsroom|contributors?|inc|llc|ltd|group|company|official|media|news|press|agency|blog|department|office)\b/i;
// Words of a byline's labels and links ("Written By", "Full Bio", "The Author", "Visit LinkedIn"):
// a name holding one is furniture, not a person.
const BYLINE_LABEL = /^(?:the|our|your|about|author|authors|bio|full|written|by|posted|profile|visit|linkedin|twitter|more|read|view|all|follow|share|contact|email)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*[,;]?|de|van|von|der|den|da|di|del|la|le|bin|al|dos|du)$/u;

/** The leading run of capitalised words of a byline ("Ana Ruiz on behalf of ..." -> "Ana Ruiz"), two to five words. */
function leadingName(text: string | null): string | null {
  if (!text || NOT_A_PERSON.test(text)) return null;
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (!NAME_WORD.test(word) || /\d/.test(word)) break;
    words.push(word);
    if (/[,;]$/.test(word)) break;
  }
  while (words.length && !/^\p{Lu}/u.test(words[words.length - 1]!)) words.pop();
  const name = words.join(' ').replace(/[,;.]+$/, '');
  const count = name.split(/\s+/).length;
  return count >= 2 && count <= 5 ? name : null;
}

/** The text nodes of an element, each collapsed, empty ones left out. */
function textPieces(element: Element): string[] {
  const pieces: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = collapse(node.textContent);
      if (text) pieces.push(text);
    } else if (node.nodeType === 1) for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(element);
  return pieces;
}

/** The names in rel=author and itemprop=author elements, each piece of their text on its own. */
function authorElementNames(document: Document): (string | null)[] {
  const element = document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]');
  return element ? textPieces(element).map((piece) => personName(piece)) : [];
}

/**
 * The author a page shows in its byline when no metadata names one: an element whose class
 * names an author or byline, a link to an author page, or "By Name" in the text next to the
 * headline. Only a person's name (two to five capitalised words, no group words) is taken.
 */
function shownByline(document: Document, accept: (name: string) => boolean): string | null {
  // Bylines are looked for next to the headline (its article, else the block around it): author
  // names elsewhere on a page belong to comments and teasers of other articles.
  const h1 = document.querySelector('h1');
  const scope = document;
  for (const element of Array.from(scope.querySelectorAll('[class*="byline" i], [class*="author" i], a[href*="/author/"], a[href*="/authors/"]')).slice(0, 20)) {
    const text = collapse(element.textContent);
    if (!text || text.length > 200) continue;
    // Each piece of text on its own: a name glued to a date or a job title in the markup stays apart.
    const pieces = textPieces(element).flatMap((piece) => piece.split(/\s*[|•·\u2013\u2014]\s*/));
    for (const part of pieces) {
      const name = leadingName(personName(part));
      if (name && accept(name)) return name;
    }
  }
  let text = '';
  for (let node: Element | null = h1; node && text.length < 600; node = node.nextElementSibling ?? node.parentElement?.nextElementSibling ?? null) {
    text += ' ' + (node.textContent ?? '');
  }
  const by = /\b[Bb]y:?\s+(\p{Lu}[^\n]{0,80})/u.exec(text.replace(/\s+/g, ' '));
  const name = by ? leadingName(personName(by[1]!)) : null;
  return name && accept(name) ? name : null;
}

/** Reads the metadata of a page; `url` is where the page came from, used to resolve links. */
export function readMetadata(document: Document, url: string | null): PageMetadata {
  const nodes = jsonLdNodes(document);
  const metas = indexMeta(document);
  const article = articleNode(nodes);
  const organization = nodes.find((node) => types(node).some((t) => /^(?:NewsMediaOrganization|Organization)$/.test(t)));
  const website = nodes.find((node) => types(node).includes('WebSite'));

  const headline = collapse(article && typeof article.headline === 'string' ? article.headline : null);
  const metaTitle = metaContent(metas, 'og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'headline');
  const pageTitle = collapse(document.querySelector('title')?.textContent);

  const publisher = article ? names(article.publisher)[0] : undefined;
  // A Twitter handle ("@outlet") is no outlet name.
  const outlet =
    [
      collapse(publisher),
      metaContent(metas, 'og:site_name', 'application-name', 'publisher', 'twitter:app:name:iphone'),
      collapse(organization ? names(organization)[0] : null),
      collapse(website ? names(website)[0] : null),
    ].find((name): name is string => !!name && !name.startsWith('@')) ?? null;

  // People named by the metadata come first; a name that is the site's own or a group's
  // ("Staff", an Organization node) only when the page shows no person's byline either.
  const sites = [outlet, collapse(publisher)];
  const ldAuthors = article ? authorNodes(article.author) : [];
  const people = ldAuthors.filter((a) => a.person).map((a) => personName(collapse(a.name))).filter((n): n is string => !!n && !isGroupName(n, sites));
  const statedAuthors = [
    ...ldAuthors.map((a) => personName(collapse(a.name))),
    personName(metaContent(metas, 'author', 'article:author', 'sailthru.author', 'parsely-author', 'byl', 'dc.creator', 'DC.creator')),
    ...authorElementNames(document),
  ].filter((n): n is string => !!n);
  const byline =
    (people.length ? [...new Set(people)].join(', ') : null) ??
    statedAuthors.find((n) => !isGroupName(n, sites)) ??
    shownByline(document, (name) => !isGroupName(name, sites)) ??
    // A group's name, the site's own: better than none, but never a label or a number.
    statedAuthors.find((n) => !/\d/.test(n) && !(n.match(/[\p{L}]+/gu) ?? []).some((w) => BYLINE_LABEL.test(w))) ??
    null;

  const published = decideDate(dateEvidence(document, metas, article, url));
  // A JSON-LD headline cut short is completed by the meta title it begins.
  const longer = headline && metaTitle && metaTitle.length > headline.length && metaTitle.startsWith(headline) ? metaTitle : null;
  const statedRaw = longer ?? headline ?? metaTitle ?? pageTitle;
  const stated = statedRaw ? withoutSiteNames(statedRaw, outlet, url) : null;
  let title = shownHeadline(document, [headline, metaTitle, pageTitle].map((t) => (t ? withoutSiteNames(t, outlet, url) : null)));
  // An <h1> that is the stated title plus figures carries a date or a counter with it.
  const flat = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  if (title && stated && flat(title) !== flat(stated) && flat(title).includes(flat(stated))) {
    const extra = flat(title).replace(flat(stated), ' ');
    if (/\d/.test(extra)) title = stated;
  }
  title ??= stated ?? collapse(document.querySelector('h1')?.textContent);

  const canonical =
    absolute(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url) ??
    absolute(metaContent(metas, 'og:url'), url) ??
    absolute(article && typeof article.url === 'string' ? article.url : null, url);

  const body = article && typeof article.articleBody === 'string' ? article.articleBody : null;
  return {
    title,
    byline,
    outlet,
    published,
    url: canonical ?? url,
    articleBody: body && body.trim() ? decodeEntities(body).trim() : null,
  };
}
