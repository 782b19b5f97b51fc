import type { Removal } from '../types.js';
import type { Block } from './document.js';
import { normalizeWhitespace, tidyLine } from './blocks.js';

export interface MarkdownBlocks {
  blocks: Block[];
  /** Markup dropped while reading, by the block it sat in (images inside a paragraph). */
  inline: { block: number; removal: Removal }[];
  /** title/date from a YAML front matter block, when there is one. */
  frontMatter: { title: string | null; date: string | null; author: string | null };
}

/**
 * The visible text of a line of Markdown: link and emphasis syntax go, the words stay.
 * Images are cut out and reported through `onImage`.
 */
export function visibleText(line: string, onImage: (text: string) => void = () => {}): string {
  let s = line;
  // Images first, since `![alt](src)` also looks like a link. A linked image: [![alt](src)](href).
  s = s.replace(/\[!\[([^\]]*)\]\(([^)]*)\)\]\(([^)]*)\)/g, (m) => (onImage(m), ''));
  s = s.replace(/!\[([^\]]*)\]\(([^)]*)\)/g, (m) => (onImage(m), ''));
  s = s.replace(/!\[([^\]]*)\]\[[^\]]*\]/g, (m) => (onImage(m), ''));
  // Links keep their visible text.
  s = s.replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1');
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1');
  // Inline HTML tags (not the text between them).
  s = s.replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
  // Code spans and emphasis; underscores only at word edges so snake_case and URLs survive.
  s = s.replace(/`([^`]+)`/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([^*]*?\S)\1/g, '$2');
  s = s.replace(/~~(?=\S)(.*?\S)~~/g, '$1');
  s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2');
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2');
  // Backslash escapes and HTML entities that Markdown writers use for punctuation.
  s = s.replace(/\\([\\`*_{}\[\]()#+\-.!>|])/g, '$1');
  s = s
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return tidyLine(s);
}

function unquote(value: string): string {
  const v = value.trim();
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

/** Markdown -> blocks: one per paragraph, heading, list item or quote paragraph. */
export function markdownToBlocks(body: string): MarkdownBlocks {
  const lines = normalizeWhitespace(body).split('\n');
  const blocks: Block[] = [];
  const inline: MarkdownBlocks['inline'] = [];
  const frontMatter: MarkdownBlocks['frontMatter'] = { title: null, date: null, author: null };
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;

  // YAML front matter: metadata, not article text.
  if (lines[i]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > i && /^(---|\.\.\.)\s*$/.test(l));
    if (end > i) {
      const yaml = lines.slice(i + 1, end);
      for (const l of yaml) {
        const m = /^(\w+)\s*:\s*(.*)$/.exec(l);
        if (!m) continue;
        const key = m[1].toLowerCase();
        if (key === 'title') frontMatter.title = unquote(m[2]) || null;
        else if (key === 'date' || key === 'published' || key === 'pubdate') frontMatter.date = unquote(m[2]) || null;
        else if (key === 'author' || key === 'byline') frontMatter.author = unquote(m[2]) || null;
      }
      blocks.push({ text: yaml.join(' ').trim() || '---', indent: 0, markup: 'front-matter' });
      i = end + 1;
    }
  }

  let paragraph: string[] = [];
  let paragraphIndent = 0;
  let paragraphList = false;
  const push = (block: Block, raw: string) => {
    const index = blocks.length;
    const text = visibleText(raw, (image) => inline.push({ block: index, removal: { reason: 'image', text: image } }));
    if (text === '') {
      // Nothing visible left (an image on its own line): the dropped images say what it was.
      const mine = inline.filter((x) => x.block === index);
      if (mine.length > 0) {
        for (const x of mine) inline.splice(inline.indexOf(x), 1);
        blocks.push({ ...block, text: mine.map((x) => x.removal.text).join(' '), markup: 'image' });
      }
      return;
    }
    blocks.push({ ...block, text });
  };
  const flush = () => {
    if (paragraph.length > 0) push({ text: '', indent: paragraphIndent, listItem: paragraphList || undefined }, paragraph.join(' '));
    paragraph = [];
    paragraphList = false;
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (/^(```|~~~)/.test(trimmed)) {
      flush();
      const fence = trimmed.slice(0, 3);
      const start = i;
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence)) i++;
      blocks.push({ text: lines.slice(start, i + 1).join('\n').trim(), indent: 0, markup: 'code-block' });
      continue;
    }
    const atx = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) {
      flush();
      push({ text: '', indent: 0, heading: atx[1].length }, atx[2]);
      continue;
    }
    if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      // A line of dashes right under a paragraph line is a setext heading, otherwise a rule.
      if (paragraph.length === 1 && /^ {0,3}-+\s*$/.test(line)) {
        const text = paragraph[0];
        paragraph = [];
        push({ text: '', indent: 0, heading: 2 }, text);
        continue;
      }
      flush();
      blocks.push({ text: trimmed, indent: 0, markup: 'separator' });
      continue;
    }
    if (/^ {0,3}=+\s*$/.test(line) && paragraph.length === 1) {
      const text = paragraph[0];
      paragraph = [];
      push({ text: '', indent: 0, heading: 1 }, text);
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      blocks.push({ text: trimmed, indent: 0, markup: 'link-reference' });
      continue;
    }
    const item = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      paragraph = [item[2]];
      paragraphIndent = item[1].length;
      paragraphList = true;
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    const content = quote ? quote[1] : line;
    if (quote && content.trim() === '') {
      flush();
      continue;
    }
    if (paragraph.length === 0) paragraphIndent = line.length - line.trimStart().length;
    paragraph.push(content.trim());
  }
  flush();
  return { blocks, inline, frontMatter };
}
