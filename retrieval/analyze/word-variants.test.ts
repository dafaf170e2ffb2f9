import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../index/analyze/glossary.ts';
import { splitWords } from '../../index/analyze/words.ts';
import { GlossaryMatcher } from './glossary-matcher.ts';
import { wordVariant } from './word-variants.ts';

/** A collection that writes 공급, 설, 자율제조, 보험 and 할인, but none of the words as the questions put them. */
const vocabulary = { has: (term: string) => ['공급', '설', '자율', '율제', '제조', '=자율제조', '보험', '할인'].includes(term) };
const matcher = new GlossaryMatcher(parseGlossary('자율제조\tautonomous manufacturing\tai\n보험\tinsurance\tfinance\n할인\tdiscount\tfinance'));
const variant = (text: string) => {
  const words = splitWords(text);
  return wordVariant(words[0]!, matcher.match(words), vocabulary);
};

describe('wordVariant', () => {
  it('reads a two-digit year as the full year', () => {
    expect(variant('27년')).toEqual([['#2027년', '#2027']]);
  });

  it('looks for a derived noun by its base, and a one-syllable noun without its particle', () => {
    expect(variant('공급액은')).toEqual([['공급']]);
    expect(variant('설이')).toEqual([['설']]);
  });

  it('splits a compound the documents never write whole into its glossary parts', () => {
    expect(variant('자율제조보험할인')).toEqual([['자율', '율제', '제조', '=자율제조', '보험', '할인']]);
  });

  it('leaves a word the documents use, or one with no other form, as it is', () => {
    expect(variant('자율제조')).toBeUndefined();
    expect(variant('바이오')).toBeUndefined();
  });
});
