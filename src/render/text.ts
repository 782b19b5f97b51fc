import type { Briefing } from '../types.js';
import { CitationIndex, dateSpan, noConflictNote, NOTHING_FOUND, quoteMarks, removalSummary, sourceLabel, undatedNote, undatedSources } from './citations.js';

/**
 * Wraps a paragraph at `width` columns with a hanging indent. `lead` opens the first line as
 * given (its spaces kept), so a column such as the timeline's dates lines up with the indent.
 */
function wrap(text: string, width = 78, indent = '', lead = ''): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const w of words) {
    if (!empty && (line + ' ' + w).length > width) {
      lines.push(line);
      line = indent + w;
    } else line = empty ? `${line}${w}` : `${line} ${w}`;
    empty = false;
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
  if (b.summary.length === 0) out.push(NOTHING_FOUND.summary, '');
  for (const s of b.summary) out.push(wrap(`${plain(s.text)} ${refs(s.citations)}`), '');
  out.push(heading('Timeline'));
  if (b.timeline.length === 0) out.push(NOTHING_FOUND.timeline);
  // Dates in a column 10 wide, the text from column 13 on every line.
  for (const t of b.timeline) out.push(wrap(`${plain(t.text)} ${refs(t.citations)}`, 78, ' '.repeat(12), `${t.date.padEnd(10)}  `));
  const undated = undatedNote(undatedSources(b));
  if (undated) out.push('', wrap(undated));
  out.push('');
  out.push(heading('People, organisations and places'));
  if (b.entities.length === 0) out.push(NOTHING_FOUND.entities, '');
  else {
    for (const e of b.entities) {
      const aka = e.aliases.length ? `; also ${e.aliases.map(plain).join(', ')}` : '';
      const role = e.role ? `, ${plain(e.role.text)} ${refs([e.role.citation])}` : '';
      out.push(wrap(`${plain(e.name)}${role} (${e.type}, ${e.mentions} mentions in ${e.sources.length} sources${aka})`, 78, '  '));
      for (const q of e.quotes ?? []) out.push(wrap(`"${plain(q.text)}" ${refs([q.citation])}`, 78, '    ', '  - '));
    }
    out.push('');
  }
  out.push(heading('Where sources disagree'));
  if (b.conflicts.length === 0) out.push(noConflictNote(b.sources.length), '');
  else {
    for (const c of b.conflicts) {
      out.push(`${plain(c.topic)}${c.nature === 'update' ? ' (update over time)' : ''}`);
      for (const claim of c.claims) {
        const who = [...new Set(claim.citations.map((x) => sourceLabel(b, x.source)))].map(plain).join(', ');
        out.push(wrap(`${plain(String(claim.value))}: ${who} ${refs(claim.citations)}`, 78, '    ', '  - '));
      }
    }
    out.push('');
  }
  out.push(heading('Sources'));
  for (const s of b.sources) {
    out.push(wrap(`${plain(s.title || s.id)} [${s.id}]`));
    out.push(`  ${[s.outlet && plain(s.outlet), s.published, `${s.words} words kept`].filter(Boolean).join(', ')}`);
    if (s.url) out.push(`  ${plain(s.url)}`);
    if (s.removed.length) out.push(wrap(removalSummary(s.removed), 78, '    ', '  removed: '));
  }
  out.push('');
  if (cites.list.length) {
    out.push(heading('Citations'));
    cites.list.forEach((c, i) => {
      const [open, close] = quoteMarks(c.quote).map((m) => (m ? '"' : ''));
      out.push(wrap(`[${i + 1}] ${plain(sourceLabel(b, c.source))}: ${open}${plain(c.quote)}${close}`, 78, '    '));
    });
  }
  return out.join('\n') + '\n';
}
