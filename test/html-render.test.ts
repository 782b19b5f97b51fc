import { rankActors } from '../src/render/actors.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { renderHtml, safeHttpUrl, formatDate, escapeHtml, HTML_CONTENT_SECURITY_POLICY, HTML_CONTENT_SECURITY_POLICY_WITH_FORM } from '../src/render/html.js';
import type { Briefing, Citation } from '../src/types.js';
import { brief } from '../src/brief/index.js';
import { exampleDir } from './helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/server/briefing.json', import.meta.url));
const loadBriefing = (): Briefing => JSON.parse(readFileSync(fixture, 'utf8')) as Briefing;

const HOSTILE = {
  script: '<script>window.pwned = 1</script>',
  img: '<img src=x onerror="window.pwned = 2">',
  textarea: '</textarea><script>window.pwned = 3</script>',
  jsUrl: 'javascript:window.pwned=4',
  attr: '" onmouseover="window.pwned = 5',
};

function hostileBriefing(): Briefing {
  const b = loadBriefing();
  b.story.title = `Title ${HOSTILE.script}`;
  b.sources[0].title = `Headline ${HOSTILE.img}`;
  b.sources[0].outlet = `Outlet ${HOSTILE.attr}`;
  b.sources[0].url = HOSTILE.jsUrl;
  b.sources[0].removed.push({ reason: `comment ${HOSTILE.textarea}`, text: HOSTILE.textarea });
  b.sources[1].url = `  JAVASCRIPT:window.pwned=6`;
  b.summary[0].text = `Lead ${HOSTILE.img}`;
  b.summary[0].citations[0].quote = `Quote ${HOSTILE.script} ${HOSTILE.attr}`;
  b.entities[0].name = `Name ${HOSTILE.img}`;
  b.entities[0].aliases = [HOSTILE.textarea];
  b.conflicts[0].topic = HOSTILE.script;
  b.conflicts[0].claims[0].value = HOSTILE.img;
  b.timeline[0].text = HOSTILE.textarea;
  return b;
}

test('the page shows the title, the date span, the summary and its numbered citations', () => {
  const html = renderHtml(loadBriefing());
  const { document } = parseHTML(html);
  assert.equal(document.querySelector('h1')?.textContent, 'Russia and Turkey discuss the Sochi congress on Syria');
  assert.equal(document.querySelector('title')?.textContent, 'Russia and Turkey discuss the Sochi congress on Syria');
  assert.match(document.querySelector('.span')?.textContent ?? '', /27 Jan 2018 – 30 Jan 2018/);
  const marks = [...document.querySelectorAll('#summary .cite')].map((a) => a.textContent);
  assert.deepEqual(marks, ['1', '2', '3']);
  const firstTip = document.querySelector('#summary .tip');
  assert.match(firstTip?.textContent ?? '', /Sergei Lavrov discussed preparations/);
  assert.match(firstTip?.textContent ?? '', /APD News, 28 Jan 2018/);
  // A source without an outlet is named by its site; an undated one gets no date.
  const wireTip = document.querySelectorAll('#summary .tip')[2];
  assert.match(wireTip.textContent ?? '', /wire\.example\.com$/);
});

test('one quoted sentence keeps one number across summary, timeline and notes', () => {
  const { document } = parseHTML(renderHtml(loadBriefing()));
  // The opposition quote is note 2 in the summary and is cited again in the timeline.
  const timelineMarks = [...document.querySelectorAll('#timeline .cite')].map((a) => a.textContent);
  assert.deepEqual(timelineMarks, ['2', '4']);
  const notes = [...document.querySelectorAll('.notes li')];
  assert.equal(notes.length, new Set(notes.map((n) => n.textContent)).size, 'no quote is listed twice');
  assert.equal(notes[1].id, 'note-2');
  assert.match(notes[1].textContent ?? '', /Syrian opposition said they will not attend/);
  for (const a of document.querySelectorAll('.cite')) {
    const target = a.getAttribute('href')!.slice(1);
    assert.ok(document.getElementById(target), `${target} exists`);
    const tip = document.getElementById(a.getAttribute('aria-describedby')!);
    assert.equal(tip?.getAttribute('role'), 'tooltip');
  }
});

test('timeline, actors, conflicts side by side, and a card per source', () => {
  const { document } = parseHTML(renderHtml(loadBriefing()));
  const dates = [...document.querySelectorAll('#timeline time')].map((t) => t.getAttribute('datetime'));
  assert.deepEqual(dates, ['2018-01-27', '2018-01-29']);
  const actors = document.querySelector('#actors')!.textContent!;
  assert.match(actors, /Sergei Lavrov/);
  assert.match(actors, /also Lavrov/);
  assert.match(actors, /5 mentions · 2 of 2 sources/);
  const claims = [...document.querySelectorAll('#conflicts .claim .value')].map((v) => v.textContent);
  assert.deepEqual(claims, ['11 million', '12 million']);
  const cards = [...document.querySelectorAll('#sources .card')];
  assert.equal(cards.length, 2);
  assert.match(cards[0].textContent!, /412 words kept/);
  assert.match(cards[0].textContent!, /Cleaning removed 2 passages: 1 photo caption, 1 section heading/);
  assert.match(cards[0].textContent!, /Only this source reports/);
  assert.match(cards[0].textContent!, /special envoy for Syria/);
  assert.match(cards[1].textContent!, /undated/);
  assert.match(cards[1].textContent!, /Cleaning removed nothing/);
  assert.equal(cards[0].querySelector('h3 a')?.getAttribute('href'), 'https://example.org/apd/sochi');
});

test('empty sections say so instead of vanishing', () => {
  const b = loadBriefing();
  b.timeline = [];
  b.conflicts = [];
  b.entities = [];
  b.story.from = null;
  b.story.to = null;
  const { document } = parseHTML(renderHtml(b));
  assert.match(document.querySelector('#timeline')!.textContent!, /No dated events/);
  const none = document.querySelector('#conflicts')!.textContent!;
  assert.doesNotMatch(none, /do not contradict/);
  assert.match(none, b.sources.length > 1 ? new RegExp(`between the ${b.sources.length} sources`) : /One source only/);
  assert.match(document.querySelector('#actors')!.textContent!, /No people/);
  assert.equal(document.querySelector('.span'), null);
  b.sources = b.sources.slice(0, 1);
  const single = parseHTML(renderHtml(b)).document.querySelector('#conflicts')!.textContent!;
  assert.match(single, /nothing to compare/);
});

test('the page is self-contained: nothing is fetched from anywhere', () => {
  const html = renderHtml(loadBriefing());
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('[src], link, iframe, object, embed, img, video, audio, source').length, 0);
  const style = document.querySelector('style')!.textContent!;
  assert.doesNotMatch(style, /url\(|@import/);
  assert.equal(document.querySelectorAll('script').length, 1);
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    assert.ok(href.startsWith('#') || /^https?:\/\//.test(href), `unexpected link ${href}`);
  }
});

test('the Content-Security-Policy allows exactly the inline style and script, and no network', () => {
  const html = renderHtml(loadBriefing());
  const { document } = parseHTML(html);
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  // Hash the raw text between the tags, as a browser does.
  const rawScript = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const rawStyle = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
  assert.match(meta, /default-src 'none'/);
  assert.ok(meta.includes(`script-src ${hash(rawScript)}`));
  assert.ok(meta.includes(`style-src ${hash(rawStyle)}`));
  assert.ok(HTML_CONTENT_SECURITY_POLICY.startsWith(meta));
  assert.match(HTML_CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
});

test('everything from an article is escaped and javascript: URLs are never linked', () => {
  const html = renderHtml(hostileBriefing());
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('script').length, 1, 'only the page’s own script');
  assert.equal(document.querySelectorAll('img, textarea').length, 0);
  for (const el of document.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) assert.ok(!name.startsWith('on'), `${el.tagName} has ${name}`);
  }
  assert.doesNotMatch(html, /javascript:/i);
  assert.equal(document.querySelector('h1')?.textContent, `Title ${HOSTILE.script}`);
  const card = document.querySelector('#sources .card')!;
  assert.equal(card.querySelector('h3 a'), null, 'a javascript: URL is not a link');
  assert.equal(card.querySelector('h3')!.textContent, `Headline ${HOSTILE.img}`);
  assert.ok(card.textContent!.includes(HOSTILE.textarea));
  assert.ok(document.querySelector('#summary .tip')!.textContent!.includes(HOSTILE.attr));
  assert.equal(document.querySelectorAll('#sources .card')[1].querySelector('h3 a'), null);
});

test('safeHttpUrl keeps only absolute http(s) URLs', () => {
  assert.equal(safeHttpUrl('https://example.com/a?b=1'), 'https://example.com/a?b=1');
  assert.equal(safeHttpUrl(' http://example.com '), 'http://example.com/');
  for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:x', 'data:text/html,<b>', '/relative', 'vbscript:x', 'ftp://x', '', null, undefined]) {
    assert.equal(safeHttpUrl(bad), null, String(bad));
  }
});

test('dates read as a person writes them', () => {
  assert.equal(formatDate('2018-01-29'), '29 Jan 2018');
  assert.equal(formatDate('2018-12'), 'Dec 2018');
  assert.equal(formatDate('2018'), '2018');
  assert.equal(formatDate('2018-13'), '2018-13');
  assert.equal(formatDate(null), '');
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
});

test('the example cluster renders every citation as a number with its quote and a note', async () => {
  const { briefing } = await brief([exampleDir]);
  const { document } = parseHTML(renderHtml(briefing));
  const summaryItems = briefing.summary.length;
  assert.ok(summaryItems > 0);
  const marks = [...document.querySelectorAll('#summary .cite')];
  assert.equal(marks.length, briefing.summary.reduce((n, item) => n + item.citations.length, 0));
  const cited: Citation[] = [
    ...briefing.summary.flatMap((i) => i.citations),
    ...briefing.timeline.flatMap((i) => i.citations),
    ...briefing.conflicts.flatMap((c) => c.claims.flatMap((claim) => claim.citations)),
    ...briefing.sources.flatMap((src) => src.unique ?? []),
    // the actors shown unfolded: each one's stated role and quoted words
    ...rankActors(briefing.entities).main.flatMap((e) => [...(e.role ? [e.role.citation] : []), ...(e.quotes ?? []).map((q) => q.citation)]),
  ];
  const distinct = new Set(cited.map((c) => `${c.source}\u0000${c.quote}`));
  const notes = [...document.querySelectorAll('#notes li')];
  assert.equal(notes.length, distinct.size, 'one note per distinct quoted sentence');
  // The tip of each mark quotes the note it links to.
  for (const mark of document.querySelectorAll('.cite')) {
    const note = document.getElementById(mark.getAttribute('href')!.slice(1))!;
    const tip = document.getElementById(mark.getAttribute('aria-describedby')!)!;
    const quote = note.querySelector('blockquote')!.textContent!;
    assert.ok(tip.textContent!.startsWith(quote), `${mark.getAttribute('href')}: tip and note agree`);
  }
  assert.equal(document.querySelectorAll('#sources .card').length, briefing.sources.length);
  assert.equal(document.querySelectorAll('#timeline li').length, briefing.timeline.length);
  assert.equal(document.querySelectorAll('#conflicts .conflict').length, briefing.conflicts.length);
});

test('the web app adds a form to add articles, allowed by the page policy only when present', () => {
  const plain = parseHTML(renderHtml(loadBriefing())).document;
  assert.equal(plain.querySelector('form'), null);
  const html = renderHtml(loadBriefing(), { addArticles: { action: '/stories/abc/articles', error: 'x.docx: not a file precis reads', text: '</textarea><script>window.pwned=1</script>' } });
  const { document } = parseHTML(html);
  const form = document.querySelector('#add form')!;
  assert.equal(form.getAttribute('action'), '/stories/abc/articles');
  assert.equal(form.getAttribute('enctype'), 'multipart/form-data');
  assert.match(document.querySelector('#add .error')!.textContent!, /x\.docx/);
  assert.equal(document.querySelectorAll('script').length, 1);
  assert.match(html, /<textarea [^>]*>&#60;\/textarea&#62;&#60;script&#62;/);
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
  assert.match(meta, /form-action 'self'/);
  assert.ok(HTML_CONTENT_SECURITY_POLICY_WITH_FORM.startsWith(meta));
  assert.match(HTML_CONTENT_SECURITY_POLICY, /form-action 'none'/);
});
