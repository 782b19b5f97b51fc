import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { createClusterer } from '../src/stream/cluster.js';
import type { Observation } from '../src/stream/cluster.js';
import { bcubed, crossValidate, evaluateOrders, evaluateStream, fitThreshold, readLabelledStream, reorder, storyFold, storyHalf, toArticle, withoutTitles } from '../src/eval/stream.js';
import type { StreamArticle } from '../src/stream/types.js';
import { eachLine } from '../src/cli/cluster.js';
import { hasData, precis, sharedDir, tempDir } from './helpers.js';
import { inventedArticles } from './stream-workers-articles.js';

// Invented stories: a ferry grounding at Orsund, a bus strike in Kelby, a vineyard fire at Tarrow.
const FERRY = [
  'The ferry Aldora ran aground off Orsund harbour on Monday night with 212 passengers aboard. Coastguard crews from Orsund reached the Aldora within an hour.',
  'Passengers of the Aldora were taken ashore at Orsund by lifeboats after the ferry grounded on a sandbank. The Orsund coastguard said nobody was hurt.',
  'Investigators began examining the hull of the Aldora ferry at Orsund on Wednesday. The operator of the Aldora said the ferry had left Orsund on schedule.',
  'The captain of the Aldora told Orsund investigators that fog hid the sandbank. Divers inspected the ferry hull near Orsund harbour.',
];
const STRIKE = [
  'Bus drivers in Kelby walked out on Tuesday over pay, leaving the city without buses. The Kelby transport union said the strike would last three days.',
  'Commuters in Kelby queued for taxis as the bus strike entered its second day. Union leaders in Kelby rejected a pay offer from the transport board.',
  'The Kelby transport board raised its pay offer to bus drivers on Thursday. The union said drivers in Kelby would vote on the offer.',
  'Kelby bus drivers accepted the improved pay deal and buses returned to the streets of Kelby on Friday, ending the strike.',
];
const FIRE = [
  'A fire swept through vineyards near Tarrow on Saturday, burning vines across the valley. Firefighters from Tarrow fought the flames through the night.',
  'Winemakers around Tarrow counted the damage after the vineyard fire. Tarrow firefighters said the blaze began in dry grass beside the vines.',
];

function article(text: string, extra: Partial<StreamArticle> = {}): StreamArticle {
  return { text, ...extra };
}

/** The three stories interleaved, undated. */
function interleaved(): { article: StreamArticle; gold: string }[] {
  const out: { article: StreamArticle; gold: string }[] = [];
  for (let i = 0; i < 4; i++) {
    out.push({ article: article(FERRY[i]!), gold: 'ferry' });
    out.push({ article: article(STRIKE[i]!), gold: 'strike' });
    if (FIRE[i]) out.push({ article: article(FIRE[i]!), gold: 'fire' });
  }
  return out;
}

test('articles of one story join it; different stories open their own', () => {
  const clusterer = createClusterer();
  const items = interleaved();
  const assigned = items.map((x) => clusterer.assign(x.article));
  const storyOf = new Map<string, Set<string>>();
  items.forEach((x, i) => {
    const set = storyOf.get(x.gold) ?? new Set();
    set.add(assigned[i]!.story);
    storyOf.set(x.gold, set);
  });
  for (const [gold, stories] of storyOf) assert.equal(stories.size, 1, `${gold} split into ${[...stories].join(', ')}`);
  assert.equal(new Set(assigned.map((a) => a.story)).size, 3);
  assert.deepEqual(assigned.filter((a) => a.created).length, 3);
  assert.equal(assigned[0]!.id, '0', 'an article without an id gets its position');
  assert.equal(clusterer.openStories(), 3);
});

test('a story whose newest article is older than the window is closed; a later article opens a new story', () => {
  const clusterer = createClusterer({ windowDays: 10 });
  const a = clusterer.assign(article(FERRY[0]!, { id: 'f1', published: '2024-03-01' }));
  const b = clusterer.assign(article(STRIKE[0]!, { id: 's1', published: '2024-03-08' }));
  const c = clusterer.assign(article(FERRY[1]!, { id: 'f2', published: '2024-03-09' }));
  assert.equal(c.story, a.story, 'within the window the ferry story is open');
  assert.equal(clusterer.openStories(), 2);
  // 25 days later: both stories are older than 10 days and closed.
  const d = clusterer.assign(article(FERRY[2]!, { id: 'f3', published: '2024-04-03' }));
  assert.notEqual(d.story, a.story);
  assert.equal(d.created, true);
  assert.equal(clusterer.openStories(), 1);
  assert.notEqual(b.story, d.story);
});

test('undated articles join on text alone and follow the stream clock', () => {
  const clusterer = createClusterer({ windowDays: 10 });
  const a = clusterer.assign(article(STRIKE[0]!, { published: '2024-05-01' }));
  const b = clusterer.assign(article(STRIKE[1]!));
  assert.equal(b.story, a.story);
  const c = clusterer.assign(article(STRIKE[2]!, { published: 'not a date' }));
  assert.equal(c.story, a.story);
});

test('wire copy reprinted by other outlets joins the same story with copyOf set', () => {
  const clusterer = createClusterer();
  const wire = `${FERRY[0]} ${FERRY[1]} ${FERRY[3]}`;
  const first = clusterer.assign(article(wire, { id: 'wire', outlet: 'Agency' }));
  clusterer.assign(article(STRIKE[0]!, { id: 'other' }));
  const reprint = clusterer.assign(article(wire, { id: 'paper-1', outlet: 'Daily', title: 'Ferry aground' }));
  assert.equal(reprint.story, first.story);
  assert.equal(reprint.copyOf, 'wire');
  // A near copy: the same wire text with a local sentence added and the last one cut.
  const near = clusterer.assign(article(`${FERRY[0]} ${FERRY[1]} Local schools stayed open.`, { id: 'paper-2' }));
  assert.equal(near.story, first.story);
  assert.equal(near.copyOf, 'wire');
  // A different article of the story is not a copy.
  const own = clusterer.assign(article(FERRY[2]!, { id: 'paper-3' }));
  assert.equal(own.story, first.story);
  assert.equal(own.copyOf, undefined);
});

test('a story that drifts apart: past articles stay, new ones unlike it open a new story', () => {
  const clusterer = createClusterer();
  const start = clusterer.assign(article(FERRY[0]!));
  clusterer.assign(article(FERRY[1]!));
  // The story splits: an inquiry into the operator's finances, sharing only the ferry's name.
  const inquiry = [
    'Auditors opened an inquiry into the accounts of Brannock Lines, the company that owns the Aldora. Brannock Lines shares fell sharply.',
    'Brannock Lines auditors found unpaid loans and missing accounts; regulators froze Brannock Lines shares pending the inquiry.',
  ];
  const i1 = clusterer.assign(article(inquiry[0]!));
  const i2 = clusterer.assign(article(inquiry[1]!));
  assert.notEqual(i1.story, start.story);
  assert.equal(i2.story, i1.story);
  // Ferry news still joins the ferry story.
  assert.equal(clusterer.assign(article(FERRY[3]!)).story, start.story);
});

test('two stories that come together: neither is merged, a new article joins the more similar', () => {
  const clusterer = createClusterer();
  const ferry = [clusterer.assign(article(FERRY[0]!)), clusterer.assign(article(FERRY[1]!))];
  const strike = [clusterer.assign(article(STRIKE[0]!)), clusterer.assign(article(STRIKE[1]!))];
  assert.notEqual(ferry[0]!.story, strike[0]!.story);
  const both = clusterer.assign(article('Kelby bus drivers on strike drove stranded Aldora ferry passengers from Orsund harbour; the Kelby transport union and the Orsund coastguard said the Aldora ferry passengers were safe, and the Kelby strike goes on.'));
  assert.ok(both.story === ferry[0]!.story || both.story === strike[0]!.story);
  assert.equal(clusterer.openStories(), 2);
});

const HEADLINES: Record<string, string> = { ferry: 'Ferry Aldora aground at Orsund', strike: 'Kelby bus strike', fire: 'Tarrow vineyard fire' };

test('snapshot midway and resume gives the same assignments as an uninterrupted run', () => {
  // Every other article titled: title centroids are part of the state too.
  const items = interleaved().map((x, i) => ({ ...x.article, id: `n${i}`, title: i % 2 === 0 ? HEADLINES[x.gold] : null, published: `2024-06-${String(1 + i).padStart(2, '0')}` }));
  const whole = createClusterer({ windowDays: 4 });
  const expected = items.map((a) => whole.assign(a));
  for (const cut of [1, 5, 9]) {
    const first = createClusterer({ windowDays: 4 });
    const got = items.slice(0, cut).map((a) => first.assign(a));
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const resumed = createClusterer({ windowDays: 4 }, state);
    got.push(...items.slice(cut).map((a) => resumed.assign(a)));
    assert.deepEqual(got, expected, `cut at ${cut}`);
    assert.deepEqual(resumed.snapshot(), whole.snapshot());
  }
  assert.throws(() => createClusterer({}, { version: 99 }), /snapshot/);
});

/** A short article on the ferry, and its cosine with the first ferry article's story. */
function shortCase(): { text: string; cosine: number; terms: number } {
  const text = 'Aldora ferry passengers safe at Orsund.';
  const seen: Observation[] = [];
  const probe = createClusterer({ lengthSlope: 0, observe: (o) => seen.push(o) });
  probe.assign(article(FERRY[0]!));
  probe.assign(article(text));
  return { text, ...seen.at(-1)! };
}

test('a snapshot of version 1 (length-blind threshold) resumes and assigns as it did', () => {
  const short = shortCase();
  const items = [article(FERRY[0]!), article(STRIKE[0]!), article(short.text), article(FERRY[1]!)].map((a, i) => ({ ...a, id: `n${i}` }));
  const plain = { threshold: short.cosine - 0.01, lengthSlope: 0 };
  const whole = createClusterer(plain);
  const expected = items.map((a) => whole.assign(a));
  assert.equal(expected[2]!.story, expected[0]!.story, 'length-blind, the short article joins');
  const first = createClusterer(plain);
  const got = items.slice(0, 2).map((a) => first.assign(a));
  const v1 = JSON.parse(JSON.stringify(first.snapshot())) as { version: number; tuning: Record<string, number> };
  v1.version = 1;
  delete v1.tuning.lengthSlope;
  delete v1.tuning.refTerms;
  const resumed = createClusterer({ lengthSlope: 0.5 }, v1);
  got.push(...items.slice(2).map((a) => resumed.assign(a)));
  assert.deepEqual(got, expected);
  assert.equal((resumed.snapshot() as { version: number }).version, 4);
});

interface OldSnapshot {
  version: number;
  tuning: Record<string, number>;
  open: { titles?: unknown }[];
}

/**
 * Assignments of a run that stops after `cut` articles and resumes from its snapshot made old by
 * `age` (resumed with `later` options, which an old snapshot must ignore), and of the same run
 * uninterrupted.
 */
function resumedOld(items: StreamArticle[], before: Parameters<typeof createClusterer>[0], cut: number, age: (snapshot: OldSnapshot) => void, later: Parameters<typeof createClusterer>[0]) {
  const whole = createClusterer(before);
  const expected = items.map((a) => whole.assign(a));
  const first = createClusterer(before);
  const got = items.slice(0, cut).map((a) => first.assign(a));
  const old = JSON.parse(JSON.stringify(first.snapshot())) as OldSnapshot;
  age(old);
  const resumed = createClusterer(later, old);
  got.push(...items.slice(cut).map((a) => resumed.assign(a)));
  return { got, expected, resumed };
}

test('a snapshot of version 2 (no title centroids) resumes without title similarity and assigns as it did', () => {
  const items = interleaved().map((x, i) => ({ ...x.article, id: `n${i}`, title: HEADLINES[x.gold] }));
  const { got, expected } = resumedOld(items, { titleSimilarity: 0 }, 4, (v2) => {
    v2.version = 2;
    delete v2.tuning.titleSimilarity;
    delete v2.tuning.titleMissing;
    for (const s of v2.open) delete s.titles;
  }, { titleSimilarity: 0.5 });
  assert.deepEqual(got, expected);
});

test('a snapshot of version 3 (one level for every story) resumes without story levels and assigns as it did', () => {
  const items = interleaved().map((x, i) => ({ ...x.article, id: `n${i}` }));
  const { got, expected, resumed } = resumedOld(items, { cohesionShare: 0, threshold: 0.12 }, 5, (v3) => {
    v3.version = 3;
    delete v3.tuning.cohesionShare;
    delete v3.tuning.cohesionPrior;
  }, { cohesionShare: 0.9 });
  assert.deepEqual(got, expected);
  assert.equal((resumed.snapshot() as { tuning: { cohesionShare: number } }).tuning.cohesionShare, 0);
});

// Invented: the ferry's operator in court, told with few of the ferry reports' words.
const COURT = 'Lawyers for Brannock Lines, owner of the ferry, told a tribunal on Friday that the company had followed every rule. The tribunal will rule next month.';

test('titles: a shared headline carries an article whose body is unlike the story; a missing title counts as the fitted cosine', () => {
  const probe = (titleSimilarity: number, threshold: number, title: string | null, titleMissing = 0): { joined: boolean; seen: Observation } => {
    const seen: Observation[] = [];
    const clusterer = createClusterer({ titleSimilarity, titleMissing, threshold, lengthSlope: 0, observe: (o) => seen.push(o) });
    const ferry = clusterer.assign(article(FERRY[0]!, { title: 'Ferry Aldora aground at Orsund' }));
    const court = clusterer.assign(article(COURT, { title }));
    return { joined: court.story === ferry.story, seen: seen.at(-1)! };
  };
  const { seen } = probe(0.15, 0.5, 'Aldora ferry owner before tribunal');
  assert.ok(seen.titleCosine !== null && seen.titleCosine > 0.2, `title cosine ${seen.titleCosine}`);
  // A threshold between the body cosine and the body cosine plus the weighted title cosine.
  const threshold = seen.cosine + 0.5 * 0.15 * seen.titleCosine!;
  assert.equal(probe(0.15, threshold, 'Aldora ferry owner before tribunal').joined, true);
  assert.equal(probe(0, threshold, 'Aldora ferry owner before tribunal').joined, false, 'without title similarity it opens a story');
  // No title: the body cosine alone, plus the weight times the cosine a missing title counts as.
  const untitled = probe(0.15, threshold, null);
  assert.equal(untitled.seen.titleCosine, null);
  assert.ok(untitled.seen.cosine > 0 && untitled.seen.cosine < threshold);
  assert.equal(untitled.joined, false);
  const missing = (threshold - untitled.seen.cosine) / 0.15 + 0.01;
  assert.equal(probe(0.15, threshold, null, missing).joined, true);
  assert.equal(probe(0.15, threshold, null, missing - 0.02).joined, false);
});

test('a short article needs a higher cosine than a long one to join', () => {
  const { text, cosine, terms } = shortCase();
  assert.ok(cosine > 0.05 && terms < 10, `cosine ${cosine}, terms ${terms}`);
  // Just under the cosine for an article of refTerms terms: length-blind, the short one joins;
  // with the slope it needs more than its cosine and opens a story.
  const blind = createClusterer({ threshold: cosine - 0.01, lengthSlope: 0 });
  const a = blind.assign(article(FERRY[0]!));
  assert.equal(blind.assign(article(text)).story, a.story);
  const sloped = createClusterer({ threshold: cosine - 0.01, lengthSlope: 0.05 });
  const b = sloped.assign(article(FERRY[0]!));
  const c = sloped.assign(article(text));
  assert.notEqual(c.story, b.story);
  assert.equal(c.created, true);
});

// Invented: trade talks of Velmaria, then an earthquake in Velmaria (one place, two stories).
const TALKS = [
  'Ministers of Velmaria met trade envoys in Brusk on Monday to reopen talks on joining the customs union. Velmaria hopes the union will open its markets by next year, the foreign minister of Velmaria said.',
  'Envoys from the customs union told Velmaria on Wednesday that its tariff rules must change before talks can go on. Officials in Velmaria said the demands were fair.',
  'The parliament of Velmaria voted to cut tariffs on grain, a step the customs union had asked of Velmaria before membership talks resume in Brusk.',
];
const QUAKE = 'A strong earthquake shook eastern Velmaria before dawn on Friday, toppling houses in three towns of Velmaria. Rescue teams in Velmaria dug through rubble as aftershocks rattled the region.';

test('a place name shared by two stories: counted twice it carries an unrelated article in, at the fitted weight it does not', () => {
  const run = (nameWeight?: number): { joined: boolean; cosine: number } => {
    const seen: Observation[] = [];
    const clusterer = createClusterer({ threshold: 0.13, lengthSlope: 0, titleSimilarity: 0, cohesionShare: 0, nameWeight, observe: (o) => seen.push(o) });
    const talks = TALKS.map((t) => clusterer.assign(article(t)).story);
    assert.equal(new Set(talks).size, 1);
    const quake = clusterer.assign(article(QUAKE));
    return { joined: quake.story === talks[0], cosine: seen.at(-1)!.cosine };
  };
  const twice = run(2);
  const fitted = run();
  assert.equal(twice.joined, true, `cosine ${twice.cosine}`);
  assert.equal(fitted.joined, false, `cosine ${fitted.cosine}`);
  assert.ok(fitted.cosine < twice.cosine);
});

test('orders of a stream: dated articles keep their order, undated ones move, none is lost', () => {
  const items = interleaved().map((x, i) => ({ article: { ...x.article, id: `n${i}`, published: i % 3 === 0 ? `2024-06-${String(1 + i).padStart(2, '0')}` : null }, story: x.gold }));
  assert.deepEqual(reorder(items, 0), items);
  const moved = reorder(items, 2);
  assert.deepEqual(moved.map((x) => x.article.id).sort(), items.map((x) => x.article.id).sort());
  const dated = (xs: typeof items) => xs.filter((x) => x.article.published).map((x) => x.article.id);
  assert.deepEqual(dated(moved), dated(items));
  assert.notDeepEqual(moved.map((x) => x.article.id), items.map((x) => x.article.id));
  assert.deepEqual(reorder(items, 2), moved, 'seeded');
  const r = evaluateOrders(items, 3);
  assert.equal(r.f1s.length, 3);
  assert.ok(Math.abs(r.bcubed.f1 - r.f1s.reduce((s, f) => s + f, 0) / 3) < 1e-12);
});

test('fitThreshold: a slope and a threshold from the scanned range on a labelled stream', () => {
  const items = interleaved().map((x) => ({ article: x.article, story: x.gold }));
  const fit = fitThreshold(items, { rounds: 2, orders: 1 });
  assert.ok(Number.isFinite(fit.lengthSlope));
  assert.ok(fit.titleSimilarity >= 0 && Number.isFinite(fit.titleSimilarity));
  assert.ok(fit.titleMissing >= 0 && fit.titleMissing <= 0.25);
  assert.ok(fit.threshold >= 0.12 && fit.threshold <= 0.18);
  assert.equal(fit.scan.length, 13);
  assert.equal(fit.cohesionScan.length, 28);
  assert.ok(fit.cohesionScan.some(([share, prior]) => share === fit.cohesionShare && prior === fit.cohesionPrior));
  assert.ok(fit.decisions > 0);
});

test('crossValidate: each fold of stories held out once, scored with the rule fitted on the others', () => {
  const items = inventedArticles(8, 5).map((a) => ({ article: { id: a.id, title: a.title, text: a.text, published: a.published }, story: `story${a.story}` }));
  const stories = [...new Set(items.map((x) => x.story))];
  const folds = crossValidate(items, 2, { rounds: 1, orders: 1 });
  assert.equal(folds.length, 2);
  for (const f of folds) {
    const held = stories.filter((s) => storyFold(s, 2) === f.fold);
    assert.deepEqual([f.articles, f.stories], [5 * held.length, held.length]);
    assert.ok(f.heldOut.f1 > 0 && f.heldOut.f1 <= 1);
    assert.ok(f.blind.f1 > 0 && f.blind.f1 <= 1);
    assert.ok(Number.isFinite(f.fit.threshold) && f.fit.titleSimilarity >= 0);
    assert.equal(f.blindFit.titleSimilarity, 0);
  }
});

test('undated stories close when more than maxOpen are open, the least recently joined first', () => {
  const clusterer = createClusterer({ maxOpen: 2 });
  const ferry = clusterer.assign(article(FERRY[0]!));
  const strike = clusterer.assign(article(STRIKE[0]!));
  assert.equal(clusterer.assign(article(FERRY[1]!)).story, ferry.story);
  clusterer.assign(article(FIRE[0]!)); // third story: the strike, joined least recently, closes
  assert.equal(clusterer.openStories(), 2);
  const later = clusterer.assign(article(STRIKE[1]!));
  assert.notEqual(later.story, strike.story);
  assert.equal(later.created, true);
});

test('the vocabulary stays within its bound', () => {
  const clusterer = createClusterer({ vocabulary: 50 });
  for (let i = 0; i < 40; i++) clusterer.assign(article(`Report ${i}: zorbal${i} quintex${i} amaranth${i} velloc${i} spent the day at the harbour with trelmont${i}.`));
  const state = clusterer.snapshot() as { df: unknown[] };
  assert.ok(state.df.length <= 50, `vocabulary ${state.df.length}`);
});

test('B-cubed on hand-computed cases', () => {
  const perfect = bcubed(['a', 'a', 'b'], ['x', 'x', 'y']);
  assert.deepEqual(perfect, { precision: 1, recall: 1, f1: 1 });
  // Article 1, 2 (a in x): P 2/3, R 1; article 3 (b in x): P 1/3, R 1/2; article 4 (b in y): P 1, R 1/2.
  const r = bcubed(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'y']);
  assert.ok(Math.abs(r.precision - 2 / 3) < 1e-12);
  assert.ok(Math.abs(r.recall - 3 / 4) < 1e-12);
  assert.ok(Math.abs(r.f1 - 12 / 17) < 1e-12);
  // Everything in one cluster: P = sum of squared gold shares; R = 1.
  const lumped = bcubed(['a', 'a', 'a', 'b'], ['x', 'x', 'x', 'x']);
  assert.ok(Math.abs(lumped.precision - (3 * 0.75 + 0.25) / 4) < 1e-12);
  assert.equal(lumped.recall, 1);
  // All singletons: P = 1, R = mean of 1/|gold|.
  const split = bcubed(['a', 'a', 'b'], ['1', '2', '3']);
  assert.equal(split.precision, 1);
  assert.ok(Math.abs(split.recall - (0.5 + 0.5 + 1) / 3) < 1e-12);
});

test('the gold label never reaches the clusterer', () => {
  const a = toArticle({ id: 'x', text: 'Some text.', story: 'gold-7', title: 'T' });
  assert.equal('story' in a, false);
  const items = interleaved().map((x) => ({ article: { ...x.article, story: x.gold } as StreamArticle, story: x.gold }));
  const r = evaluateStream(items.map((x) => ({ article: toArticle(x.article as unknown as Record<string, unknown>), story: x.story })));
  assert.equal(r.bcubed.f1, 1);
  assert.equal(r.goldStories, 3);
  assert.equal(r.predictedStories, 3);
});

test('precis cluster: one {"id","story"} line per article in input order; bad lines named on stderr, the stream goes on', () => {
  const dir = tempDir();
  const file = path.join(dir, 'stream.jsonl');
  const lines = [
    JSON.stringify({ id: 'f1', text: FERRY[0], story: 'ignored' }),
    '{not json',
    JSON.stringify({ text: STRIKE[0] }),
    JSON.stringify({ id: 'f2', title: 'Ferry', text: FERRY[1] }),
    JSON.stringify({ id: 'empty' }),
    JSON.stringify({ id: 'f3', html: `<html><body><article><h1>Aldora</h1><p>${FERRY[2]}</p><p>${FERRY[3]}</p></article></body></html>` }),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  const r = precis(['cluster', file]);
  assert.equal(r.code, 2, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string });
  assert.deepEqual(out.map((o) => o.id), ['f1', '3', 'f2', 'f3']);
  assert.equal(out[2]!.story, out[0]!.story);
  assert.equal(out[3]!.story, out[0]!.story);
  assert.notEqual(out[1]!.story, out[0]!.story);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /^precis: .*stream\.jsonl:2: not a JSON line$/);
  assert.match(errors[1]!, /^precis: .*stream\.jsonl:5: no "text" or "html"$/);
  const stdin = precis(['cluster', '-'], { input: `${lines[0]}\n${lines[3]}\n` });
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.equal(stdin.stdout.trim().split('\n').length, 2);
  const missing = precis(['cluster', path.join(dir, 'none.jsonl')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^precis: .*none\.jsonl: no such file or folder\n$/);
});

test('precis cluster reads lines as node:readline does, whatever the chunks: "\\n", "\\r\\n", a lone "\\r", a last line without an end', async () => {
  let seed = 7;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pieces = ['a', 'bc', ' ', 'é', '😀', '{"x":1}', '\n', '\r', '\r\n', '\n\n', '\r\r'];
  const feed = (bytes: Buffer, cuts: number[]): PassThrough => {
    const s = new PassThrough();
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      s.write(bytes.subarray(at, cut));
      at = cut;
    }
    s.end();
    return s;
  };
  for (let round = 0; round < 300; round++) {
    let text = '';
    const count = Math.floor(rand() * 30);
    for (let i = 0; i < count; i++) text += pieces[Math.floor(rand() * pieces.length)];
    const bytes = Buffer.from(text);
    const cuts = [...new Set(Array.from({ length: Math.floor(rand() * 6) }, () => Math.floor(rand() * bytes.length)))].sort((a, b) => a - b);
    const expected: string[] = [];
    for await (const line of createInterface({ input: feed(bytes, cuts), crlfDelay: Infinity })) expected.push(line);
    const got: string[] = [];
    await eachLine(feed(bytes, cuts), (line) => got.push(line), async () => {});
    assert.deepEqual(got, expected, JSON.stringify({ text, cuts }));
  }
});

const devStream = path.join(sharedDir, 'data/stream/dev-stream.jsonl');
test('development stream: both halves cluster with B-cubed F1 above the plain peer', (t) => {
  if (!hasData(t, devStream)) return;
  const items = readLabelledStream(devStream);
  for (const half of ['A', 'B'] as const) {
    const r = evaluateStream(items.filter((x) => storyHalf(x.story) === half));
    assert.ok(r.bcubed.f1 > 0.85, `half ${half}: F1 ${r.bcubed.f1}`);
  }
});

test('eval-stream --no-titles: every title taken off before clustering, the input left as it was', () => {
  const items = interleaved().map((x, i) => ({ article: { ...x.article, title: `Headline ${i}` }, story: x.gold }));
  const bare = withoutTitles(items);
  assert.equal(bare.length, items.length);
  assert.ok(bare.every((x) => x.article.title === null));
  assert.ok(items.every((x, i) => x.article.title === `Headline ${i}`));
  const dir = tempDir();
  const file = path.join(dir, 'labelled.jsonl');
  writeFileSync(file, items.map((x) => JSON.stringify({ id: x.article.id, title: x.article.title, text: x.article.text, story: x.story })).join('\n') + '\n');
  const titled = precis(['eval-stream', file, '--json']);
  const untitled = precis(['eval-stream', file, '--json', '--no-titles']);
  assert.equal(titled.code, 0, titled.stderr);
  assert.equal(untitled.code, 0, untitled.stderr);
  const r = JSON.parse(untitled.stdout) as { articles: number; bcubed: { f1: number } };
  assert.equal(r.articles, items.length);
  assert.equal(r.bcubed.f1, evaluateStream(bare).bcubed.f1);
});

test('a story of several articles sets its own level: a tight one asks more, a broad one less', () => {
  // A broad story: one library, three unrelated events; its fourth article tells another event.
  const broad = [
    'The Velmar city library opened a reading room for children in its east wing. Librarians at the Velmar library read stories to pupils from nearby schools.',
    'A rare map of the northern coast was found in the archive of the Velmar library. Historians said the map was drawn by sailors two centuries ago.',
    'The Velmar library will stay open until midnight during the exam season. Students asked the council for longer hours and more desks.',
    'Thieves broke into the Velmar library on Sunday night and took three computers. Police are looking at camera footage from the street.',
  ];
  // A tight story: one event told three times alike, then an article on a later turn of it.
  const tight = [
    FERRY[0]!,
    'The ferry Aldora ran aground off Orsund harbour on Monday with 212 passengers aboard, and coastguard crews from Orsund reached the ferry within an hour.',
    'On Monday night the ferry Aldora ran aground off Orsund harbour carrying 212 passengers; Orsund coastguard crews reached the Aldora within the hour.',
    'Divers inspected the hull of the ferry Aldora near Orsund harbour on Thursday and found a long crack below the waterline.',
  ];
  const stories = (texts: string[], threshold: number, cohesionShare: number): string[] => {
    const c = createClusterer({ threshold, lengthSlope: 0, titleSimilarity: 0, cohesionShare, cohesionPrior: 1 });
    return texts.map((text, i) => c.assign({ id: `a${i}`, text }).story);
  };
  const [b0, b1, b2, b3] = stories(broad, 0.12, 0);
  assert.deepEqual([b1, b2], [b0, b0]);
  assert.notEqual(b3, b0, 'at the fixed level the fourth event opens a story');
  assert.deepEqual(new Set(stories(broad, 0.12, 0.45)).size, 1, 'the broad story takes it');
  const [t0, t1, t2, t3] = stories(tight, 0.2, 0);
  assert.deepEqual([t1, t2, t3], [t0, t0, t0]);
  const [u0, u1, u2, u3] = stories(tight, 0.2, 0.45);
  assert.deepEqual([u1, u2], [u0, u0]);
  assert.notEqual(u3, u0, 'the tight story asks more than the fixed level');
});
