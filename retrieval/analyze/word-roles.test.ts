import { describe, expect, it } from 'vitest';
import { splitWords } from '../../index/analyze/words.ts';
import { wordRoles, type WordRole } from './word-roles.ts';

/** The vocabulary of a small collection that writes 만들어, 놓였고, 설립, 기업, 펀드, 참석. */
const vocabulary = { has: (term: string) => ['만들', '들어', '놓였', '설립', '기업', '펀드', '참석', '정부', '=정부', '간담', '담회', '=간담회'].includes(term) };

function roles(question: string, glossedConcepts: number[] = []): Array<[string, WordRole]> {
  const words = splitWords(question);
  const found = wordRoles(words, vocabulary, { concepts: new Set(glossedConcepts), questionWords: new Set() });
  return words.map((w, i) => [w.text, found[i] as WordRole]);
}

describe('wordRoles for Korean questions', () => {
  it('reads counters, question words and pointers as scaffolding', () => {
    expect(roles('그 펀드는 몇 개로 늘려?')).toEqual([
      ['그', 'scaffold'],
      ['펀드는', 'asked'],
      ['몇', 'scaffold'],
      ['개로', 'scaffold'],
      ['늘려', 'predicate'],
    ]);
    expect(roles('직원 수는 얼마야?').map(([, r]) => r)).toEqual(['content', 'scaffold', 'scaffold']);
  });

  it('tells verb forms from nouns by their endings and by the forms the documents use', () => {
    // 만든 before a noun: the documents write 만들어. 참석한 is the verb of 참석.
    expect(roles('정부가 만든 펀드에 참석한 기업은?')).toEqual([
      ['정부가', 'content'],
      ['만든', 'predicate'],
      ['펀드에', 'content'],
      ['참석한', 'predicate'],
      ['기업은', 'asked'],
    ]);
    expect(roles('설립됐어')).toEqual([['설립됐어', 'predicate']]);
  });

  it('keeps a noun the collection never uses as content, and a verb of an unknown noun as a modifier', () => {
    expect(roles('바이오 기업 우대금리는?').map(([, r]) => r)).toEqual(['content', 'content', 'asked']);
    expect(roles('입주 신청 방법은 뭐야?').slice(0, 2)).toEqual([
      ['입주', 'content'],
      ['신청', 'content'],
    ]);
    expect(roles('개명했어')).toEqual([['개명했어', 'modifier']]);
  });

  it('reads adverbs and quantity words as modifiers', () => {
    expect(roles('새로 만든 펀드 전체 규모').map(([, r]) => r)).toEqual(['modifier', 'predicate', 'content', 'modifier', 'content']);
  });
});

describe('wordRoles for English questions', () => {
  it('reads verbs by their form, their place and a list of common verbs', () => {
    expect(roles('Which bank offers mortgage discounts?')).toEqual([
      ['Which', 'scaffold'],
      ['bank', 'asked'],
      ['offers', 'predicate'],
      ['mortgage', 'content'],
      ['discounts', 'content'],
    ]);
    expect(roles('How many drones will the army buy?').map(([, r]) => r)).toEqual(['scaffold', 'scaffold', 'asked', 'scaffold', 'scaffold', 'content', 'predicate']);
    // After a preposition the last word is a noun, not the verb of the inverted question.
    expect(roles('How much does the fund give to shipbuilders?').at(-1)).toEqual(['shipbuilders', 'content']);
    expect(roles('How much has gone to the five strategic sectors?').filter(([, r]) => r !== 'scaffold')).toEqual([
      ['gone', 'predicate'],
      ['five', 'content'],
      ['strategic', 'modifier'],
      ['sectors', 'content'],
    ]);
  });

  it('takes a glossary word as content whatever its form', () => {
    expect(roles('Who attended the meeting?', [1])[1]).toEqual(['attended', 'content']);
    expect(roles('Who attended the meeting?')[1]).toEqual(['attended', 'predicate']);
  });

  it('counts units, ordinals and proper names by what they are', () => {
    expect(roles('the first Samsung plant in five years').filter(([, r]) => r !== 'scaffold')).toEqual([
      ['first', 'modifier'],
      ['Samsung', 'content'],
      ['plant', 'content'],
      ['five', 'content'],
    ]);
  });
});
