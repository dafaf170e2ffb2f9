import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../index/analyze/glossary.ts';
import { GlossaryMatcher, MAX_COMPOUND_CHARS, MAX_COMPOUND_PARTS } from './glossary-matcher.ts';
import { askedUnit, detectIntent, detectLanguage, unitIntent } from './intent.ts';
import { QueryAnalyzer } from './query.ts';
import { splitWords } from '../../index/analyze/words.ts';

const glossary = parseGlossary(
  [
    '# test glossary',
    '로봇\trobot\tindustry',
    '기업|회사\tcompany|firm\tbusiness',
    '금리 인하|금리인하\trate cut|interest rate cut\tfinance',
    '우대금리\tpreferential rate\tfinance',
    '무역보험공사|한국무역보험공사|무보\tKorea Trade Insurance Corporation|K-SURE\torg',
    '펀드\tfund\tfinance',
    '얼마|규모\thow much|how large\tquestion',
  ].join('\n'),
);

describe('parseGlossary', () => {
  it('reads forms on both sides and the category', () => {
    expect(glossary[4]).toEqual({
      ko: ['무역보험공사', '한국무역보험공사', '무보'],
      en: ['Korea Trade Insurance Corporation', 'K-SURE'],
      category: 'org',
    });
  });

  it('names the line that is malformed', () => {
    expect(() => parseGlossary('로봇\trobot\n금리', 'g.tsv')).toThrow(/g\.tsv:2/);
  });
});

describe('GlossaryMatcher', () => {
  const matcher = new GlossaryMatcher(glossary);
  const labels = (text: string) => matcher.match(splitWords(text)).map((m) => m.entry.ko[0]);

  it('finds English phrases by their stems, longest first', () => {
    expect(labels('what rate cut for robot firms?')).toEqual(['금리 인하', '로봇', '기업']);
  });

  it('finds Korean forms with particles and inside compounds', () => {
    expect(labels('우대금리는 얼마')).toEqual(['우대금리', '얼마']);
    expect(labels('무보의 AI혁신펀드')).toEqual(['무역보험공사', '펀드']);
  });

  it(`finds at most ${MAX_COMPOUND_PARTS} forms inside one word, longest first`, () => {
    expect(MAX_COMPOUND_PARTS).toBe(4);
    expect(labels('우대금리펀드로봇기업무보')).toEqual(['우대금리', '펀드', '로봇', '기업']);
    expect(labels('로봇기업무보')).toEqual(['로봇', '기업', '무역보험공사']);
  });

  it(`does not look inside a run of more than ${MAX_COMPOUND_CHARS} syllables`, () => {
    const run = '로봇'.padEnd(MAX_COMPOUND_CHARS, '쿵');
    expect(labels(run)).toEqual(['로봇']);
    expect(labels(`${run}쿵`)).toEqual([]);
  });
});

describe('QueryAnalyzer', () => {
  const analyzer = new QueryAnalyzer(glossary);

  it('expands English words into Korean terms at a lower weight', () => {
    const { terms } = analyzer.analyze('what rate cut for robot firms?');
    expect(terms.get('robot')).toBe(1);
    expect(terms.get('로봇')).toBe(0.5);
    expect(terms.get('금리')).toBe(0.5);
    expect(terms.get('기업')).toBe(0.5);
  });

  it('expands Korean abbreviations into the full name and English', () => {
    const { terms } = analyzer.analyze('무보 보험');
    expect(terms.get('=무역보험공사')).toBe(0.5);
    expect(terms.get('k-sure')).toBe(0.5);
    expect(terms.get('무보')).toBe(1);
  });

  it('groups a phrase and its translations into one concept', () => {
    const { concepts } = analyzer.analyze('rate cut for robots');
    expect(concepts.map((c) => c.label)).toEqual(['rate cut', 'robots']);
    expect(concepts[1]?.alternatives).toEqual([[['robot']], [['로봇']]]);
  });

  it('does not search for question words, only uses them for the intent', () => {
    const query = analyzer.analyze('AI혁신펀드 규모는 얼마?');
    expect(query.terms.has('how')).toBe(false);
    expect(query.intent).toBe('amount');
  });

  it('keeps a compound the documents write whole that holds a question word, and reads a question word with an ending as one', () => {
    const documents = { has: (term: string) => ['=투자규모', '투자', '자규', '규모'].includes(term) };
    const compound = analyzer.analyze('투자규모는?', [], documents);
    expect(compound.concepts.map((c) => [c.label, c.alternatives])).toEqual([['투자규모는', [[['투자', '자규', '규모', '=투자규모']]]]]);
    expect(compound.terms.has('how')).toBe(false);
    expect(compound.intent).toBe('amount');
    expect(analyzer.analyze('펀드는 얼마 규모야?', [], documents).concepts.map((c) => c.label)).toEqual(['펀드는']);
    const apart = { has: (term: string) => ['투자', '규모', '펀드'].includes(term) };
    expect(analyzer.analyze('펀드 투자규모는?', [], apart).concepts.map((c) => c.label)).toEqual(['펀드']);
  });

  it('carries earlier questions over at a lower weight', () => {
    const { terms, concepts } = analyzer.analyze('그럼 대출 규모는?', [{ question: '무보의 보험 상품은?' }]);
    expect(terms.get('대출')).toBe(1);
    expect(terms.get('무보')).toBe(0.5);
    expect(terms.get('=무역보험공사')).toBe(0.25);
    expect(concepts.find((c) => c.label === '무보의')?.weight).toBe(0.5);
  });
});

describe('QueryAnalyzer with a conversation', () => {
  const analyzer = new QueryAnalyzer(glossary);

  it('borrows the earlier topic only for a question that leaves its own unsaid', () => {
    const history = [{ question: '무보의 보험 상품은?' }];
    const elliptical = analyzer.analyze('그럼 대출 규모는?', history);
    expect(elliptical.usedHistory).toBe(true);
    expect(elliptical.denseText).toBe('무보의 보험 상품은? 그럼 대출 규모는?');
    const alone = analyzer.analyze('로봇 기업 우대금리는?', history);
    expect(alone.usedHistory).toBe(false);
    expect(alone.terms.has('무보')).toBe(false);
    expect(alone.denseText).toBe('로봇 기업 우대금리는?');
  });

  it('carries a topic through a chain of follow-ups, halving its weight at each turn', () => {
    const query = analyzer.analyze('그중 로봇은?', [{ question: '무보의 보험 상품은?' }, { question: '그럼 대출 규모는?' }]);
    expect(query.terms.get('대출')).toBe(0.5);
    expect(query.terms.get('무보')).toBe(0.25);
    expect(query.concepts.filter((c) => c.current).map((c) => c.label)).toEqual(['로봇은']);
  });

  it('keeps an earlier topic apart from the question even when it is weighed as much', () => {
    const full = new QueryAnalyzer(glossary, { historyWeight: 1 });
    const query = full.analyze('그중 로봇은?', [{ question: '무보의 보험 상품은?' }]);
    expect(query.terms.get('무보')).toBe(1);
    expect(query.concepts.filter((c) => c.current).map((c) => c.label)).toEqual(['로봇은']);
  });
});

describe('detectIntent and detectLanguage', () => {
  it('classifies what kind of answer a question expects', () => {
    expect(detectIntent('얼라이언스는 표준모델을 몇 개 확산하기로 했어?')).toBe('count');
    expect(detectIntent('바우처 신청 마감일은?')).toBe('date');
    expect(detectIntent('의견 제출 기한은 어디까지야?')).toBe('date');
    expect(detectIntent('개찰 일시는?')).toBe('date');
    expect(detectIntent('How many startups will the fund invest in?')).toBe('count');
    expect(detectIntent('By what percentage did the budget grow?')).toBe('percent');
    expect(detectIntent('대기업 비율은?')).toBe('percent');
    expect(detectIntent('When is the relay meeting on AI talent?')).toBe('date');
    expect(detectIntent('How large is the guarantee support?')).toBe('amount');
    expect(detectIntent('제3차 위원회는 누가 주재했어?')).toBe('person');
    expect(detectIntent('AI 자율제조 프로젝트란 무엇인가?')).toBe('general');
    expect(detectIntent('카이스트 간담회에 참석한 기업은?')).toBe('list');
    expect(detectIntent('Which companies attended the meeting at KAIST?')).toBe('list');
    expect(detectIntent('중국 딥시크 직원 수는?')).toBe('count');
    expect(detectIntent('만장굴의 길이는 얼마나 돼?')).toBe('count');
    expect(detectIntent('조선의 태조가 도읍을 옮긴 해는?')).toBe('date');
  });

  it('reads the unit a question counts in, and what that unit asks for', () => {
    expect(askedUnit('대구의 인구는 약 몇 명인가?')).toBe('명');
    expect(askedUnit('금리를 몇 %p 깎아주나요?')).toBe('%p');
    expect(askedUnit('AI 팩토리는 몇 개로 늘려?')).toBe('개');
    expect(askedUnit('규모는 얼마야?')).toBeUndefined();
    expect(unitIntent('조')).toBe('amount');
    expect(unitIntent('%')).toBe('percent');
    expect(unitIntent('명')).toBeUndefined();
  });

  it('tells Korean from English questions', () => {
    expect(detectLanguage('로봇 기업 우대금리는?')).toBe('ko');
    expect(detectLanguage('What did the SME minister say about DeepSeek?')).toBe('en');
    expect(detectLanguage('KEIT 子펀드는 AI 스타트업 몇 개?')).toBe('ko');
  });
});
