// ROUGE (Lin 2004) over a corpus of (prediction, references) items, in two renderings:
//   - "155": the original ROUGE-1.5.5 Perl script's (./rouge-155.ts): DUC/TAC-era figures;
//   - "rs": the Python rouge_score package's (./rouge-rs.ts): most recent papers' figures.
// Corpus figures are the mean of the items' R, P and F. (ROUGE-1.5.5's own "Average" lines
// come out of its bootstrap resampling and differ from the plain mean in the 4th decimal.)
import { InputError } from '../types.js';
import { meanScores, rougeRsMetrics } from './rouge-rs.js';
import type { Prf, RsOptions } from './rouge-rs.js';
import { rouge155 } from './rouge-155.js';
import type { Rouge155Options } from './rouge-155.js';

export { rougeRs, rougeRsCorpus, rougeRsMetrics, rsTokenize, rsSentences, meanScores } from './rouge-rs.js';
export type { Prf, RsScores, RsOptions, RsItem, RsStemmer } from './rouge-rs.js';
export { rouge155, prepare155, readSeeSummary, loadExceptions, round5, WORDNET_20_EXCEPTIONS, SMART_COMMON_WORDS } from './rouge-155.js';
export type { Rouge155Options, Rouge155Scores } from './rouge-155.js';

export type RougeStyle = '155' | 'rs';

export interface RougeOptions {
  /** "155" (default) or "rs". */
  style?: RougeStyle;
  /** "1".."9", "L", and for 155 also "SU4", "S4", ... Default ["1", "2", "L"]. */
  metrics?: string[];
  /** Porter stemming of tokens longer than 3 characters. Default: false for 155, true for rs. */
  stem?: boolean;
  /** 155: the WordNet exception list consulted before Porter (path or loaded map). */
  exceptions?: Rouge155Options['exceptions'];
  /** 155: drop ROUGE-1.5.5's stop words (-s). Default false. */
  stopwords?: boolean;
  /** 155: keep the first N words of every summary (-l N). */
  words?: number;
  /** 155: the weight of precision in F (-p). Default 0.5. */
  alpha?: number;
  /** 155: "A" pools the models, "B" keeps the best (-f). Default "A". */
  formula?: 'A' | 'B';
  /** rs: which Porter rules (see rouge-rs.ts). */
  stemmer?: RsOptions['stemmer'];
  /** rs: how rougeLsum splits sentences (see rouge-rs.ts). */
  sentences?: RsOptions['sentences'];
}

export interface RougeItem {
  id: string;
  prediction: string;
  references: string[];
}

export interface RougeReport {
  /** Corpus figures keyed "rouge1", "rouge2", "rougeL" (155) or "rougeLsum" (rs), "rougeSU4", ... */
  scores: Record<string, Prf>;
  /** Per item id, the same keys. */
  items: Record<string, Record<string, Prf>>;
}

/** ROUGE-1.5.5 reads plain summaries one sentence a line (its SPL format); empty lines are skipped. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/** Scores every item and the corpus. Throws InputError naming an item without references. */
export function rouge(items: readonly RougeItem[], options: RougeOptions = {}): RougeReport {
  const style = options.style ?? '155';
  const metrics = options.metrics ?? ['1', '2', 'L'];
  const perItem: Record<string, Record<string, Prf>> = {};
  for (const item of items) {
    if (item.references.length === 0) throw new InputError(item.id, 'no reference summary');
    try {
      perItem[item.id] =
        style === 'rs'
          ? rougeRsMetrics(item.prediction, item.references, metrics, {
              stem: options.stem ?? true,
              stemmer: options.stemmer,
              sentences: options.sentences,
            })
          : rouge155(splitLines(item.prediction), item.references.map(splitLines), {
              metrics,
              stem: options.stem ?? false,
              exceptions: options.exceptions,
              stopwords: options.stopwords,
              words: options.words,
              alpha: options.alpha,
              formula: options.formula,
            });
    } catch (err) {
      if (err instanceof RangeError) throw new InputError(metrics.join(','), err.message);
      throw err;
    }
  }
  return { scores: meanScores(Object.values(perItem)), items: perItem };
}
