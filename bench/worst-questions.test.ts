import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../index/analyze/glossary.ts';
import { createRandom } from './random.ts';
import type { SeedText } from './seed-text.ts';
import { API_MAX_HISTORY_TURNS, API_MAX_QUESTION_CHARS, API_MAX_TOP_K, costlyKinds, distinctWords } from './worst-questions.ts';

/** Enough distinct words for a question of 1,000 characters of them. */
const seed: SeedText = {
  sentences: Array.from({ length: 40 }, (_, s) => Array.from({ length: 10 }, (_, w) => `문장${s}단어${w}`).join(' ')),
  titles: [],
};
const glossary = parseGlossary(
  ['산업은행|산은\tKorea Development Bank|KDB\torg', '펀드|기금\tfund\tfinance', '로봇\trobot\tindustry', '기업|회사\tcompany\tbusiness', '대출\tloan\tfinance', '얼마|규모\thow much\tquestion'].join('\n'),
);

describe('distinctWords', () => {
  it('joins distinct words up to the length asked, and stops when no new word comes', () => {
    let n = 0;
    const text = distinctWords(() => `w${n++}`, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(new Set(text.split(' ')).size).toBe(text.split(' ').length);
    expect(distinctWords(() => 'same', 1000)).toBe('same');
  });
});

describe('costlyKinds', () => {
  const kinds = costlyKinds(seed, glossary);

  it('makes requests the API accepts, each question close to its longest', () => {
    for (const kind of kinds) {
      const request = kind.make(createRandom(1));
      for (const question of [request.question, ...(request.history ?? []).map((t) => t.question)]) {
        expect(question.length, kind.id).toBeLessThanOrEqual(API_MAX_QUESTION_CHARS);
        expect(question.length, kind.id).toBeGreaterThan(API_MAX_QUESTION_CHARS * 0.85);
      }
      expect(request.history?.length ?? 0).toBeLessThanOrEqual(API_MAX_HISTORY_TURNS);
      expect(request.topK ?? 5).toBeLessThanOrEqual(API_MAX_TOP_K);
    }
  });

  it('glues glossary forms, never question words, and ends the turns of a conversation pointing back', () => {
    const compounds = kinds.find((k) => k.id === 'compounds')?.make(createRandom(1)).question ?? '';
    expect(compounds).toMatch(/^(?:(?:산업은행|산은|펀드|기금|로봇|기업|회사|대출){3} ?)+$/u);
    const followUps = kinds.find((k) => k.id === 'followUps')?.make(createRandom(1));
    expect(followUps?.history).toHaveLength(API_MAX_HISTORY_TURNS);
    for (const turn of [followUps?.question, ...(followUps?.history ?? []).map((t) => t.question)]) expect(turn).toMatch(/ 그 규모는\?$/u);
  });

  it('gives the same questions for the same random seed', () => {
    for (const kind of kinds) expect(kind.make(createRandom(9))).toEqual(kind.make(createRandom(9)));
  });
});
