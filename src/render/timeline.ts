// Renders a timeline document (precis timeline) as Markdown, JSON or one HTML page.
import type { TimelineDocument } from '../brief/timeline.js';
import { CitationIndex, shortLabel, undatedNote } from './citations.js';
import { escapeHtml } from './html.js';

export type TimelineFormat = 'md' | 'json' | 'html';
export const TIMELINE_FORMATS: readonly TimelineFormat[] = ['md', 'json', 'html'];

function labels(doc: TimelineDocument): Map<string, string> {
  return new Map(doc.sources.map((s, i) => [s.id, shortLabel({ ...s, words: 0, removed: [], unique: [] }, i + 1)]));
}

export function renderTimeline(doc: TimelineDocument, format: TimelineFormat): string {
  if (format === 'json') {
    return `${JSON.stringify({ timeline: doc.timeline, sources: doc.sources, undatedArticles: doc.undatedArticles }, null, 2)}\n`;
  }
  const index = new CitationIndex();
  const label = labels(doc);
  const note = undatedNote(doc.undatedArticles);
  if (format === 'md') {
    const out = ['# Timeline', ''];
    if (doc.timeline.length === 0) out.push('No dated events found.');
    for (const d of doc.timeline) {
      out.push(`- **${d.date}**`);
      for (const s of d.sentences) out.push(`  - ${s.text.replace(/\s+/g, ' ')} ${s.citations.map((c) => `[${index.number(c)}]`).join('')}`);
    }
    if (note) out.push('', `*${note}*`);
    if (index.list.length) {
      out.push('', '## Sources', '');
      index.list.forEach((c, i) => out.push(`${i + 1}. ${label.get(c.source) ?? c.source}: "${c.quote.replace(/\s+/g, ' ')}"`));
    }
    return `${out.join('\n')}\n`;
  }
  const items = doc.timeline
    .map((d) => `<li><time datetime="${escapeHtml(d.date)}">${escapeHtml(d.date)}</time><ul>${d.sentences
      .map((s) => `<li>${escapeHtml(s.text)} ${s.citations.map((c) => `<sup title="${escapeHtml(label.get(c.source) ?? c.source)}">[${index.number(c)}]</sup>`).join('')}</li>`)
      .join('')}</ul></li>`)
    .join('');
  const sources = index.list.map((c) => `<li>${escapeHtml(label.get(c.source) ?? c.source)}: “${escapeHtml(c.quote)}”</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Timeline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}time{font-weight:600}ul{padding-left:1.2rem}sup{color:#555}</style></head>
<body><h1>Timeline</h1>${doc.timeline.length ? `<ul>${items}</ul>` : '<p>No dated events found.</p>'}${note ? `<p><em>${escapeHtml(note)}</em></p>` : ''}${sources ? `<h2>Sources</h2><ol>${sources}</ol>` : ''}</body></html>
`;
}
