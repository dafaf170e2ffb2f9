import { describe, expect, it } from 'vitest';
import { shortNoun } from './particles.ts';
import { analyze, hangulTerms } from './terms.ts';
import { splitWords } from './words.ts';

describe('analyze', () => {
  it('makes character bigrams of Hangul stems and keeps longer stems whole', () => {
    expect(hangulTerms('우대금리')).toEqual(['우대', '대금', '금리', '=우대금리']);
    expect(analyze('우대금리')).toEqual(['우대', '대금', '금리', '=우대금리']);
  });

  it('strips particles so inflected and bare nouns share terms', () => {
    expect(analyze('기업들에게')).toEqual(['기업']);
    expect(analyze('금리는')).toEqual(analyze('금리를'));
    expect(analyze('얼라이언스는')).toEqual(analyze('얼라이언스'));
  });

  it('keeps two-syllable nouns whose last syllable looks like a particle', () => {
    expect(analyze('국가')).toEqual(['국가']);
    expect(analyze('결과')).toEqual(['결과']);
    // Which a one-syllable noun with its particle looks like: both readings are left to the caller.
    expect(shortNoun('말의')).toBe('말');
    expect(shortNoun('국가')).toBe('국');
    expect(shortNoun('금리는')).toBeUndefined();
  });

  it('lower-cases Latin words and reduces them to Porter stems', () => {
    expect(analyze('Robot FIRMS companies joined')).toEqual(['robot', 'firm', 'compani', 'join']);
  });

  it('drops question words and fillers in both languages', () => {
    expect(analyze('What is the rate?')).toEqual(['rate']);
    expect(analyze('무엇인가 알려줘')).toEqual([]);
  });

  it('keeps numbers findable with their units', () => {
    expect(analyze('최대 -1.2%p까지')).toEqual(['최대', '#1.2%p', '#1.2']);
    expect(analyze('2,000억원')).toEqual(['#2000억', '#2000']);
    expect(analyze('2000억 원')).toEqual(analyze('2,000억원'));
    expect(analyze('3조 5000억 원')).toEqual(['#3조', '#3', '#5000억', '#5000']);
    expect(analyze('84.9% 증가')).toEqual(['#84.9%', '#84.9', '증가']);
  });

  it('reads counters of ships, animals, books, trees and times as units', () => {
    expect(analyze('선박 3척')).toEqual(['선박', '#3척', '#3']);
    expect(analyze('나무 100그루')).toEqual(['나무', '#100그루', '#100']);
    expect(analyze('3회 개최')).toEqual(['#3회', '#3', '개최']);
  });

  it('separates Latin acronyms glued to Hangul', () => {
    expect(splitWords('AI정책금융').map((w) => [w.kind, w.stem])).toEqual([
      ['latin', 'ai'],
      ['hangul', '정책금융'],
    ]);
  });

  it('records exact offsets of every word', () => {
    const text = '산업은행은 AI 모델에 5.5조원을';
    for (const w of splitWords(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
  });
});

describe('numbers in Korean news', () => {
  it("reads abbreviated years as full years", () => {
    expect(analyze("('24년 28%)")).toEqual(['#2024년', '#2024', '#28%', '#28']);
    expect(analyze("~'27")).toEqual(['#2027년', '#2027']);
  });

  it('does not take the ordinal suffix of "12th" for a unit', () => {
    expect(analyze('the 12th meeting')).toEqual(['#12', 'meet']);
  });
});

describe('English words', () => {
  it('reads cardinal number words as numbers', () => {
    expect(analyze('the five strategic sectors')).toEqual(['#5', 'strateg', 'sector']);
    expect(analyze('Twelve')).toEqual(['#12']);
  });

  it('keeps the possessor of a possessive, with its offsets', () => {
    const words = splitWords("What is K-SURE's product?");
    expect(words.map((w) => w.stem)).toEqual(['what', 'is', 'k-sure', 'product']);
    expect(words[2]).toMatchObject({ text: 'K-SURE', start: 8, end: 14 });
  });
});

describe('ambiguous endings', () => {
  it('indexes both stems of a noun ending in 라 before the topic particle', () => {
    expect(analyze('청나라는')).toEqual(['청나', '나라', '=청나라']);
    expect(analyze('데이모스라는')).toEqual(expect.arrayContaining(['=데이모스', '=데이모스라']));
  });
});
