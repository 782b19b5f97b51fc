import type { Briefing } from '../types.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Placeholder until the full HTML briefing lands.
export function renderHtml(b: Briefing): string {
  const items = b.summary.map((s) => `<p>${escape(s.text)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(b.story.title)}</title><h1>${escape(b.story.title)}</h1>${items}</html>\n`;
}
