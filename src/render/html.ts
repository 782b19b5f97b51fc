// The briefing as one self-contained HTML page: inline CSS and JS, nothing loaded from elsewhere,
// and a Content-Security-Policy that allows only that inline CSS and JS (by hash). Everything that
// comes from an article is escaped, and only http(s) URLs ever become links; the policy is the
// second line of defence should an escape ever be missed.
import { createHash } from 'node:crypto';
import type { Briefing, BriefingSource, Citation, Conflict, Entity, EntityType, Removal, TimelineItem } from '../types.js';
import { noConflictNote, quoteMarks, shortLabel, siteOf, undatedNote, undatedSources } from './citations.js';
import { rankActors } from './actors.js';

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The URL to link to when it is an absolute http(s) URL; null for anything else (javascript:, data:, relative...). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-01-29" -> "29 Jan 2018", "2018-01" -> "Jan 2018"; anything else as given. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (m[2] && !month) return date;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1];
}

const STYLE = `
:root{--ink:#1c1d21;--muted:#5d6270;--rule:#d9dce3;--paper:#fff;--tint:#f4f5f8;--accent:#1f5fbf;--warn:#9a4a00;--tip:#1c1d21;--tip-ink:#fff;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--ink:#e6e7eb;--muted:#a2a7b3;--rule:#3a3e48;--paper:#16181d;--tint:#1f222a;--accent:#8cb8ff;--warn:#f0b070;--tip:#f1f2f5;--tip-ink:#16181d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.6 Georgia,"Iowan Old Style","Times New Roman",serif}
.page{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
nav.bar{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;font:14px/1.4 system-ui,sans-serif;padding-bottom:.75rem;border-bottom:1px solid var(--rule);margin-bottom:1rem}
nav.bar a{color:var(--accent)}
h1,h2,h3,h4,.meta,.kicker,.badge,nav,footer,time,.attr,summary{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem}
h2{font-size:1.15rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-top:2px solid var(--ink);padding-top:.5rem;margin:2.2rem 0 .8rem}
h3{font-size:1.05rem;margin:0 0 .3rem}
h4{font-size:.9rem;margin:.8rem 0 .2rem;color:var(--muted)}
.kicker{margin:0;color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.08em}
.span{margin:0;color:var(--muted);font:15px system-ui,sans-serif}
.meta{color:var(--muted);font-size:.85rem;margin:0}
.empty,.note{color:var(--muted);font-style:italic}
a{color:var(--accent)}
.summary p{margin:0 0 .9rem}
.cites{font:600 .7rem system-ui,sans-serif;vertical-align:super;line-height:0;white-space:nowrap}
.cite-wrap{position:relative;display:inline-block}
.cite{display:inline-block;min-width:1.35em;padding:0 .2em;margin-left:.1em;border-radius:.3em;background:var(--tint);border:1px solid var(--rule);color:var(--accent);text-align:center;text-decoration:none;line-height:1.5;cursor:pointer}
.cite:focus{outline:2px solid var(--accent);outline-offset:1px}
.tip{display:none;position:absolute;z-index:10;left:50%;bottom:calc(100% + .5rem);transform:translateX(calc(-50% + var(--shift,0px)));width:max-content;max-width:min(24rem,86vw);padding:.6rem .75rem;border-radius:.45rem;background:var(--tip);color:var(--tip-ink);font:400 .9rem/1.45 Georgia,serif;text-align:left;white-space:normal;box-shadow:0 6px 24px rgba(0,0,0,.25)}
.tip .attr{display:block;margin-top:.35rem;font-size:.78rem;opacity:.8}
.tip.below{bottom:auto;top:calc(100% + .5rem)}
.cite-wrap:hover .tip,.cite-wrap:focus-within .tip,.cite-wrap.open .tip{display:block}
@media (max-width:40rem){.tip{position:fixed;left:.75rem;right:.75rem;bottom:.75rem;top:auto;transform:none;max-width:none;width:auto}}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--rule)}
ol.timeline li{position:relative;padding:0 0 .9rem 1rem}
ol.timeline li::before{content:"";position:absolute;left:-.4rem;top:.5rem;width:.65rem;height:.65rem;border-radius:50%;background:var(--accent)}
ol.timeline time{display:block;font-weight:600;font-size:.85rem;color:var(--muted)}
.actors{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.5rem 1.5rem}
.actors ul{list-style:none;padding:0;margin:0}
.actors li{margin:0 0 .35rem}
.actors .meta{display:block}
.aliases{display:block;color:var(--muted);font-size:.85rem}
.actors .role{display:block;font-style:italic}
.actors .said{margin:.2rem 0 0;padding:0 0 0 .6rem;border-left:2px solid var(--muted);font-size:.9rem}
.actors .said li{margin:0 0 .2rem}
.conflict{margin:0 0 1.4rem}
.badge{display:inline-block;font-size:.7rem;font-weight:600;text-transform:uppercase;letter-spacing:.05em;padding:.05rem .4rem;border-radius:.3rem;border:1px solid currentColor;color:var(--warn);margin-left:.4rem;vertical-align:middle}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem}
.claim{border:1px solid var(--rule);border-top:4px solid var(--warn);border-radius:.4rem;padding:.6rem .75rem;background:var(--tint)}
.claim .value{font:700 1.15rem system-ui,sans-serif;margin:0 0 .3rem;overflow-wrap:anywhere}
blockquote{margin:.3rem 0;padding:0 0 0 .7rem;border-left:3px solid var(--rule)}
.attr{color:var(--muted);font-size:.8rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid var(--rule);border-radius:.5rem;padding:.8rem .9rem;overflow-wrap:anywhere}
.card ul{padding-left:1.1rem;margin:.2rem 0}
.card li{margin:.2rem 0;font-size:.92rem}
.reason{font:600 .75rem system-ui,sans-serif;color:var(--warn);margin-right:.3rem}
details summary{cursor:pointer;font-size:.9rem;color:var(--muted);margin-top:.5rem}
.notes li{margin:0 0 .5rem;font-size:.92rem}
.notes blockquote{display:inline;border:0;padding:0;margin:0}
#add label{display:block;font:600 .9rem system-ui,sans-serif;margin:1rem 0 .3rem}
#add .hint{font-weight:400;color:var(--muted);font-size:.85rem}
#add textarea{width:100%;min-height:9rem;resize:vertical;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:.5rem .6rem;border:1px solid var(--rule);border-radius:.4rem;background:var(--paper);color:var(--ink)}
#add input[type=file]{display:block;width:100%;padding:1.2rem 1rem;border:2px dashed var(--rule);border-radius:.5rem;background:var(--tint);color:var(--muted);font:.9rem system-ui,sans-serif;cursor:pointer}
#add button{margin-top:1rem;font:600 1rem system-ui,sans-serif;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:var(--accent);color:var(--paper);cursor:pointer}
.error{border:1px solid var(--warn);border-left:4px solid var(--warn);border-radius:.4rem;padding:.6rem .8rem;color:var(--warn);font:.95rem system-ui,sans-serif;overflow-wrap:anywhere}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--rule);padding-top:.75rem}
@media print{
  :root{--ink:#000;--muted:#444;--paper:#fff;--tint:#fff;--accent:#000}
  body{font-size:11pt}
  .page{max-width:none;padding:0}
  nav.bar,.tip,#add{display:none!important}
  .cite{border:0;background:none;padding:0;min-width:0;margin:0}
  .cite-wrap+.cite-wrap::before{content:","}
  .card,.claim,.conflict,ol.timeline li,.notes li{break-inside:avoid}
  h2{break-after:avoid}
  .card a[href]::after{content:" (" attr(href) ")";font-size:.8em;overflow-wrap:anywhere}
}
`;

// Tapping a citation toggles its quote (hover and keyboard focus show it through CSS alone, so
// the page still works with scripts off); printing opens every collapsed section.
const SCRIPT = `
(function () {
  var open = null;
  var phone = window.matchMedia('(max-width: 40rem)');
  // Keep a shown quote inside the window: slide it sideways at the edges, drop it below the
  // number near the top. (On phones it is a sheet at the bottom of the screen instead.)
  function place(wrap) {
    var tip = wrap.querySelector('.tip');
    if (!tip || phone.matches) return;
    tip.style.setProperty('--shift', '0px');
    tip.classList.remove('below');
    var r = tip.getBoundingClientRect();
    if (r.width === 0) return;
    var margin = 8;
    var width = document.documentElement.clientWidth;
    var shift = 0;
    if (r.left < margin) shift = margin - r.left;
    else if (r.right > width - margin) shift = width - margin - r.right;
    tip.style.setProperty('--shift', shift + 'px');
    if (r.top < margin) tip.classList.add('below');
  }
  function placeFrom(event) {
    var wrap = event.target instanceof Element ? event.target.closest('.cite-wrap') : null;
    if (wrap) place(wrap);
  }
  document.addEventListener('mouseover', placeFrom);
  document.addEventListener('focusin', placeFrom);
  function close() {
    if (!open) return;
    open.classList.remove('open');
    var c = open.querySelector('.cite');
    if (c) c.setAttribute('aria-expanded', 'false');
    open = null;
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var cite = target.closest('.cite');
    if (cite) {
      event.preventDefault();
      var wrap = cite.parentElement;
      if (open === wrap) { close(); return; }
      close();
      wrap.classList.add('open');
      cite.setAttribute('aria-expanded', 'true');
      open = wrap;
      place(wrap);
      return;
    }
    if (!target.closest('.tip')) close();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') close();
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy: no network access at all, only the page's own inline style
 * and script (by hash, so an injected <script> or on*= handler cannot run). The server sends the
 * same policy as a header.
 */
function pagePolicy(formAction: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${sha256(SCRIPT)}`,
    'img-src data:',
    "base-uri 'none'",
    `form-action ${formAction}`,
  ].join('; ');
}
/** The policy as an HTTP header; frame-ancestors is added there because browsers ignore it in a <meta>. */
export const HTML_CONTENT_SECURITY_POLICY = `${pagePolicy("'none'")}; frame-ancestors 'none'`;
/** The header policy of a page that has the add-articles form: it may post to its own server. */
export const HTML_CONTENT_SECURITY_POLICY_WITH_FORM = `${pagePolicy("'self'")}; frame-ancestors 'none'`;

export interface HtmlOptions {
  /** Links shown in a bar above the briefing (the web app's navigation); hrefs are the caller's, not an article's. */
  nav?: { label: string; href: string }[];
  /**
   * A form to add articles to the story (the web app's story page), posting to `action` on the
   * same server; `error` and `text` give back a refused submission.
   */
  addArticles?: { action: string; error?: string; text?: string };
}

function renderAddForm(form: NonNullable<HtmlOptions['addArticles']>): string {
  const error = form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : '';
  return (
    `<section id="add"><h2>Add articles</h2>` +
    `<form method="post" action="${escapeHtml(form.action)}" enctype="multipart/form-data">${error}` +
    `<label for="add-text">Paste articles <span class="hint">(several: put a line of --- between them)</span></label>` +
    `<textarea id="add-text" name="text" spellcheck="false">${escapeHtml(form.text ?? '')}</textarea>` +
    `<label for="add-files">Or drop files <span class="hint">(.txt, .md, .html, .json, .jsonl)</span></label>` +
    `<input type="file" id="add-files" name="files" multiple accept=".txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson">` +
    `<button type="submit">Add and rebuild the briefing</button></form></section>`
  );
}

/** Numbers each distinct quoted sentence in the order it is first cited, so one number means one quote everywhere. */
class Notes {
  private readonly numbers = new Map<string, number>();
  readonly list: Citation[] = [];
  private tips = 0;

  /** Each source's place in the list, from 1, for the label of a source with no other name. */
  private readonly positions: Map<string, number>;

  constructor(private readonly sources: Map<string, BriefingSource>) {
    this.positions = new Map([...sources.keys()].map((id, i) => [id, i + 1]));
  }

  number(citation: Citation): number {
    const key = `${citation.source}\u0000${citation.quote}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.list.push(citation);
      n = this.list.length;
      this.numbers.set(key, n);
    }
    return n;
  }

  /** "Outlet, 29 Jan 2018" for the source a citation quotes. */
  attribution(sourceId: string): string {
    const source = this.sources.get(sourceId);
    if (!source) return escapeHtml(sourceId);
    const date = source.published ? `, ${escapeHtml(formatDate(source.published))}` : '';
    return `${escapeHtml(shortLabel(source, this.positions.get(sourceId) ?? 0))}${date}`;
  }

  /** Numbered citation marks; each shows its quote on hover, focus or tap, and links to the note. */
  marks(citations: Citation[]): string {
    if (citations.length === 0) return '';
    const marks = citations.map((citation) => {
      const n = this.number(citation);
      const tip = `tip-${++this.tips}`;
      return (
        `<span class="cite-wrap"><a class="cite" href="#note-${n}" aria-describedby="${tip}" aria-expanded="false">${n}</a>` +
        `<span class="tip" role="tooltip" id="${tip}">${quoted(citation.quote)}` +
        `<span class="attr">${this.attribution(citation.source)}</span></span></span>`
      );
    });
    return `<span class="cites">${marks.join('')}</span>`;
  }
}

/** The outlet, else the site the article came from; null when neither is known. */
function outletOf(source: BriefingSource): string | null {
  return source.outlet || siteOf(safeHttpUrl(source.url));
}

/** A quote, escaped, in quotation marks unless it brings its own. */
function quoted(quote: string): string {
  const [open, close] = quoteMarks(quote);
  return `${open}${escapeHtml(quote)}${close}`;
}

/** At most `max` characters (whole code points), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function dateSpan(from: string | null, to: string | null): string {
  if (from && to && from !== to) {
    return `<time datetime="${escapeHtml(from)}">${escapeHtml(formatDate(from))}</time> – <time datetime="${escapeHtml(to)}">${escapeHtml(formatDate(to))}</time>`;
  }
  const one = from ?? to;
  return one ? `<time datetime="${escapeHtml(one)}">${escapeHtml(formatDate(one))}</time>` : '';
}

function renderSummary(b: Briefing, notes: Notes): string {
  if (b.summary.length === 0) return '<p class="empty">No summary could be drawn from these articles.</p>';
  const sentences = b.summary.map((item) => `${escapeHtml(item.text)}${notes.marks(item.citations)}`);
  return `<p>${sentences.join(' ')}</p>`;
}

function renderTimeline(items: TimelineItem[], notes: Notes): string {
  if (items.length === 0) return '<p class="empty">No dated events were found.</p>';
  const rows = items.map(
    (item) =>
      `<li><time datetime="${escapeHtml(item.date)}">${escapeHtml(formatDate(item.date))}</time>${escapeHtml(item.text)}${notes.marks(item.citations)}</li>`,
  );
  return `<ol class="timeline">${rows.join('')}</ol>`;
}

const ENTITY_GROUPS: { type: EntityType; heading: string }[] = [
  { type: 'person', heading: 'People' },
  { type: 'organization', heading: 'Organisations' },
  { type: 'place', heading: 'Places' },
  { type: 'other', heading: 'Other' },
];

function renderActors(entities: Entity[], sourceCount: number, notes: Notes): string {
  if (entities.length === 0) return '<p class="empty">No people, organisations or places were recognised.</p>';
  const { main, tail } = rankActors(entities);
  const groups = ENTITY_GROUPS.map(({ type, heading }) => {
    const members = main.filter((e) => e.type === type);
    if (members.length === 0) return '';
    const items = members.map((e) => {
      const aliases = e.aliases.length ? `<span class="aliases">also ${e.aliases.map(escapeHtml).join(', ')}</span>` : '';
      const reach = `${plural(e.mentions, 'mention')} · ${e.sources.length} of ${sourceCount} sources`;
      const role = e.role ? `<span class="role">${escapeHtml(e.role.text)}${notes.marks([e.role.citation])}</span>` : '';
      const said = e.quotes?.length
        ? `<ul class="said">${e.quotes.map((q) => `<li><q>${escapeHtml(q.text)}</q>${notes.marks([q.citation])}</li>`).join('')}</ul>`
        : '';
      return `<li><strong>${escapeHtml(e.name)}</strong>${role} <span class="meta">${reach}</span>${aliases}${said}</li>`;
    });
    return `<div><h3>${heading}</h3><ul>${items.join('')}</ul></div>`;
  });
  const folded = tail.length
    ? `<details class="actors-tail"><summary>and ${tail.length} more, mentioned once</summary><p>${tail.map((e) => escapeHtml(e.name)).join(', ')}</p></details>`
    : '';
  return `<div class="actors">${groups.join('')}</div>${folded}`;
}


function renderConflicts(conflicts: Conflict[], notes: Notes, sources: number): string {
  if (conflicts.length === 0) return `<p class="empty">${escapeHtml(noConflictNote(sources))}</p>`;
  return conflicts
    .map((conflict) => {
      const badges = [conflict.nature, conflict.kind].filter(Boolean).map((t) => `<span class="badge">${escapeHtml(t)}</span>`);
      const claims = conflict.claims.map((claim) => {
        const quotes = claim.citations.map(
          (c) => `<blockquote>${escapeHtml(c.quote)}${notes.marks([c])}</blockquote><p class="attr">${notes.attribution(c.source)}</p>`,
        );
        const value = conflict.kind === 'date' && typeof claim.value === 'string' ? formatDate(claim.value) : claim.value;
        return `<div class="claim"><p class="value">${escapeHtml(value)}</p>${quotes.join('')}</div>`;
      });
      return `<article class="conflict"><h3>${escapeHtml(conflict.topic)}${badges.join('')}</h3><div class="claims">${claims.join('')}</div></article>`;
    })
    .join('');
}

function renderRemoved(removed: Removal[]): string {
  if (removed.length === 0) return '<p class="meta">Cleaning removed nothing.</p>';
  const counts = new Map<string, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const why = [...counts].map(([reason, n]) => `${n} ${escapeHtml(reason)}`).join(', ');
  const items = removed.map((r) => `<li><span class="reason">${escapeHtml(r.reason)}</span>${escapeHtml(clip(r.text, 280))}</li>`);
  return `<details><summary>Cleaning removed ${plural(removed.length, 'passage')}: ${why}</summary><ul>${items.join('')}</ul></details>`;
}

function renderSource(source: BriefingSource, notes: Notes): string {
  const href = safeHttpUrl(source.url);
  const title = escapeHtml(source.title || source.id);
  const heading = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${title}</a>` : title;
  const outlet = outletOf(source);
  const meta = [
    ...(outlet ? [escapeHtml(outlet)] : []),
    source.published ? `<time datetime="${escapeHtml(source.published)}">${escapeHtml(formatDate(source.published))}</time>` : 'undated',
    `${plural(source.words, 'word')} kept`,
  ].join(' · ');
  const unique = source.unique ?? [];
  const only = unique.length
    ? `<h4>Only this source reports</h4><ul>${unique.map((c) => `<li>${escapeHtml(c.quote)}${notes.marks([c])}</li>`).join('')}</ul>`
    : '';
  return `<article class="card" id="source-${escapeHtml(source.id)}"><h3>${heading}</h3><p class="meta">${meta}</p>${only}${renderRemoved(source.removed)}</article>`;
}

function renderNotes(notes: Notes): string {
  const items = notes.list.map(
    (c, i) => `<li id="note-${i + 1}"><blockquote>${quoted(c.quote)}</blockquote> <span class="attr">— ${notes.attribution(c.source)}</span></li>`,
  );
  return `<ol class="notes">${items.join('')}</ol>`;
}

/**
 * "5 articles from 3 outlets", "2 articles from Coast Daily and Holm Radio", or "5 articles"
 * when the outlets are not all known: the page header in plain words.
 */
function sourcesLine(sources: BriefingSource[]): string {
  const count = plural(sources.length, 'article');
  const known = sources.map(outletOf);
  if (known.some((o) => o === null)) return count;
  const outlets = new Set(known as string[]);
  if (outlets.size === 1) return `${count} from ${[...outlets][0]}`;
  if (outlets.size <= 3) {
    const names = [...outlets];
    return `${count} from ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return `${count} from ${plural(outlets.size, 'outlet')}`;
}

/** The briefing as a self-contained HTML page. */
export function renderHtml(b: Briefing, options: HtmlOptions = {}): string {
  const sources = new Map(b.sources.map((s) => [s.id, s] as const));
  const notes = new Notes(sources);
  const words = b.sources.reduce((n, s) => n + s.words, 0);
  // Sections are rendered in reading order so citation numbers rise down the page.
  const summary = renderSummary(b, notes);
  const undated = undatedNote(undatedSources(b));
  const timeline = renderTimeline(b.timeline, notes) + (undated ? `<p class="note">${escapeHtml(undated)}</p>` : '');
  const actors = renderActors(b.entities, b.sources.length, notes);
  const conflicts = renderConflicts(b.conflicts, notes, b.sources.length);
  const cards = b.sources.map((s) => renderSource(s, notes)).join('');
  const nav = options.nav?.length
    ? `<nav class="bar">${options.nav.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join('')}</nav>`
    : '';
  const span = dateSpan(b.story.from, b.story.to);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pagePolicy(options.addArticles ? "'self'" : "'none'"))}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="precis">
<title>${escapeHtml(b.story.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
${nav}<header>
<p class="kicker">Briefing · ${escapeHtml(sourcesLine(b.sources))} · ${plural(words, 'word')} read</p>
<h1>${escapeHtml(b.story.title)}</h1>
${span ? `<p class="span">${span}</p>` : ''}
</header>
<main>
<section class="summary" id="summary"><h2>Summary</h2>${summary}</section>
<section id="timeline"><h2>Timeline</h2>${timeline}</section>
<section id="actors"><h2>Actors</h2>${actors}</section>
<section id="conflicts"><h2>Where sources differ</h2>${conflicts}</section>
<section id="sources"><h2>Sources</h2><div class="cards">${cards}</div></section>
<section id="notes"><h2>Quoted sentences</h2>${renderNotes(notes)}</section>
${options.addArticles ? renderAddForm(options.addArticles) : ''}
</main>
<footer>Written by precis from ${plural(b.sources.length, 'article')}. Every summary sentence cites, word for word, the source sentences it rests on.</footer>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
