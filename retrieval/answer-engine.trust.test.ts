import { describe, expect, it } from 'vitest';
import { useSeedEngine } from '../tests/support/seed-engine.ts';
import type { AskRequest } from '../contract/api.ts';
import { NOT_FOUND } from './answer/messages.ts';
import type { Answer } from '../contract/api.ts';

const seeds = useSeedEngine();

const ask = (question: string, ...history: string[]): Promise<Answer> => {
  const request: AskRequest = history.length > 0 ? { question, history: history.map((q) => ({ question: q })) } : { question };
  return seeds.engine.ask(request);
};
const documentText = (docId: string) => seeds.loaded.collection.documents.get(docId)?.text ?? '';
/** The answer's sentences without their `[n]` markers. */
const sentencesOf = (answer: Answer) => answer.answer.split(/\s*\[\d+\]\s*/).filter(Boolean);

/** The KDB sentence that answers the robot-rate question (article 000), without its leading "또한,". */
const ROBOT_RATE = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';
const KAIST_ATTENDEES = '업계에서는 포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드 등이 참석했다.';

describe('answering only what the documents say', () => {
  it.each([
    ['What is the capital of France?', 'en'],
    ['바이오 기업 우대금리는?', 'ko'],
    ['What rate cut do biotech firms get?', 'en'],
    ['삼성전자의 AI 투자 금액은?', 'ko'],
    ['How many employees does POSCO have?', 'en'],
    ['Who is the CEO of Hyundai Motor?', 'en'],
    ['조선업 기업 우대금리는?', 'ko'],
    ['구글 클라우드의 한국 투자 계획은?', 'ko'],
  ] as const)('abstains on "%s", which shares words with the articles but is not answered by them', async (question, lang) => {
    const answer = await ask(question);
    expect(answer).toMatchObject({ abstained: true, answer: NOT_FOUND[lang], citations: [], short: null, lang });
  });

  it('answers the in-scope question those near misses imitate, in either language', async () => {
    for (const question of ['로봇 기업 우대금리는?', 'what rate cut for robot firms?']) {
      const answer = await ask(question);
      expect(answer.abstained).toBe(false);
      expect(sentencesOf(answer)[0]).toBe(ROBOT_RATE);
    }
  });
});

describe('follow-ups', () => {
  it('answers a self-contained question as if asked alone, whatever came before', async () => {
    const alone = await ask('what rate cut for robot firms?');
    const after = await ask('what rate cut for robot firms?', '로봇 기업 우대금리는?', '그럼 대출 규모는?', 'How much insurance does K-SURE offer?');
    expect(after.usedHistory).toBe(false);
    expect(after.answer).toBe(alone.answer);
    expect(after.short?.text).toBe('최대 -1.2%p');
  });

  it('does not let an earlier question answer an unrelated one', async () => {
    const answer = await ask('Who won the 2022 World Cup?', '로봇 기업 우대금리는?');
    expect(answer).toMatchObject({ abstained: true, usedHistory: false, citations: [] });
  });

  it('lets an elliptical question borrow the topic of the turn before it', async () => {
    const loan = await ask('그럼 대출 규모는?', '시중은행 AI 자율제조 우대금리는?');
    expect(loan.usedHistory).toBe(true);
    expect(loan.short?.text).toBe('2,000억원');
    expect(sentencesOf(loan)[0]).toContain('0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램');

    const share = await ask('그중 중소기업 비중은?', '얼라이언스 참여 기업 중 대기업 비율은?');
    expect(share).toMatchObject({ usedHistory: true, short: { text: '56%' } });

    const discount = await ask('What premium discount does it give?', "What is K-SURE's AI insurance product called?");
    expect(discount).toMatchObject({ usedHistory: true, short: { text: '최대 30%' } });
  });

  it('asks the same elliptical question differently without the turn it leans on', async () => {
    const alone = await ask('그럼 대출 규모는?');
    expect(alone.usedHistory).toBe(false);
    expect(alone.answer).not.toContain('0.7%p 우대금리');
  });
});

describe('the answering sentence and the answer in it', () => {
  it('chooses the sentence that lists the companies at the KAIST meeting, not the one about who hosted it', async () => {
    for (const question of ['카이스트 간담회에 참석한 기업은?', 'Which companies attended the meeting at KAIST?']) {
      const answer = await ask(question);
      expect(sentencesOf(answer)[0]).toBe(KAIST_ATTENDEES);
      expect(answer.short?.text).toBe('포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드');
    }
  });

  it.each([
    ['an amount', '시중은행 AI 자율제조 대출 프로그램 규모는?', '2,000억원'],
    ['a rate', '로봇 기업 우대금리는?', '최대 -1.2%p'],
    ['a date', '카이스트 간담회는 언제 열렸어?', '19일'],
    ['a list', '카이스트 간담회에 참석한 기업은?', '포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드'],
    ['a person', 'Which minister hosted the KAIST meeting?', '구윤철 부총리 겸 기획재정부 장관'],
    ['a count', 'AI 팩토리는 몇 개로 늘려?', '500개'],
  ])('gives %s as the short answer, at its exact offsets in the cited document', async (_kind, question, expected) => {
    const answer = await ask(question);
    expect(answer.short?.text).toBe(expected);
    const cited = answer.citations.find((c) => c.n === answer.short?.n);
    expect(cited).toBeDefined();
    expect(documentText(cited?.docId ?? '').slice(answer.short?.start, answer.short?.end)).toBe(expected);
    expect(answer.short?.start).toBeGreaterThanOrEqual(cited?.highlights[0]?.start ?? Infinity);
  });

  it('gives no short answer when the question asks for no figure, date, name or list', async () => {
    expect((await ask('AI 자율제조 프로젝트란 무엇인가?')).short).toBeNull();
  });

  it('quotes a sentence without its leading connective, its highlight starting where the quote does', async () => {
    const answer = await ask('로봇 기업 우대금리는?');
    const [cited] = answer.citations;
    const text = documentText(cited?.docId ?? '');
    const [highlight] = cited?.highlights ?? [];
    expect(text.slice(highlight?.start, highlight?.end)).toBe(ROBOT_RATE);
    expect(text.slice((highlight?.start ?? 0) - 4, highlight?.start)).toBe('또한, ');
  });

  it('never quotes the headline that a caption glues to the next sentence', async () => {
    for (const question of ['Which minister hosted the KAIST meeting?', '카이스트 간담회는 언제 열렸어?', 'AI 팩토리 랩은 어디에 있어?']) {
      for (const sentence of sentencesOf(await ask(question))) expect(sentence).not.toContain('500개로 구윤철');
    }
  });

  it('quotes a footnote without its marker and answers from it when it holds the fact', async () => {
    const answer = await ask('AI혁신펀드 규모는?');
    expect(sentencesOf(answer)[0]).toBe("스타트업 코리아 펀드(2조원, ~'27), 글로벌 AI펀드(200억원, '25), AI혁신펀드(900억원, ~'26) 등");
    expect(answer.short?.text).toBe('900억원');
  });

  it('states a fact once though two articles repeat it in other words', async () => {
    const answer = await ask('카이스트 간담회는 언제 열렸어?');
    expect(answer.answer.match(/19일/g)).toHaveLength(1);
  });
});

describe('sources', () => {
  it.each(['로봇 기업 우대금리는?', 'AI 팩토리 목표는?', 'Which banks run the 0.7%p loan program?'])(
    'cites only the passages the answer quotes for "%s", and lists the others found as related',
    async (question) => {
      const answer = await ask(question);
      const markers = new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect(answer.citations.map((c) => c.n)).toEqual([...markers].sort((a, b) => a - b));
      for (const c of answer.citations) expect(c.highlights.length).toBeGreaterThan(0);
      expect(answer.related.map((c) => c.n)).toEqual(answer.related.map((_, i) => answer.citations.length + i + 1));
      for (const c of answer.related) expect(c.highlights).toEqual([]);
      expect(answer.citations.length + answer.related.length).toBe(5);
    },
  );
});
