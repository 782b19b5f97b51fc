import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadExceptions,
  WORDNET_20_EXCEPTIONS,
  prepare155,
  readSeeSummary,
  rouge,
  rouge155,
  round5,
  rougeRs,
  rougeRsCorpus,
  rsSentences,
  rsTokenize,
  type Rouge155Options,
} from '../src/eval/rouge.js';
import { InputError } from '../src/types.js';
import { hasData, sharedDir } from './helpers.js';

const ducDir = path.join(sharedDir, 'data/rouge-duc2004');
const multinewsDir = path.join(sharedDir, 'data/multinews');

// ---------- small cases worked out by hand ----------

test('rs: tokens are lower-case a-z0-9 runs, stems only past 3 letters', () => {
  assert.deepEqual(rsTokenize("The U.S. army's 2 jets were flying—fast!"), ['the', 'u', 's', 'armi', 's', '2', 'jet', 'were', 'fly', 'fast']);
  assert.deepEqual(rsTokenize('Ran was running', { stem: false }), ['ran', 'was', 'running']);
});

test('rs: rougeLsum sentences end at newlines or at . ! ? before whitespace', () => {
  assert.deepEqual(rsSentences('One. Two!\nThree? 3.5 stays'), ['One.', 'Two!', 'Three?', '3.5 stays']);
  assert.deepEqual(rsSentences('One. Two', 'newline'), ['One. Two']);
});

test('rs: ROUGE-1, ROUGE-2 and rougeLsum of a small pair', () => {
  const s = rougeRs('the cat sat', ['the cat sat on the mat']);
  assert.equal(s.rouge1.p, 1);
  assert.equal(s.rouge1.r, 3 / 6);
  assert.equal(s.rouge2.r, 2 / 5);
  assert.ok(Math.abs(s.rouge1.f - (2 * 0.5) / 1.5) < 1e-12);
  assert.equal(s.rougeLsum.r, 3 / 6);
  // Union LCS over two reference sentences, each token counted once.
  const lsum = rougeRs('a b c d', ['a b. c d. a b'], { stem: false }).rougeLsum;
  assert.equal(lsum.p, 4 / 4);
  assert.equal(lsum.r, 4 / 6);
});

test('rs: several references take, per metric, the one with the best F', () => {
  const s = rougeRs('the cat sat', ['a dog ran far away', 'the cat sat down']);
  assert.equal(s.rouge1.r, 3 / 4);
  assert.equal(s.rouge2.r, 2 / 3);
  assert.throws(() => rougeRs('x', []));
});

test('155: printf rounding sends exact ties to even, unlike toFixed', () => {
  assert.equal(round5(1 / 64), 0.01562); // 0.015625 exactly
  assert.equal(round5(3 / 64), 0.04688); // 0.046875 exactly
  assert.equal(round5(0.123456), 0.12346);
  assert.equal(round5(2 / 3), 0.66667);
  assert.equal(round5(1), 1);
});

test('155: -l counts whitespace words before punctuation goes, a leading blank counts as one', () => {
  const p = prepare155(['Hello, world-wide web.', 'Second sentence here.'], { words: 4 });
  assert.deepEqual(p.sentences, [['hello', 'world', 'wide', 'web'], ['second']]);
  const blank = prepare155([' A b', 'c d'], { words: 3 });
  assert.deepEqual(blank.tokens, ['a', 'b']);
  // Only A-Z is lower-cased.
  assert.deepEqual(prepare155(['ÉCOLE Libre']).tokens, ['cole', 'libre']);
});

test('155: ROUGE-N pools the models under -f A and keeps the best under -f B', () => {
  const models = [['the cat sat on the mat'], ['a dog sat']];
  const a = rouge155(['the cat sat'], models, { metrics: ['1'] });
  // hits 3 + 1 over 6 + 3 model tokens; precision over 3 x 2 peer tokens
  assert.deepEqual(a.rouge1, { r: round5(4 / 9), p: round5(4 / 6), f: round5((round5(4 / 6) * round5(4 / 9)) / (0.5 * round5(4 / 6) + 0.5 * round5(4 / 9))) });
  const b = rouge155(['the cat sat'], models, { metrics: ['1'], formula: 'B' });
  assert.equal(b.rouge1.r, 0.5);
  assert.equal(b.rouge1.p, 1);
  const recallHeavy = rouge155(['the cat sat'], models, { metrics: ['1'], alpha: 0 });
  assert.equal(recallHeavy.rouge1.f, recallHeavy.rouge1.r);
});

test('155: SU4 counts skip bigrams up to 4 words apart plus every unigram but the last', () => {
  const s = rouge155(['a b c d e f g'], [['a b c d e f g']], { metrics: ['SU4'] });
  // 7 tokens: 5+5+4+3+2+1 = 20 skip bigrams with gap <= 4, plus 6 unigrams
  assert.equal(s.rougeSU4.r, 1);
  const half = rouge155(['a b'], [['a b c']], { metrics: ['SU4'] });
  // model: (a b)(a c)(b c) + a, b = 5; peer: (a b) + a = 2, both hit
  assert.equal(half.rougeSU4.r, round5(2 / 5));
  assert.equal(half.rougeSU4.p, 1);
});

test('155: unknown metrics and bad alpha are input errors', () => {
  assert.throws(() => rouge155(['a'], [['a']], { metrics: ['Q'] }), InputError);
  assert.throws(() => rouge155(['a'], [['a']], { alpha: 2 }), InputError);
  assert.throws(() => rouge([{ id: 'x', prediction: 'a', references: [] }]), /no reference/);
});

test('155: SEE summaries give their sentences in order', () => {
  const html = '<html><body>\n<a name="1">[1]</a> <a href="#1" id=1>First one.</a>\n<a name="2">[2]</a> <a href="#2" id=2>Second.</a>\n</body></html>';
  assert.deepEqual(readSeeSummary(html), ['First one.', 'Second.']);
});

test('rouge: corpus figures are the mean of the items, in either style', () => {
  const items = [
    { id: 'x', prediction: 'the cat sat on the mat', references: ['the cat sat on the mat'] },
    { id: 'y', prediction: 'a dog', references: ['the cat sat'] },
  ];
  const r155 = rouge(items, { metrics: ['1', 'L'] });
  assert.deepEqual(Object.keys(r155.scores), ['rouge1', 'rougeL']);
  assert.deepEqual(r155.items.x.rouge1, { r: 1, p: 1, f: 1 });
  assert.deepEqual(r155.items.y.rouge1, { r: 0, p: 0, f: 0 });
  assert.equal(r155.scores.rouge1.r, 0.5);
  const rs = rouge(items, { style: 'rs', metrics: ['1', '2', 'L'] });
  assert.deepEqual(Object.keys(rs.scores), ['rouge1', 'rouge2', 'rougeLsum']);
  assert.equal(rs.scores.rougeLsum.f, 0.5);
  assert.throws(() => rouge(items, { style: 'rs', metrics: ['SU4'] }), InputError);
});

// ---------- DUC 2004: every per-topic line of ROUGE-1.5.5's own output ----------

interface DucEval {
  id: string;
  models: string[];
  peers: [string, string][];
}

function readDucConfig(): DucEval[] {
  const xml = readFileSync(path.join(ducDir, 'rouge.xml'), 'utf8');
  const evals: DucEval[] = [];
  for (const m of xml.matchAll(/<EVAL ID="([^"]+)">([\s\S]*?)<\/EVAL>/g)) {
    evals.push({
      id: m[1],
      models: [...m[2].matchAll(/<M ID="[^"]+">([^<]+)<\/M>/g)].map((x) => x[1].trim()),
      peers: [...m[2].matchAll(/<P ID="([^"]+)">([^<]+)<\/P>/g)].map((x) => [x[1], x[2].trim()] as [string, string]),
    });
  }
  return evals;
}

function readExpected(file: string): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  for (const line of readFileSync(path.join(ducDir, file), 'utf8').split('\n')) {
    const m = /^\S+ ROUGE-(\S+) Eval (\S+) R:(\S+) P:(\S+) F:(\S+)/.exec(line);
    if (m) expected.set(`${m[2]} ${m[1]}`, [Number(m[3]), Number(m[4]), Number(m[5])]);
  }
  return expected;
}

const exceptionsPath = path.join(ducDir, 'wordnet-2.0-exceptions.tsv');
const ducRuns: [string, Rouge155Options][] = [
  // No exceptions option: the shipped WordNet 2.0 list is applied with stemming, as -m does.
  ['expected.n4-stem-l100.res', { metrics: ['1', '2', '3', '4'], stem: true, words: 100 }],
  ['expected.n2-L-SU4-stem-l100.res', { metrics: ['1', '2', 'L', 'SU4'], stem: true, words: 100 }],
  ['expected.n2-nostem-l100.res', { metrics: ['1', '2', 'L'], stem: false, words: 100 }],
];

for (const [file, options] of ducRuns) {
  test(`155: DUC 2004 per-topic R, P, F of ${file} (13 systems x 50 topics)`, (t) => {
  if (!hasData(t, ducDir)) return;
    const expected = readExpected(file);
    const evals = readDucConfig();
    const see = (dir: string, name: string) => readSeeSummary(readFileSync(path.join(ducDir, dir, name), 'utf8'));
    let compared = 0;
    let differing = 0;
    let worst = 0;
    for (const ev of evals) {
      const models = ev.models.map((name) => see('models', name));
      for (const [peerId, peerFile] of ev.peers) {
        const scores = rouge155(see('peers', peerFile), models, options);
        for (const metric of options.metrics!) {
          const want = expected.get(`${ev.id}.${peerId} ${metric}`);
          assert.ok(want, `${file} has a line for ${ev.id}.${peerId} ROUGE-${metric}`);
          const got = scores[`rouge${metric}`];
          const diff = Math.max(Math.abs(got.r - want[0]), Math.abs(got.p - want[1]), Math.abs(got.f - want[2]));
          compared++;
          if (diff > 5e-7) {
            differing++;
            worst = Math.max(worst, diff);
          }
        }
      }
    }
    console.log(`${file}: ${compared} lines, ${differing} differ in the 5th decimal (largest difference ${worst.toFixed(5)})`);
    assert.equal(compared, expected.size, 'every per-topic line was compared');
    assert.ok(differing <= compared * 0.01, `${differing} of ${compared} lines differ`);
    assert.ok(worst <= 0.002, `largest difference ${worst}`);
  });
}

test('155: the exception list is read from a path and checked', (t) => {
  if (!hasData(t, ducDir)) return;
  const map = loadExceptions(exceptionsPath);
  assert.ok(map.size > 1000);
  assert.throws(() => loadExceptions(path.join(ducDir, 'no-such-file.tsv')), InputError);
});

test('155: the shipped WordNet 2.0 list equals the one ROUGE-1.5.5 ships', (t) => {
  if (!hasData(t, ducDir)) return;
  const shipped = loadExceptions(WORDNET_20_EXCEPTIONS);
  const reference = loadExceptions(exceptionsPath);
  assert.equal(shipped.size, reference.size);
  for (const [k, v] of reference) assert.equal(shipped.get(k), v, k);
});

// Multi-News dev: ROUGE-1.5.5's own per-item output on real text, reproduced with --stem alone.
const mn155Dir = path.join(multinewsDir, 'rouge-1.5.5');
for (const peer of ['lead-250', 'llama2-7b-chat-4k']) {
  for (const [run, metrics] of [['n2-stem-l250', ['1', '2', 'L']], ['n2-L-SU4-stem-l250', ['1', '2', 'L', 'SU4']]] as const) {
    test(`155: Multi-News dev ${peer} ${run}: every per-item line, no exception list given`, (t) => {
  if (!hasData(t, mn155Dir)) return;
      const expected = new Map<string, number[]>();
      for (const line of readFileSync(path.join(mn155Dir, `expected.dev.${peer}.${run}.res`), 'utf8').split('\n')) {
        const m = /^\S+ ROUGE-(\S+) Eval (\S+) R:(\S+) P:(\S+) F:(\S+)/.exec(line);
        if (m) expected.set(`${m[2]} ${m[1]}`, [Number(m[3]), Number(m[4]), Number(m[5])]);
      }
      const spl = (s: string) => s.split('\n').filter((l) => l.length > 0);
      const refs = new Map<string, string[]>();
      for (const line of readFileSync(path.join(multinewsDir, 'dev.jsonl'), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const o = JSON.parse(line) as { id: string; summaries: string[] };
        refs.set(String(o.id), o.summaries);
      }
      let compared = 0;
      const differing: string[] = [];
      for (const line of readFileSync(path.join(multinewsDir, `dev.${peer}.jsonl`), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const o = JSON.parse(line) as { id: string; summary: string };
        const id = String(o.id);
        const scores = rouge155(spl(o.summary), refs.get(id)!.map(spl), { metrics: [...metrics], stem: true, words: 250 });
        for (const metric of metrics) {
          const want = expected.get(`${id}.${peer} ${metric}`);
          assert.ok(want, `a line for ${id} ROUGE-${metric}`);
          const got = scores[`rouge${metric}`];
          compared++;
          if (Math.max(Math.abs(got.r - want[0]), Math.abs(got.p - want[1]), Math.abs(got.f - want[2])) > 5e-7) differing.push(`${id} ${metric}`);
        }
      }
      assert.equal(compared, expected.size);
      assert.deepEqual(differing, []);
    });
  }
}

// ---------- Multi-News: the README's reference figures, rs style ----------

test('rs: Multi-News dev reproduces the README table (R-1, R-2, R-Lsum x100, 4 peers) to the hundredth', (t) => {
  if (!hasData(t, multinewsDir)) return;
  const readme = readFileSync(path.join(multinewsDir, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| ([a-z0-9.-]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| \d+ \|$/gm)];
  assert.equal(rows.length, 4, 'four peer rows in the README table');
  const references = new Map<string, string[]>();
  for (const line of readFileSync(path.join(multinewsDir, 'dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; summaries: string[] };
    references.set(o.id, o.summaries);
  }
  for (const [, system, r1, r2, rl] of rows) {
    const items = readFileSync(path.join(multinewsDir, `dev.${system}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; summary: string })
      .map((o) => ({ prediction: o.summary, references: references.get(o.id)! }));
    assert.equal(items.length, references.size);
    const s = rougeRsCorpus(items);
    const got = [s.rouge1.f, s.rouge2.f, s.rougeLsum.f].map((f) => (f * 100).toFixed(2));
    console.log(`${system}: R-1 ${got[0]} R-2 ${got[1]} R-Lsum ${got[2]} (README ${r1} ${r2} ${rl})`);
    assert.deepEqual(got, [r1, r2, rl], system);
  }
});

test('155 -s: stop words are dropped before stemming and counting', () => {
  const plain = prepare155(['The ministers said that they were leaving in Jan.'], { stem: true });
  const stopped = prepare155(['The ministers said that they were leaving in Jan.'], { stem: true, stopwords: true });
  assert.deepEqual(plain.tokens, ['the', 'minist', 'say', 'that', 'thei', 'be', 'leav', 'in', 'jan']);
  assert.deepEqual(stopped.tokens, ['minist', 'leav']);
  const s = rouge155(['Ministers said the vote was over.'], [['The ministers said nothing.']], { metrics: ['1'], stopwords: true });
  // peer: ministers vote; model: ministers -> 1 hit of 1 model token, 2 peer tokens.
  assert.equal(s.rouge1.r, 1);
  assert.equal(s.rouge1.p, 0.5);
});
