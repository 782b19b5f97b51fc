// Figures and conflicts: the numbers and dates each source states, and where sources disagree.
export { claimText, differ, findFigures, incompatible, type Figure, type FigureQualifier, type FigureUnit } from './figures.js';
export { findConflicts, type ConflictContext, type ConflictDateMention } from './conflicts.js';
