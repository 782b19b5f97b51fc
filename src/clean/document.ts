import type { Removal } from '../types.js';

/** One paragraph-or-line of the body, the unit every cleaning rule decides about. */
export interface Block {
  text: string;
  /** Leading spaces of the source line: reader-comment threads are often indented replies. */
  indent: number;
  /** True when the block came from a Markdown heading (its level is kept in `heading`). */
  heading?: number;
  /** True when the block was a list item in the source (lists are content, not headings). */
  listItem?: boolean;
  /** Markdown that is not text at all: an image, a rule, a link definition, front matter, code. */
  markup?: 'image' | 'separator' | 'link-reference' | 'front-matter' | 'code-block';
}

export interface Metadata {
  title: string | null;
  published: string | null;
  outlet: string | null;
  byline: string | null;
}

// Orders of suffix cuts start here, above any order a block's own drop can have.
const SUFFIX_ORDER = 1e9;

interface Drop {
  block: number;
  /** Order of the drop inside its block (a stripped prefix comes before the block's own drop). */
  order: number;
  removal: Removal;
}

/**
 * The article while it is being cleaned: the blocks, which of them are still kept, what was
 * dropped and why, and the metadata found on the way. Rules only ever drop or trim blocks and
 * fill metadata that is still empty; they never rewrite words.
 */
export class CleaningDoc {
  readonly blocks: Block[];
  readonly meta: Metadata;
  private readonly dropped: (string | null)[];
  private readonly drops: Drop[] = [];
  private counter = 0;

  /** The input's format (RawArticle.format): some rules only apply to scraped plain text. */
  readonly format: 'text' | 'markdown' | 'extracted';

  constructor(blocks: Block[], meta: Metadata, format: 'text' | 'markdown' | 'extracted' = 'text') {
    this.blocks = blocks;
    this.format = format;
    this.meta = meta;
    this.dropped = blocks.map(() => null);
  }

  isKept(i: number): boolean {
    return this.dropped[i] === null;
  }

  /** Indices of the blocks still kept, in reading order. */
  kept(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.blocks.length; i++) if (this.dropped[i] === null) out.push(i);
    return out;
  }

  reasonOf(i: number): string | null {
    return this.dropped[i];
  }

  drop(i: number, reason: string): void {
    if (this.dropped[i] !== null) return;
    this.dropped[i] = reason;
    this.drops.push({ block: i, order: this.counter++, removal: { reason, text: this.blocks[i].text } });
  }

  /** Record something removed from inside block i while the body was read (an inline image). */
  note(i: number, removal: Removal): void {
    this.drops.push({ block: i, order: -1 - this.counter++, removal });
  }

  /** Cut `prefix` (which must begin the block) off a kept block, recording it. */
  stripPrefix(i: number, prefix: string, reason: string): void {
    const block = this.blocks[i];
    if (!block.text.startsWith(prefix)) throw new Error(`stripPrefix: block ${i} does not start with the prefix`);
    this.drops.push({ block: i, order: -1 - this.counter++, removal: { reason, text: prefix.trim() } });
    block.text = block.text.slice(prefix.length).trimStart();
  }

  /** Cut `suffix` (which must end the block) off a kept block, recording it. */
  stripSuffix(i: number, suffix: string, reason: string): void {
    const block = this.blocks[i];
    if (!block.text.endsWith(suffix)) throw new Error(`stripSuffix: block ${i} does not end with the suffix`);
    // A suffix reads after whatever else is dropped of the block (the block itself included).
    this.drops.push({ block: i, order: SUFFIX_ORDER + this.counter++, removal: { reason, text: suffix.trim() } });
    block.text = block.text.slice(0, block.text.length - suffix.length).trimEnd();
  }

  private readonly hints: { field: keyof Metadata; value: string; rank: number; order: number }[] = [];

  /**
   * Suggest a metadata value found in the text. The input's own metadata always wins; among
   * suggestions the lowest rank wins, then the earliest (a masthead line says more about the
   * outlet than a wire credit in a sign-off).
   */
  offer(field: keyof Metadata, value: string | null, rank = 5): void {
    if (value === null || value.trim() === '') return;
    this.hints.push({ field, value: value.trim(), rank, order: this.hints.length });
  }

  /** Metadata as given, completed with the best suggestion for each empty field. */
  resolved(): Metadata {
    const out = { ...this.meta };
    const best = [...this.hints].sort((a, b) => a.rank - b.rank || a.order - b.order);
    for (const h of best) if (out[h.field] === null) out[h.field] = h.value;
    return out;
  }

  /** Everything dropped, in reading order. */
  removals(): Removal[] {
    return [...this.drops]
      .sort((a, b) => a.block - b.block || a.order - b.order)
      .map((d) => d.removal);
  }
}
