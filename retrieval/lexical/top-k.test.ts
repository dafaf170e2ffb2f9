import { describe, expect, it } from 'vitest';
import { topK } from './top-k.ts';

describe('topK', () => {
  const scores = Float64Array.from([0.5, 2, 0.5, 3, 1, 2, 0.1, 0, 2]);

  it('returns the best chunks by score, ties broken by the lower ordinal', () => {
    expect(topK(scores, scores.length, 4)).toEqual([
      { ordinal: 3, score: 3 },
      { ordinal: 1, score: 2 },
      { ordinal: 5, score: 2 },
      { ordinal: 8, score: 2 },
    ]);
  });

  it('agrees with a full sort of the positive scores for every k', () => {
    const sorted = [...scores]
      .map((score, ordinal) => ({ ordinal, score }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    for (let k = 0; k <= scores.length + 1; k++) expect(topK(scores, scores.length, k)).toEqual(sorted.slice(0, k));
  });

  it('agrees with a full sort on many random score arrays with ties', () => {
    let state = 3;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % 7;
    for (let round = 0; round < 200; round++) {
      const random = Float64Array.from({ length: 60 }, () => next() / 2);
      const sorted = [...random]
        .map((score, ordinal) => ({ ordinal, score }))
        .filter((c) => c.score > 0)
        .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
      expect(topK(random, random.length, 10)).toEqual(sorted.slice(0, 10));
    }
  });

  it('looks only below `limit`, and counts chunks marked as matched even with score 0', () => {
    expect(topK(scores, 3, 5)).toEqual([
      { ordinal: 1, score: 2 },
      { ordinal: 0, score: 0.5 },
      { ordinal: 2, score: 0.5 },
    ]);
    const matched = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(topK(scores, scores.length, 9, matched).at(-1)).toEqual({ ordinal: 7, score: 0 });
    expect(topK(scores, scores.length, 9).map((c) => c.ordinal)).not.toContain(7);
    expect(topK(scores, 0, 5)).toEqual([]);
  });
});
