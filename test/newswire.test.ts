import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cleanArticle } from '../src/clean/index.js';
import { fromArticleInput } from '../src/ingest/index.js';
import { newswireNotice } from '../src/clean/rules/newswire.js';
import { segment, splitSentences } from '../src/text/index.js';
import { readFileSync } from 'node:fs';
import { repoRoot } from './helpers.js';

// Invented wire copy in the agency style: 70-column lines, blank lines between paragraphs,
// typewriter quotes, a notice to editors and an optional-end marker.
const wire = readFileSync(path.join(repoRoot, 'test/fixtures/newswire/harbor-pilots.txt'), 'utf8');

function clean(text: string) {
  return cleanArticle({ ...fromArticleInput({ text }, 'wire', 'w1', null), id: 'w1' });
}

test('wire copy: wrapped lines join, quotes are plain, notices and the underscore dateline go with reasons', () => {
  const article = clean(wire);
  const paragraphs = article.text.split('\n\n');
  assert.deepEqual(paragraphs, [
    'Harbor pilots in Portville voted to end a two-week strike Thursday, clearing the way for dozens of cargo ships waiting at anchor in the bay, union officials said.',
    '"We got what we came for," said Dana Kettle, the pilots\' union president. "Nobody wanted this to go on."',
    'The number of ships waiting had been rising in Greater Portville waters since early May.',
    'Port managers said traffic would be back to normal by Monday.',
  ]);
  const reasons = article.removed.map((r) => r.reason);
  assert.ok(reasons.includes('editors-notice'));
  assert.ok(reasons.includes('story-can-end'));
  assert.deepEqual(article.removed.find((r) => r.reason === 'dateline')?.text, 'PORTVILLE, Maine (AP) _');
  const doc = segment(article);
  assert.equal(doc.sentences.filter((s) => s.text.startsWith('The number of ships')).length, 1);
});

test('agency notices are named; story sentences are not', () => {
  const cases: [string, string | null][] = [
    ['ATTENTION EDITORS: The following material is for use only by arrangement with Some Syndicate.', 'editors-notice'],
    ['(STORY CAN END HERE. OPTIONAL 2ND TAKE FOLLOWS.)', 'story-can-end'],
    ['For purchase information see end of text.', 'purchase-notice'],
    ['(END OPTIONAL TRIM)', 'story-can-end'],
    ['Editors at the paper said the story can end here, but it did not.', null],
    ['Editor: Li Jing', null],
    // Notes to the agency's clients with a number to call (invented names and numbers).
    ['For questions, please call 555-010-0199.', 'contact-notice'],
    ['The Harbour Courier plans to move the following stories for clients of the Example News Service for editions of Friday. If you have any questions, please call Dana Field at (555) 010-0142.', 'contact-notice'],
    ['The articles can be used alone or as a package. For more information, please call our toll-free number, (555) 010-7788.', 'contact-notice'],
    // A story that gives a number to call is not a notice.
    ['Anyone with information should call the county sheriff at 555-010-0123, deputies said.', null],
    ['For questions about the recall, shoppers were told to call the store.', null],
  ];
  for (const [text, reason] of cases) assert.equal(newswireNotice(text), reason, text);
});

test('a wrapped line that ends on an abbreviation goes on when the next line opens in lower case', () => {
  // Every line of this invented paragraph ends in a period, the first one after "Inc.".
  const article = clean('The board of Harrow & Vale Home Furnishings Inc.\napparently has no plan to sell the chain this year.');
  assert.equal(article.text, 'The board of Harrow & Vale Home Furnishings Inc. apparently has no plan to sell the chain this year.');
  assert.equal(segment(article).sentences.length, 1);
  // Scraped one-item lines that end a sentence stay apart.
  const items = clean('Rescuers reached the last of the stranded hikers on Sunday.\nThe trail will stay closed for the rest of the month, rangers said.');
  assert.equal(items.text.split('\n\n').length, 2);
});

test('short scraped lines are not joined as if wrapped', () => {
  const article = clean('Ferry service resumes after storm\n\nHome\nNews\nLocal\n\nThe ferry between two invented islands ran again on Tuesday morning after a storm.');
  assert.ok(!article.text.includes('Home News'));
});

test('a quotation ending in ! or ? with its speaker after it is one sentence', () => {
  const t = '"Any guy that can paint a fence like that, he is my type!" Mayor Pell said to cheers Thursday night. Then she left.';
  assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), [
    '"Any guy that can paint a fence like that, he is my type!" Mayor Pell said to cheers Thursday night.',
    'Then she left.',
  ]);
  const u = '"Are we ready?" asked Jane Roe. "Yes!" The crowd roared.';
  assert.deepEqual(splitSentences(u).map((s) => u.slice(s.start, s.end)), ['"Are we ready?" asked Jane Roe.', '"Yes!"', 'The crowd roared.']);
});
