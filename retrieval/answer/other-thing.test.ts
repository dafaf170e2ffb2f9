import { describe, expect, it } from 'vitest';
import { analyze } from '../../index/analyze/terms.ts';
import { QueryAnalyzer } from '../analyze/query.ts';
import { coverageModel, type WeightedConcept } from './coverage.ts';
import { contraryEnds, lacksLowerEnd, leavesSumUnnamed, otherKindOfAsked, otherSumsOfKind, sumIntent } from './other-thing.ts';

const analyzer = new QueryAnalyzer([]);

/** The words of a small collection: the question's nouns are nouns of it. */
const vocabulary = new Set(analyze('리스 보증 심사 수수료 입찰보증금 계약보증금 보증료 기간 아리랑 지역'));

/** The question's concepts, weighted against a collection where every term is as common. */
function conceptsOf(question: string): readonly WeightedConcept[] {
  return coverageModel(analyzer.analyze(question, [], vocabulary), { idf: () => 1, df: () => 1, size: 10 }).concepts;
}

/** The thing a question asks for. */
function askedIn(question: string): WeightedConcept {
  const asked = conceptsOf(question).find((c) => c.role === 'asked');
  if (!asked) throw new Error(`no thing asked in "${question}"`);
  return asked;
}

function sentence(text: string, context = '') {
  return { text, terms: new Set(analyze(text)), context: new Set(analyze(`${context}\n${text}`)) };
}

describe('contraryEnds', () => {
  it('finds the other end of the measure said instead of the one asked', () => {
    expect(contraryEnds('기업당 최소 금액은?', '기업당 최대 2억 원을 지급합니다.')).toEqual(['최소']);
    expect(contraryEnds('What is the minimum loan?', 'The maximum loan is 5 million won.')).toEqual(['minimum']);
    expect(contraryEnds('가장 높은 봉우리의 최저 기온은?', '최고기온은 25도이다.')).toEqual(['최저']);
  });

  it('lets a sentence that says both ends, or neither, through', () => {
    expect(contraryEnds('최소 금액은?', '최소 1억 원에서 최대 2억 원까지 지급합니다.')).toEqual([]);
    expect(contraryEnds('지원 금액은?', '기업당 최대 2억 원을 지급합니다.')).toEqual([]);
    expect(contraryEnds('최대 금액은?', '기업당 최대 2억 원을 지급합니다.')).toEqual([]);
  });
});

describe('otherSumsOfKind', () => {
  it('finds another fee, sum or rate than the one asked for', () => {
    const question = '리스 보증의 심사 수수료는 얼마야?';
    expect(otherSumsOfKind(askedIn(question), question, sentence('보증료는 연 0.5% 고정입니다.'))).toEqual(['보증료']);
    const deposit = '입찰보증금은 얼마야?';
    expect(otherSumsOfKind(askedIn(deposit), deposit, sentence('계약보증금은 계약금액의 10%입니다.'))).toEqual(['계약보증금']);
  });

  it('finds nothing when the sentence names the thing asked, or nothing of its kind', () => {
    const question = '심사 수수료는 얼마야?';
    expect(otherSumsOfKind(askedIn(question), question, sentence('심사 수수료는 없고 보증료는 연 0.5%입니다.'))).toEqual([]);
    expect(otherSumsOfKind(askedIn(question), question, sentence('심사에는 보통 2주가 걸립니다.'))).toEqual([]);
    // A word of one syllable before the head is a word of its own, not a sum of that kind.
    expect(otherSumsOfKind(askedIn(question), question, sentence('자료를 준비해 주십시오.'))).toEqual([]);
  });
});

describe('sumIntent', () => {
  it('reads a fee, sum, cost or amount as an amount and a rate as a share', () => {
    expect(['보증료', '입찰보증금', '사업비', '지원액'].map(sumIntent)).toEqual(['amount', 'amount', 'amount', 'amount']);
    expect(['할인율', '이용률'].map(sumIntent)).toEqual(['percent', 'percent']);
  });

  it('reads other nouns, and words of one syllable before the head, as neither', () => {
    expect(['기간', '자료', '지금', '한도'].map(sumIntent)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('lacksLowerEnd', () => {
  it('finds a question on a minimum answered with a limit', () => {
    expect(lacksLowerEnd('바우처 최소 지원 금액은 얼마야?', '정부 지원금은 총사업비의 70% 이내입니다.')).toBe(true);
    expect(lacksLowerEnd('What is the minimum loan?', 'Loans go up to 5 million won.')).toBe(true);
  });

  it('lets a sentence that gives a lower end through, and a question that asks for none', () => {
    expect(lacksLowerEnd('최소 금액은?', '1억 원 이상을 지원합니다.')).toBe(false);
    expect(lacksLowerEnd('최저임금은 얼마야?', '올해 최저임금은 시간당 1만 원이다.')).toBe(false);
    expect(lacksLowerEnd('지원 금액은?', '총사업비의 70% 이내입니다.')).toBe(false);
    // 최소한 is "at least" said of the question, not a minimum asked for.
    expect(lacksLowerEnd('최소한 몇 명이 참석했어?', '300명이 참석했다.')).toBe(false);
  });
});

describe('leavesSumUnnamed', () => {
  it('finds a sentence on the topic that does not name the fee asked for', () => {
    const question = '리스 보증 수수료는?';
    expect(leavesSumUnnamed(askedIn(question), question, sentence('기업당 보증 한도는 최대 5억 원입니다.'))).toBe(true);
  });

  it('takes the name from the sentence or the heading over its paragraph', () => {
    const question = '입찰보증금은 얼마야?';
    expect(leavesSumUnnamed(askedIn(question), question, sentence('입찰금액의 25/1000 이상을 납부하여야 함', '3. 입찰보증금 납부 및 세입 조치'))).toBe(false);
    const fee = '리스 보증 수수료는?';
    expect(leavesSumUnnamed(askedIn(fee), fee, sentence('심사 수수료는 없습니다.'))).toBe(false);
  });
});

describe('otherKindOfAsked', () => {
  const kind = (question: string, text: string) => otherKindOfAsked(askedIn(question), conceptsOf(question), question, { text });

  it('finds another kind of the thing asked, named by the word before it', () => {
    expect(kind('보증 기간은?', '리스 기간은 3년에서 5년 사이입니다.')).toBe('리스');
  });

  it('lets the same kind, a bare or pointed-at thing, and a which-question through', () => {
    expect(kind('리스 기간은?', '리스 기간은 3년에서 5년 사이입니다.')).toBeUndefined();
    expect(kind('보증 기간은?', '보증 기간은 리스 기간과 같습니다.')).toBeUndefined();
    expect(kind('보증 기간은?', '해당 기간은 3년입니다.')).toBeUndefined();
    expect(kind('어느 지역 아리랑인가?', '진도 아리랑은 남도 가락을 지녔다.')).toBeUndefined();
  });
});
