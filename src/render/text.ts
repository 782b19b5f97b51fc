import type { Briefing } from '../types.js';
import { CitationIndex, dateSpan, removalSummary, sourceLabel } from './citations.js';

/** Wraps a paragraph at `width` columns with a hanging indent. */
function wrap(text: string, width = 78, indent = ''): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const heading = (t: string) => `${t}\n${'='.repeat(Math.min(78, t.length))}`;
/** Control characters from article text never reach the terminal. */
const plain = (t: string) => t.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

/** A briefing for the terminal: plain text, wrapped, citations as [n] with a list at the end. */
export function renderText(b: Briefing): string {
  const cites = new CitationIndex();
  const refs = (cs: { source: string; quote: string }[]) => cs.map((c) => `[${cites.number(c)}]`).join('');
  const out: string[] = [heading(plain(b.story.title))];
  const span = dateSpan(b);
  out.push(`${b.sources.length} source${b.sources.length === 1 ? '' : 's'}${span ? `, ${span}` : ''}`, '');
  out.push(heading('Summary'));
  for (const s of b.summary) out.push(wrap(`${plain(s.text)} ${refs(s.citations)}`), '');
  if (b.timeline.length) {
    out.push(heading('Timeline'));
    for (const t of b.timeline) out.push(wrap(`${t.date.padEnd(10)}  ${plain(t.text)} ${refs(t.citations)}`, 78, '            '));
    out.push('');
  }
  if (b.entities.length) {
    out.push(heading('People, organisations and places'));
    for (const e of b.entities) {
      const aka = e.aliases.length ? `; also ${e.aliases.map(plain).join(', ')}` : '';
      out.push(wrap(`${plain(e.name)} (${e.type}, ${e.mentions} mentions in ${e.sources.length} sources${aka})`, 78, '  '));
    }
    out.push('');
  }
  if (b.conflicts.length) {
    out.push(heading('Where sources disagree'));
    for (const c of b.conflicts) {
      out.push(`${plain(c.topic)}${c.nature === 'update' ? ' (update over time)' : ''}`);
      for (const claim of c.claims) {
        const who = [...new Set(claim.citations.map((x) => sourceLabel(b, x.source)))].map(plain).join(', ');
        out.push(wrap(`  - ${plain(String(claim.value))}: ${who} ${refs(claim.citations)}`, 78, '    '));
      }
    }
    out.push('');
  }
  out.push(heading('Sources'));
  for (const s of b.sources) {
    out.push(wrap(`${plain(s.title || s.id)} [${s.id}]`));
    out.push(`  ${[s.outlet && plain(s.outlet), s.published, `${s.words} words kept`].filter(Boolean).join(', ')}`);
    if (s.url) out.push(`  ${plain(s.url)}`);
    if (s.removed.length) out.push(wrap(`  removed: ${removalSummary(s.removed)}`, 78, '    '));
  }
  out.push('');
  if (cites.list.length) {
    out.push(heading('Citations'));
    cites.list.forEach((c, i) => out.push(wrap(`[${i + 1}] ${plain(sourceLabel(b, c.source))}: "${plain(c.quote)}"`, 78, '    ')));
  }
  return out.join('\n') + '\n';
}
