import { describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { openLiveCollection } from '../../server/live-collection.ts';
import type { DocumentSummary } from '../../contract/api.ts';
import { admin, appOver, listen, postJson, serveSeedApp } from './support.ts';

const QUESTIONS = [
  'what rate cut for robot firms?',
  'AI 팩토리를 몇 개로 확대하나요?',
  '제조업 AI 도입률 목표는?',
  '제주도 여행 코스 추천해줘',
  'AI 자율제조 대출 프로그램 규모는?',
];

const NEW_DOCUMENTS = [
  {
    id: 'ai-voucher-2025',
    title: 'AI 바우처 지원사업 공고',
    text: '중소기업은 AI 바우처로 최대 3억 원을 지원받는다. 바우처 신청 마감은 2025년 3월 31일이다.',
    question: 'AI 바우처 신청 마감일은?',
    fact: '2025년 3월 31일',
  },
  {
    id: 'smart-farm',
    title: '스마트팜 보급 계획',
    text: '농림축산식품부는 2027년까지 스마트팜 온실 7,000헥타르를 보급한다.',
    question: '스마트팜 온실 보급 목표 면적은?',
    fact: '7,000헥타르',
  },
];

const served = serveSeedApp();

async function ask(url: string, question: string): Promise<{ status: number; answer: Answer }> {
  const res = await fetch(`${url}/api/ask`, postJson({ question }));
  return { status: res.status, answer: (await res.json()) as Answer };
}

describe('under load', () => {
  it('answers 500 concurrent questions while two documents are added, and both are searchable afterwards', async () => {
    const asks = Array.from({ length: 500 }, (_, i) => ask(served.server.url, QUESTIONS[i % QUESTIONS.length]!));
    const adds = NEW_DOCUMENTS.map(({ id, title, text }) => fetch(`${served.server.url}/api/documents`, postJson({ id, title, text }, admin())));
    const [answers, added] = await Promise.all([Promise.all(asks), Promise.all(adds)]);

    expect(answers.map((a) => a.status)).toEqual(Array(500).fill(200));
    for (const [i, { answer }] of answers.entries()) {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      if (question === 'what rate cut for robot firms?') expect(answer.answer).toContain('1.2%p');
      if (question === 'AI 팩토리를 몇 개로 확대하나요?') expect(answer.answer).toContain('500개');
      if (question === '제주도 여행 코스 추천해줘') expect(answer.abstained).toBe(true);
    }
    expect(added.map((r) => r.status)).toEqual([201, 201]);
    expect(served.seed.errors).toEqual([]);

    for (const doc of NEW_DOCUMENTS) {
      const { answer } = await ask(served.server.url, doc.question);
      expect(answer.answer).toContain(doc.fact);
      expect(answer.citations[0]?.docId).toBe(doc.id);
    }
  });

  it('keeps both documents across a restart', async () => {
    const other = await listen(appOver(served.seed.workspace, await openLiveCollection(served.seed.workspace.config)).app);
    try {
      const { documents } = (await (await fetch(`${other.url}/api/documents`)).json()) as { documents: DocumentSummary[] };
      expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining(['ai-voucher-2025', 'smart-farm']));
      expect(documents).toHaveLength(7);
      for (const doc of NEW_DOCUMENTS) expect((await ask(other.url, doc.question)).answer.citations[0]?.docId).toBe(doc.id);
    } finally {
      await other.close();
    }
  });
});
