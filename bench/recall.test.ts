import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../index/embed/vector-index.ts';
import { createRandom } from './random.ts';
import { exactTopK, recallAtK, vectorMatrix, type VectorMatrix } from './recall.ts';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((v) => v / norm));
};

const matrix: VectorMatrix = {
  labels: [10, 11, 12, 13],
  dims: 2,
  data: Float32Array.from([...unit(1, 0), ...unit(0, 1), ...unit(1, 1), ...unit(1, 0.2)]),
};

describe('exactTopK', () => {
  it('ranks every row by cosine similarity, most similar first', () => {
    const hits = exactTopK(matrix, unit(1, 0), 3);
    expect(hits.map((h) => h.label)).toEqual([10, 13, 12]);
    expect(hits[0]?.score).toBeCloseTo(1, 6);
    expect(hits[2]?.score).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('gives all rows when k exceeds them, and none for k = 0', () => {
    expect(exactTopK(matrix, unit(0, 1), 10).map((h) => h.label)).toEqual([11, 12, 13, 10]);
    expect(exactTopK(matrix, unit(0, 1), 0)).toEqual([]);
  });
});

describe('recallAtK', () => {
  const exact = [
    { label: 1, score: 0.9 },
    { label: 2, score: 0.8 },
    { label: 3, score: 0.7 },
  ];

  it('is the share of the exact top k that was found', () => {
    expect(recallAtK([{ label: 1, score: 0.9 }, { label: 3, score: 0.7 }, { label: 9, score: 0.5 }], exact, 3)).toBeCloseTo(2 / 3, 10);
    expect(recallAtK(exact, exact, 3)).toBe(1);
  });

  it('counts another label that ties with the k-th exact result as found', () => {
    expect(recallAtK([{ label: 1, score: 0.9 }, { label: 2, score: 0.8 }, { label: 7, score: 0.7 }], exact, 3)).toBe(1);
  });
});

describe('vectorMatrix', () => {
  it('holds the live vectors of an index, so exact search agrees with HNSW on a small graph', () => {
    const random = createRandom(21);
    const vectors = Array.from({ length: 300 }, () => unit(...Array.from({ length: 16 }, () => random.next() - 0.5)));
    const index = VectorIndex.build(vectors, vectors.map((_, i) => i), 16);
    index.markDelete(5);
    const all = vectorMatrix(index);
    expect(all.labels).toHaveLength(299);
    expect(all.labels).not.toContain(5);
    const query = vectors[42] as Float32Array;
    expect(exactTopK(all, query, 1)[0]?.label).toBe(42);
    expect(recallAtK(index.search(query, 10), exactTopK(all, query, 10), 10)).toBe(1);
  });
});
