import { describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { ApiError } from './api.ts';
import { historyFor, MAX_HISTORY_ANSWER_CHARS, type Turn } from './conversation.ts';

function answered(id: number, question: string, text: string): Turn {
  const answer: Answer = { answer: text, short: null, abstained: false, citations: [], related: [], usedHistory: false, lang: 'ko', tookMs: 1 };
  return { id, question, history: [], state: { status: 'answered', answer } };
}

describe('historyFor', () => {
  it('sends the answered turns, oldest first, with their answers', () => {
    const turns = [
      answered(1, '로봇 기업 우대금리는?', '산업은행은 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다. [1]'),
      answered(2, '어느 은행이 지원하나요?', '신한, 기업, 하나 등 3개 시중은행은 대출 프로그램을 지원한다. [1]'),
    ];
    expect(historyFor(turns)).toEqual([
      { question: '로봇 기업 우대금리는?', answer: '산업은행은 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다. [1]' },
      { question: '어느 은행이 지원하나요?', answer: '신한, 기업, 하나 등 3개 시중은행은 대출 프로그램을 지원한다. [1]' },
    ]);
  });

  it('leaves out questions that failed or are still waiting', () => {
    const turns: Turn[] = [
      { id: 1, question: '실패한 질문', history: [], state: { status: 'failed', error: new ApiError('network', 0, 'Failed to fetch') } },
      answered(2, 'AI 팩토리를 몇 개로 늘리나요?', '정부는 AI 팩토리 선도사업 공장을 2030년 500개로 확대한다. [1]'),
      { id: 3, question: '대기 중', history: [], state: { status: 'pending' } },
    ];
    expect(historyFor(turns).map((t) => t.question)).toEqual(['AI 팩토리를 몇 개로 늘리나요?']);
  });

  it('keeps only the most recent turns', () => {
    const turns = [1, 2, 3, 4].map((i) => answered(i, `질문 ${i}`, `답 ${i}`));
    expect(historyFor(turns, 2).map((t) => t.question)).toEqual(['질문 3', '질문 4']);
  });

  it('cuts a very long earlier answer so the request stays within the API limits', () => {
    const [turn] = historyFor([answered(1, '긴 답', '가'.repeat(MAX_HISTORY_ANSWER_CHARS + 100))]);
    expect(turn?.answer).toHaveLength(MAX_HISTORY_ANSWER_CHARS);
  });
});
