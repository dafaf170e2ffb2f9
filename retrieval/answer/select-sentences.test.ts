import { describe, expect, it } from 'vitest';
import { analyze } from '../../index/analyze/terms.ts';
import { QueryAnalyzer } from '../analyze/query.ts';
import { coverageModel } from './coverage.ts';
import { analyzePassage } from './passage-analysis.ts';
import { selectSentences } from './select-sentences.ts';

const passage =
  '신한, 기업, 하나 등 3개 시중은행은 AI 자율제조 기술을 보유한 기업들을 위해 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다. ' +
  '이 프로그램은 AI 자율제조 관련 연구개발(R·D)을 추진하거나 AI 자율제조를 생산현장에 적용하는 기업들에 제공될 예정이다.';
const other = '무보는 5년간 최대 10조 원의 무역 금융을 지원할 예정이다. 무보는 국내·외 은행들과 업무협약을 맺었다.';
const analyzer = new QueryAnalyzer([]);

function select(question: string) {
  const query = analyzer.analyze(question);
  const model = coverageModel(query, { idf: () => 1, df: () => 1, size: 10 });
  const chunkAt = (docId: string, text: string, start: number) => ({ chunkId: `${docId}#0`, docId, start, end: start + text.length, text });
  const source = (docId: string, text: string, start: number, score: number) => {
    const { sentences, terms } = analyzePassage(chunkAt(docId, text, start));
    return { sentences, terms, docId, score };
  };
  const sources = [source('a', passage, 100, 2), source('b', other, 0, 1)];
  return selectSentences(query, model, sources);
}

/** Selects from one passage of `text` at offset 0. */
function selectFrom(question: string, text: string) {
  const query = analyzer.analyze(question);
  const model = coverageModel(query, { idf: () => 1, df: () => 1, size: 10 });
  const { sentences, terms } = analyzePassage({ chunkId: `t${text.length}#0`, docId: 't', start: 0, end: text.length, text });
  return selectSentences(query, model, [{ sentences, terms, docId: 't', score: 1 }]);
}

describe('selectSentences', () => {
  it('picks the sentence that covers the question, with document offsets', () => {
    const [best] = select('시중은행 대출 프로그램 규모는?');
    expect(best?.text.startsWith('신한, 기업, 하나 등 3개 시중은행은')).toBe(true);
    expect(best?.source).toBe(0);
    expect(best?.start).toBe(100);
    expect(passage.slice((best?.start ?? 0) - 100, (best?.end ?? 0) - 100)).toBe(best?.text);
  });

  it('prefers a sentence with an amount when the question asks how much', () => {
    const [best] = select('무보 무역 금융 지원 규모는 얼마?');
    expect(best?.text).toBe('무보는 5년간 최대 10조 원의 무역 금융을 지원할 예정이다.');
  });

  it('answers with the field whose label names what is asked, and the row of a table under the header it names', () => {
    const notice = '②입찰 공고일 전일부터 입찰서 제출 기간까지 본점이 서울시에 있어야 함.\n\n⑤입찰서 제출 기간 : 2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00';
    const [field] = selectFrom('입찰서 제출 기간은?', notice);
    expect(field?.text).toBe('⑤입찰서 제출 기간 : 2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00');
    expect(notice.slice(field?.value?.start, field?.value?.end)).toBe('2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00');
    const table = '이름 | 국어 | 영어 | 수학\n\n개똥이 | 89 | 65 | 78\n\n칠득이 | 77 | 70 | 71';
    const [row] = selectFrom('칠득이의 영어 점수는?', table);
    expect(row?.text).toBe('칠득이 | 77 | 70 | 71');
    expect(table.slice(row?.value?.start, row?.value?.end)).toBe('70');
  });

  it('prefers the sentence that names the thing asked to one about its topic, and adds only such sentences', () => {
    const text =
      '협동로봇 리스 보증 프로그램은 중소기업이 협동로봇을 리스로 도입할 때 상환을 보증해 주는 제도입니다.\n\n' +
      '협동로봇 본체와 안전 센서 등 부속 장비가 대상입니다.\n\n보증료는 연 0.5% 고정이며, 인증 기업은 0.2%p를 감면받습니다.';
    const query = analyzer.analyze('협동로봇 리스 보증료는?', [], new Set(analyze(text)));
    // A collection on robot lease guarantees: the words of its topic are in many of its passages, 보증료 in one.
    const topic = new Set(analyze('협동로봇 리스 보증'));
    const df = (term: string) => (topic.has(term) ? 4 : 1);
    const model = coverageModel(query, { idf: (t) => Math.log(1 + 10 / df(t)), df, size: 10 });
    const { sentences, terms } = analyzePassage({ chunkId: 'lease#0', docId: 'lease', start: 0, end: text.length, text }, '협동로봇 리스 보증 안내');
    const chosen = selectSentences(query, model, [{ sentences, terms, docId: 'lease', score: 1 }]);
    expect(chosen.map((c) => c.text)).toEqual(['보증료는 연 0.5% 고정이며, 인증 기업은 0.2%p를 감면받습니다.']);
  });

  it('chooses nothing when no sentence shares anything with the question', () => {
    expect(select('제주도 여행 코스')).toEqual([]);
  });
});
