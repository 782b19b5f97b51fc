// The web app's own pages (the story list with its form, and error pages). A story's page is the
// HTML briefing itself (render/html.ts). These pages need no script at all: the file input is
// the drop target, so the policy forbids every script.
import { createHash } from 'node:crypto';
import { escapeHtml, formatDate } from '../render/html.js';
import type { StorySummary } from '../store/index.js';
import type { Changes } from '../stream/types.js';

const STYLE = `
:root{--ink:#1c1d21;--muted:#5d6270;--rule:#d9dce3;--paper:#fff;--tint:#f4f5f8;--accent:#1f5fbf;--warn:#9a4a00;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--ink:#e6e7eb;--muted:#a2a7b3;--rule:#3a3e48;--paper:#16181d;--tint:#1f222a;--accent:#8cb8ff;--warn:#f0b070}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:17px/1.6 Georgia,"Iowan Old Style","Times New Roman",serif}
.page{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1,h2,label,button,input,.meta,.kicker,.hint,.error{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 1rem}
h2{font-size:1.15rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-top:2px solid var(--ink);padding-top:.5rem;margin:2rem 0 .8rem}
.kicker{margin:0;color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.08em}
a{color:var(--accent)}
label{display:block;font-weight:600;font-size:.9rem;margin:1rem 0 .3rem}
.hint{font-weight:400;color:var(--muted);font-size:.85rem}
input[type=text],textarea{width:100%;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:.5rem .6rem;border:1px solid var(--rule);border-radius:.4rem;background:var(--paper);color:var(--ink)}
input[type=text]{font-family:system-ui,sans-serif}
textarea{min-height:12rem;resize:vertical}
input[type=file]{display:block;width:100%;padding:1.6rem 1rem;border:2px dashed var(--rule);border-radius:.5rem;background:var(--tint);color:var(--muted);font-size:.9rem;cursor:pointer}
input[type=file]:hover,input[type=file]:focus{border-color:var(--accent)}
button{margin-top:1.2rem;font-size:1rem;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:var(--accent);color:var(--paper);cursor:pointer}
.error{border:1px solid var(--warn);border-left:4px solid var(--warn);border-radius:.4rem;padding:.6rem .8rem;color:var(--warn);margin:1rem 0;overflow-wrap:anywhere}
ul.stories{list-style:none;padding:0;margin:0}
ul.stories li{padding:.6rem 0;border-bottom:1px solid var(--rule)}
ul.stories a{font-size:1.05rem;font-weight:600;text-decoration:none;overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.85rem;margin:0}
.empty{color:var(--muted);font-style:italic}
table.stories{width:100%;border-collapse:collapse;font:15px/1.4 system-ui,sans-serif}
table.stories th,table.stories td{text-align:left;padding:.4rem .3rem;border-bottom:1px solid var(--rule);vertical-align:top}
table.stories th{color:var(--muted);font-weight:600;font-size:.85rem}
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The app pages' policy: their own style, no script at all, forms posted only to this server. */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  "script-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
${body}
</div>
</body>
</html>
`;
}

export interface HomeState {
  /** Why the last submission was refused; shown above the form. */
  error?: string;
  /** What the reader had typed, given back so a refused submission loses nothing. */
  title?: string;
  text?: string;
}

function storyItem(s: StorySummary): string {
  const updated = formatDate(s.updatedAt.slice(0, 10));
  const versions = s.version > 1 ? ` · version ${s.version}` : '';
  return (
    `<li><a href="/stories/${encodeURIComponent(s.id)}">${escapeHtml(s.title)}</a>` +
    `<p class="meta">${s.articles} article${s.articles === 1 ? '' : 's'}${versions} · updated ${escapeHtml(updated)}</p></li>`
  );
}

/** `/`: the stories, newest first, and a form to brief new ones. */
export function homePage(stories: StorySummary[], state: HomeState = {}): string {
  const error = state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : '';
  const list = stories.length
    ? `<ul class="stories">${stories.map(storyItem).join('')}</ul>`
    : '<p class="empty">No stories yet: paste or drop the articles of one story above.</p>';
  return page(
    'precis: stories',
    `<header><p class="kicker">precis</p><h1>Brief a story</h1></header>
<form method="post" action="/stories" enctype="multipart/form-data">
${error}
<label for="title">Title <span class="hint">(optional: by default the most representative headline)</span></label>
<input type="text" id="title" name="title" maxlength="500" value="${escapeHtml(state.title ?? '')}">
<label for="text">Paste articles <span class="hint">(several: put a line of --- between them)</span></label>
<textarea id="text" name="text" spellcheck="false">${escapeHtml(state.text ?? '')}</textarea>
<label for="files">Or drop files <span class="hint">(.txt, .md, .html, .html.gz, .json, .jsonl)</span></label>
<input type="file" id="files" name="files" multiple accept=".txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.gz">
<button type="submit">Write the briefing</button>
</form>
<section><h2>Stories</h2><p class="meta"><a href="/stories">All stories, with sizes and sources</a></p>${list}</section>`,
  );
}

/** A page for a refused or unknown page request. */
export function errorPage(status: number, message: string): string {
  return page(`precis: ${status}`, `<header><p class="kicker">precis · ${status}</p><h1>${escapeHtml(message)}</h1></header><p><a href="/">All stories</a></p>`);
}

/** A story as the stories page lists it: the summary, and how many sources its briefing cites. */
export interface StoryRow extends StorySummary {
  sources: number;
  outlets: number;
}

/** `/stories`: the stories as they form, most recently updated first. */
export function storiesPage(rows: StoryRow[]): string {
  const body = rows.length
    ? `<table class="stories"><thead><tr><th>Story</th><th>Articles</th><th>Sources</th><th>Version</th><th>Last update</th></tr></thead><tbody>${rows
        .map(
          (s) =>
            `<tr><td><a href="/stories/${encodeURIComponent(s.id)}">${escapeHtml(s.title)}</a></td><td>${s.articles}</td>` +
            `<td>${s.sources}${s.outlets ? ` (${s.outlets} outlet${s.outlets === 1 ? '' : 's'})` : ''}</td><td>${s.version}</td>` +
            `<td><time datetime="${escapeHtml(s.updatedAt)}">${escapeHtml(s.updatedAt.replace('T', ' ').slice(0, 16))} UTC</time></td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="empty">No stories yet: ingest a stream or feeds, or brief a story.</p>';
  return page('precis: stories', `<header><p class="kicker">precis · ${rows.length} stor${rows.length === 1 ? 'y' : 'ies'}</p><h1>Stories</h1></header>
<p class="meta"><a href="/">Brief a story</a> · <a href="/stories">Refresh</a></p>
${body}`);
}

/** `/stories/:id/changes?since=N`: what is new in a story since version N (the change report the API answers). */
export function changesPage(id: string, title: string, c: Changes): string {
  const story = `/stories/${encodeURIComponent(id)}`;
  const api = `/api/stories/${encodeURIComponent(id)}/changes?since=${c.since}`;
  const cite = (citations: { source: string }[]) =>
    citations.length ? ` <span class="meta">[${[...new Set(citations.map((x) => x.source))].map(escapeHtml).join(', ')}]</span>` : '';
  const section = (heading: string, cls: string, items: string[]) =>
    `<section class="${cls}"><h2>${heading}</h2>${items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p class="empty">Nothing new.</p>'}</section>`;
  return page(
    `precis: what is new since version ${c.since}`,
    `<header><p class="kicker">precis · ${escapeHtml(title)}</p><h1>What is new since version ${c.since}</h1></header>
<p class="meta">Now version ${c.version} · <a href="${story}">Current briefing</a> · <a href="${story}?version=${c.since}">Version ${c.since}</a> · <a href="${api}">JSON</a></p>
${section('Summary', 'new-summary', c.summary.map((s) => `${escapeHtml(s.text)}${cite(s.citations)}`))}
${section('Timeline', 'new-timeline', c.timeline.map((t) => `<strong>${escapeHtml(t.date)}</strong>: ${escapeHtml(t.text)}${cite(t.citations)}`))}
${section('Where sources disagree', 'new-conflicts', c.conflicts.map((k) => `${escapeHtml(k.topic)}: ${k.claims.map((cl) => `${escapeHtml(cl.value)}${cite(cl.citations)}`).join('; ')}`))}
${section('New sources', 'new-sources', c.sources.map((s) => `${escapeHtml(s.title)}${s.outlet ? ` (${escapeHtml(s.outlet)})` : ''}${s.published ? `, ${escapeHtml(s.published)}` : ''}`))}`,
  );
}
