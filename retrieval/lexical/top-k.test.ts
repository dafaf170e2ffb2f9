import { describe, expect, it } from 'vitest';
import { topK } from './top-k.ts';

describe('topK', () => {
  const scores = Float64Array.from([0.5, 2, 0.5, 3, 1, 2, 0.1]);
  const candidates = Uint32Array.from([6, 5, 4, 3, 2, 1, 0]);

  it('returns the best candidates by score, ties broken by the lower ordinal', () => {
    expect(topK(candidates, candidates.length, scores, 4)).toEqual([
      { ordinal: 3, score: 3 },
      { ordinal: 1, score: 2 },
      { ordinal: 5, score: 2 },
      { ordinal: 4, score: 1 },
    ]);
  });

  it('agrees with a full sort for every k', () => {
    const sorted = [...candidates]
      .map((ordinal) => ({ ordinal, score: scores[ordinal] as number }))
      .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    for (let k = 0; k <= candidates.length + 1; k++) expect(topK(candidates, candidates.length, scores, k)).toEqual(sorted.slice(0, k));
  });

  it('looks only at the first `count` candidates', () => {
    expect(topK(candidates, 2, scores, 5)).toEqual([
      { ordinal: 5, score: 2 },
      { ordinal: 6, score: 0.1 },
    ]);
    expect(topK(candidates, 0, scores, 5)).toEqual([]);
  });
});
