// Types that cross stage boundaries. Each stage knows only the types of the stage before it:
// ingest -> RawArticle, clean -> Article, text -> Doc, analyze -> Analysis,
// summarize -> Selection, brief -> Briefing, render -> string.

/** A dropped piece of an article, and the rule that dropped it. */
export interface Removal {
  reason: string;
  text: string;
}

/** An article as a caller hands it over (JSON, JSONL, the HTTP API). */
export interface ArticleInput {
  title?: string | null;
  text?: string | null;
  html?: string | null;
  url?: string | null;
  published?: string | null;
  /** Newswire collections name it so: read as `published` when that is absent. */
  date?: string | null;
  outlet?: string | null;
}

/** What ingest produces: one article as read, before cleaning. */
export interface RawArticle {
  /** Stable id, [A-Za-z0-9_.-]+, unique within the cluster. */
  id: string;
  /** The input file it came from ("-" for stdin), null when handed over in memory. */
  path: string | null;
  /**
   * "text": body is scraped plain text whose first lines may hold the title and date lines;
   * "markdown": body is Markdown; "extracted": body is an article body already extracted from
   * HTML (paragraphs separated by blank lines) and the metadata fields are filled from the page.
   */
  format: 'text' | 'markdown' | 'extracted';
  body: string;
  title: string | null;
  url: string | null;
  /** YYYY-MM-DD (or YYYY-MM, YYYY) as found in the input's metadata; null when none. */
  published: string | null;
  outlet: string | null;
  byline: string | null;
  /** What ingest itself dropped (e.g. HTML boilerplate around the body). */
  removed: Removal[];
}

/** A cleaned article: the article body and nothing else, with what was removed and why. */
export interface Article {
  id: string;
  path: string | null;
  title: string;
  url: string | null;
  published: string | null;
  outlet: string | null;
  byline: string | null;
  /** The cleaned body: paragraphs separated by one blank line ("\n\n"). */
  text: string;
  /**
   * The body as a reader sees it: `text` with the article's subheads back in place, each its own
   * paragraph. Present only when cleaning found subheads (reason "section-heading"); sentences
   * are drawn from `text`, never from a subhead.
   */
  withSubheads?: string;
  removed: Removal[];
}

/** A sentence of a cleaned article, with its exact position in Article.text. */
export interface Sentence {
  /** `${source}#${index}` */
  id: string;
  /** The article id. */
  source: string;
  /** 0-based position among the article's sentences. */
  index: number;
  /** 0-based paragraph number in the article. */
  paragraph: number;
  /** Character offsets in Article.text: text === article.text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Word tokens, lower-cased, punctuation dropped. */
  tokens: string[];
  /** Porter stems of the tokens, aligned with tokens. */
  stems: string[];
}

/** An article split into sentences and tokens. */
export interface Doc {
  article: Article;
  sentences: Sentence[];
  /** Words of the cleaned body. */
  words: number;
}

/** A quotation of a source sentence, verbatim. */
export interface Citation {
  source: string;
  quote: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  sources: string[];
  /** What the text says the actor is ("Kremlin spokesman"), the role stated most often, cited. */
  role?: EntityRole;
  /** The actor's own quoted words, the most telling first, each cited. */
  quotes?: EntityQuote[];
}

export interface EntityRole {
  text: string;
  citation: Citation;
}

export interface EntityQuote {
  text: string;
  citation: Citation;
}

export interface TimelineItem {
  date: string;
  text: string;
  citations: Citation[];
}

export interface ConflictClaim {
  value: string | number;
  citations: Citation[];
}

export interface Conflict {
  topic: string;
  kind?: 'quantity' | 'date' | 'name' | 'claim';
  /** "disagreement" when sources differ at one time; "update" when a later report revises an earlier one. */
  nature?: 'disagreement' | 'update';
  claims: ConflictClaim[];
}

/** A direct quotation and who said it (the actor's listed name when one matches; null when the text does not say). */
export interface Quote {
  speaker: string | null;
  text: string;
  citation: Citation;
}

/** What cross-source analysis finds. */
export interface Analysis {
  entities: Entity[];
  timeline: TimelineItem[];
  conflicts: Conflict[];
  /** Direct quotations with their speakers. */
  quotes?: Quote[];
  /** Sentences that carry the same fact (shared wire copy, near duplicates): lists of Sentence ids, each of 2 or more. */
  groups: string[][];
  /** Per article id: sentences whose fact no other source carries. */
  unique: Record<string, Citation[]>;
  /** Article dates inferred from text where metadata had none (article id -> date). */
  published: Record<string, string | null>;
  from: string | null;
  to: string | null;
}

/** What the summarizer picks: sentences in reading order, within the word budget. */
export interface Selection {
  sentences: Sentence[];
}

export interface BriefingSource {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  path: string | null;
  words: number;
  removed: Removal[];
  unique: Citation[];
}

export interface SummaryItem {
  text: string;
  citations: Citation[];
}

/** The briefing, as ../shared/briefing.schema.json defines it (version 1). */
export interface Briefing {
  version: 1;
  story: { title: string; from: string | null; to: string | null };
  sources: BriefingSource[];
  summary: SummaryItem[];
  timeline: TimelineItem[];
  entities: Entity[];
  conflicts: Conflict[];
}

/** An input that could not be used, and why (one line). */
export interface Problem {
  input: string;
  message: string;
}

/** A bad input: the CLI prints `precis: <input>: <message>` and exits 2. */
export class InputError extends Error {
  constructor(
    public readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
  get line(): string {
    return `${this.input}: ${this.message}`;
  }
}
