// Turns an element's markup into plain text the way a reader sees it: each block element
// (paragraph, heading, list item, quote, table row...) is its own paragraph, <br> breaks a line,
// the cells of a table row are set apart by " | ", and runs of white space inside a paragraph
// collapse to one space.

/** Elements that begin and end a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD',
  'TR', 'UL', 'BODY', 'HTML',
]);

/** Elements whose content is never read as text. */
const SILENT = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'META',
  'LINK', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'MATH', 'AUDIO', 'VIDEO', 'PICTURE', 'IMG', 'SOURCE',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * The text of a subtree: paragraphs separated by one blank line, lines within a paragraph (from
 * <br>) by a newline, every line trimmed, no empty paragraphs.
 */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';

  const endLine = (): void => {
    const clean = line.replace(/[ \t\f\r\n\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SILENT.has(tag)) return;
    if (tag === 'BR') {
      endLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) endParagraph();
    else if (tag === 'TD' || tag === 'TH') line += line.trim() ? ' | ' : ' ';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) endParagraph();
    else if (tag === 'TD' || tag === 'TH') line += ' ';
  };
  walk(root);
  endParagraph();
  return paragraphs.join('\n\n');
}
