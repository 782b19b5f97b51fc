import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { timelineOfDocs } from '../src/brief/timeline.js';
import { evaluateTimelines, readTimelineTopics } from '../src/eval/timeline.js';
import { dateFeatures, timelineDateEvidence } from '../src/summarize/timeline.js';
import { docFromText, hasData, precis, sharedDir, tempDir } from './helpers.js';

// An invented collection: a dam failure reported over a month.
const articles = [
  { id: 'a1', published: '2021-03-02', text: 'The Kessel dam burst on Monday night and flooded three villages in the valley below. Rescue teams from the district reached the first village on Tuesday morning, officials said.' },
  { id: 'a2', published: '2021-03-03', text: 'The dam burst on March 1, 2021, after a week of heavy rain, engineers said. Rescue teams pulled 40 people from flooded houses on Tuesday, the district council said.' },
  { id: 'a3', published: '2021-03-15', text: 'An inquiry into the collapse of the Kessel dam opened on Monday in the district capital. The dam burst on March 1 after a week of heavy rain, flooding three villages.' },
  { id: 'a4', published: '2021-03-16', text: 'The inquiry heard on Monday that cracks in the Kessel dam had been reported in January. The chief engineer said the cracks had been repaired by the end of that month.' },
];
const docs = () => articles.map((a) => docFromText(a.id, a.text, { published: a.published }));

test('timeline mode: the days the articles keep naming, in date order, quoted verbatim', () => {
  const doc = timelineOfDocs(docs(), { dates: 3, perDate: 1 });
  assert.deepEqual(doc.timeline.map((d) => d.date), ['2021-03-01', '2021-03-02', '2021-03-15']);
  const byId = new Map(articles.map((a) => [a.id, a.text]));
  for (const d of doc.timeline) {
    assert.equal(d.sentences.length, 1);
    for (const c of d.sentences[0]!.citations) assert.ok(byId.get(c.source)!.includes(c.quote), 'a citation quotes its article verbatim');
  }
  // "on Monday" in an article of Tuesday 2 March is 1 March; in one of Monday 15 March, that day.
  assert.match(doc.timeline[0]!.sentences[0]!.text, /burst/);
  assert.equal(doc.undatedArticles, 0);
});

test('timeline mode: --from and --to bound the dates; more sentences per date when asked', () => {
  const doc = timelineOfDocs(docs(), { dates: 5, perDate: 2, from: '2021-03-02', to: '2021-03-14' });
  assert.ok(doc.timeline.length >= 1);
  for (const d of doc.timeline) assert.ok(d.date >= '2021-03-02' && d.date <= '2021-03-14', d.date);
  assert.ok(doc.timeline.some((d) => d.sentences.length === 2));
});

test('timeline mode: undated articles give their absolute dates, and the count of those that could not resolve relative ones', () => {
  const undated = articles.map((a) => docFromText(a.id, a.text));
  const doc = timelineOfDocs(undated, { dates: 2 });
  assert.equal(doc.undatedArticles, 4);
  assert.deepEqual(doc.timeline.map((d) => d.date), ['2021-03-01']);
});

test('precis timeline: Markdown, JSON and HTML; a bad date is a usage error', () => {
  const dir = tempDir();
  const file = path.join(dir, 'dam.jsonl');
  writeFileSync(file, articles.map((a) => JSON.stringify({ title: a.id, published: a.published, text: a.text })).join('\n'));
  const json = precis(['timeline', file, '--dates', '2', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { timeline: { date: string; sentences: { text: string; citations: { source: string; quote: string }[] }[] }[] };
  assert.equal(parsed.timeline.length, 2);
  assert.ok(parsed.timeline.every((d) => d.sentences.every((s) => s.citations.length > 0)));
  const md = precis(['timeline', file, '--dates', '2']);
  assert.match(md.stdout, /^# Timeline\n\n- \*\*2021-03-01\*\*/);
  const html = precis(['timeline', file, '--format', 'html']);
  assert.match(html.stdout, /<time datetime="2021-03-01">/);
  const bad = precis(['timeline', file, '--from', '2021-02-30']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--from/);
});

test('precis eval-timeline: scores a Timeline17-style file and writes the predictions', () => {
  const dir = tempDir();
  const file = path.join(dir, 't.jsonl');
  const reference = [['2021-03-01', ['The Kessel dam burst and flooded three villages.']], ['2021-03-02', ['Rescue teams reached the first flooded village.']]];
  writeFileSync(file, `${JSON.stringify({ id: 'dam', articles: articles.map(({ published, text }) => ({ published, text })), timelines: [{ name: 'ref', dates: reference }] })}\n`);
  const out = path.join(dir, 'preds.jsonl');
  const r = precis(['eval-timeline', file, '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const figures = JSON.parse(r.stdout) as { mean: { date: { f: number }; alignment: { rouge1: { f: number } } } };
  assert.equal(figures.mean.date.f, 1);
  assert.ok(figures.mean.alignment.rouge1.f > 0.3);
  const broken = path.join(dir, 'broken.jsonl');
  writeFileSync(broken, '{"id": "x", "articles": []}\n');
  const e = precis(['eval-timeline', broken]);
  assert.equal(e.code, 2);
  assert.match(e.stderr, /broken\.jsonl:1/);
});

test('Timeline17 development topics: both halves above the trivial baseline', (t) => {
  const file = path.join(sharedDir, 'data/timeline17/t17-dev.jsonl');
  if (!hasData(t, file)) return;
  const topics = readTimelineTopics(file);
  for (const half of ['A', 'B'] as const) {
    const { mean } = evaluateTimelines(topics, { half });
    console.log(`half ${half}: alignment R-1 ${mean.alignment.rouge1.f.toFixed(3)} R-2 ${mean.alignment.rouge2.f.toFixed(3)} date F1 ${mean.date.f.toFixed(3)}`);
    // The README's trivial baseline on all dev topics: 0.071 / 0.019 / 0.468.
    assert.ok(mean.alignment.rouge1.f > 0.071 && mean.alignment.rouge2.f > 0.019 && mean.date.f > 0.468);
  }
});

// An invented story: a bridge closed on 1 March, looked back on for months; a storm on 1 June
// named many times, but only in the next day's report.
const lookBack = [
  { id: 'b1', published: '2021-03-20', text: 'The Orlan bridge, closed on March 1, 2021, will stay shut until the summer, the city said. Drivers face long detours around the river.' },
  { id: 'b2', published: '2021-04-15', text: 'Repairs began on the Orlan bridge, which engineers closed on March 1, 2021, after finding rust in its main cables. The work will take months.' },
  { id: 'b3', published: '2021-05-20', text: 'Traders near the Orlan bridge say sales have fallen by a third since it closed on March 1, 2021. The city promised them help.' },
  { id: 'b4', published: '2021-06-02', text: 'A storm tore roofs off houses in the old town on Tuesday. Trees fell across the main road on Tuesday evening. Power failed in the harbour district on Tuesday night. Schools stayed shut on Tuesday and sent children home. Firemen worked through Tuesday to clear the roads.' },
];

test('timeline mode: the date ranker prefers a day later articles look back on to one named often in a single report', () => {
  const docs = lookBack.map((a) => docFromText(a.id, a.text, { published: a.published }));
  // By the count of sentences naming a day, 1 June (five sentences of one report) came first.
  assert.deepEqual(timelineOfDocs(docs, { dates: 1 }).timeline.map((d) => d.date), ['2021-03-01']);
  const evidence = timelineDateEvidence(docs);
  const march = evidence.find((e) => e.date === '2021-03-01')!;
  const june = evidence.find((e) => e.date === '2021-06-01')!;
  assert.deepEqual([march.sentences, march.articles, march.published, march.otherDays, march.later, march.lag], [3, 3, 0, 3, 3, 19]);
  assert.deepEqual([june.sentences, june.articles, june.published, june.otherDays, june.later, june.lag], [5, 1, 0, 1, 0, 1]);
  // Features: ln(1 + x) less ln(1 + the largest x), so the top date of each count scores 0.
  const [m, j] = dateFeatures([march, june], ['sentences', 'later']);
  assert.deepEqual(m!.map((x) => +x.toFixed(6)), [+(Math.log(4) - Math.log(6)).toFixed(6), 0]);
  assert.deepEqual(j!.map((x) => +x.toFixed(6)), [0, +(-Math.log(4)).toFixed(6)]);
  // A ranker that reads only sentence counts picks 1 June.
  const bySentences = timelineOfDocs(docs, { dates: 1, tuning: { dateRanker: { features: ['sentences'], weights: [1] } } });
  assert.deepEqual(bySentences.timeline.map((d) => d.date), ['2021-06-01']);
});

test('precis eval-timeline --fit-dates: one fold per topic held out, then the weights fitted on all', () => {
  const dir = tempDir();
  const file = path.join(dir, 't.jsonl');
  const dam = { id: 'dam', articles: articles.map(({ published, text }) => ({ published, text })), timelines: [{ name: 'ref', dates: [['2021-03-01', ['The dam burst.']], ['2021-03-15', ['An inquiry opened.']]] }] };
  const bridge = { id: 'bridge', articles: lookBack.map(({ published, text }) => ({ published, text })), timelines: [{ name: 'ref', dates: [['2021-03-01', ['The bridge closed.']], ['2021-06-01', ['A storm hit.']]] }] };
  writeFileSync(file, `${JSON.stringify(dam)}\n${JSON.stringify(bridge)}\n`);
  const r = precis(['eval-timeline', file, '--fit-dates', '--features', 'published,later', '--l2', '0.5', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const fit = JSON.parse(r.stdout) as { features: string[]; l2: number; weights: number[]; folds: { topic: string; weights: number[] }[] };
  assert.deepEqual(fit.features, ['published', 'later']);
  assert.equal(fit.l2, 0.5);
  assert.equal(fit.weights.length, 3);
  assert.deepEqual(fit.folds.map((f) => f.topic), ['dam', 'bridge']);
  assert.ok(fit.folds.every((f) => f.weights.length === 3 && f.weights.every(Number.isFinite)));
  const bad = precis(['eval-timeline', file, '--fit-dates', '--features', 'published,moon']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--features/);
});

test('timeline mode: a date\'s candidates include the leads of the reports published on it that name no day', () => {
  const reports = [
    { id: 'r1', published: '2021-03-01', text: 'Engineers closed the Orlan bridge to all traffic after finding deep rust in its main cables. Drivers were sent on long detours around the river.' },
    { id: 'r2', published: '2021-03-01', text: 'The Orlan bridge was closed to all traffic after engineers found deep rust in its main cables. The mayor said repairs could take months.' },
    { id: 'r3', published: '2021-05-20', text: 'Traders near the market say their sales have fallen by a third since March 1, 2021. The city promised them help.' },
  ];
  const docs = reports.map((a) => docFromText(a.id, a.text, { published: a.published }));
  const doc = timelineOfDocs(docs, { dates: 1, from: '2021-03-01', to: '2021-03-01' });
  assert.equal(doc.timeline.length, 1);
  // The one sentence naming the day says little of it; the day's reports say what happened.
  assert.match(doc.timeline[0]!.sentences[0]!.text, /rust in its main cables/);
  assert.ok(doc.timeline[0]!.sentences[0]!.citations.every((c) => c.source !== 'r3'));
});

test('timeline mode: a sentence leaning on the one before it is never shown under a date', () => {
  const leaning = [
    { id: 'b1', published: '2021-05-03', text: 'Harbour pilots in Velmar went on strike over pay on 1 May 2021. It came after talks with the port authority broke down on 30 April 2021 at the ministry.' },
    { id: 'b2', published: '2021-05-04', text: 'The strike in Velmar left 40 ships waiting outside the port on 1 May 2021. He said the talks of 30 April 2021 had failed over pension terms.' },
  ];
  const doc = timelineOfDocs(leaning.map((a) => docFromText(a.id, a.text, { published: a.published })), { dates: 2, perDate: 1 });
  const shown = doc.timeline.flatMap((d) => d.sentences.map((s) => s.text));
  assert.ok(shown.length >= 1, JSON.stringify(shown));
  for (const t of shown) assert.ok(!/^(?:It|He) /.test(t), t);
});
