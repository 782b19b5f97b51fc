import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standsAlone } from '../src/summarize/index.js';
import { tokenize } from '../src/text/index.js';
import path from 'node:path';
import { brief } from '../src/brief/index.js';
import { shownAlone } from '../src/text/standalone.js';
import { hasData, sharedDir } from './helpers.js';

const s = (text: string) => ({ text, tokens: tokenize(text) });

test('standsAlone: captions, credits, datelines and glued headings never stand alone', () => {
  assert.equal(standsAlone(s('Jane Roe / Invented Agency file')), false);
  assert.equal(standsAlone(s('LAKEVILLE/RIVERTON, Nordland Search teams reached the village on Friday.')), false);
  assert.equal(standsAlone(s('PORTVILLE, Maine (AP) _ Harbor pilots voted to end the strike.')), false);
  assert.equal(standsAlone(s('The envoys met in Lakeville with Andersen, VollmerThe country has been at odds with both.')), false);
  assert.equal(standsAlone(s('Jane Roe / Invented Agency file'), true), false);
});

test('standsAlone: a sentence leaning on the one before stands only after it', () => {
  for (const t of ['And we did not see this commitment from the council.', 'He said the port would open on Monday.', 'This time, the evidence comes from a survey of pilots.']) {
    assert.equal(standsAlone(s(t)), false, t);
    assert.equal(standsAlone(s(t), true), true, t);
  }
  assert.equal(standsAlone(s('Harbor pilots in Portville voted to end a two-week strike on Thursday.')), true);
  assert.equal(standsAlone(s('"We got what we came for," said Dana Kettle, the union president.')), true);
});

test('isPageDebris: a credit, a dateline or a glued heading, not a headline', async () => {
  const { isPageDebris } = await import('../src/summarize/index.js');
  assert.equal(isPageDebris('Jane Roe / Invented Agency file'), true);
  assert.equal(isPageDebris('Harbor Pilots End Two-Week Strike in Portville'), false);
  assert.equal(isPageDebris('The envoys met with Andersen, VollmerThe country has been at odds with both.'), true);
});

test('standsAlone: "the former" alone points back; "the former mayor" names someone', () => {
  assert.equal(standsAlone(s('The former said the port would open on Monday.')), false);
  assert.equal(standsAlone(s('The former mayor died on Friday at her home in Velmar.')), true);
});

test('standsAlone: a definite subject placed in time against another event points back to it', () => {
  for (const t of ['The talks came after the fourth round of harbour talks ended without a deal.', 'The new diplomatic push comes as the pilots return to work.', 'The decision follows a week of protests at the quay.']) {
    assert.equal(standsAlone(s(t)), false, t);
    assert.equal(standsAlone(s(t), true), true, t);
  }
  assert.equal(standsAlone(s('The old instruments came to life in the hands of the harbour band.')), true);
  assert.equal(standsAlone(s('The mayor said the strike came after years of neglect at the port.')), true);
});

test('the seed cluster: every sentence the briefing shows alone stands alone (summary, timeline, only-this-source lists)', async (t) => {
  const seeds = path.join(sharedDir, 'seeds');
  if (!hasData(t, seeds)) return;
  const { briefing, docs } = await brief([seeds]);
  const sentenceOf = new Map(docs.flatMap((d) => d.sentences.map((x) => [`${x.source}\u0000${x.text}`, x] as const)));
  const alone = new Map(docs.flatMap((d) => {
    const flags = shownAlone(d.sentences);
    return d.sentences.map((x) => [x, flags[x.index]!] as const);
  }));
  const check = (source: string, quote: string, where: string) => {
    const s = sentenceOf.get(`${source}\u0000${quote}`);
    assert.ok(s, `${where}: quote is a sentence of ${source}`);
    assert.ok(alone.get(s), `${where}: "${quote}" does not stand alone`);
  };
  // Summary sentences may lean on the one before them only when it comes right before them.
  briefing.summary.forEach((item, i) => {
    const c = item.citations[0]!;
    const s = sentenceOf.get(`${c.source}\u0000${c.quote}`);
    const prev = briefing.summary[i - 1]?.citations[0];
    const follows = !!s && !!prev && prev.source === c.source && sentenceOf.get(`${prev.source}\u0000${prev.quote}`)?.index === s.index - 1;
    if (!follows) check(c.source, c.quote, 'summary');
  });
  for (const item of briefing.timeline) {
    // An item that brings the sentence it leans on cites that one first.
    const [first] = item.citations;
    if (item.citations.length >= 2 && item.citations[1]!.source === first!.source && item.text.startsWith(first!.quote.trim())) check(first!.source, first!.quote, 'timeline');
    else for (const c of item.citations) check(c.source, c.quote, 'timeline');
  }
  for (const s of briefing.sources) for (const c of s.unique ?? []) check(c.source, c.quote, 'only this source');
});
