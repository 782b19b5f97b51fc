import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, isPhotoCaption, isPhotoCredit } from '../src/clean/index.js';
import type { Article, RawArticle } from '../src/types.js';

// One short test per cleaning rule, on small inputs written for the purpose, each with the
// article sentences that look like the noise but must survive.

const P1 = 'Russian Foreign Minister Sergei Lavrov discussed the congress with his Turkish counterpart on Saturday.';
const P2 = 'The talks came after the ninth round of peace talks hosted by the UN ended with no sign of progress.';
const P3 = 'Moscow said the congress would attempt to speed up the political settlement of the crisis.';

function raw(body: string, over: Partial<RawArticle> = {}): RawArticle {
  return { id: 'a1', path: null, format: 'text', body, title: null, url: null, published: null, outlet: null, byline: null, removed: [], ...over };
}
/** Clean an extracted body whose title is already known, so only the rule under test acts. */
function clean(lines: string[], over: Partial<RawArticle> = {}): Article {
  return cleanArticle(raw(lines.join('\n\n'), { format: 'extracted', title: 'Talks on Syria', ...over }));
}
function reasons(a: Article): Record<string, string> {
  return Object.fromEntries(a.removed.map((r) => [r.text, r.reason]));
}
function kept(a: Article): string[] {
  return a.text.split('\n\n');
}

test('date lines become the published date and leave the text; dated sentences stay', () => {
  const a = cleanArticle(raw(['Talks on Syria', 'Jan 28, 2018, 00:38', P1, 'The vote is on Nov. 5, 2018.'].join('\n\n')));
  assert.equal(a.published, '2018-01-28');
  assert.equal(reasons(a)['Jan 28, 2018, 00:38'], 'date-line');
  assert.deepEqual(kept(a), [P1, 'The vote is on Nov. 5, 2018.']);
  for (const line of ['November 22, 2017 | By | Reply More', 'January 29th, 2018 Middle East, Russia 11 comments', 'Updated: March 3, 2019 9:12 am', 'Published on Feb 17, 2015']) {
    assert.equal(reasons(clean([line, P1, P2]))[line], 'date-line', line);
  }
  // Below the body, only a labelled date dates the article; a bare one is a timestamp.
  assert.equal(reasons(clean([P1, P2, 'Updated: March 3, 2019 9:12 am']))['Updated: March 3, 2019 9:12 am'], 'date-line');
  const below = clean([P1, P2, 'January 28, 2018']);
  assert.equal(reasons(below)['January 28, 2018'], 'timestamp');
  assert.equal(below.published, null);
  // A dated row of a schedule or a table names things or gives figures: it is not a timestamp.
  for (const row of ['Harbour Fair - June 19 - 20, 2026, Rotterdam, Netherlands', '3/1/2014 +8.6%']) {
    const schedule = clean([P1, P2, row, 'January 28, 2018']);
    assert.ok(kept(schedule).includes(row), row);
    assert.equal(reasons(schedule)['January 28, 2018'], 'timestamp');
  }
});

test('published is null when the article states no date with a year, never today', () => {
  assert.equal(clean([P1, 'Three days after the talks, on Saturday, the envoy left.', P2]).published, null);
  assert.equal(clean([P1, 'MOSCOW, Jan 29', P2]).published, null);
  assert.equal(cleanArticle(raw(P1, { format: 'extracted', title: 't', published: '2018-01-29T10:00:00Z' })).published, '2018-01-29');
  assert.equal(clean([P1, 'Posted March 2018', P2]).published, '2018-03');
});

test('title: first meaningful line, a date glued in front of it, or none when the body starts at once', () => {
  const a = cleanArticle(raw([' date 2018-01-29 Kremlin unfazed by boycott', P1].join('\n\n')));
  assert.equal(a.title, 'Kremlin unfazed by boycott');
  assert.equal(a.published, '2018-01-29');
  assert.deepEqual(a.removed.map((r) => r.reason), ['date-line', 'title']);
  const b = cleanArticle(raw([P1, P2].join('\n\n')));
  assert.equal(b.text, [P1, P2].join('\n\n'), 'a first sentence is not taken for a headline');
  assert.ok(b.title.startsWith('Russian Foreign Minister Sergei Lavrov'));
  assert.equal(cleanArticle(raw([P1, P2].join('\n\n'), { title: 'Given' })).title, 'Given');
});

test('a date glued in front of a long first paragraph is read from its start alone, as from the whole paragraph', () => {
  // Longer than the part leadingDate reads (400 characters, cut at a space): the date in front
  // is still the published date, one far into the paragraph never is.
  const long = `${P1} ${P2} ${P3} ${P1} ${P2}`;
  const a = cleanArticle(raw([`Posted: March 3, 2019 ${long}`, P3].join('\n\n')));
  assert.equal(a.published, '2019-03-03');
  assert.ok(a.text.startsWith(P1));
  const b = cleanArticle(raw([`${long} It reopened on March 3, 2019.`, P3].join('\n\n')));
  assert.equal(b.published, null);
});

test('a headline printed again at the top is removed as repeated-headline', () => {
  const a = cleanArticle(raw(['Lavrov, de Mistura discuss congress', 'Jan 28, 2018', 'Lavrov, de Mistura discuss congress', P1].join('\n\n')));
  assert.equal(a.title, 'Lavrov, de Mistura discuss congress');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'date-line', 'repeated-headline']);
  assert.equal(a.text, P1);
});

test('a dateline prefix is cut from the first paragraph, the sentence stays', () => {
  const a = clean(['MOSCOW, Jan 29 (Reuters) - Russia said on Monday the congress would go ahead.', P2]);
  assert.equal(kept(a)[0], 'Russia said on Monday the congress would go ahead.');
  assert.equal(reasons(a)['MOSCOW, Jan 29 (Reuters) -'], 'dateline');
  assert.equal(a.outlet, 'Reuters');
  assert.equal(kept(clean(['SAN FRANCISCO — A software firm is seeking costs from a former partner.', P2]))[0], 'A software firm is seeking costs from a former partner.');
  assert.equal(kept(clean(['Velmar (CNN) Harbour pilots will walk out together at dawn on Monday.', P2]))[0], 'Harbour pilots will walk out together at dawn on Monday.');
  // Not datelines: an acronym opening a sentence, a dash inside it, a label with a remark in brackets.
  for (const s of ['NATO - the alliance - said on Monday it would send more troops.', 'UN envoys met on Monday in Geneva to discuss the ceasefire.', 'Private (in person): Private lessons cost the most, often twice a group class.']) {
    assert.equal(kept(clean([s, P2]))[0], s);
  }
});

test('reader comment threads go, from their start to the end; bullet lists and sentences about comments stay', () => {
  const a = clean([P1, P2, '  • Guest', '    The “opposition” are not interested in peace, anyway.', '  • Plasma Dawn', '    Whoever the opposition is, they are still the opposition.', '      Try better next time.']);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'reader-comments'));
  assert.equal(a.removed.length, 5);
  const b = clean([P1, 'The article drew 200 comments from readers within an hour of publication.', '11 comments', 'great piece', 'no it is not']);
  assert.deepEqual(kept(b), [P1, 'The article drew 200 comments from readers within an hour of publication.']);
  const list = [P1, 'The kit includes:', '• a torch', '• a whistle', '• spare batteries', P2];
  assert.deepEqual(kept(clean(list)), list);
  const c = clean([P1, P2, 'Leave a Reply', 'Your email address will not be published.']);
  assert.deepEqual(c.removed.map((r) => r.reason), ['leave-a-reply', 'reader-comments']);
});

test('related-link teasers go; sentences that start with the same words stay', () => {
  const teasers = ['More news: Ferry timetable changes for the spring season', 'Related: Harbour board approves new crane', 'Read more:', '[Related: Mayor opens library in the old town]', 'Also read: Five things to know', 'Click here to see the full list.'];
  const a = clean([P1, ...teasers, P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'related-links'));
  const sentences = ['More than 300 people were killed in the fighting, officials said.', 'Read more about the study, the authors urged readers in a statement.', 'Related talks in Vienna ended without agreement on Friday.'];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('the headline list under a "More from" heading goes with it', () => {
  const a = clean([P1, P2, 'More from the Herald:', 'Police arrest man after standoff', 'City council approves budget']);
  assert.deepEqual(kept(a), [P1, P2]);
});

test('teaser headlines trailing the article go; a trailing data list stays', () => {
  const a = clean([P1, P2, 'Striker signs for local club after trial week', 'New bakery draws queues on the high street', "Ask the expert: How to read your power bill"]);
  assert.deepEqual(kept(a), [P1, P2]);
  const rows = ['Team A (Group 1): Third appearance', 'Team B (Group 2): First appearance', 'Team C (Group 3): Ninth appearance'];
  assert.deepEqual(kept(clean([P1, P2, ...rows])), [P1, P2, ...rows]);
});

test('tag and category lines go', () => {
  const a = clean([P1, P2, 'Tags: , ,', 'Category: Arab uprising', 'Filed under: Middle East']);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'tags'));
  const s = 'Tags on the crates showed they came from Turkey, the report said.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test('share counters and widgets go; sentences with numbers and network names stay', () => {
  const a = clean(['0', '150', P1, 'Share this: Facebook Twitter', 'Click to share on Twitter (Opens in new window)', 'Tweet', '1.2K shares', P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['share-counter', 'share-counter', 'share-widget', 'share-widget', 'share-widget', 'share-counter']);
  const s = ['150 people were arrested in the protests on Sunday.', 'Twitter said on Monday it would suspend the accounts.', 'Share prices fell 3% after the announcement.'];
  assert.deepEqual(kept(clean([P1, ...s])), [P1, ...s]);
  // Items of a list written with dashes are not sign-offs.
  const items = ['- Towels', '- Soap', '- Blankets'];
  assert.deepEqual(kept(clean([P1, ...items, P2])), [P1, ...items, P2]);
});

test('social prompts and contact lines go', () => {
  const a = clean([P1, P2, 'Follow us on Facebook and Instagram!', 'Follow J. Doe on Facebook, Instagram and Twitter.', 'Twitter: @janedoe', 'jane.doe@example.com']);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'social-prompt'));
  const s = 'Followers of the account on Twitter doubled within a week, the company said.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test('bylines go and fill the byline; sentences opening with "By" stay', () => {
  const a = clean(['By Jane Doe', P1, P2]);
  assert.equal(a.byline, 'Jane Doe');
  assert.equal(reasons(a)['By Jane Doe'], 'byline');
  assert.deepEqual(kept(clean(['By JANE DOE, Reuters', P1])), [P1]);
  assert.deepEqual(kept(clean(['/ Updated By Jane Doe and John Roe', P1])), [P1]);
  const s = ['By the time the talks ended, no deal had been reached.', 'By Monday, the army had withdrawn from the town', 'By contrast'];
  assert.deepEqual(kept(clean([P1, s[0], s[1], P2])), [P1, s[0], s[1], P2]);
});

test('sign-offs and credits at the end go', () => {
  const offs = ['(Reporting by Jane Doe; Editing by John Roe)', 'Mara Lind contributed to this report.', 'Press journalist for HRO media – Khizer Hayat reports.', '-- Jane Doe', '(CGTN & AFP)'];
  for (const off of offs) {
    const a = clean([P1, P2, off]);
    assert.deepEqual(kept(a), [P1, P2], off);
    assert.equal(a.removed[0].reason, 'sign-off', off);
  }
  assert.equal(clean([P1, P2, '(CGTN & AFP)']).outlet, 'CGTN & AFP');
  const s = ['The report was written by a panel of experts, Reuters reported.', 'Mara Lind reports on the families who returned to the district.'];
  assert.deepEqual(kept(clean([P1, ...s])), [P1, ...s]);
});

test('photo captions are recognised by their cues, not their place', () => {
  for (const c of [
    'Syrian chief negotiator Bashar al-Jaafari (C) is pictured ahead the start of talks on Syria in Vienna on Jan. 25, 2018.',
    'UN envoy Staffan de Mistura (C) looks on before the start of talks on Syria in Vienna on January 25, 2018.',
    'Photo: Harbour Press',
    'The mayor points to the flood line on the wall. (Photo by Jane Doe for The Herald)',
    'The governor speaks during a news conference in the capital. (AP Photo/Jane Doe) (Associated Press)',
    'Image copyright AFP Image caption The old harbour wall dates from the 1800s',
    'In this Jan. 23, 2018, file photo, the senator speaks during an interview.',
    'Enlarge this image toggle caption Jane Doe/Harbour Press',
    'Getty Images Jane Doe',
  ]) {
    assert.ok(isPhotoCaption(c), c);
  }
  for (const s of [
    'Shutterstock Expands Partnership with Velmar Labs',
    'He said the photo was taken in 2015 by a neighbour.',
    'Police looked on as the crowd grew, witnesses said.',
    '"All the parties are united on this," the spokesman said. (Reuters)',
    'A photo of the suspect was released by police on Monday.',
    P1,
  ]) {
    assert.ok(!isPhotoCaption(s), s);
  }
  const a = clean([P1, 'UN envoy Staffan de Mistura (C) looks on before the start of talks on Syria in Vienna on January 25, 2018.', P2]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['photo-caption']);
});

test('photo credits on a line of their own go', () => {
  for (const c of ['Getty Images', 'AP Photo/Jane Doe', 'Jane Doe/Reuters', 'John Roe / Harbour Press', '(Smith & Jones/Journal of Examples)', 'Courtesy of the Doe family', 'Photograph by The City Museum']) {
    assert.ok(isPhotoCredit(c), c);
  }
  assert.ok(isPhotoCredit('Ana de Souza / Harbour Press'));
  // Headings with a slash that are no credit: an abbreviation, a name with a lower-case word.
  for (const s of ['The 9/11 attacks changed everything.', 'Getty Images said it would appeal the ruling.', 'Courtesy matters, he said.', 'For teams needing a flexible, customizable CI/CD solution', 'The AI/Machine Learning Club at Velmar Tech']) {
    assert.ok(!isPhotoCredit(s), s);
  }
});

test('leftovers above the first paragraph: masthead, kicker caption, page furniture', () => {
  const a = cleanArticle(raw(['Russia, Turkey discuss Sochi', 'APD NEWS', 'text', P1, P2].join('\n\n')));
  assert.equal(a.outlet, 'APD NEWS');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'masthead', 'page-furniture']);
  const b = cleanArticle(raw(['Kremlin unfazed by boycott', 'Russian President Vladimir Putin', P1].join('\n\n')));
  assert.deepEqual(b.removed.map((r) => r.reason), ['title', 'photo-caption']);
  assert.equal(b.text, P1);
  assert.equal(cleanArticle(raw(['Kremlin unfazed by boycott', 'EXCLUSIVE', P1].join('\n\n'))).outlet, null);
});

test('prompts and notices: ads, newsletters, cookies, copyright, republication, editor notes', () => {
  const cases: [string, string][] = [
    ['Advertisement', 'advertisement'],
    ['Advertisement Continue reading below', 'advertisement'],
    ['Story continues below', 'advertisement'],
    ['Sign up for our daily newsletter', 'newsletter-prompt'],
    ['Get the morning briefing delivered to your inbox.', 'newsletter-prompt'],
    ['We use cookies to improve your experience. By continuing to use this site you agree.', 'cookie-prompt'],
    ['Copyright 2018 The Associated Press. All rights reserved.', 'copyright'],
    ['This article was originally published on The Conversation.', 'republication-note'],
    ['Correction: An earlier version of this story misstated the date of the talks.', 'editor-note'],
    ['Top of Page', 'page-furniture'],
    ['See a mistake? Tell us here.', 'page-furniture'],
  ];
  for (const [line, reason] of cases) {
    const a = clean([P1, line, P2]);
    assert.deepEqual(kept(a), [P1, P2], line);
    assert.equal(a.removed[0].reason, reason, line);
  }
  const s = [
    'Advertising revenue fell 5% in the quarter, the company said.',
    'The paper has two million newsletter subscribers, its editor said.',
    'Cookies were served at the reception after the talks.',
    'The copyright dispute has dragged on for years.',
  ];
  assert.deepEqual(kept(clean([P1, ...s])), [P1, ...s]);
});

test('subheads between paragraphs go; lists and a closing line stay', () => {
  for (const h of ['Sochi agenda', '– ‘Future belongs to Syrians’ –', 'IMMEDIATE BREAKTHROUGHS IMPROBABLE']) {
    const a = clean([P1, h, P2, P3]);
    assert.deepEqual(kept(a), [P1, P2, P3], h);
    assert.equal(a.removed[0].reason, 'section-heading');
  }
  const list = [P1, 'Keep exits clear of boxes', 'Test smoke alarms each month', 'Store solvents away from heat', P2];
  assert.deepEqual(kept(clean(list)), list);
  assert.deepEqual(kept(clean([P1, 'What happens next?', P2])), [P1, 'What happens next?', P2]);
});

test('a paragraph repeated word for word keeps its first copy; repeated questions and data rows stay', () => {
  const a = clean([P1, P2, P1, P3]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  assert.equal(a.removed[0].reason, 'duplicate');
  const q = 'What kind of food do you like to cook at home for your family?';
  assert.deepEqual(kept(clean([q, P1, q, P2])), [q, P1, q, P2]);
});

test('tweet signatures go, the tweet stays', () => {
  const tweet = 'The council will hold a minute of silence for the victims on Monday.';
  const a = clean([P1, tweet, '— Velmar Council (@VelmarCouncil) March 17, 2025', P2]);
  assert.deepEqual(kept(a), [P1, tweet, P2]);
  assert.equal(a.removed[0].reason, 'tweet-signature');
});

test('layout: paragraphs joined by one blank line, wrapped lines joined, spaces collapsed, no-break spaces fixed', () => {
  const body = 'Talks on Syria\r\n\r\n\r\nThe\u00a0Kremlin  shrugged off a Syrian opposition decision to boycott a peace\nconference in Russia this week, saying the event would go ahead.\n\n\n\nA second   paragraph follows here.\n';
  const a = cleanArticle(raw(body));
  assert.equal(a.text, 'The Kremlin shrugged off a Syrian opposition decision to boycott a peace conference in Russia this week, saying the event would go ahead.\n\nA second paragraph follows here.');
});

test('Markdown: "# " is the title, syntax goes, images are dropped with a reason', () => {
  const md = [
    '# Kremlin unfazed by *boycott*',
    '',
    '![Putin at the Kremlin](https://example.com/putin.jpg)',
    '',
    'The **Kremlin** shrugged off a [Syrian opposition](https://example.com/x) decision to boycott',
    'a _peace conference_ in Russia this week.',
    '',
    '## Immediate breakthroughs improbable',
    '',
    '> “Everyone recognises that breakthroughs are unlikely,” Peskov said.',
    '',
    '- First point of the plan is a ceasefire.',
    '- Second point is a new constitution.',
    '',
    '---',
    '',
    'Russia says some 1,600 delegates have been invited.',
  ].join('\n');
  const a = cleanArticle(raw(md, { format: 'markdown' }));
  assert.equal(a.title, 'Kremlin unfazed by boycott');
  assert.deepEqual(kept(a), [
    'The Kremlin shrugged off a Syrian opposition decision to boycott a peace conference in Russia this week.',
    '“Everyone recognises that breakthroughs are unlikely,” Peskov said.',
    'First point of the plan is a ceasefire.',
    'Second point is a new constitution.',
    'Russia says some 1,600 delegates have been invited.',
  ]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'image', 'section-heading', 'separator']);
  assert.ok(!/[*_\[\]]/.test(a.text));
});

test('Markdown front matter gives the metadata', () => {
  const a = cleanArticle(raw(['---', 'title: "Talks in Sochi"', 'date: 2018-01-30', 'author: Jane Doe', '---', '', P1].join('\n'), { format: 'markdown' }));
  assert.equal(a.title, 'Talks in Sochi');
  assert.equal(a.published, '2018-01-30');
  assert.equal(a.byline, 'Jane Doe');
  assert.equal(a.text, P1);
  assert.equal(a.removed[0].reason, 'front-matter');
});

test('what ingest removed comes first, and the input metadata wins over what the text suggests', () => {
  const a = cleanArticle(raw(['Talks on Syria', 'APD NEWS', 'Jan 28, 2018', P1].join('\n\n'), {
    outlet: 'Given Outlet', published: '2018-02-01', removed: [{ reason: 'navigation', text: 'Home | World' }],
  }));
  assert.equal(a.outlet, 'Given Outlet');
  assert.equal(a.published, '2018-02-01');
  assert.deepEqual(a.removed[0], { reason: 'navigation', text: 'Home | World' });
});

test('a related-posts block (heading, teaser titles, their dates and categories) goes without dating the article', () => {
  const a = clean([P1, P2, 'Related', 'Syria talks resume in Geneva', 'January 28, 2018', 'In "Middle East"', 'Like this:', 'Like Loading...']);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.equal(a.published, null, 'a teaser date is not the article date');
  assert.equal(clean([P1, P2, 'Posted on January 28, 2018']).published, '2018-01-28');
});

test('credit lines naming a source or an editor go', () => {
  for (const line of ['Source: Xinhua', 'Editor: Li Jing', 'Via: The Guardian']) {
    const a = clean([P1, P2, line]);
    assert.deepEqual(kept(a), [P1, P2], line);
    assert.equal(a.removed[0].reason, 'sign-off', line);
  }
  const s = 'Source: a senior official told reporters the talks had collapsed.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test('when a positional rule leaves almost nothing, cleaning runs again without it', () => {
  // A story about reader comments with a subhead "Comments": the comment-thread rule would
  // take everything after it; too little would be left, so the rule is switched off.
  const story = [
    'Several large news sites are closing the comment sections under their articles.',
    'Comments',
    'Several large news sites have removed reader comment sections over the past year, citing abuse and the cost of moderation.',
    'Editors say the conversation has moved to social networks, where readers share and discuss articles with their friends.',
    'Researchers who study online discussion say the change has made it harder for readers to correct mistakes in stories.',
    'Some outlets now invite letters instead, and publish a selection of them each week alongside the original reporting.',
  ];
  const a = clean(story);
  assert.ok(!a.removed.some((r) => r.reason === 'reader-comments'));
  assert.deepEqual(a.removed.map((r) => r.text), ['Comments']);
  assert.ok(a.text.includes('Several large news sites have removed reader comment sections'));
  assert.ok(a.text.includes('Researchers who study online discussion'));
  // A page that really is mostly comments keeps its article and loses the comments.
  const b = clean([P1, P2, P3, '11 comments', 'great piece', 'no it is not', 'totally agree with the above']);
  assert.deepEqual(kept(b), [P1, P2, P3]);
});

test('encoding defects are repaired without touching words', () => {
  const a = clean(['The Kremlin didnâ€™t say when the â€œcongressâ€\u009d would open &amp; close.', P2]);
  assert.equal(kept(a)[0], 'The Kremlin didn’t say when the “congress” would open & close.');
  const s = 'AT&T said the R&D budget would grow; the price is 5 &lt; 6 in the model.';
  assert.equal(kept(clean([s]))[0], 'AT&T said the R&D budget would grow; the price is 5 < 6 in the model.');
});

test('a comment section opened by "N Responses to ..." goes; quotes introduced by "said:" stay', () => {
  const a = clean([P1, P2, '3 Responses to “Talks on Syria”', 'Great piece, thanks.', 'I disagree with all of this.']);
  assert.deepEqual(kept(a), [P1, P2]);
  const quotes = [P1, 'Kremlin spokesman Dmitry Peskov said:', '“The congress will go ahead regardless of who attends it.”', 'Opposition leader George Sabra said:', '“Sochi is a project to serve Russian policy, nothing more.”', P2];
  assert.deepEqual(kept(clean(quotes)), quotes);
});

test('header lines name the outlet and the author: masthead words, parts of a date line', () => {
  const a = cleanArticle(raw(['Evacuees face days away from home', 'Velmar Courier', 'Monday 17 March 2025, 07:55', 'By Henrik Aalto', P1].join('\n\n')));
  assert.equal(a.outlet, 'Velmar Courier');
  assert.equal(a.byline, 'Henrik Aalto');
  assert.equal(a.published, '2025-03-17');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'masthead', 'date-line', 'byline']);
  const b = cleanArticle(raw(['Inquiry opens', 'Coastline Post · March 19, 2025 · By Ruth Mendel', P1].join('\n\n')));
  assert.deepEqual([b.outlet, b.byline, b.published], ['Coastline Post', 'Ruth Mendel', '2025-03-19']);
  // A category next to the date is not an outlet.
  assert.equal(cleanArticle(raw(['Kremlin unfazed', 'January 29th, 2018 Middle East, Russia 11 comments', P1].join('\n\n'))).outlet, null);
});

test('a time line and labelled captions and like counters go', () => {
  const a = cleanArticle(raw(['Two dead in fire', 'March 16, 2025', 'Updated 18:42', P1, 'Photo caption: Residents queue for breakfast at the sports hall on Sunday.', P2, 'Like 89 · Share 41'].join('\n\n')));
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'date-line', 'date-line', 'photo-caption', 'share-widget']);
  const s = 'Like 89 other towns, Velmar has no permanent fire station.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test('navigation: breadcrumbs and menu lines go, and are never taken for the headline', () => {
  const a = cleanArticle(raw(['Home » World » Middle East', 'News Business Sport Opinion Subscribe', 'Kremlin unfazed by boycott', P1].join('\n\n')));
  assert.equal(a.title, 'Kremlin unfazed by boycott');
  assert.deepEqual(a.removed.map((r) => r.reason), ['navigation', 'navigation', 'title']);
  const s = ['World leaders, business chiefs and sport stars attended the opening.', 'News of the deal spread quickly through the markets.'];
  assert.deepEqual(kept(clean([P1, ...s])), [P1, ...s]);
});

test('paywall notices go; sentences about subscribers stay', () => {
  for (const line of ['Subscribe to continue reading.', 'You have reached your limit of free articles this month.', 'Already a subscriber? Log in']) {
    const a = clean([P1, P2, line]);
    assert.deepEqual(kept(a), [P1, P2], line);
  }
  const s = 'The paper said it had gained 20,000 subscribers since the paywall was introduced.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test('a headline given in metadata with a site name still removes the plain headline from the body', () => {
  const a = cleanArticle(raw(['Kremlin unfazed by Syrian opposition boycott', P1].join('\n\n'), { title: 'Kremlin unfazed by Syrian opposition boycott - Example News' }));
  assert.deepEqual(a.removed.map((r) => r.reason), ['repeated-headline']);
  assert.equal(a.text, P1);
});

test('a comment thread marked only by indentation goes; an article indented throughout stays', () => {
  const body = [P1, P2, P3, '  Guest', '    The opposition is not interested in peace, anyway.', '  Harbour_Watcher', '    Nobody checked that warehouse for years.'].join('\n\n');
  const a = cleanArticle(raw(body, { format: 'extracted', title: 't' }));
  assert.deepEqual(kept(a), [P1, P2, P3]);
  assert.ok(a.removed.every((r) => r.reason === 'reader-comments'));
  const indented = ['  ' + P1, '  ' + P2, '  Aftermath', '  ' + P3].join('\n\n');
  assert.deepEqual(kept(cleanArticle(raw(indented, { format: 'extracted', title: 't' }))), [P1, P2, P3]);
  // One space before every line but the first is a scrape habit, not a thread.
  const spaced = [P1, ' ' + P2, ' Aftermath', ' ' + P3, ' Mara Lind', ' ' + P1.replace('Saturday', 'Sunday')].join('\n');
  assert.equal(cleanArticle(raw(spaced, { format: 'extracted', title: 't' })).removed.filter((r) => r.reason === 'reader-comments').length, 0);
});

test('wire photo captions with agency credits go', () => {
  for (const c of [
    'The president attends a meeting in the capital, January 29, 2018. Sputnik/Jane Doe/Kremlin via REUTERS',
    'Smoke rises over the port on Saturday. REUTERS/Jane Doe',
    'Delegates arrive at the venue in the resort. Picture taken January 29, 2018.',
  ]) {
    assert.ok(isPhotoCaption(c), c);
  }
  assert.ok(!isPhotoCaption('The envoy told Reuters the talks would resume via video link.'));
});

test('agency credits, wire-feed notes and disclaimers at the end go', () => {
  const cases: [string, string][] = [
    ['(With inputs from PTI)', 'sign-off'],
    ['With files from The Canadian Press', 'sign-off'],
    ['Reuters', 'sign-off'],
    ['This story has been published from a wire agency feed without modifications to the text.', 'republication-note'],
    ["Disclaimer: The views expressed are the author's own.", 'disclaimer'],
    ['Also Read | Port reopens to ferries', 'related-links'],
    ['READ: Five things to know about the inquiry', 'related-links'],
  ];
  for (const [line, reason] of cases) {
    const a = clean([P1, P2, line]);
    assert.deepEqual(kept(a), [P1, P2], line);
    assert.equal(a.removed[0].reason, reason, line);
  }
  const s = ['Reuters could not verify the footage independently.', 'Read the statement in full, the ministry urged on Monday.'];
  assert.deepEqual(kept(clean([P1, ...s])), [P1, ...s]);
});

test('a masthead or kicker above the headline is not the title', () => {
  const a = cleanArticle(raw(['APD NEWS', 'Russia, Turkey discuss Sochi congress', P1].join('\n\n')));
  assert.equal(a.title, 'Russia, Turkey discuss Sochi congress');
  assert.equal(a.outlet, 'APD NEWS');
  assert.deepEqual(a.removed.map((r) => r.reason), ['masthead', 'title']);
  const b = cleanArticle(raw(['WORLD', 'Russia, Turkey discuss Sochi congress', P1].join('\n\n')));
  assert.equal(b.title, 'Russia, Turkey discuss Sochi congress');
  assert.equal(b.outlet, null);
  // An all-capitals headline stays the headline.
  const c = cleanArticle(raw(['KREMLIN UNFAZED BY BOYCOTT', P1].join('\n\n')));
  assert.equal(c.title, 'KREMLIN UNFAZED BY BOYCOTT');
});

test('trailing teaser headlines go; a closing table or reference list stays', () => {
  const teasers = ['Harbour pilots vote to strike at dawn', 'New ferry timetable splits the island', 'Council reopens the old lighthouse'];
  const a = clean([P1, P2, ...teasers]);
  assert.deepEqual(kept(a), [P1, P2]);
  const rows = ['Velmar Harbour | 12 | 40% | 2019', 'North Quay Marina (east) | 9 | 35% / 20% | 2021', 'Old Town Docks | 4 | N/A | 2008-09'];
  assert.deepEqual(kept(clean([P1, P2, ...rows])), [P1, P2, ...rows]);
  const references = ['Doe, J. (2024). Tides and timetables. Harbour Review. https://harbour.example/tides', 'Roe, A. (n.d.). The pilots of Velmar. Quay Notes. https://quay.example/pilots'];
  assert.deepEqual(kept(clean([P1, P2, ...references])), [P1, P2, ...references]);
});
