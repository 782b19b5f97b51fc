import type { CleaningDoc } from '../document.js';
import type { CleaningRule } from './rule.js';

// Agency feeds (AP, NYT News Service, Xinhua as archived by LDC) carry notices to editors inside
// the story text. Each is dropped with its own reason; the story itself stays.
const NOTICES: readonly { reason: string; pattern: RegExp }[] = [
  { reason: 'editors-notice', pattern: /^(?:ATTENTION|ATTN\.?|NOTE TO) EDITORS?\b|^\(?EDITORS? NOTE\b|^The following material is for use only by arrangement with\b/i },
  { reason: 'story-can-end', pattern: /^\(?\s*(?:STORY|ARTICLE) CAN END HERE\b|^\(?\s*OPTIONAL (?:TRIM|MATERIAL|ADD)\b|^\(?\s*(?:END )?OPTIONAL TRIM\b|^\(?\s*(?:BEGIN|END) OPTIONAL\b/i },
  { reason: 'purchase-notice', pattern: /^For purchase information,? see end of text\b|^For questions and comments,? please call\b/i },
  { reason: 'wire-slug', pattern: /^(?:NYT-\d+|\(?(?:MORE|END|ENDIT|ADVANCE FOR)\)?[.\s]*$)/ },
];

// A service note to the agency's clients, anywhere in a block: a telephone number together with a
// request to call about the copy ("For questions, please call ... at 415-555-0100") or a budget
// line ("... plans to move the following stories for clients of ..."). Both are needed, so a
// story that quotes a hotline ("Anyone with information should call 555-0100") is not a notice.
const PHONE = /(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}-\d{4}\b/;
const SERVICE_REQUEST = /\b(?:questions|comments|more information)\b,?[^.]{0,30}\bplease call\b|\bplans? to move\b[^.]{0,80}\bclients of\b/i;

/** Whether a block is an agency notice; the reason slug when it is. */
export function newswireNotice(text: string): string | null {
  const t = text.trim();
  for (const { reason, pattern } of NOTICES) if (pattern.test(t)) return reason;
  if (PHONE.test(t) && SERVICE_REQUEST.test(t)) return 'contact-notice';
  return null;
}

// "SAN ANTONIO _ ", "FRANKFURT, Germany (AP) _ ": wire datelines with the underscore dash.
const UNDERSCORE_DATELINE = /^\p{Lu}[\p{Lu}.'’ -]+(?:, \p{Lu}[\p{L}. ]{1,30})?(?: \([\p{L}-]{1,20}\))? _ (?=["“`'\p{Lu}\p{N}])/u;

/** Drops agency notices, and strips the underscore datelines of wire copy. */
export const removeNewswireNotices: CleaningRule = {
  name: 'removeNewswireNotices',
  run(doc: CleaningDoc) {
    for (const i of doc.kept()) {
      const text = doc.blocks[i].text;
      const reason = newswireNotice(text);
      if (reason) {
        doc.drop(i, reason);
        continue;
      }
      const dateline = UNDERSCORE_DATELINE.exec(text);
      if (dateline) doc.stripPrefix(i, dateline[0], 'dateline');
    }
  },
};
