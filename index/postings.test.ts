import { describe, expect, it } from 'vitest';
import { buildPostings, MAX_TF, termFrequencies } from './postings.ts';
import type { Chunk } from './types.ts';

const chunk = (text: string, i: number): Chunk => ({ chunkId: `d#${i}`, docId: 'd', start: 0, end: text.length, text });

describe('termFrequencies', () => {
  it('counts each analysed term of a text', () => {
    expect([...termFrequencies('로봇 금리 로봇')]).toEqual([
      ['로봇', 2],
      ['금리', 1],
    ]);
  });
});

describe('buildPostings', () => {
  it('lays out every term slice with ascending ordinals and term frequencies beside them', () => {
    const postings = buildPostings(['로봇 금리 로봇', '금리 인하 2,000억원', '산업은행은 로봇 기업에'].map(chunk));
    expect(postings.terms).toEqual(['로봇', '금리', '인하', '#2000억', '#2000', '산업', '업은', '은행', '=산업은행', '기업']);
    expect([...postings.offsets]).toEqual([0, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([...postings.ordinals]).toEqual([0, 2, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect([...postings.tfs]).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect([...postings.lengths]).toEqual([3, 4, 6]);
  });

  it('lists a chunk with no terms by its length of 0 only', () => {
    const postings = buildPostings(['그리고', '로봇'].map(chunk));
    expect(postings.terms).toEqual(['로봇']);
    expect([...postings.ordinals]).toEqual([1]);
    expect([...postings.lengths]).toEqual([0, 1]);
  });

  it('builds empty postings for no chunks', () => {
    const postings = buildPostings([]);
    expect(postings.terms).toEqual([]);
    expect([...postings.offsets]).toEqual([0]);
    expect(postings.ordinals).toHaveLength(0);
    expect(postings.lengths).toHaveLength(0);
  });

  it('keeps ordinals ascending however many chunks share a term', () => {
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `금리 인하 ${i}` : `로봇 기업 ${i}`));
    const postings = buildPostings(texts.map(chunk));
    const id = postings.terms.indexOf('금리');
    const list = [...postings.ordinals.subarray(postings.offsets[id], postings.offsets[id + 1])];
    expect(list).toEqual(Array.from({ length: 1000 }, (_, i) => 3 * i));
  });
});

describe('buildPostings with a term repeated past the storable frequency', () => {
  it('stores the frequency as MAX_TF while the chunk length counts every repeat', () => {
    const postings = buildPostings([chunk('로봇 '.repeat(MAX_TF + 10), 0)]);
    expect([...postings.tfs]).toEqual([MAX_TF]);
    expect([...postings.lengths]).toEqual([MAX_TF + 10]);
  });
});
