import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { useSeedEngine } from '../tests/support/seed-engine.ts';
import { AnswerEngine } from './answer-engine.ts';
import { NOT_FOUND } from './answer/messages.ts';

const seeds = useSeedEngine();

describe('AnswerEngine', () => {
  it('answers the English card question from the Korean article, with the rate and its source', async () => {
    const answer = await seeds.engine.ask({ question: 'what rate cut for robot firms?' });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('1.2%p');
    const cited = answer.citations.find((c) => c.text.includes('-1.2%p'));
    expect(cited?.docId).toBe('000_b1883f170ede4282');
    expect(cited?.source).toBe('https://newsdao.kr/4601');
    expect(answer.answer).toMatch(new RegExp(`1\\.2%p[^\\[]*\\[${cited?.n}\\]`));
  });

  it('cites passages by exact offsets into the cleaned document', async () => {
    const answer = await seeds.engine.ask({ question: '로봇 기업 우대금리는?' });
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      const doc = seeds.loaded.collection.documents.get(c.docId);
      expect(doc?.text.slice(c.start, c.end)).toBe(c.text);
      for (const h of c.highlights) {
        expect(h.start).toBeGreaterThanOrEqual(c.start);
        expect(h.end).toBeLessThanOrEqual(c.end);
        expect(answer.answer).toContain(doc?.text.slice(h.start, h.end));
      }
    }
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
  });

  it('picks the sentence with the asked-for number', async () => {
    const answer = await seeds.engine.ask({ question: '얼라이언스는 표준모델을 몇 개 확산하기로 했어?' });
    expect(answer.answer).toContain('100개 이상의 표준모델');
  });

  it('returns at most topK passages, cited and related', async () => {
    const answer = await seeds.engine.ask({ question: 'AI 자율제조 금융 지원', topK: 2 });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.length + answer.related.length).toBe(2);
  });

  it('says so in Korean when the documents do not cover a Korean question', async () => {
    const answer = await seeds.engine.ask({ question: '제주도 여행 코스 추천해줘' });
    expect(answer).toMatchObject({ abstained: true, answer: NOT_FOUND.ko, citations: [], lang: 'ko' });
  });

  it('says so in English when the documents do not cover an English question', async () => {
    const answer = await seeds.engine.ask({ question: 'What is the boiling point of water?' });
    expect(answer).toMatchObject({ abstained: true, answer: NOT_FOUND.en, citations: [], lang: 'en' });
  });

  it('resolves a follow-up against the topic of the previous question', async () => {
    const first = 'AI 코리아 펀드는 누가 조성해?';
    const followUp = '그 펀드 규모는?';
    const alone = await seeds.engine.ask({ question: followUp });
    const inThread = await seeds.engine.ask({ question: followUp, history: [{ question: first }] });
    const firstSentence = (answer: string) => answer.split(/\s*\[\d+\]/)[0];
    expect(firstSentence(inThread.answer)).toContain('5000억 원 규모의 AI 코리아 펀드');
    expect(firstSentence(alone.answer)).not.toContain('AI 코리아 펀드');
  });

  it('cites a fact the articles repeat only once', async () => {
    const answer = await seeds.engine.ask({ question: 'AI 팩토리 참여 기업 전용 보험상품 규모는?', topK: 8 });
    const texts = answer.citations.map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
    const sentences = answer.answer.split(/\s*\[\d+\]\s*/).filter(Boolean);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('answers a repeated question from its cache until the collection changes', async () => {
    let searches = 0;
    const { lexical } = seeds.loaded.collection;
    const counted = new Proxy(lexical, {
      get(target, property) {
        if (property === 'search') {
          return (...args: Parameters<typeof lexical.search>) => {
            searches++;
            return target.search(...args);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let current = { ...seeds.loaded.collection, lexical: counted };
    const cached = new AnswerEngine(() => current, loadGlossary(seeds.workspace.config.glossaryPaths));
    const first = await cached.ask({ question: '초정밀 LAM 기술 예산은?' });
    const again = await cached.ask({ question: '초정밀 LAM 기술 예산은? ' });
    expect(again.answer).toBe(first.answer);
    expect(searches).toBe(1);
    await cached.ask({ question: '초정밀 LAM 기술 예산은?', topK: 2 });
    expect(searches).toBe(2);
    current = { ...current };
    await cached.ask({ question: '초정밀 LAM 기술 예산은?' });
    expect(searches).toBe(3);
  });
});
