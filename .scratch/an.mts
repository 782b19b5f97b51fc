// times analyze() parts on a story: node --import tsx an.mts STORY DISTDIR [OUT]
import { docsOf } from '/work/main/test/helpers.ts';
import { writeFileSync } from 'node:fs';
const dist = process.argv[3]!;
const A = await import(`${dist}/analyze/index.js`);
const docs = await docsOf([process.argv[2]!]);
const T: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const t = process.cpuUsage(); const r = f(); const d = process.cpuUsage(t); T[k] = Math.round((d.user + d.system) / 1000); return r; };
const { published, dates } = time('dates', () => A.datesOf(docs));
const groups = time('groups', () => A.groupNearDuplicates(docs));
const unique = time('unique', () => A.uniqueBySource(docs, groups));
const timeline = time('timeline', () => A.buildTimeline({ docs, dates, groups, published }));
const conflicts = time('conflicts', () => A.findConflicts(docs, { groups, published, dates }));
const found = time('entities', () => A.findEntities(docs));
const quotes = time('quotes', () => A.quotesOf(docs, found));
console.log(JSON.stringify(T));
if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify({ groups, unique, timeline, conflicts, found, quotes }));
