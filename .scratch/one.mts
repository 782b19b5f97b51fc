// node --import tsx one.mts STORY DIST STAGE
import { docsOf } from '/work/main/test/helpers.ts';
const dist = process.argv[3]!;
const A = await import(`${dist}/analyze/index.js`);
const docs = await docsOf([process.argv[2]!]);
const stage = process.argv[4]!;
const t = process.cpuUsage();
let found: unknown;
if (stage === 'entities' || stage === 'quotes') found = A.findEntities(docs);
const t1 = process.cpuUsage(t);
if (stage === 'quotes') { const t2 = process.cpuUsage(); A.quotesOf(docs, found); const d = process.cpuUsage(t2); console.log('quotes', Math.round((d.user + d.system) / 1000)); }
if (stage === 'groups') { const t2 = process.cpuUsage(); A.groupNearDuplicates(docs); const d = process.cpuUsage(t2); console.log('groups', Math.round((d.user + d.system) / 1000)); }
console.log('entities', Math.round((t1.user + t1.system) / 1000));
console.log(JSON.stringify((globalThis as any).__memo), JSON.stringify((globalThis as any).__snw));
console.log((globalThis as any).__pp,(globalThis as any).__fp,(globalThis as any).__ce,(globalThis as any).__live)
if (stage === 'conflicts') { const { published, dates } = A.datesOf(docs); const groups = A.groupNearDuplicates(docs); const t2 = process.cpuUsage(); A.findConflicts(docs, { groups, published, dates }); const d = process.cpuUsage(t2); console.log('conflicts', Math.round((d.user + d.system) / 1000)); }
