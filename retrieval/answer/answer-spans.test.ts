import { describe, expect, it } from 'vitest';
import type { QueryIntent } from '../analyze/intent.ts';
import { answerSpans, answersIntent, aroundSpan } from './answer-spans.ts';

const spans = (intent: QueryIntent, sentence: string, unit?: string) => answerSpans(intent, sentence, unit).map((s) => sentence.slice(s.start, s.end));

describe('answerSpans', () => {
  it('reads figures with their qualifiers, sign and unit, joining the parts of one figure', () => {
    expect(spans('percent', '산업은행은 로봇 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공한다.')).toEqual(['최대 -1.2%p']);
    expect(spans('amount', '총 54조 5000억 원의 자금을 공급했으며, 이는 연간목표 대비 53.2%로')).toEqual(['총 54조 5000억 원', '53.2%']);
    expect(spans('count', '200개 이상의 AI 자율제조 선도 프로젝트')).toEqual(['200개 이상']);
    expect(spans('count', '자전 주기는 약 9시간 56분으로 가장 짧다.')).toEqual(['약 9시간 56분']);
    expect(spans('date', "'27년까지 활용률을 50%('24년 28%)로 높이고, AI 인재(10월 1일) 간담회를")).toEqual(["'27년", "'24년", '10월 1일']);
    expect(spans('amount', '보증료는 연 0.5% 고정이며, 기초금액은 금72,300,000원(금칠천이백삼십만원)이다.')).toEqual(['금72,300,000원', '연 0.5%']);
    expect(spans('amount', '지원금 72,300,000원, 예금 5%')).toEqual(['72,300,000원', '5%']);
  });

  it('reads a date written with periods, and a period from one date to another, as one span', () => {
    expect(spans('date', '⑤입찰서 제출 기간 : 2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00')).toEqual(['2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00']);
    expect(spans('date', '③계약기간 : 2025년 1월 1일 ~ 2025년 12월 31일')).toEqual(['2025년 1월 1일 ~ 2025년 12월 31일']);
    expect(spans('date', '2024. 3. 2 공고, 2025년 접수')).toEqual(['2024. 3. 2', '2025년']);
    expect(spans('date', '신청 기간은 2025년 3월 4일(화)부터 3월 28일(금) 18시까지입니다.')).toEqual(['2025년 3월 4일(화)부터 3월 28일(금)']);
  });

  it('reads a share written as a fraction of 10, 100 or 1000, and not a date or a ratio of other numbers', () => {
    expect(spans('amount', '입찰금액의 25/1000 이상을 납부하여야 하며')).toEqual(['25/1000 이상']);
    expect(spans('percent', '지분의 5/100, 2024/12/20 접수, 3/4 분기')).toEqual(['5/100']);
  });

  it('reads English amounts, shares and dates, which carry their unit in the words around the number', () => {
    const sentence = 'KDB lends 200 billion won, about $3 billion, at up to 1.2 percentage points off from June 30, 2025.';
    expect(spans('amount', sentence)).toEqual(['200 billion won', 'about $3 billion', 'up to 1.2 percentage points']);
    expect(spans('percent', 'Exports rose 30 percent and prices 4 per cent.')).toEqual(['30 percent', '4 per cent']);
    expect(spans('date', sentence)).toEqual(['June 30, 2025']);
    expect(spans('date', 'It opened on 1 March 2024, and five firms may 2 times apply.')).toEqual(['1 March 2024']);
    expect(spans('count', 'The firm employs 1,200 people and lends $5 million.')).toEqual(['1,200']);
  });

  it('keeps only counts in the unit the question names', () => {
    const sentence = '인구는 약 330만 명이고 면적은 약 770km²이며, 15개 구로 이루어져 있다.';
    expect(spans('count', sentence, '명')).toEqual([]);
    expect(spans('count', '이번 얼라이언스에는 153개 기업·기관이 참여', '곳')).toEqual(['153개']);
  });

  it('finds lists of names between commas, not clauses', () => {
    expect(spans('list', '업계에서는 포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드 등이 참석했다.')).toEqual(['포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드']);
    expect(spans('list', '7월에는 얼라이언스가 출범했는데, 현대차, LG전자, 포스코 등 기업들이 참여해')).toEqual(['현대차, LG전자, 포스코']);
    expect(spans('list', "'25년 융자, 보증 등 중소기업 유동성의 60%를 집중 지원하고, '27년까지 정부, 민간 자금 등 약 3조원")).toEqual(['융자, 보증', '정부, 민간 자금']);
  });

  it('finds bodies and office holders with their names', () => {
    expect(spans('person', '구윤철 부총리 겸 기획재정부 장관은 19일 대전 카이스트에서 간담회를 개최했다.')).toEqual(['구윤철 부총리 겸 기획재정부 장관']);
    expect(spans('person', '정부와 금융위원회, 산업은행이 협력하여 AI 산업을 키운다.')).toEqual(['정부와 금융위원회, 산업은행']);
  });

  it('says a general question may be answered by any sentence, and a strict one only by one holding its kind', () => {
    expect(answersIntent('general', '어떤 문장이든')).toBeUndefined();
    expect(answersIntent('amount', '200개 이상의 프로젝트를 확산한다.')).toBe(false);
    expect(answersIntent('amount', '2,000억원 규모의 대출')).toBe(true);
  });
});

describe('aroundSpan', () => {
  const around = (sentence: string) => answerSpans('count', sentence).map((span) => aroundSpan(sentence, span));

  it('gives the two words on either side of a count, where what it counts is named', () => {
    expect(around('무역보험공사를 비롯한 20개의 금융기관 등은 협약식을 개최했다.')).toEqual(['무역보험공사를 비롯한 의 금융기관 등은']);
    expect(around('이번 얼라이언스에는 12개 업종의 153개 기업·기관이 참여하고')).toEqual(['이번 얼라이언스에는 업종의 153개', '12개 업종의 기업·기관이 참여하고']);
    expect(around('10대 AI 선도 프로젝트에 213개의 후보 과제가 몰리기도 했다.')).toEqual(['AI 선도', '선도 프로젝트에 의 후보 과제가']);
  });
});
