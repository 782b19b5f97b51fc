// Agreement: near-duplicate sentences across sources, and what each source alone reports.
export {
  CONTAINMENT_THRESHOLD,
  MAX_UNIQUE_PER_SOURCE,
  RESEMBLANCE_THRESHOLD,
  groupNearDuplicates,
  overlap,
  profileOf,
  sameSentence,
  uniqueBySource,
  type Profile,
} from './agreement.js';
