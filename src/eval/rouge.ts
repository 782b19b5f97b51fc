// ROUGE (Lin 2004), in two renderings:
//   - "rs": the Python rouge_score package's (./rouge-rs.ts), what most recent papers report;
//   - "155": the original ROUGE-1.5.5 Perl script's (./rouge-155.ts), what DUC/TAC-era papers report.
export { rougeRs, rougeRsCorpus, rsTokenize, rsSentences } from './rouge-rs.js';
export type { Prf, RsScores, RsOptions, RsItem } from './rouge-rs.js';
