import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimText, differ, findFigures } from '../src/analyze/figures/index.js';

const one = (text: string) => {
  const f = findFigures(text);
  assert.equal(f.length, 1, `one figure in: ${text} (got ${f.map((x) => x.text).join(', ')})`);
  return f[0];
};

test('qualifiers become intervals', () => {
  const more = one('Russia has invited more than 1,500 delegates.');
  assert.equal(more.text, 'more than 1,500');
  assert.deepEqual([more.value, more.low, more.high, more.qualifier], [1500, 1500, Infinity, 'more']);
  const some = one('Some 1,600 delegates have been invited.');
  assert.equal(some.qualifier, 'approximate');
  assert.ok(some.low < 1600 && some.high > 1600);
  const less = one('fewer than 40 people');
  assert.deepEqual([less.low, less.high], [0, 40]);
});

test('vague plurals, scales, money and percentages', () => {
  const vague = one('a war in which hundreds of thousands have been killed');
  assert.equal(vague.specific, false);
  assert.deepEqual([vague.low, vague.high], [200_000, 999_000]);
  assert.equal(one('driven 11 million from their homes').value, 11_000_000);
  const money = one('a bid of $2.5 billion for the company');
  assert.deepEqual([money.unit, money.currency, money.value], ['money', '$', 2_500_000_000]);
  assert.equal(one('a rise of 7.5 percent').unit, 'percent');
  assert.equal(one('Twenty-five boats').value, 25);
});

test('numbers that are not quantities are skipped', () => {
  for (const text of [
    'The congress meets on Jan. 29-30.',
    'The war began in 2011.',
    'It opens on November 28.',
    'a two-day conference',
    'under Resolution 2224 of the council',
    'at 10:30 in the morning',
    'the 29th of the month',
  ]) {
    assert.deepEqual(findFigures(text).map((f) => f.text), [], text);
  }
});

test('differ: stated numbers beyond rounding, vague figures only when incompatible', () => {
  const [a] = findFigures('more than 1,500');
  const [b] = findFigures('some 1,600');
  const [c] = findFigures('about 1,520');
  const [v] = findFigures('hundreds of thousands');
  const [w] = findFigures('more than 340,000');
  const [x] = findFigures('3,000');
  assert.equal(differ(a, b), true);
  assert.equal(differ(a, c), false, 'within rounding');
  assert.equal(differ(v, w), false, 'vague and compatible');
  assert.equal(differ(v, x), true, 'vague and incompatible');
  const [p] = findFigures('212');
  const [q] = findFigures('221');
  assert.equal(differ(p, q), true, 'unrounded exact counts');
});

test('claim text states numbers in digits and keeps the qualifier', () => {
  assert.equal(claimText(one('Two workers were killed')), '2');
  assert.equal(claimText(one('some forty-five ships')), 'some 45');
  assert.equal(claimText(one('more than 1,500 delegates')), 'more than 1,500');
  assert.equal(claimText(one('hundreds of thousands of people')), 'hundreds of thousands');
});

test('fractions, ranges, names and rounding', () => {
  assert.deepEqual(findFigures('Nearly one quarter of the population fled.').map((f) => f.text), []);
  assert.deepEqual(findFigures('stone brought from 15 to 30 miles away').map((f) => f.text), []);
  assert.deepEqual(findFigures('between 25 and 50 kilometres').map((f) => f.text), []);
  assert.deepEqual(findFigures('Seven out of ten agree, one in four disagree and 3 in 10 did not answer.').map((f) => f.text), [], 'proportions');
  assert.deepEqual(findFigures('They are not the "Humboldt Five" of the show.').map((f) => f.text), []);
  const [a] = findFigures('14,302 ballots');
  const [b] = findFigures('14,000 ballots');
  const [c] = findFigures('2.3 billion');
  const [d] = findFigures('2.4 billion');
  const [e] = findFigures('under 10 radii');
  const [f] = findFigures('9 radii');
  assert.equal(differ(a, b), false, 'one is the other rounded');
  assert.equal(differ(c, d), true, 'different statements at two significant digits');
  assert.equal(differ(e, f), false, 'a bound holding the number');
});

test('numbers written in words are read whole', () => {
  const one = (t: string) => findFigures(t).map((f) => [f.text, f.value, f.specific]);
  assert.deepEqual(one('Two dozen people were hurt.'), [['Two dozen', 24, true]]);
  assert.deepEqual(one('Half a dozen boats sank.'), [['Half a dozen', 6, true]]);
  assert.deepEqual(one('More than a hundred people came.'), [['More than a hundred', 100, true]]);
  assert.deepEqual(one('Half a million people fled.'), [['Half a million', 500000, true]]);
  assert.deepEqual(one('One hundred and twenty people were rescued.'), [['One hundred and twenty', 120, true]]);
  assert.deepEqual(one('Several hundred people marched.'), [['Several hundred', 300, false]]);
  assert.deepEqual(findFigures('A few hundred people marched.').map((f) => [f.low, f.high]), [[200, 999]]);
  // A fraction of a number is not that number.
  assert.deepEqual(one('A quarter of a million people fled.'), []);
});
