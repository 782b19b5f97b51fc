// Reading a briefing: short source labels on citations, no doubled quotation marks, wrapped
// timeline lines that line up, empty sections said in every format, a header in plain words,
// and a title that does not state a figure the story has moved past.
import test from 'node:test';
import assert from 'node:assert/strict';
import { briefArticles, storyTitle } from '../src/brief/index.js';
import { render } from '../src/render/index.js';
import type { Briefing, BriefingSource } from '../src/types.js';
import { exampleDir, precis } from './helpers.js';

function source(id: string, fields: Partial<BriefingSource> = {}): BriefingSource {
  return { id, title: '', outlet: null, published: null, url: null, path: null, words: 40, removed: [], unique: [], ...fields };
}

function briefing(fields: Partial<Briefing>): Briefing {
  return { version: 1, story: { title: 'Ferry aground at Brisk', from: null, to: null }, sources: [], summary: [], timeline: [], entities: [], conflicts: [], ...fields };
}

const LONG_FIRST_SENTENCE = 'The ferry Marlow ran aground on a sandbank off the harbour wall at Brisk late on Tuesday evening with 212 passengers on board, the coastguard said';

test('a citation is labelled by outlet, else site, else file name, else position; never by a long first sentence', () => {
  const quote = (source: string) => ({ source, quote: `Quoted from ${source}.` });
  const b = briefing({
    sources: [
      source('a', { title: LONG_FIRST_SENTENCE, outlet: 'Coast Daily' }),
      source('b', { title: LONG_FIRST_SENTENCE, url: 'https://www.gazette.example/2024/ferry' }),
      source('c', { title: LONG_FIRST_SENTENCE, path: 'stories/holm-radio.txt' }),
      source('d', { title: LONG_FIRST_SENTENCE }),
    ],
    summary: ['a', 'b', 'c', 'd'].map((id) => ({ text: `Quoted from ${id}.`, citations: [quote(id)] })),
  });
  const labels = ['Coast Daily', 'gazette.example', 'holm-radio.txt', 'Article 4'];
  const md = render(b, 'md');
  const text = render(b, 'text');
  const html = render(b, 'html');
  labels.forEach((label, i) => {
    assert.ok(md.includes(`${i + 1}. ${label} (`), `md: ${label}`);
    assert.ok(text.includes(`[${i + 1}] ${label}: `), `text: ${label}`);
    assert.ok(html.includes(`<span class="attr">${label}</span>`), `html: ${label}`);
  });
  for (const out of [md.split('## Citations')[1]!, text.split('Citations\n')[1]!, html.split('id="notes"')[1]!]) {
    assert.ok(!out.includes('The ferry Marlow ran aground'), 'the first sentence is no label');
  }
});

test('a quote that opens with its own quotation mark gets no second one', () => {
  const said = '"As far as we know, nobody was hurt," the harbour master said.';
  const b = briefing({ sources: [source('a', { outlet: 'Coast Daily' })], summary: [{ text: said, citations: [{ source: 'a', quote: said }] }] });
  const html = render(b, 'html');
  assert.doesNotMatch(html, /“(?:&#34;|&quot;|")/);
  assert.ok(html.includes('<blockquote>&#34;As far as we know'));
  const md = render(b, 'md');
  assert.doesNotMatch(md, /“"/);
  assert.match(md, /: "As far as we know, nobody was hurt," the harbour master said\.$/m);
  assert.doesNotMatch(render(b, 'text'), /""/);
  // A quote without marks of its own is put in curly ones.
  const plain = briefing({ sources: [source('a')], summary: [{ text: 'Nobody was hurt.', citations: [{ source: 'a', quote: 'Nobody was hurt.' }] }] });
  assert.ok(render(plain, 'html').includes('<blockquote>“Nobody was hurt.”</blockquote>'));
});

test('wrapped timeline lines in the text format start in the column of the first line', () => {
  const long = 'The harbour authority said the sandbank had shifted over the winter and that the channel markers would be moved before the summer season began, after a survey of the whole estuary.';
  const b = briefing({
    sources: [source('a')],
    timeline: ['2011', '2011-03', '2011-03-04'].map((date) => ({ date, text: long, citations: [{ source: 'a', quote: long }] })),
  });
  const lines = render(b, 'text').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Timeline')) + 2;
  const block = lines.slice(start, lines.indexOf('', start));
  assert.ok(block.length > 3);
  for (const line of block) {
    assert.ok(line.length <= 78, line);
    if (/^\d{4}/.test(line)) assert.equal(line.indexOf('The harbour'), 12, `first line: ${line}`);
    else assert.match(line, /^ {12}\S/, `continuation: ${line}`);
  }
});

test('a section with nothing in it is said to be empty in Markdown and text, as on the page', () => {
  const b = briefing({ sources: [source('a')] });
  const md = render(b, 'md');
  const text = render(b, 'text');
  const html = render(b, 'html');
  for (const [heading, empty] of [
    ['Timeline', 'No dated events were found.'],
    ['People, organisations and places', 'No people, organisations or places were recognised.'],
    ['Where sources disagree', 'One source only: there was nothing to compare across sources.'],
  ]) {
    assert.ok(md.includes(`## ${heading}\n\n_${empty}_`), `md: ${heading}`);
    assert.ok(text.includes(`${heading}\n${'='.repeat(heading!.length)}\n${empty}`), `text: ${heading}`);
    assert.ok(html.includes(empty!), `html: ${heading}`);
  }
});

test('the page header says how many articles and from whom in plain words', () => {
  const two = briefing({ sources: [source('a', { outlet: 'Coast Daily' }), source('b', { url: 'https://holmradio.example/x' })] });
  assert.match(render(two, 'html'), /<p class="kicker">Briefing · 2 articles from Coast Daily and holmradio\.example · /);
  const unknown = briefing({ sources: [source('a', { outlet: 'Coast Daily' }), source('b')] });
  assert.match(render(unknown, 'html'), /<p class="kicker">Briefing · 2 articles · /);
  const example = precis(['brief', exampleDir, '--format', 'html']);
  assert.doesNotMatch(example.stdout, /named outlet/i);
});

test('the story title does not state a figure that newer reports have superseded', () => {
  const result = briefArticles([
    { title: 'Two dead as fire guts mill in Orrin', published: '2024-05-02', outlet: 'Orrin Gazette', text: 'Two workers were killed when a fire gutted the old grain mill in Orrin on Wednesday, the fire service said.\n\nCrews fought the blaze for six hours. The mill had been empty for a year, its owner said.\n\nThe cause of the fire is not yet known.' },
    { title: 'Investigators search ruins', published: '2024-05-03', outlet: 'Valley Post', text: 'Investigators searched the ruins of the Orrin grain mill on Thursday, a day after a fire that killed two workers.\n\nThe fire service said crews had fought the blaze for six hours.\n\nThe owner said the mill had been empty for a year.' },
    { title: 'Hospital confirms another death', published: '2024-05-09', outlet: 'Orrin Gazette', text: 'A third worker has died of injuries from the fire at the Orrin grain mill, bringing the death toll to three, the hospital said on Wednesday.\n\nThree workers were killed in the fire, the fire service now says.\n\nInvestigators are still searching the ruins.' },
  ]);
  const update = result.briefing.conflicts.find((c) => c.nature === 'update' && c.kind === 'quantity');
  assert.deepEqual(update?.claims.map((c) => c.value), ['2', '3'], 'the toll is an update from two to three');
  assert.equal(storyTitle(result.docs), 'Two dead as fire guts mill in Orrin', 'without the newer facts, the first headline would win');
  assert.doesNotMatch(result.briefing.story.title, /\btwo\b|\b2\b/i);

  const example = JSON.parse(precis(['brief', exampleDir, '--format', 'json']).stdout) as Briefing;
  assert.doesNotMatch(example.story.title, /^Two dead/);
});

test('a briefing of undated articles says that their relative dates could not be placed, in every format', () => {
  const b = briefing({ sources: [source('a'), source('b', { published: '2024-03-05' })] });
  const note = '1 article has no date of its own: only the absolute dates it gives are used, relative ones ("on Tuesday") could not be resolved.';
  assert.ok(render(b, 'md').includes(`_${note}_`));
  assert.ok(render(b, 'text').replace(/\s+/g, ' ').includes(note));
  assert.ok(render(b, 'html').includes(note.replace(/"/g, '&#34;')));
  const dated = briefing({ sources: [source('b', { published: '2024-03-05' })] });
  assert.doesNotMatch(render(dated, 'md'), /no date of its own/);
});
