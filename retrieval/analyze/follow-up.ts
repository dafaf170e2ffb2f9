import type { Word } from '../../index/analyze/words.ts';
import { isPointer, type WordRole } from './word-roles.ts';

/** Korean openers that continue the conversation: "그럼 대출 규모는?", "또 어떤 기업이…". */
const KOREAN_OPENERS = /^(?:그럼|그러면|그리고|그래서|그런데|그러나|또|또는|아니면|그밖에)$/u;
/** English openers that continue the conversation: "And how much…", "What about…". */
const ENGLISH_OPENERS: ReadonlySet<string> = new Set('and also then so plus'.split(' '));

/**
 * Whether a question leaves its topic to the conversation before it: it points back ("그 펀드는", "it", "그중"),
 * opens as a continuation ("그럼 …", "And …", "What about …"), or names no more than one thing of its own and asks
 * nothing about it ("중견기업은?", "How much?"). A question with a topic of its own is answered as if asked alone,
 * however many turns came before.
 */
export function isElliptical(words: readonly Word[], roles: readonly WordRole[]): boolean {
  const first = words[0]?.text.toLowerCase() ?? '';
  const second = words[1]?.text.toLowerCase() ?? '';
  if (ENGLISH_OPENERS.has(first) || KOREAN_OPENERS.test(first)) return true;
  if ((first === 'what' || first === 'how') && second === 'about') return true;
  if (words.some(isPointer)) return true;
  const content = roles.filter((r) => r === 'content' || r === 'asked').length;
  const asked = roles.some((r) => r === 'predicate');
  return content === 0 || (content === 1 && !asked && words.length <= 2);
}
