// The precis library: the same functions the CLI calls.
export * from './types.js';
export { brief, briefArticles, briefRawArticles, assembleBriefing, NothingUsableError, DEFAULT_WORDS } from './brief/index.js';
export type { BriefOptions, BriefResult } from './brief/index.js';
export { render, FORMATS, isFormat } from './render/index.js';
export type { Format } from './render/index.js';
export { extract } from './extract.js';
export type { ExtractResult } from './extract.js';
export { readInputs, readBuffer, fromArticleInputs, formatOf, MAX_INPUT_BYTES } from './ingest/index.js';
export { extractFromHtml } from './ingest/html.js';
export { cleanArticle } from './clean/index.js';
export { segment, tokenize, countWords } from './text/index.js';
export { analyze, articleDate, findDates, groupNearDuplicates, uniqueBySource, buildTimeline, findConflicts, findEntities } from './analyze/index.js';
export type { DateMention } from './analyze/index.js';
export { summarize } from './summarize/index.js';
export { rouge, rougeRs, rougeRsCorpus, rouge155, readSeeSummary, loadExceptions } from './eval/rouge.js';
export type { Prf, RsScores, RsOptions, RougeOptions, RougeItem, RougeReport, Rouge155Options } from './eval/rouge.js';
export { porterStem } from './text/porter.js';
