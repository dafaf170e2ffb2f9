import { describe, expect, it } from 'vitest';
import { answerForSpeech, splitAnswer } from './answer-text.ts';

const FIRST = '또한, 산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';
const SECOND = '신한, 기업, 하나 등 3개 시중은행은 AI 자율제조 기술을 보유한 기업들을 위해 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.';

describe('splitAnswer', () => {
  it('turns each [n] after a sentence into a marker and keeps the space between sentences', () => {
    expect(splitAnswer(`${FIRST} [1] ${SECOND} [2]`, new Set([1, 2]))).toEqual([
      { kind: 'text', text: FIRST },
      { kind: 'marker', n: 1 },
      { kind: 'text', text: ` ${SECOND}` },
      { kind: 'marker', n: 2 },
    ]);
  });

  it('keeps a bracketed number that names no citation as text', () => {
    expect(splitAnswer('근거 조항 [7]에 따라 지원한다. [1]', new Set([1]))).toEqual([
      { kind: 'text', text: '근거 조항 [7]에 따라 지원한다.' },
      { kind: 'marker', n: 1 },
    ]);
  });

  it('returns the not-found message as a single text part', () => {
    const message = '문서에서 찾지 못했습니다. 이 질문에 답하는 내용이 문서에 없습니다.';
    expect(splitAnswer(message, new Set())).toEqual([{ kind: 'text', text: message }]);
  });

  it('keeps text that follows the last marker', () => {
    expect(splitAnswer('A [1] B', new Set([1]))).toEqual([
      { kind: 'text', text: 'A' },
      { kind: 'marker', n: 1 },
      { kind: 'text', text: ' B' },
    ]);
  });
});

describe('answerForSpeech', () => {
  it('reads the sentences without their markers', () => {
    expect(answerForSpeech(`${FIRST} [1] ${SECOND} [2]`, new Set([1, 2]))).toBe(`${FIRST} ${SECOND}`);
  });
});
