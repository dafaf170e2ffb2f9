import { shortNoun } from '../../index/analyze/particles.ts';
import { analyze, hangulTerms } from '../../index/analyze/terms.ts';
import type { Word } from '../../index/analyze/words.ts';
import type { GlossaryMatch } from './glossary-matcher.ts';
import type { Phrasing } from './query.ts';
import type { Vocabulary } from './word-roles.ts';

/**
 * Another way the documents may write a word of a question, as terms, when the word as asked would miss it: a short
 * year as the full year, a derived noun as its base, a particle left on a one-syllable noun taken off, a glued compound
 * split into its glossary parts. Undefined when none applies.
 */
export function wordVariant(word: Word, matches: readonly GlossaryMatch[], vocabulary: Vocabulary): Phrasing | undefined {
  const variant = abbreviatedYear(word) ?? derivationBase(word, vocabulary);
  return variant ? [variant] : segmented(word, matches, vocabulary);
}

/**
 * Suffixes that derive a noun from a noun (공급액, 참여사, 활용률), and the copula that makes one describe another
 * ("삼성그룹의 모체인 삼성상회").
 */
const DERIVING_SUFFIXES = /[액량률율사자금비료처별당용측인]$/u;

/**
 * The terms of the noun a derived word is made from, when the documents use that noun but not the derived word:
 * "공급액" is said as "공급" ("54조 5000억 원의 자금을 공급"), "모체인" as "모체".
 */
function derivationBase(word: Word, vocabulary: Vocabulary): string[] | undefined {
  if (word.kind !== 'hangul') return undefined;
  const noun = shortNoun(word.text);
  if (noun !== undefined && !vocabulary.has(word.stem) && vocabulary.has(noun)) return [noun];
  if (word.stem.length < 3 || !DERIVING_SUFFIXES.test(word.stem)) return undefined;
  if (vocabulary.has(`=${word.stem}`)) return undefined;
  const base = hangulTerms(word.stem.slice(0, -1));
  return base.every((t) => vocabulary.has(t)) ? base : undefined;
}

/**
 * The terms of a compound the documents never write as one word, split into the glossary forms that make it up:
 * "자율제조보험할인" is looked for as 자율제조, 보험 and 할인.
 */
function segmented(word: Word, matches: readonly GlossaryMatch[], vocabulary: Vocabulary): Phrasing | undefined {
  const infixes = matches.flatMap((m) => (m.infix === undefined ? [] : [m.infix]));
  if (word.kind !== 'hangul' || infixes.length < 2 || vocabulary.has(`=${word.stem}`)) return undefined;
  let rest = word.stem;
  for (const infix of infixes) rest = rest.replace(infix, '');
  if (rest !== '') return undefined;
  let split = word.stem;
  for (const infix of infixes) split = split.replace(infix, ` ${infix} `);
  // The parts were written as one word: they stand anywhere in a text, not as a phrase of words side by side.
  return [[...new Set(analyze(split))]];
}

/** "27년" in a question means 2027 more often than 27 years: the terms of the full year, as documents write it. */
function abbreviatedYear(word: Word): string[] | undefined {
  if (word.kind !== 'number' || !/^\d\d년$/.test(word.stem)) return undefined;
  return [`#20${word.stem}`, `#20${word.stem.slice(0, 2)}`];
}
