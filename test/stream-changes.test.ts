import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { briefArticles } from '../src/brief/index.js';
import { whatsNew } from '../src/stream/changes.js';
import { evaluateUpdate, readUpdateTopics } from '../src/eval/update.js';
import type { ArticleInput, Briefing, Conflict } from '../src/types.js';
import { hasData, precis, sharedDir, tempDir } from './helpers.js';

// An invented story: a warehouse fire at Corvel docks, first reports, then the next day's.
const BEFORE: ArticleInput[] = [
  {
    url: 'https://harbour-post.example/fire-1', outlet: 'Harbour Post', published: '2025-03-10', title: 'Fire guts warehouse at Corvel docks',
    text: 'A fire gutted a grain warehouse at the Corvel docks on Monday night. Firefighters from three stations fought the blaze for six hours.\n\nThe fire service said two workers were taken to hospital with burns. The cause of the fire is not yet known.',
  },
  {
    url: 'https://coast-daily.example/corvel', outlet: 'Coast Daily', published: '2025-03-10', title: 'Corvel warehouse blaze',
    text: 'Flames destroyed a grain warehouse at Corvel docks on Monday. Two workers were taken to hospital with burns, the fire service said.\n\nResidents near the docks were told to keep their windows closed because of the smoke.',
  },
];
const ADDED: ArticleInput[] = [
  {
    url: 'https://harbour-post.example/fire-2', outlet: 'Harbour Post', published: '2025-03-11', title: 'Corvel fire: investigators suspect faulty wiring',
    text: 'Investigators said on Tuesday that faulty wiring in a conveyor belt probably started the fire at the Corvel docks. A fire gutted a grain warehouse at the Corvel docks on Monday night.\n\nThe port authority closed two berths while engineers inspect the damaged quay wall. Insurers put the losses at 4 million euros.',
  },
  {
    url: 'https://bay-radio.example/news/corvel', outlet: 'Bay Radio', published: '2025-03-11', title: 'Corvel berths closed after fire',
    text: 'Two berths at the Corvel docks will stay closed for a week after the warehouse fire, the port authority said on Tuesday. Shipping lines were told to use the northern quays.\n\nOne of the two injured workers left hospital on Tuesday.',
  },
];

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

test('whatsNew: the update summary quotes only the added articles and leaves out what the earlier ones said', () => {
  const previous = briefArticles(BEFORE, { words: 100 }).briefing;
  const current = briefArticles([...BEFORE, ...ADDED], { words: 100 }).briefing;
  const changes = whatsNew({ since: 1, version: 2, before: BEFORE, added: ADDED, previous, current, words: 60 });
  assert.equal(changes.since, 1);
  assert.equal(changes.version, 2);
  assert.ok(changes.summary.length > 0);
  const addedIds = new Set(current.sources.filter((s) => ADDED.some((a) => a.url === s.url)).map((s) => s.id));
  let total = 0;
  for (const item of changes.summary) {
    total += words(item.text);
    assert.equal(item.citations.length, 1);
    const citation = item.citations[0]!;
    assert.equal(citation.quote, item.text);
    assert.ok(addedIds.has(citation.source), `cites ${citation.source}, not an added article`);
    const source = ADDED.find((a) => a.url === current.sources.find((s) => s.id === citation.source)!.url)!;
    assert.ok(source.text!.replace(/\s+/g, ' ').includes(item.text.replace(/\s+/g, ' ')), `not verbatim: ${item.text}`);
  }
  assert.ok(total <= 60, `${total} words`);
  // The repeated first-day sentence is not news.
  assert.ok(!changes.summary.some((s) => s.text.startsWith('A fire gutted a grain warehouse')));
  assert.ok(changes.summary.some((s) => /faulty wiring|berths|4 million/.test(s.text)));
  // New sources: the two added articles, matched by URL.
  assert.deepEqual(changes.sources.map((s) => s.url).sort(), ADDED.map((a) => a.url).sort());
  // Timeline items: only those the previous version did not have.
  const had = new Set(previous.timeline.map((t) => `${t.date} ${t.text}`));
  for (const t of changes.timeline) assert.ok(!had.has(`${t.date} ${t.text}`));
  assert.equal(changes.timeline.length, current.timeline.filter((t) => !had.has(`${t.date} ${t.text}`)).length);
});

test('whatsNew: nothing added that is new gives an empty update summary', () => {
  const previous = briefArticles(BEFORE).briefing;
  const reprint = [{ ...BEFORE[0]!, url: 'https://other.example/reprint', outlet: 'Other' }];
  const current = briefArticles([...BEFORE, ...reprint]).briefing;
  const changes = whatsNew({ since: 1, version: 2, before: BEFORE, added: reprint, previous, current });
  assert.deepEqual(changes.summary, []);
  assert.deepEqual(changes.sources.map((s) => s.url), ['https://other.example/reprint']);
});

function briefing(conflicts: Conflict[]): Briefing {
  return { version: 1, story: { title: 't', from: null, to: null }, sources: [], summary: [], timeline: [], entities: [], conflicts };
}

test('whatsNew: a conflict is reported when it is new or one of its claims changed (a toll that rose)', () => {
  const cite = (quote: string) => [{ source: 'a1', quote }];
  const toll12: Conflict = { topic: 'people killed', kind: 'quantity', claims: [{ value: 12, citations: cite('12 died.') }] };
  const toll15: Conflict = { topic: 'people killed', kind: 'quantity', nature: 'update', claims: [{ value: 12, citations: cite('12 died.') }, { value: 15, citations: cite('15 died.') }] };
  const cause: Conflict = { topic: 'cause', kind: 'claim', claims: [{ value: 'wiring', citations: cite('Wiring.') }, { value: 'arson', citations: cite('Arson.') }] };
  const date: Conflict = { topic: 'reopening', kind: 'date', claims: [{ value: '2025-04-01', citations: cite('April.') }, { value: '2025-05-01', citations: cite('May.') }] };
  const previous = briefing([toll12, cause]);
  const current = briefing([toll15, cause, date]);
  const changes = whatsNew({ since: 3, version: 4, before: BEFORE, added: [], previous, current });
  assert.deepEqual(changes.conflicts.map((c) => c.topic), ['people killed', 'reopening']);
  assert.deepEqual(changes.summary, []);
});

test('precis eval-update: scores update and plain summaries of an invented topic; a bad file is one line, exit 2', () => {
  const dir = tempDir();
  const file = path.join(dir, 'update.jsonl');
  const topic = {
    id: 'T1',
    sets: [
      { name: 'A', articles: BEFORE.map((a) => ({ title: a.title, date: a.published, text: a.text })), summaries: ['A fire gutted a grain warehouse at Corvel docks; two workers were hurt.'] },
      { name: 'B', articles: ADDED.map((a) => ({ title: a.title, date: a.published, text: a.text })), summaries: ['Faulty wiring probably started the fire. Two berths are closed for a week and losses are put at 4 million euros.'] },
    ],
  };
  writeFileSync(file, `${JSON.stringify(topic)}\n`);
  const r = precis(['eval-update', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { topics: number; scores: Record<string, { rouge2: { r: number } }> };
  assert.equal(result.topics, 1);
  assert.deepEqual(Object.keys(result.scores).sort(), ['plain B', 'update B|A']);
  assert.ok(result.scores['update B|A']!.rouge2.r > 0);
  writeFileSync(file, '{"id": "x", "sets": []}\n');
  const bad = precis(['eval-update', file]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^precis: .*update\.jsonl:1: expected .*\n$/);
});

const updateFile = path.join(sharedDir, 'data/duc2007/update.jsonl');
test('DUC 2007 update topics: every system is scored on every topic', (t) => {
  if (!hasData(t, updateFile)) return;
  const topics = readUpdateTopics(updateFile).slice(0, 2);
  const result = evaluateUpdate(topics);
  for (const system of ['update B|A', 'update C|AB', 'plain B', 'plain C']) {
    assert.equal(result.scores[system]!.items, 2, system);
    assert.ok(result.scores[system]!.rouge2.r > 0, system);
  }
});
