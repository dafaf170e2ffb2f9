import { describe, expect, it } from 'vitest';
import { splitWords } from '../../index/analyze/words.ts';
import { isElliptical } from './follow-up.ts';
import { wordRoles } from './word-roles.ts';

const everyTerm = { has: () => true };
const elliptical = (question: string) => {
  const words = splitWords(question);
  return isElliptical(words, wordRoles(words, everyTerm));
};

describe('isElliptical', () => {
  it.each([
    '그럼 대출 규모는?',
    '그중 중소기업 비중은?',
    '그 펀드는 어떤 기업에 자금을 줘?',
    'What premium discount does it give?',
    'And how much has gone to the five strategic sectors?',
    'What about the one on AI ships and drones?',
    '중견기업은?',
    'How much?',
  ])('reads "%s" as leaving its topic to the turn before', (question) => {
    expect(elliptical(question)).toBe(true);
  });

  it.each(['what rate cut for robot firms?', '카이스트 간담회는 언제 열렸어?', 'Who won the 2022 World Cup?', 'AI 팩토리는 몇 개로 늘려?'])(
    'reads "%s" as a question with a topic of its own',
    (question) => {
      expect(elliptical(question)).toBe(false);
    },
  );
});
