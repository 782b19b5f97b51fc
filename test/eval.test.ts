import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { devHalf, evaluate, parseClusterLine, readClusters, type EvalCluster } from '../src/eval/evaluate.js';
import { InputError } from '../src/types.js';
import { fromArticleInput } from '../src/ingest/index.js';
import { precis, tempDir } from './helpers.js';

const storm = [
  'A powerful storm knocked out electricity to 40,000 homes across Harlow County overnight, the utility said on Monday.',
  'Crews from three neighbouring states were sent to repair downed lines, and most customers should have power back by Wednesday.',
  'The county opened two warming shelters at public schools for residents without heat.',
].join('\n\n');
const stormToo = [
  'About 40,000 homes in Harlow County lost power when the storm swept through overnight, according to the utility.',
  'Officials said the warming shelters at two public schools would stay open until power is restored.',
].join('\n\n');

function cluster(id: string, extra: Partial<EvalCluster> = {}): EvalCluster {
  return { id, articles: [{ text: storm }, { text: stormToo }], ...extra };
}

test('evaluate: every summary line is a whole input sentence, within the budget', () => {
  const result = evaluate([cluster('c1'), cluster('c2')], { words: 40 });
  assert.equal(result.items.length, 2);
  assert.equal(result.scores, undefined, 'no references, no scores');
  const input = `${storm}\n\n${stormToo}`;
  for (const item of result.items) {
    assert.ok(item.words <= 40 && item.words > 0, `${item.words} words`);
    for (const line of item.summary.split('\n')) assert.ok(input.includes(line), `"${line}" is verbatim input`);
  }
  assert.ok(result.clustersPerSecond > 0);
});

test('evaluate: scores against references; a summary equal to its reference scores 1', () => {
  const text = 'The museum reopened its east wing on Friday after a two-year renovation costing $40 million.';
  const perfect: EvalCluster = { id: 'p', articles: [{ text }], summaries: [text] };
  const other: EvalCluster = { id: 'o', articles: [{ text }], summaries: ['Completely unrelated words about football tactics and weather.'] };
  const result = evaluate([perfect, other], { words: 100 });
  assert.equal(result.scored, 2);
  assert.equal(result.items[0]!.scores!.rouge1.f, 1);
  assert.equal(result.items[0]!.scores!.rouge2.f, 1);
  assert.ok(result.items[1]!.scores!.rouge1.f < 0.2);
  assert.ok(Math.abs(result.scores!.rouge1.f - (1 + result.items[1]!.scores!.rouge1.f) / 2) < 1e-12, 'corpus figure is the mean');
});

test('evaluate: HTML articles go through extraction; empty articles are skipped', () => {
  const html = `<html><head><title>Storm</title></head><body><nav>Home | World | Sport</nav><article>${storm
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const result = evaluate([{ id: 'h', articles: [{ html }, { text: '   ' }, { text: stormToo }] }], { words: 60 });
  const summary = result.items[0]!.summary;
  assert.ok(summary.length > 0);
  assert.doesNotMatch(summary, /<|>|Home \| World/);
  const empty = evaluate([{ id: 'e', articles: [{ text: ' ' }, { html: '<html><body></body></html>' }], summaries: ['A reference.'] }]);
  assert.equal(empty.items[0]!.summary, '');
  assert.equal(empty.items[0]!.scores!.rouge1.f, 0);
});

test('parseClusterLine: bad lines name the file and line', () => {
  const bad: [string, RegExp][] = [
    ['{"id": "x", "articles": [', /malformed JSON/],
    ['[1, 2]', /expected a cluster object/],
    ['{"id": "x"}', /"articles"/],
    ['{"id": "x", "articles": [{"title": "only a title"}]}', /article 1: needs "text" or "html"/],
    ['{"id": "x", "articles": [{"text": 5}]}', /article 1: "text" must be a string/],
    ['{"id": "x", "articles": [{"text": "t"}], "summaries": [1]}', /"summaries"/],
  ];
  for (const [line, message] of bad) {
    assert.throws(
      () => parseClusterLine(line, 'data.jsonl:7'),
      (err: unknown) => err instanceof InputError && err.input === 'data.jsonl:7' && message.test(err.message),
      line,
    );
  }
  assert.deepEqual(parseClusterLine('{"id": 3, "articles": ["plain text"], "summaries": "ref"}', 'f:1'), {
    id: '3',
    articles: [{ text: 'plain text' }],
    summaries: ['ref'],
  });
});

test('parseClusterLine: an article\'s "date" (newswire collections) is its published date; "published" wins', () => {
  const line = '{"id": "n", "articles": [{"text": "A ferry ran aground.", "date": "2001-03-04 10:00"}, {"text": "Crews freed it.", "date": "2001-03-05", "published": "2001-03-06"}, {"text": "No date."}]}';
  // As the evaluator reads them: through fromArticleInput, as every command does.
  const published = parseClusterLine(line, 'f:1').articles.map((a, i) => fromArticleInput(a, 'f:1', `a${i + 1}`, null).published);
  assert.deepEqual(published, ['2001-03-04', '2001-03-06', null]);
  assert.throws(() => parseClusterLine('{"id": "n", "articles": [{"text": "t", "date": 5}]}', 'f:2'), /article 1: "date" must be a string/);
});

test('readClusters: line numbers count blank lines; duplicate ids and empty files are errors', () => {
  const dir = tempDir();
  const file = path.join(dir, 'c.jsonl');
  writeFileSync(file, `${JSON.stringify(cluster('a'))}\n\n{oops\n`);
  assert.throws(() => readClusters(file), (err: unknown) => err instanceof InputError && err.input === `${file}:3`);
  writeFileSync(file, `${JSON.stringify(cluster('a'))}\n${JSON.stringify(cluster('a'))}\n`);
  assert.throws(() => readClusters(file), /duplicate cluster id "a"/);
  writeFileSync(file, '\n\n');
  assert.throws(() => readClusters(file), /no clusters/);
  assert.throws(() => readClusters(path.join(dir, 'missing.jsonl')), /no such file/);
});

test('precis eval: writes one prediction per cluster and prints ROUGE; bad input exits 2 writing nothing', () => {
  const dir = tempDir();
  const file = path.join(dir, 'clusters.jsonl');
  const out = path.join(dir, 'preds.jsonl');
  const refs = { summaries: ['A storm cut power to 40,000 homes in Harlow County; shelters opened at two schools.'] };
  writeFileSync(file, [cluster('one', refs), cluster('two', refs)].map((c) => JSON.stringify(c)).join('\n') + '\n');
  const ok = precis(['eval', file, '--words', '50', '--out', out]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /ROUGE-1 \d+\.\d\d  ROUGE-2 \d+\.\d\d  ROUGE-Lsum \d+\.\d\d/);
  assert.match(ok.stdout, /clusters\/s/);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; summary: string });
  assert.deepEqual(lines.map((l) => l.id), ['one', 'two']);
  assert.ok(lines.every((l) => l.summary.split(/\s+/).length <= 50));

  const json = precis(['eval', file, '--json', '--out', path.join(dir, 'p2.jsonl')]);
  const figures = JSON.parse(json.stdout) as { scores: { rouge1: { f: number } }; clustersPerSecond: number };
  assert.ok(figures.scores.rouge1.f > 0 && figures.clustersPerSecond > 0);

  writeFileSync(file, `${JSON.stringify(cluster('one'))}\n{"id": "two", "articles": 3}\n`);
  const badOut = path.join(dir, 'bad.jsonl');
  const bad = precis(['eval', file, '--out', badOut]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim(), `precis: ${file}:2: expected "articles": an array of {"text" | "html", "title"?}`);
  assert.equal(existsSync(badOut), false);

  const fromStdin = precis(['eval', '-', '--words', '30'], { input: `${JSON.stringify(cluster('s'))}\n` });
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  assert.equal((JSON.parse(fromStdin.stdout) as { id: string }).id, 's');

  const usage = precis(['eval', file, '--words', 'many']);
  assert.equal(usage.code, 2);
});

test('devHalf: a fixed split of cluster ids into two halves of about equal size', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `cluster-${i}`);
  const a = ids.filter((id) => devHalf(id) === 'A').length;
  assert.ok(a > 150 && a < 250, `${a} of 400 in half A`);
  for (const id of ids.slice(0, 20)) assert.equal(devHalf(id), devHalf(id));
  // The rule is sha256(id)'s second byte: pin two ids so that the split cannot drift.
  assert.deepEqual([devHalf('a'), devHalf('b')], [createHash('sha256').update('a').digest()[1]! % 2 ? 'B' : 'A', createHash('sha256').update('b').digest()[1]! % 2 ? 'B' : 'A']);
});

test('precis eval --half: A and B partition the clusters; any other half exits 2', () => {
  const dir = tempDir();
  const file = path.join(dir, 'clusters.jsonl');
  const ids = Array.from({ length: 8 }, (_, i) => `c${i}`);
  writeFileSync(file, ids.map((id) => JSON.stringify(cluster(id))).join('\n') + '\n');
  const idsOf = (half: string): string[] => {
    const r = precis(['eval', file, '--words', '30', '--half', half]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
  };
  const a = idsOf('A');
  const b = idsOf('b');
  assert.deepEqual([...a, ...b].sort(), [...ids].sort());
  assert.ok(a.every((id) => devHalf(id) === 'A') && b.every((id) => devHalf(id) === 'B'));
  const bad = precis(['eval', file, '--half', 'C']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--half: expected A or B, got "C"/);
});

test('evaluate --undated: the articles\' dates are not read (the newest report no longer opens the summary)', () => {
  const dated = cluster('d', { articles: [{ text: storm, date: '2024-01-02' }, { text: stormToo, published: '2024-01-05' }] });
  const first = (undated: boolean): string => evaluate([dated], { words: 200, undated }).items[0]!.summary.split('\n')[0]!;
  assert.equal(first(false), stormToo.split('\n\n')[0], 'with dates the newest report leads');
  assert.equal(first(true), storm.split('\n\n')[0], 'without, the first article given');
  assert.equal(first(true), evaluate([cluster('d')], { words: 200 }).items[0]!.summary.split('\n')[0]);
});

test('precis eval --peer: scores the given summaries over the same clusters; a cluster without one exits 2', () => {
  const dir = tempDir();
  const file = path.join(dir, 'clusters.jsonl');
  const reference = 'About 40,000 homes in Harlow County lost power in the storm.';
  writeFileSync(file, [cluster('x', { summaries: [reference] }), cluster('y', { summaries: [reference] })].map((c) => JSON.stringify(c)).join('\n') + '\n');
  const peer = path.join(dir, 'peer.jsonl');
  writeFileSync(peer, `${JSON.stringify({ id: 'x', summary: reference })}\n${JSON.stringify({ id: 'y', summary: reference })}\n`);
  const r = precis(['eval', file, '--peer', peer, '--json', '--out', path.join(dir, 'out.jsonl')]);
  assert.equal(r.code, 0, r.stderr);
  const figures = JSON.parse(r.stdout) as { scores: { rouge2: { f: number } } };
  assert.equal(figures.scores.rouge2.f, 1, 'the peer\'s summaries are scored, not the summarizer\'s');
  assert.equal(readFileSync(path.join(dir, 'out.jsonl'), 'utf8').split('\n')[0], JSON.stringify({ id: 'x', summary: reference }));
  writeFileSync(peer, `${JSON.stringify({ id: 'x', summary: reference })}\n`);
  const missing = precis(['eval', file, '--peer', peer]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^precis: .*peer\.jsonl: no summary for cluster y\n$/);
});
