import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../index/config.ts';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { QueryAnalyzer } from './query.ts';

const analyzer = new QueryAnalyzer(loadGlossary([join(PROJECT_ROOT, 'seeds', 'glossary.tsv')]));
/** Whether the analyser reads the question as a follow-up of an earlier one. */
const elliptical = (question: string) => analyzer.analyze(question, [{ question: '로봇 기업 우대금리는?' }]).usedHistory;

describe('reading a question as a follow-up', () => {
  it.each([
    '그럼 대출 규모는?',
    '그중 중소기업 비중은?',
    '그 펀드는 어떤 기업에 자금을 줘?',
    'What premium discount does it give?',
    'And how much has gone to the five strategic sectors?',
    'What about the one on AI ships and drones?',
    '중견기업은?',
    'How much?',
    '규모는?',
    '스타트업 코리아 펀드는?',
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
