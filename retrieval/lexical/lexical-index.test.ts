import { describe, expect, it } from 'vitest';
import { buildPostings, termFrequencies } from '../../index/postings.ts';
import type { Chunk } from '../../index/types.ts';
import { LexicalIndex } from './lexical-index.ts';

const texts = [
  '산업은행은 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
  '3개 시중은행은 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.',
  '중기부는 AI 스타트업 육성 방안을 발표하였다.',
];
const chunks: Chunk[] = texts.map((text, i) => ({ chunkId: `d#${i}`, docId: 'd', start: 0, end: text.length, text }));
const query = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe('LexicalIndex', () => {
  it('ranks the chunk that holds the query terms first', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    expect(index.search(query('로봇', '금리'), 3)[0]?.ordinal).toBe(0);
    expect(index.search(query('#2000억'), 3).map((r) => r.ordinal)).toEqual([1]);
    expect(index.search(query('없는말'), 3)).toEqual([]);
  });

  it('counts document frequency over live chunks', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    expect(index.df('금리')).toBe(2);
    expect(index.size).toBe(3);
  });

  it('adds chunks at new ordinals and removes them again', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    const added: Chunk = { chunkId: 'e#0', docId: 'e', start: 0, end: 12, text: '로봇 금리 로봇 금리 특별 지원' };
    index.add(buildPostings([added]), 3);
    expect(index.search(query('특별'), 1)).toEqual([{ ordinal: 3, score: expect.any(Number) }]);
    index.remove([3], () => termFrequencies(added.text).keys());
    expect(index.search(query('특별'), 1)).toEqual([]);
    expect(index.df('금리')).toBe(2);
    expect(index.size).toBe(3);
  });

  it('round-trips through plain postings, keeping removed ordinals empty', () => {
    const index = new LexicalIndex(buildPostings(chunks));
    index.remove([1], () => termFrequencies(texts[1] as string).keys());
    const saved = JSON.parse(JSON.stringify(index.toPostings()));
    expect(saved.lengths[1]).toBe(-1);
    const restored = new LexicalIndex(saved);
    expect(restored.size).toBe(2);
    expect(restored.search(query('금리'), 5)).toEqual(index.search(query('금리'), 5));
  });
});
