import { memoize } from './memoize.ts';
import { alternativeStem, isParticle, stemHangul } from './particles.ts';
import { ENGLISH_STOPWORDS, KOREAN_STOPWORDS } from './stopwords.ts';
import { splitWords, type Word } from './words.ts';

/**
 * Version of the analysis: raised whenever {@link analyze} gives other terms for some text. Postings made by another
 * version are made again from the chunks when an index is loaded, since questions are analysed by this one.
 */
export const ANALYZER_VERSION = 3;

/** Whether a word carries no topic: a question word, a filler, or a bare particle ("1.2%p까지"). */
export function isStopword(word: Word): boolean {
  switch (word.kind) {
    case 'hangul':
      return isHangulStopword(word.text, word.stem);
    case 'latin':
      return ENGLISH_STOPWORDS.has(word.text.toLowerCase());
    default:
      return false;
  }
}

function isHangulStopword(text: string, stem: string): boolean {
  return KOREAN_STOPWORDS.has(stem) || KOREAN_STOPWORDS.has(text) || isParticle(text);
}

/**
 * Index terms of one word. The same function serves documents and questions, so both sides always agree:
 * - Hangul: character bigrams of the particle-stripped stem (a one-syllable stem is its own term), plus the whole
 *   stem as `=stem` when it is longer than a bigram, so that exact compounds rank above scattered bigrams; a word whose
 *   ending reads two ways ("청나라는") gets the terms of both stems.
 * - Latin: the light stem. Numbers: `#value+unit` and, when there is a unit, the bare `#value`. Han: the character.
 * Stopwords give no terms.
 */
export function wordTerms(word: Word): readonly string[] {
  // A Hangul word's stem is its text's (see splitWords), so its terms are too.
  if (word.kind === 'hangul') return hangulTermsByText(word.text);
  if (isStopword(word)) return [];
  switch (word.kind) {
    case 'number': {
      const bare = `#${word.stem.replace(/[^\d.]+$/, '')}`;
      const full = `#${word.stem}`;
      return bare === full ? [full] : [full, bare];
    }
    default:
      return [word.stem];
  }
}

const hangulTermsByText = memoize((text: string): readonly string[] => {
  const stem = stemHangul(text);
  if (isHangulStopword(text, stem)) return [];
  const terms = hangulTerms(stem);
  const other = alternativeStem(text, stem);
  return other === undefined ? terms : [...new Set([...terms, ...hangulTerms(other)])];
});

/** Character bigrams of a Hangul stem, plus the whole stem when longer than two syllables. */
export function hangulTerms(stem: string): string[] {
  if (stem.length < 2) return [stem];
  const terms: string[] = [];
  for (let i = 0; i + 2 <= stem.length; i++) terms.push(stem.slice(i, i + 2));
  if (stem.length > 2) terms.push(`=${stem}`);
  return terms;
}

/**
 * The analysed terms of a text, in order, repeats kept (term frequency counts them).
 * @example analyze('로봇 기업들에게 1.2%p') // ['로봇', '기업', '#1.2%p', '#1.2']
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) for (const term of wordTerms(word)) terms.push(term);
  return terms;
}
