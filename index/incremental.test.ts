import { describe, expect, it } from 'vitest';
import { afterAdd, afterRemove, withAddedPostings, withoutChunks } from './incremental.ts';
import type { IndexMeta } from './layout.ts';
import { buildPostings, type Postings } from './postings.ts';
import type { Chunk, Document } from './types.ts';

const chunk = (docId: string, i: number, text: string): Chunk => ({ chunkId: `${docId}#${i}`, docId, start: 0, end: text.length, text });
const robots = [chunk('robots', 0, '로봇 기업은 최대 1.2%p 우대금리를 받는다.'), chunk('robots', 1, '산업은행은 로봇 기업에 대출한다.')];
const farms = [chunk('farms', 0, '스마트팜 농가는 5천만 원을 지원받는다.'), chunk('farms', 1, '농가 대출 금리는 연 3%다.')];

/** Postings as term → [ordinal, tf] pairs, and lengths: what a search reads, whatever the term order. */
function readable(postings: Postings): { lists: Record<string, number[][]>; lengths: number[] } {
  const lists: Record<string, number[][]> = {};
  postings.terms.forEach((term, id) => {
    lists[term] = [];
    for (let i = postings.offsets[id] as number; i < (postings.offsets[id + 1] as number); i++) lists[term].push([postings.ordinals[i] as number, postings.tfs[i] as number]);
  });
  return { lists, lengths: [...postings.lengths] };
}

describe('withAddedPostings', () => {
  it('gives exactly the postings of the whole table built at once', () => {
    expect(withAddedPostings(buildPostings(robots), buildPostings(farms), 2)).toEqual(buildPostings([...robots, ...farms]));
  });

  it('puts new chunks after holes, and leaves the postings it was given as they were', () => {
    const current = buildPostings([robots[0], undefined]);
    const before = readable(current);
    expect(readable(withAddedPostings(current, buildPostings(farms), 2))).toEqual(readable(buildPostings([robots[0], undefined, ...farms])));
    expect(readable(current)).toEqual(before);
    expect(() => withAddedPostings(current, buildPostings(farms), 1)).toThrow('New chunks start at ordinal 1, inside the 2 there are.');
  });
});

describe('withoutChunks', () => {
  it('reads as the table built with holes where the chunks were, and drops terms no chunk has any more', () => {
    const table = [...robots, ...farms];
    const removed = withoutChunks(buildPostings(table), new Set([2, 3]));
    expect(readable(removed)).toEqual(readable(buildPostings([...robots, undefined, undefined])));
    expect(removed.terms).not.toContain('스마');
    expect(removed.lengths[2]).toBe(-1);
  });
});

describe('afterAdd and afterRemove', () => {
  const doc = (docId: string, hash: string): Document => ({ docId, title: docId, text: '', hash });
  const meta = { documents: 1, chunks: 2, documentHashes: { robots: 'r' }, chunking: '{}' } as unknown as IndexMeta;
  const state = { documents: new Map([['robots', doc('robots', 'r')]]), chunks: robots, meta };

  it('count documents and chunks and record hashes, leaving the state they were given as it was', () => {
    const added = afterAdd(state, doc('farms', 'f'), farms);
    expect(added.chunks).toEqual([...robots, ...farms]);
    expect(added.meta).toMatchObject({ documents: 2, chunks: 4, documentHashes: { robots: 'r', farms: 'f' }, chunking: '{}' });
    const removed = afterRemove(added, 'robots', [0, 1]);
    expect(removed.chunks).toEqual([undefined, undefined, ...farms]);
    expect(removed.meta).toMatchObject({ documents: 1, chunks: 2, documentHashes: { farms: 'f' } });
    expect([...state.documents.keys()]).toEqual(['robots']);
    expect(state.chunks).toHaveLength(2);
  });
});
