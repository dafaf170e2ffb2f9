import { splitWords } from '../../index/analyze/words.ts';

/**
 * How much of a question and the turns it follows is read, and in how many ways its concepts are looked for. Everything
 * answering does grows with these: the words' roles and glossary matches, the terms searched and embedded, and the
 * coverage of every candidate sentence, which checks every way of saying every concept. Unbounded, a question of 1,000
 * characters of distinct words cost dozens of times a typical one, and ten such turns before a follow-up as much again
 * each; bounded, the worst question costs a small multiple of a typical one (`npm run bench`, part `questions`).
 */

/**
 * A question, with the earlier turns it follows, is read up to its last 32 words. Questions of the question sets have
 * up to 18 words, and follow-ups up to 23 with the turns they follow; a question that explains before it asks
 * ("부산에서 로봇 부품을 만드는 중소기업인데요, … 로봇 기업 우대금리는?") asks at the end, and Korean puts the asked-for
 * noun and the question ending last, so the last words are the ones kept.
 */
export const MAX_WORDS_READ = 32;

/**
 * …and up to its last 300 characters: the words are what is read, but a word may be a run of hundreds of syllables
 * without a space, whose bigrams and word pieces cost by their length. Questions of the question sets have up to 110
 * characters, and follow-ups up to 148 with the turns they follow.
 */
export const MAX_CHARS_READ = 300;

/**
 * The concepts of a question are looked for in at most 128 other forms in all (other forms of its words, glossary
 * forms of either language, counted before repeats are dropped). A glossary entry has up to twenty forms, so each word
 * of a long question of glossary words would otherwise be looked for twenty times over. When a question has more, each
 * concept keeps the same number of its first ones (the other form of its word, then its glossary forms in glossary
 * order, Korean first), so every concept keeps a translation.
 */
export const MAX_EXPANSIONS = 128;

/** What of a conversation may still be read. */
export interface ReadingBudget {
  words: number;
  chars: number;
}

/**
 * The part of `text` that is read within `budget`: from the first of its last `budget.words` words, or from a later
 * word when those take more than `budget.chars` characters. When no word starts late enough (the last word alone is
 * longer), its last `budget.chars` characters. The whole text, as it is, when it is within the budget.
 * @example readableTail('안녕하세요. 로봇 기업 우대금리는?', { words: 3, chars: 300 }) // '로봇 기업 우대금리는?'
 */
export function readableTail(text: string, budget: ReadingBudget): string {
  const words = splitWords(text);
  const from = Math.max(0, words.length - Math.max(0, budget.words));
  const limit = text.length - Math.max(0, budget.chars);
  if (from === 0 && limit <= 0) return text;
  const first = words.slice(from).find((w) => w.start >= limit);
  return text.slice(first ? first.start : limit);
}

/**
 * How many other forms each concept may keep: all of them when the question has at most `max` in all, else an equal
 * share of `max` (at least one).
 * @param forms the number of other forms of each concept
 */
export function expansionsEach(forms: readonly number[], max = MAX_EXPANSIONS): number {
  const total = forms.reduce((sum, n) => sum + n, 0);
  return total <= max ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(max / forms.length));
}
