import type { Briefing } from '../types.js';
import { CitationIndex, dateSpan, noConflictNote, NOTHING_FOUND, quoteMarks, removalSummary, sourceLabel, undatedNote, undatedSources } from './citations.js';
import { rankActors } from './actors.js';

/** Markdown special characters in article text are escaped so a quote cannot become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

export function renderMarkdown(b: Briefing): string {
  const cites = new CitationIndex();
  const refs = (cs: Briefing['summary'][number]['citations']) => cs.map((c) => `[${cites.number(c)}]`).join('');
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(b.story.title)}`, '');
  const span = dateSpan(b);
  out.push(`*${b.sources.length} source${b.sources.length === 1 ? '' : 's'}${span ? ` · ${span}` : ''}*`, '');

  out.push('## Summary', '');
  if (b.summary.length === 0) out.push(`_${NOTHING_FOUND.summary}_`, '');
  for (const s of b.summary) out.push(`${escapeMarkdown(s.text)} ${refs(s.citations)}`, '');

  // A section with nothing in it says so, as the HTML page does, rather than going missing.
  out.push('## Timeline', '');
  if (b.timeline.length === 0) out.push(`_${NOTHING_FOUND.timeline}_`, '');
  else {
    for (const t of b.timeline) out.push(`- **${t.date}**: ${escapeMarkdown(t.text)} ${refs(t.citations)}`);
    out.push('');
  }
  const undated = undatedNote(undatedSources(b));
  if (undated) out.push(`_${escapeMarkdown(undated)}_`, '');

  out.push('## People, organisations and places', '');
  if (b.entities.length === 0) out.push(`_${NOTHING_FOUND.entities}_`, '');
  else {
    out.push('| Name | Type | Mentions | Sources | Also written as |', '|---|---|---|---|---|');
    const { main, tail } = rankActors(b.entities);
    for (const e of main) {
      const role = e.role ? `, ${escapeMarkdown(e.role.text)} ${refs([e.role.citation])}` : '';
      out.push(`| ${escapeMarkdown(e.name)}${role} | ${e.type} | ${e.mentions} | ${e.sources.length} | ${e.aliases.map(escapeMarkdown).join(', ')} |`);
    }
    out.push('');
    // Each actor's own words, in the order of the table.
    const speakers = main.filter((e) => e.quotes?.length);
    if (speakers.length) {
      out.push('### In their words', '');
      for (const e of speakers) {
        const said = e.quotes!.map((q) => `“${escapeMarkdown(q.text)}” ${refs([q.citation])}`).join('; ');
        out.push(`- **${escapeMarkdown(e.name)}**: ${said}`);
      }
      out.push('');
    }
    if (tail.length) out.push(`and ${tail.length} more: ${tail.map((e) => escapeMarkdown(e.name)).join(', ')}`, '');
  }

  out.push('## Where sources disagree', '');
  if (b.conflicts.length === 0) out.push(`_${noConflictNote(b.sources.length)}_`, '');
  else {
    for (const c of b.conflicts) {
      const nature = c.nature === 'update' ? ' (an update over time)' : c.nature === 'disagreement' ? ' (sources disagree)' : '';
      out.push(`### ${escapeMarkdown(c.topic)}${nature}`, '');
      for (const claim of c.claims) {
        const who = [...new Set(claim.citations.map((x) => sourceLabel(b, x.source)))].map(escapeMarkdown).join(', ');
        out.push(`- **${escapeMarkdown(String(claim.value))}**: ${who} ${refs(claim.citations)}`);
      }
      out.push('');
    }
  }

  out.push('## Sources', '');
  for (const s of b.sources) {
    out.push(`### ${escapeMarkdown(s.title || s.id)}`, '');
    const facts = [s.outlet ? escapeMarkdown(s.outlet) : null, s.published, `${s.words} words kept`, `id \`${s.id}\``].filter(Boolean);
    out.push(facts.join(' · '));
    if (s.url && /^https?:\/\//i.test(s.url)) out.push('', `<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
    if (s.removed.length) out.push('', `Removed by cleaning: ${escapeMarkdown(removalSummary(s.removed))}.`);
    if (s.unique?.length) {
      out.push('', 'Only this source reports:');
      for (const u of s.unique) out.push(`- ${escapeMarkdown(u.quote)}`);
    }
    out.push('');
  }

  if (cites.list.length) {
    out.push('## Citations', '');
    cites.list.forEach((c, i) => {
      const [open, close] = quoteMarks(c.quote);
      out.push(`${i + 1}. ${escapeMarkdown(sourceLabel(b, c.source))} (\`${c.source}\`): ${open}${escapeMarkdown(c.quote)}${close}`);
    });
    out.push('');
  }
  return out.join('\n');
}
