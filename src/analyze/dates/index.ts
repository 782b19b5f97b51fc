// Dates: each article's date, the dates its sentences mention (resolved against it, with tense),
// and the briefing's timeline built from them.
export { articleDate, findDates, resolveWeekday, resolveYearless, type DateMention } from './dates.js';
export { clauseTense, isPastForm } from './date-tense.js';
export { buildTimeline, endsCutOff, hasVerb, isStampOrCaption, type Timeline, type TimelineInput, type TimelineOptions } from './timeline.js';
