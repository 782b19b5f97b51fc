// The brief stage: runs the pipeline and assembles the Briefing of briefing.schema.json.
import { analyze } from '../analyze/index.js';
import { analyzeConcurrently } from '../analyze/concurrent.js';
import { cleanArticle } from '../clean/index.js';
import { cleanConcurrently } from '../clean/concurrent.js';
import { isAllCaps } from '../clean/cues.js';
import { describeArticle, fromArticleInputs, readInputs } from '../ingest/index.js';
import { isPageDebris, summarize } from '../summarize/index.js';
import { segment } from '../text/index.js';
import { findFigures } from '../analyze/figures/figures.js';
import {
  InputError,
  type Analysis,
  type Article,
  type ArticleInput,
  type Briefing,
  type Citation,
  type Conflict,
  type Doc,
  type Problem,
  type RawArticle,
  type Selection,
  type Sentence,
} from '../types.js';

export interface BriefOptions {
  /** Summary word budget (default 150). */
  words?: number;
  /** Story title; by default the best of the articles' titles (storyTitle). */
  title?: string;
  /** Any bad input fails the whole brief (InputError) instead of being reported and skipped. */
  strict?: boolean;
}

export interface BriefResult {
  briefing: Briefing;
  /** Inputs that could not be used, one line each; the briefing was built from the others. */
  problems: Problem[];
  /** The pipeline's intermediate results, for callers that want more than the briefing. */
  docs: Doc[];
  analysis: Analysis;
}

export const DEFAULT_WORDS = 150;

/** Nothing usable was given: every problem is listed, the briefing cannot be made. */
export class NothingUsableError extends InputError {
  constructor(
    input: string,
    public readonly problems: Problem[],
  ) {
    super(input, problems.length ? `no usable article (${problems.length} input${problems.length > 1 ? 's' : ''} rejected)` : 'no usable article');
    this.name = 'NothingUsableError';
  }
}

/**
 * Brief files and folders ("-" for stdin). On a big story the entities are found on a second
 * thread; the briefing is the same as briefRawArticles gives.
 */
export async function brief(inputs: string[], options: BriefOptions = {}): Promise<BriefResult> {
  const { articles, problems } = await readInputs(inputs, { strict: options.strict });
  const { docs, problems: allProblems } = usableDocs(articles, problems, options, inputs.join(' '), await cleanConcurrently(articles));
  const { analysis, alongside: selection } = await analyzeConcurrently(docs, () => summarize(docs, { words: options.words ?? DEFAULT_WORDS }));
  return { briefing: assembleBriefing(docs, analysis, selection, options), problems: allProblems, docs, analysis };
}

/** How the sender of an article in memory knows it: its file, its title, or its position ("article 3"). */
export function articleName(article: { file?: string | null; title?: string | null }, position: number): string {
  if (article.file) return article.file;
  const title = article.title?.replace(/\s+/g, ' ').trim();
  if (title) return `"${title.length > 80 ? `${title.slice(0, 79)}…` : title}"`;
  return `article ${position}`;
}

/**
 * Brief articles held in memory (the library). A bad article throws InputError naming it as the
 * caller knows it (articleName), never by an id the caller did not give.
 */
export function briefArticles(articles: ArticleInput[], options: BriefOptions = {}): BriefResult {
  const raws = fromArticleInputs(articles);
  try {
    return briefRawArticles(raws, [], { ...options, strict: true }, 'articles');
  } catch (err) {
    const at = err instanceof InputError && !(err instanceof NothingUsableError) ? raws.findIndex((r) => r.id === err.input) : -1;
    if (at < 0) throw err;
    throw new InputError(articleName(articles[at]!, at + 1), (err as InputError).message);
  }
}

/** Runs clean -> text -> analyze -> summarize on ingested articles and assembles the briefing. */
export function briefRawArticles(raws: RawArticle[], problems: Problem[], options: BriefOptions, label: string): BriefResult {
  const { docs, problems: allProblems } = usableDocs(raws, problems, options, label);
  const analysis = analyze(docs);
  const selection = summarize(docs, { words: options.words ?? DEFAULT_WORDS });
  return { briefing: assembleBriefing(docs, analysis, selection, options), problems: allProblems, docs, analysis };
}

/**
 * Cleans each article; one with no word left (no letter or digit, so no sentence) is a problem,
 * or an error with strict. Nothing usable at all is a NothingUsableError listing every problem.
 * `precis extract` and `precis brief` both read their inputs through this.
 */
export function cleanUsable(
  raws: RawArticle[],
  problems: Problem[],
  options: { strict?: boolean },
  label: string,
  cleaned?: Article[],
): { articles: Article[]; problems: Problem[] } {
  const articles: Article[] = [];
  const allProblems = [...problems];
  for (const [i, raw] of raws.entries()) {
    const article = cleaned?.[i] ?? cleanArticle(raw);
    if (!/[\p{L}\p{N}]/u.test(article.text)) {
      const problem = { input: describeArticle(raw), message: 'no article text left after cleaning' };
      if (options.strict) throw new InputError(problem.input, problem.message);
      allProblems.push(problem);
      continue;
    }
    articles.push(article);
  }
  if (articles.length === 0) throw new NothingUsableError(label, allProblems);
  return { articles, problems: allProblems };
}

/** The usable articles, cleaned (unless `cleaned` holds them, in order) and split into sentences. */
function usableDocs(raws: RawArticle[], problems: Problem[], options: BriefOptions, label: string, cleaned?: Article[]): { docs: Doc[]; problems: Problem[] } {
  const { articles, problems: allProblems } = cleanUsable(raws, problems, options, label, cleaned);
  return { docs: articles.map(segment), problems: allProblems };
}

const cite = (s: Sentence): Citation => ({ source: s.source, quote: s.text });

// Story titles, best first: a real headline (given, or taken from the first line); a first
// sentence short enough to be the title whole; a first sentence cut at a clause boundary (a
// comma, a dash, "who", "after", ...), which reads as a headline without its "…"; one cut
// elsewhere, which keeps the "…" that says so. A quotation ("'We will rebuild,' the mayor
// said"), a question ("Was it an accident?") or a headline that no other article's words echo
// (a prize's name over a page about something else) says little about the story: last.
const enum TitleKind {
  Unfit,
  CutMidClause,
  CutAtClause,
  WholeSentence,
  Headline,
}

// Words that open an adverbial clause: a first sentence cut right before one ends on a whole
// clause. (Not "who" or "which": a cut there leaves a subject without its verb, "Police say a
// man".)
const CLAUSE_STARTS = new Set('when where while after before because since although though unless until amid despite'.split(' '));
// Openers of a clause only after a comma ("revered as a relic" is no clause; ", as police said" is).
const CLAUSE_STARTS_AFTER_COMMA = new Set('as following according'.split(' '));

const contentWords = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !TITLE_STOPWORDS.has(w));
const TITLE_STOPWORDS = new Set('the and for with from that this was were are has have had its his her their they them into over after about said says will would could than then what when who which'.split(' '));

// Words a title does not open with when it is a whole clause: an introductory phrase ("After
// the vote, ...", "On a cold day, ...") is cut off before its main clause.
const INTRODUCTORY = new Set('after as although because before by during following for from if in on since though unless until when whenever where while with without'.split(' '));

// Words that make a following "after", "while", "before" part of a time phrase ("days after",
// "for a little while", "shortly before"), not the start of a clause.
const TIME_PHRASE_BEFORE = new Set('little days weeks months years hours minutes moments shortly soon long just right even only'.split(' '));

function titleKind(d: Doc): TitleKind {
  const title = d.article.title.trim();
  const kind = baseKind(d);
  // A quotation with its speaker ("'We will rebuild,' the mayor said"), a quotation alone, or
  // an opening quotation as first sentence; a question; a line introducing what follows
  // ("Statement of the board:").
  const attributed = /[,?!]["”’']\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}(?:said|says|told|asked|added|wrote)\b/iu.test(title) || /\b(?:said|says)$/.test(title);
  const quotation = /^["“‘']/.test(title) && (kind !== TitleKind.Headline || /[.!?,]["”’']$/.test(title));
  // A photo caption, a photographer's credit, a dateline or a glued heading is never a title.
  if (attributed || quotation || /\?["”’]?$/.test(title) || /:$/.test(title) || isPageDebris(title)) return TitleKind.Unfit;
  // A headline in capitals of a few words is a page's label ("ANNUAL AWARDS") more often than the story's.
  if (kind === TitleKind.Headline && isAllCaps(title)) return TitleKind.CutMidClause;
  return kind;
}

function baseKind(d: Doc): TitleKind {
  const title = d.article.title.trim();
  if (!title.endsWith('…')) {
    // Cleaning derives a title from the first sentence, leaving that sentence in the text; a
    // real headline is either given apart or removed from the text ("title").
    const taken = d.article.removed.some((r) => r.reason === 'title' || r.reason === 'repeated-headline');
    return !taken && d.article.text.includes(title) ? TitleKind.WholeSentence : TitleKind.Headline;
  }
  return cutAtClause(d) !== null ? TitleKind.CutAtClause : TitleKind.CutMidClause;
}

/**
 * A derived title cut right before a dash, a colon, a semicolon or a clause opener ("who",
 * "after", ...): the title without its "…". (A cut at a bare comma may split a list of
 * names or adjectives, and a title opening with "After ..." or "On ..." cut at its comma is
 * only the introductory phrase: those keep the "…".)
 */
function cutAtClause(d: Doc): string | null {
  const title = d.article.title.trim().slice(0, -1);
  const firstWord = /^[\p{L}]+/u.exec(title)?.[0]?.toLowerCase() ?? '';
  if (INTRODUCTORY.has(firstWord) || /ing$/.test(firstWord)) return null;
  const at = d.article.text.indexOf(title);
  if (at < 0) return null;
  const rest = d.article.text.slice(at + title.length);
  const next = /^[^\p{L}\p{N}]*([\p{L}]+)/u.exec(rest)?.[1]?.toLowerCase() ?? '';
  const last = /([\p{L}]+)[^\p{L}]*$/u.exec(title)?.[1]?.toLowerCase() ?? '';
  if (TIME_PHRASE_BEFORE.has(last)) return null;
  // Still inside a relative clause on the subject ("The shrine, which pilgrims have visited
  // for centuries", "A mother whose son was taken"): the main verb may be yet to come.
  if (/\b(?:who|whom|whose|which)\b[^,]*$/.test(title)) return null;
  // A dash that opens an aside closed by a second dash ("a stinging — though advisory —
  // rebuke") leaves the phrase unfinished.
  const sentenceRest = /^[^.!?]*/.exec(rest)?.[0] ?? '';
  const dash = /^\s*(?:[–—]|--|\s-\s)/.test(rest);
  // (And a dash right after an aside opened by a dash only closes it.)
  if (dash && /[–—]|--|\s-\s/.test(title)) return null;
  if (dash && /\S\s*(?:[–—]|--|\s-\s)/.test(sentenceRest.replace(/^\s*(?:[–—]|--|\s-\s)/, ''))) return null;
  return dash || /^\s*[;:]/.test(rest) || (/^,?\s/.test(rest) && CLAUSE_STARTS.has(next)) || (/^,\s/.test(rest) && CLAUSE_STARTS_AFTER_COMMA.has(next)) ? title : null;
}

/**
 * Figures the story has moved past: in each update over time (a death toll rising from two to
 * three), every value but the newest. A title stating one would contradict the summary.
 */
export function supersededFigures(conflicts: Conflict[]): Set<number> {
  const out = new Set<number>();
  for (const c of conflicts) {
    if (c.nature !== 'update' || c.kind !== 'quantity' || c.claims.length < 2) continue;
    const valueOf = (v: string | number) => (typeof v === 'number' ? v : findFigures(v)[0]?.value);
    const newest = valueOf(c.claims[c.claims.length - 1]!.value);
    for (const claim of c.claims.slice(0, -1)) {
      const v = valueOf(claim.value);
      if (v !== undefined && v !== newest) out.add(v);
    }
  }
  return out;
}

/**
 * Picks the story title: the best kind of title the articles have (a real headline first),
 * and among those the one whose words the other articles use most. A title that states a
 * superseded figure (see supersededFigures) ranks below every title that does not.
 */
export function storyTitle(docs: Doc[], superseded: ReadonlySet<number> = new Set()): string {
  const titleWords = docs.map((d) => [...new Set(contentWords(d.article.title))]);
  // Which title words each article uses, read off its tokens (already lower-cased) rather than
  // by scanning its text again: only title words are ever looked up.
  const wanted = new Set(titleWords.flat());
  // How many articles use each title word (an article uses its own title's words).
  const articlesUsing = new Map<string, number>();
  const piecesOf = new Map<string, string[]>();
  docs.forEach((d, i) => {
    const used = new Set(titleWords[i]);
    for (const s of d.sentences) {
      for (const t of s.tokens) {
        if (t.length < 3) continue;
        let pieces = piecesOf.get(t);
        if (!pieces) piecesOf.set(t, (pieces = (t.match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((piece) => wanted.has(piece))));
        for (const piece of pieces) used.add(piece);
      }
    }
    for (const w of used) articlesUsing.set(w, (articlesUsing.get(w) ?? 0) + 1);
  });
  const candidates = docs.map((d, i) => {
    const words = titleWords[i]!;
    // The share of the title's words the other articles use: how much of it is the story's.
    let used = 0;
    for (const w of words) used += articlesUsing.get(w)! - 1;
    const echoes = words.length ? used / words.length : 0;
    let kind = titleKind(d);
    // A headline none of whose words another article uses is about something else.
    if (kind === TitleKind.Headline && docs.length > 1 && words.length > 0 && echoes === 0) kind = TitleKind.Unfit;
    const outdated = superseded.size > 0 && findFigures(d.article.title).some((f) => superseded.has(f.value));
    return { d, kind, echoes, order: i, outdated };
  });
  candidates.sort((a, b) => Number(a.outdated) - Number(b.outdated) || b.kind - a.kind || b.echoes - a.echoes || a.order - b.order);
  const best = candidates[0]!;
  return best.kind === TitleKind.CutAtClause ? cutAtClause(best.d)! : best.d.article.title.trim();
}

/** Builds the Briefing; a summary sentence cites itself and every near-duplicate in other sources. */
export function assembleBriefing(docs: Doc[], analysis: Analysis, selection: Selection, options: BriefOptions = {}): Briefing {
  const byId = new Map<string, Sentence>();
  for (const d of docs) for (const s of d.sentences) byId.set(s.id, s);
  const groupOf = new Map<string, string[]>();
  for (const g of analysis.groups) for (const id of g) groupOf.set(id, g);

  const summary = selection.sentences.map((s) => {
    const citations: Citation[] = [cite(s)];
    const seenSources = new Set([s.source]);
    for (const id of groupOf.get(s.id) ?? []) {
      const other = byId.get(id);
      if (!other || seenSources.has(other.source)) continue;
      seenSources.add(other.source);
      citations.push(cite(other));
    }
    return { text: s.text.replace(/\s+/g, ' '), citations };
  });

  return {
    version: 1,
    story: { title: options.title?.trim() || storyTitle(docs, supersededFigures(analysis.conflicts)), from: analysis.from, to: analysis.to },
    sources: docs.map((d) => ({
      id: d.article.id,
      title: d.article.title,
      outlet: d.article.outlet,
      published: d.article.published ?? analysis.published[d.article.id] ?? null,
      url: d.article.url,
      path: d.article.path,
      words: d.words,
      removed: d.article.removed,
      unique: analysis.unique[d.article.id] ?? [],
    })),
    summary,
    timeline: analysis.timeline,
    entities: analysis.entities,
    conflicts: analysis.conflicts,
  };
}
