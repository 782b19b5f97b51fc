// The precis library: the same functions the CLI calls.
export * from './types.js';
export { brief, briefArticles } from './brief/index.js';
export type { BriefOptions, BriefResult } from './brief/index.js';
