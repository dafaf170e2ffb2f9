import type { Word } from '../../index/analyze/words.ts';
import type { QueryIntent } from './intent.ts';
import { isPointer, type WordRole } from './word-roles.ts';

/** Korean openers that continue the conversation: "그럼 대출 규모는?", "또 어떤 기업이…". */
const KOREAN_OPENERS = /^(?:그럼|그러면|그리고|그래서|그런데|그러나|또|또는|아니면|그밖에)$/u;
/** English openers that continue the conversation: "And how much…", "What about…". */
const ENGLISH_OPENERS: ReadonlySet<string> = new Set('and also then so plus'.split(' '));
/** Words that say what kind of answer a question wants: "얼마", "언제", "이름", "who", "how". */
const QUESTION_WORD = /^(?:뭐|무엇|무슨|누구|누가|어디|언제|얼마|몇|어떤|어느|왜|어떻게|이름|명칭|what|which|who|whom|whose|when|where|why|how)/iu;

/**
 * Whether a question leaves its topic to the conversation before it: it points back ("그 펀드는", "it", "그중"),
 * opens as a continuation ("그럼 …", "And …", "What about …"), names nothing of its own ("How much?", "규모는?"), or
 * names one thing and neither asks nor says anything of it ("중견기업은?", "스타트업 코리아 펀드는?"). A question with a
 * topic of its own is answered as if asked alone, however many turns came before.
 * @param concepts how many things the question names (a glossary phrase counts once)
 * @param asks whether it says what kind of answer it wants (see {@link asksWhatKind})
 */
export function isElliptical(words: readonly Word[], roles: readonly WordRole[], concepts: number, asks: boolean): boolean {
  const first = words[0]?.text.toLowerCase() ?? '';
  const second = words[1]?.text.toLowerCase() ?? '';
  if (ENGLISH_OPENERS.has(first) || KOREAN_OPENERS.test(first)) return true;
  if ((first === 'what' || first === 'how') && second === 'about') return true;
  if (words.some(isPointer)) return true;
  return concepts === 0 || (concepts === 1 && !roles.includes('predicate') && !asks);
}

/**
 * Whether a question says what kind of answer it wants ("얼마야?", "규모는?", "누가", "When …"), rather than leaving
 * that to the turn before ("중견기업은?", "그럼 클라우드 기업은?").
 */
export function asksWhatKind(words: readonly Word[], intent: QueryIntent): boolean {
  return (intent !== 'general' && intent !== 'list') || words.some((w) => QUESTION_WORD.test(w.text));
}
