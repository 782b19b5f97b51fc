// The render stage: a Briefing as Markdown, JSON, a self-contained HTML page, or terminal text.
import type { Briefing } from '../types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['md', 'json', 'html', 'text'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function render(briefing: Briefing, format: Format = 'md'): string {
  switch (format) {
    case 'json':
      return JSON.stringify(briefing, null, 2) + '\n';
    case 'html':
      return renderHtml(briefing);
    case 'text':
      return renderText(briefing);
    default:
      return renderMarkdown(briefing);
  }
}

export { renderHtml, renderMarkdown, renderText };
