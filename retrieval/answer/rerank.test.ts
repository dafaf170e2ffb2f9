import { describe, expect, it } from 'vitest';
import { QueryAnalyzer } from '../analyze/query.ts';
import { coverageModel } from './coverage.ts';
import { rerankByCoverage } from './rerank.ts';

const chunk = (chunkId: string, text: string) => ({ chunkId, docId: 'd', start: 0, end: text.length, text });

describe('rerankByCoverage', () => {
  const query = new QueryAnalyzer([]).analyze('무역보험공사 보험료 할인');
  const model = coverageModel(query, { idf: () => 1, df: () => 1, size: 10 });
  const repetitive = chunk('a', '보험료 보험료 보험료 보험료 인상 소식과 보험료 전망.');
  const complete = chunk('b', '무역보험공사는 보험료 할인 혜택을 준다.');

  it('lifts the passage that covers all of the question above one that repeats a single word', () => {
    const reranked = rerankByCoverage([{ chunk: repetitive, score: 10 }, { chunk: complete, score: 6 }], query, model);
    expect(reranked.map((p) => p.chunk.chunkId)).toEqual(['b', 'a']);
  });

  it('keeps the retrieval order when coverage has no weight', () => {
    const reranked = rerankByCoverage([{ chunk: repetitive, score: 10 }, { chunk: complete, score: 6 }], query, model, { weight: 0 });
    expect(reranked.map((p) => p.chunk.chunkId)).toEqual(['a', 'b']);
    expect(reranked[0]?.score).toBe(1);
  });
});
