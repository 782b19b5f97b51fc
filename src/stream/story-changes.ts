// "What's new since version N" for a stored story: the change report (changes.ts) fed from the store.
import type { Store } from '../store/index.js';
import { whatsNew } from './changes.js';
import type { Changes } from './types.js';

/** The changes of story `id` from version `since` to its latest; null when the story or version is unknown. */
export async function storyChanges(store: Store, id: string, since: number, words?: number): Promise<Changes | null> {
  const current = await store.getStory(id);
  const previous = await store.getStory(id, since);
  const count = await store.articlesAtVersion(id, since);
  const articles = await store.getArticles(id);
  if (!current || !previous || count === null || !articles) return null;
  return whatsNew({
    since,
    version: current.version,
    before: articles.slice(0, count),
    added: articles.slice(count),
    previous: previous.briefing,
    current: current.briefing,
    words,
  });
}

const cite = (citations: { source: string }[]) => (citations.length ? ` [${[...new Set(citations.map((c) => c.source))].join(', ')}]` : '');

/** Markdown of a change report. */
export function changesMarkdown(c: Changes): string {
  const out = [`# What is new since version ${c.since} (now version ${c.version})`, ''];
  const section = (title: string, items: string[]) => {
    out.push(`## ${title}`, '', ...(items.length ? items.map((i) => `- ${i}`) : ['Nothing new.']), '');
  };
  section('Summary', c.summary.map((s) => `${s.text}${cite(s.citations)}`));
  section('Timeline', c.timeline.map((t) => `${t.date}: ${t.text}${cite(t.citations)}`));
  section('Where sources disagree', c.conflicts.map((k) => `${k.topic}: ${k.claims.map((cl) => `${cl.value}${cite(cl.citations)}`).join('; ')}`));
  section('New sources', c.sources.map((s) => `${s.title}${s.outlet ? ` (${s.outlet})` : ''}${s.published ? `, ${s.published}` : ''}`));
  return out.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A change report in one of the briefing formats. */
export function renderChanges(c: Changes, format: 'md' | 'json' | 'html' | 'text'): string {
  if (format === 'json') return `${JSON.stringify(c, null, 2)}\n`;
  const md = changesMarkdown(c);
  if (format === 'md') return `${md}\n`;
  if (format === 'text') return `${md.replace(/^#+ /gm, '')}\n`;
  const body = md
    .split('\n')
    .map((line) => {
      const esc = escapeHtml(line);
      if (line.startsWith('## ')) return `<h2>${esc.slice(3)}</h2>`;
      if (line.startsWith('# ')) return `<h1>${esc.slice(2)}</h1>`;
      if (line.startsWith('- ')) return `<li>${esc.slice(2)}</li>`;
      return line ? `<p>${esc}</p>` : '';
    })
    .join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>What is new since version ${c.since}</title></head><body>\n${body}\n</body></html>\n`;
}
