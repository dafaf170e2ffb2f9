import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../index/analyze/glossary.ts';
import { evalQuestions, generateQuestions } from './questions.ts';
import { createRandom } from './random.ts';
import type { SeedText } from './seed-text.ts';

describe('evalQuestions', () => {
  it('gives the Korean and English questions of both evaluation sets', () => {
    const questions = evalQuestions();
    expect(questions).toHaveLength(72);
    expect(questions[0]).toBe('what rate cut for robot firms?');
    expect(questions[1]).toBe('AI 코리아 펀드는 어떤 기업을 지원하나?');
  });
});

describe('generateQuestions', () => {
  const seed: SeedText = {
    sentences: ['산업은행은 AI 코리아 펀드를 2025년까지 조성할 예정입니다.'],
    titles: ['AI 펀드'],
  };
  const glossary = parseGlossary('산업은행|산은\tKorea Development Bank|KDB\torg\n펀드\tfund\tfinance\n');

  it('makes Korean questions from runs of a sentence\'s words and English ones from the glossary concepts it names', () => {
    const questions = generateQuestions(seed, glossary, 40, createRandom(3));
    const english = questions.filter((q) => !/\p{Script=Hangul}/u.test(q));
    const korean = questions.filter((q) => /\p{Script=Hangul}/u.test(q));
    expect(english.length).toBeGreaterThan(5);
    expect(korean.length).toBeGreaterThan(5);
    for (const q of english) expect(q).toMatch(/Korea Development Bank|fund/);
    for (const q of korean) expect(q).toMatch(/^(산업은행은|AI|코리아|펀드를|\d{4}년까지|조성할)( \S+){2,5}( 관련 내용은\?|에 대해 알려줘|\?| 어떻게 되나요\?| 무엇인가요\?| 규모는\?)$/);
  });

  it('never repeats a question, and says so when the seed text cannot give that many', () => {
    const questions = generateQuestions(seed, glossary, 300, createRandom(3));
    expect(new Set(questions).size).toBe(300);
    const tiny: SeedText = { sentences: ['AI 펀드 규모 확대'], titles: [] };
    expect(() => generateQuestions(tiny, [], 1000, createRandom(3))).toThrow(/^Could only make \d+ distinct questions of the 1000 asked for/);
  });

  it('gives the same questions for the same random seed', () => {
    expect(generateQuestions(seed, glossary, 10, createRandom(8))).toEqual(generateQuestions(seed, glossary, 10, createRandom(8)));
  });
});
