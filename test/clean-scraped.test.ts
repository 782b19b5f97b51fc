import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticle, isPhotoCaption } from '../src/clean/index.js';
import type { Article, RawArticle } from '../src/types.js';

// Noise of raw scraped news text (articles handed over as JSON/JSONL "text" only, as web
// scrapes of news clusters come): wire gallery captions, embedded posts, player and archive
// widgets, contact lines, cut-off teasers. Every input here is written for the test; each
// case also holds the article sentences that look like the noise and must survive.

const P1 = 'The harbour authority closed the northern pier on Tuesday after cracks were found in its supports.';
const P2 = 'Engineers said repairs would take at least six weeks and cost about 2 million euros.';
const P3 = 'Ferry services to the islands will leave from the southern terminal until the work is done.';

function raw(body: string, over: Partial<RawArticle> = {}): RawArticle {
  return { id: 'a1', path: null, format: 'text', body, title: null, url: null, published: null, outlet: null, byline: null, removed: [], ...over };
}
/** Scraped text with a title known, so only the rule under test acts. */
function clean(lines: string[], over: Partial<RawArticle> = {}): Article {
  return cleanArticle(raw(lines.join('\n\n'), { title: 'Pier closed', ...over }));
}
function reasons(a: Article): Record<string, string> {
  return Object.fromEntries(a.removed.map((r) => [r.text, r.reason]));
}
function kept(a: Article): string[] {
  return a.text.split('\n\n');
}

test('wire gallery captions go: "FILE -" openers, cut-off captions signed by the agency, long credited captions', () => {
  const captions = [
    'FILE - In this Monday, March 4, 2019 file photo, harbour master Ana Ruiz speaks to reporters at the port office in Velmar. The authority says the pier will... (Associated Press)',
    'FILE- This Sept. 9, 2001, file photo shows the northern pier of Velmar at low tide.',
    'Workers inspect a cracked support under the northern pier in Velmar, Tuesday, May 7, 2019. The harbour authority closed the pier after divers found... (Associated Press)',
    'Dock workers gather at the closed gate of the northern pier, Wednesday, May 8, 2019. (Jane Roe/The Velmar Courier)',
    'Cars queue for the ferry at the southern terminal. May 8, 2019 (Reuters)',
  ];
  const a = clean([P1, ...captions, P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'photo-caption'));
  // A caption printed with the story's first lines under it runs long; the closing credit still marks it.
  const long = `A diver surfaces beside the northern pier in Velmar on Tuesday, May 7, 2019. ${P1} ${P2} ${P3} ${P1} ${P2} AP Photo/John Doe`;
  assert.equal(isPhotoCaption(long), true);
  // Sentences with dates, brackets and agencies stay.
  const sentences = [
    'The pier was last repaired on Monday, March 4, 2019, the authority said.',
    'The harbour master (who took office in 2017) said the closure was a precaution.',
    'File clerks at the port office worked through the night, a spokesman told The Associated Press.',
    'Shipping firms said the closure would cost them dearly (some 40,000 euros a day).',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('embedded social posts go: tweets with their signature, tweet cards, picture links, Instagram lines', () => {
  const posts = [
    'Divers found the cracks this morning. Stay safe everyone! pic.twitter.com/AbCdEf123 — Velmar Port (@VelmarPort) May 7, 2019',
    'No ferries from the north pier until further notice. — Ana Ruiz (@anaruiz) May 7, 2019',
    'Ana Ruiz (@anaruiz) We will reopen as soon as it is safe.',
    'Look at the size of that crack pic.twitter.com/ZyXw987',
    '⚓ A post shared by Velmar Port (@velmarport) on May 7, 2019 at 9:14am PDT',
  ];
  const a = clean([P1, ...posts, P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'embedded-post'));
  const sentences = [
    'Ana Ruiz (@anaruiz) said on Twitter that the pier would reopen in June.',
    '"We will reopen as soon as it is safe," Ruiz wrote on Twitter on Tuesday.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
  // In a page extracted from HTML, a quoted post is kept unless it carries its signature.
  const b = clean([P1, 'Look at the size of that crack pic.twitter.com/ZyXw987', P2], { format: 'extracted' });
  assert.deepEqual(kept(b), [P1, 'Look at the size of that crack pic.twitter.com/ZyXw987', P2]);
});

test('site notices, players and galleries go; the story glued after a player label stays', () => {
  const notices = [
    'When you tweet with a location, the service stores that location. You can always delete your location history. Learn more',
    'These crawls are part of an effort to archive pages as they are created, so that the Internet Archive can replace broken links.',
    'Interested in Ana Ruiz? Add Ana Ruiz as an interest to stay up to date on the latest news, video, and analysis. Add Interest',
    'JUST WATCHED Inside the cracked pier Replay More Videos ... MUST WATCH Inside the cracked pier 02:18',
    '1 of 12 Full Screen Autoplay Close Skip Ad × Photos of the pier View Photos',
    'Photos: The northern pier Photos: The northern pier Divers at work on Tuesday. Hide Caption 1 of 12 Photos: The northern pier Engineers on the deck. Hide Caption 2 of 12',
    'Embed Harbour authority closes pier 1:05 autoplay autoplay Copy this code to your website or blog',
    'You must enter the characters with black color that stand out from the other characters',
    'CLOSE The harbour master explains why the northern pier had to close. Velmar News',
    'Photos: Life on the pier Photos: Life on the pier Fishermen mend nets on the pier in 1950. Jane Roe/Velmar Archive 1 of 20 • • • • 1 of 20 Show Caption Fishermen mend nets.',
  ];
  const a = clean([P1, ...notices, P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(new Set(a.removed.map((r) => r.reason)), new Set(['site-notice', 'media-widget']));
  const b = clean([P1, `EMBED More News Videos ${P2}`]);
  assert.deepEqual(kept(b), [P1, P2]);
  assert.equal(reasons(b)['EMBED More News Videos'], 'media-widget');
  const sentences = [
    'The Internet Archive said its crawls of the port website were kept for researchers.',
    'Viewers who just watched the report called the station to complain.',
    'CLOSE to 300 people gathered on the pier on Tuesday.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('story highlights go with the highlight lines under them, up to the first paragraph', () => {
  const a = cleanArticle(raw(['Story highlights The northern pier is closed for six weeks', 'Ferries move to the southern terminal', 'Repairs will cost about 2 million euros', P1, P2].join('\n\n')));
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['highlights', 'highlights', 'highlights']);
  assert.ok(!a.title.startsWith('Story highlights'));
});

test('contact and follow lines of the author or outlet go; sentences about reaching people stay', () => {
  const lines = [
    'Reach Jane Roe at 555-201-3344 and on Twitter @janeroe.',
    'Jane Roe is a staff writer at the Courier. Reach her at jroe@example.com. Follow her on Twitter @janeroe.',
    'John Q. Doe may be reached at jdoe@example.com. Follow him on Twitter @jqdoe.',
    'For more from Jane, follow her on Twitter @janeroe.',
    'Follow Velmar News for the latest on air and online.',
    'Write to Jane Roe at jane.roe@example.com',
  ];
  const a = clean([P1, P2, ...lines]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'author-contact'));
  const sentences = [
    'Rescuers could not reach the divers at the pier until Wednesday.',
    'Ruiz called the minister at 7 a.m. to report the cracks.',
    'Jane Roe is a staff engineer at the port, and she found the first crack.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('credits, click prompts, newsletter boxes and reader notes go', () => {
  const lines = [
    'Ana Ruiz in Velmar, John Doe in Porto and Mary Poe in Lisbon, with reporting by the bureau staff in Madrid, Seville and Cadiz, contributed to this report.',
    'Associated Press writers Ana Ruiz in Velmar, John Doe, Mary Poe and Sam Loe in Porto, and Lee Fay in Lisbon contributed.',
    'Contributing: Ana Ruiz, John Doe; The Associated Press',
    'For live updates on the pier, click here',
    'Click for more from VelmarNews.com',
    'Breaking News Emails Get breaking news alerts and special reports. The news that matters, delivered weekday mornings.',
    "Editor's note: If you took a photo of the cracked pier and would like to share it with us, send images to photos@example.com.",
  ];
  // (Enough article text that the cleaner does not suspect it removed too much.)
  const a = clean([P1, P2, P3, ...lines]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  const sentences = [
    'Ruiz said the crack may have contributed to the collapse of the old crane.',
    'Readers who click here on the port website can see the repair schedule, the authority said.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('wire prefixes go from any paragraph that names the agency; the sentence stays', () => {
  const a = clean(['(CNN) -- ' + P1, P2, 'VELMAR, Spain (AP) -- ' + P3]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['dateline', 'dateline']);
  // Further down, a place in capitals without an agency is not cut.
  const s = 'NATO - the alliance - said on Monday it would send more ships.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
  // The dash left of a dateline whose place the scrape dropped goes from the first paragraph only.
  const d = clean(['— ' + P1, '— ' + P2]);
  assert.deepEqual(kept(d), [P1, '— ' + P2]);
  assert.deepEqual(d.removed, [{ reason: 'dateline', text: '—' }]);
});

test('text cut off with an ellipsis: a teaser repeating a paragraph, a last paragraph cut mid-sentence', () => {
  const teaser = 'The harbour authority closed the northern pier on Tuesday after cracks...';
  const a = clean([teaser, P1, P2, 'Engineers said the cost of the repairs would be shared by the city and...']);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(a.removed.map((r) => r.reason), ['duplicate', 'truncated-text']);
  // Trailing off on purpose, or in the middle of the article, stays.
  const trailing = ['"We will see what the divers find..." Ruiz said.', 'And then there was the question of the money…', P2];
  assert.deepEqual(kept(clean([P1, ...trailing])), [P1, ...trailing]);
  const last = 'Ruiz would only say that she hoped for the best...';
  assert.deepEqual(kept(clean([P1, last])), [P1, last]);
});

test('untitled text: a headline-like first line is the title; a sentence, caption or teaser stays and the title is derived', () => {
  // A headline: short, no closing full stop, opens with a capital.
  const a = cleanArticle(raw(['Harbour authority shuts northern pier after divers find cracks', P1, P2].join('\n\n')));
  assert.equal(a.title, 'Harbour authority shuts northern pier after divers find cracks');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title']);
  assert.deepEqual(kept(a), [P1, P2]);
  // A full sentence: it stays in the text, and the title is derived from it, never recorded as removed.
  const b = cleanArticle(raw([P1, P2].join('\n\n')));
  assert.deepEqual(kept(b), [P1, P2]);
  assert.deepEqual(b.removed, []);
  assert.equal(b.title, P1.replace(/\.$/, ''));
  // A teaser cut with an ellipsis and a label too short to be a headline are not titles.
  const teaser = 'Divers working under the northern pier on Tuesday found cracks in three of its supports, and…';
  const c = cleanArticle(raw([teaser, P1, P2].join('\n\n')));
  assert.notEqual(c.title, teaser);
  assert.ok(!c.removed.some((r) => r.reason === 'title'));
  const d = cleanArticle(raw(['Pier closure', P1, P2].join('\n\n')));
  assert.ok(!d.removed.some((r) => r.reason === 'title'));
  // A caption on the first line goes as a caption; the title comes from the first sentence.
  const e = cleanArticle(raw(['Ana Ruiz, 52, of Velmar', P1, P2].join('\n\n')));
  assert.deepEqual(e.removed.map((r) => r.reason), ['photo-caption']);
  assert.ok(e.title.startsWith('The harbour authority closed'));
  // A line in lower case or opening with a symbol above the body is page furniture, not a title.
  const f = cleanArticle(raw(['ports Harbour chief praised for quick action on pier July 3, 2019 at 2:54 PM ET', P1, P2].join('\n\n')));
  assert.deepEqual(f.removed.map((r) => r.reason), ['page-furniture']);
});

test('a derived title ends at a sentence end (not at "Sen." or "U.S."), else at a clause boundary, with "…"', () => {
  const short = 'Sen. Jane Doe of Calif. asked the U.S. Coast Guard to inspect piers in the state. It agreed.';
  assert.equal(cleanArticle(raw([short, P2].join('\n\n'))).title, 'Sen. Jane Doe of Calif. asked the U.S. Coast Guard to inspect piers in the state');
  const long = 'The harbour authority, which has run the port since 1921, closed the northern pier on Tuesday after divers found deep cracks in three of its supports.';
  assert.equal(cleanArticle(raw([long, P2].join('\n\n'))).title, 'The harbour authority, which has run the port since 1921, closed the northern pier on Tuesday…');
  const money = 'Shipping firms that use the northern pier will share a $40,000 fund to cover the cost of moving their cargo to the south.';
  assert.equal(cleanArticle(raw([money, P2].join('\n\n'))).title, 'Shipping firms that use the northern pier will share a $40,000 fund to cover the cost…');
  // A control character left of a mis-decoded dash at the front is not part of the title.
  assert.equal(cleanArticle(raw(['\u0097 ' + short, P2].join('\n\n'))).title, 'Sen. Jane Doe of Calif. asked the U.S. Coast Guard to inspect piers in the state');
  // Mojibake closing quotes are repaired, so a quoted sentence is not taken for a headline.
  const quoted = 'Minutes after the briefing, the mayor called the closure “a disaster\ufffd? and “avoidable.\ufffd?';
  const q = cleanArticle(raw([quoted, P1].join('\n\n')));
  assert.ok(q.text.startsWith('Minutes after the briefing, the mayor called the closure “a disaster” and “avoidable.”'));
});

test('more page furniture of scraped news: bracketed and "Read more" teasers, share and wiki labels, picture credits', () => {
  const noise = [
    '[Storm damage closes the old ferry terminal for the winter]',
    'Harbour chief to retire after thirty years Read more',
    'FROM PORT NEWS: The ten busiest harbours of the year',
    'Read or Share this story: http://example.com/x1',
    'Bookmark with: Delicious',
    'Early history [ edit ]',
    'Divers inspect the supports under the pier. Courtesy Ana Ruiz',
    'A diver checks a cracked support on Tuesday. Photograph: Jane Roe',
    'Engineers on the deck of the pier after the inspection. — Port of Velmar',
    'Fig. 2 Cracks in the third support, seen from below.',
    'This article appeared on page B - 4 of the Velmar Courier',
    'SOURCE Port of Velmar',
  ];
  const a = clean([P1, P2, P3, ...noise.slice(0, 6), P1.replace('Tuesday', 'Monday'), ...noise.slice(6)]);
  assert.deepEqual(kept(a), [P1, P2, P3, P1.replace('Tuesday', 'Monday')]);
  const sentences = [
    '[The pier] was built in 1921, the authority said.',
    'The report cites a source [Ruiz no. 4, p. 12] for the repair figures.',
    'Ruiz said the work would be done by spring. Read more about the plans on the port website.',
    'The divers found the crack at 4 p.m. — an hour before the tide turned.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('member-paper and transcript notes, form checkboxes, "for more on this story", a stamp glued to the headline', () => {
  const noise = [
    'Information from: Velmar Courier, http://www.example.com',
    'Transcripts are produced on a rush deadline by a contractor. This text may not be in its final form and may be updated.',
    '* I understand the Terms of Service.',
    'Watch Channel 6 News and stay with Example.com for more on this story.',
    'Adapted from Piers of the North: A History, by Ana Ruiz, to be published next month by Harbour Books.',
  ];
  const a = clean([P1, P2, P3, ...noise]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  const b = cleanArticle(raw(['Harbour authority shuts northern pier after divers find cracks Posted: Tuesday, May 7, 2019 11:03 PM EDT Updated: Wednesday, May 8, 2019 9:00 AM EDT', P1, P2].join('\n\n')));
  assert.equal(b.title, 'Harbour authority shuts northern pier after divers find cracks');
  assert.equal(b.published, '2019-05-07');
  assert.deepEqual(b.removed.map((r) => r.reason), ['title', 'date-line']);
  const sentences = ['The information from the divers reached the harbour master on Tuesday.', 'Readers can follow the repairs for more on this story.'];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('opinion disclaimers, wiki redirect notes, "... More." teasers, rerun notes, "City, ST -" datelines', () => {
  const noise = [
    'The author is a columnist for Port Weekly. The opinions expressed are her own.',
    '"Pier" redirects here. For other uses, see Pier (disambiguation)',
    'New owner sought for the Velmar ferry line; several... More.',
    'This post originally ran in May 2018. We are rerunning it as the pier closes again.',
  ];
  const a = clean([P1, P2, P3, ...noise]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  const b = clean(['Velmar, CA - ' + P1, P2]);
  assert.deepEqual(kept(b), [P1, P2]);
  // A headline with "Sen." in it is still one line, not two sentences.
  const c = cleanArticle(raw(["'Close It Now': Sen. Jane Doe Urges Port to Shut Pier", P1, P2].join('\n\n')));
  assert.equal(c.title, "'Close It Now': Sen. Jane Doe Urges Port to Shut Pier");
  const sentences = ['Ruiz said the opinions of the engineers differed on the cost.', 'Velmar, the port city, closed the pier on Tuesday.'];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('bibliographic references under a science story go; sentences naming a study stay', () => {
  const refs = [
    'Source: Roe J, Doe A, Poe K, et al. Cracks in Harbour Piers Under Tidal Load. Journal of Coastal Works. 2019.',
    'Ruiz A, Doe J, Loe M. Corrosion of Steel Supports. Marine Structures. 2018;12:40-55. doi:10.1000/xyz123',
  ];
  const a = clean([P1, P2, P3, ...refs]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  assert.ok(a.removed.every((r) => r.reason === 'reference'));
  const sentences = [
    'Source: the harbour authority, which published the divers\' report on Tuesday.',
    'Roe and her colleagues, writing in the Journal of Coastal Works in 2019, warned of such cracks.',
  ];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('correction notes, video pointers, credit strips and captions piped to their agency go', () => {
  const noise = [
    "This story has been corrected to show that the pier was built in 1921, not 1912.",
    'Watch the full clip below.',
    'See the pier through the years Jane Roe/Getty Images John Doe/Getty Images Ann Poe/Getty Images Lee Fay/Getty Images',
    'Divers inspect the cracked supports of the pier on Tuesday. | Jane Roe/Getty Images Pier closes for six weeks The harbour authority acted after the inspection.',
  ];
  const a = clean([P1, P2, P3, ...noise]);
  assert.deepEqual(kept(a), [P1, P2, P3]);
  const sentences = ['The story has been corrected many times since 1921, Ruiz joked.', 'Watch the tide, the harbour master told the divers.', 'Ruiz said the choice was between safety | and cost, as she put it.'];
  assert.deepEqual(kept(clean([P1, ...sentences])), [P1, ...sentences]);
});

test('untitled text: a masthead with its home town ("KVLM – Velmar, Calif.") is the outlet, never the title', () => {
  const a = cleanArticle(raw(['KVLM – Velmar, Calif.', P1, P2].join('\n\n')));
  assert.deepEqual(kept(a), [P1, P2]);
  assert.equal(reasons(a)['KVLM – Velmar, Calif.'], 'masthead');
  assert.equal(a.outlet, 'KVLM');
  assert.ok(a.title.startsWith('The harbour authority closed the northern pier'));
  const b = cleanArticle(raw(['The Velmar Courier | Velmar, Ore.', P1, P2].join('\n\n')));
  assert.equal(b.outlet, 'The Velmar Courier');
  // A sentence that only looks like it stays: a place after a dash in a headline, a reported line.
  const c = cleanArticle(raw(['Pier Closed – Velmar, Calif.', P1, P2].join('\n\n')));
  assert.equal(kept(c)[0], 'Pier Closed – Velmar, Calif.');
});

test('a revision stamp ("This article was amended on 3 May 2019.") is an editor note; a sentence about amending stays', () => {
  const stamps = ['• This article was amended on 3 May 2019. The original headline said the pier had collapsed.', 'This story has been updated at 14:05 on Tuesday'];
  const a = clean([P1, P2, ...stamps]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.ok(a.removed.every((r) => r.reason === 'editor-note'));
  const news = 'The port rules were amended on Monday so that ferries can dock at night.';
  assert.deepEqual(kept(clean([P1, news])), [P1, news]);
});

test('a photo credit run into the paragraph under the picture is cut from its front', () => {
  const a = clean(['Jane Roe / Velmar Press ' + P1, P2]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.deepEqual(a.removed, [{ reason: 'photo-credit', text: 'Jane Roe / Velmar Press' }]);
  // Names with a slash that credit no agency stay.
  const s = 'Ana Ruiz / Port Authority staff said on Monday the pier would reopen.';
  assert.deepEqual(kept(clean([P1, s])), [P1, s]);
});

test("a press release's safe-harbour paragraph is a disclaimer, however long; news about forecasts stays", () => {
  const legal =
    'This release contains forward-looking statements about the Velmar ferry line, including its expected passenger numbers, fares, fuel costs and the timing of the new southern terminal. ' +
    'Actual results could differ materially from these forward-looking statements because of weather, labour disputes, the price of fuel, the decisions of regulators and other factors, many of which are outside our control. ' +
    'The company undertakes no obligation to update any forward-looking statement after the date of this release, except as the law requires, and readers should not place undue reliance on them.';
  const a = clean([P1, P2, legal]);
  assert.deepEqual(kept(a), [P1, P2]);
  assert.equal(reasons(a)[legal], 'disclaimer');
  const news = 'The ferry company lowered its forecast on Monday, saying fuel costs had risen faster than expected.';
  assert.deepEqual(kept(clean([P1, news])), [P1, news]);
});
