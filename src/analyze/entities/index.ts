// Entities: the people, organisations and places of a cluster, with spelling variants merged.
export { findEntities } from './entities.js';
export { editDistance, fold, phoneticKey, sameNameWord, transliterationForm } from './entity-names.js';
