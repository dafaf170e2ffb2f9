import { describe, expect, it } from 'vitest';
import { convexCombination, fuse, reciprocalRankFusion } from './fuse.ts';

describe('reciprocalRankFusion', () => {
  it('sums weight / (k + rank) over the lists', () => {
    const fused = reciprocalRankFusion(
      [
        [{ ordinal: 7, score: 12 }, { ordinal: 3, score: 4 }],
        [{ ordinal: 3, score: 0.9 }, { ordinal: 5, score: 0.8 }],
      ],
      { k: 60 },
    );
    expect(fused.map((r) => r.ordinal)).toEqual([3, 7, 5]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 61, 12);
  });

  it('lets a weight tilt the fusion toward one list', () => {
    const fused = reciprocalRankFusion([[{ ordinal: 1, score: 1 }], [{ ordinal: 2, score: 1 }]], { weights: [1, 2] });
    expect(fused.map((r) => r.ordinal)).toEqual([2, 1]);
  });
});

describe('convexCombination', () => {
  it('adds min-max normalised scores with the given weights', () => {
    const fused = convexCombination(
      [
        [{ ordinal: 1, score: 10 }, { ordinal: 2, score: 6 }, { ordinal: 3, score: 2 }],
        [{ ordinal: 3, score: 0.9 }, { ordinal: 2, score: 0.5 }],
      ],
      { weights: [0.7, 0.3] },
    );
    expect(fused.map((r) => r.ordinal)).toEqual([1, 2, 3]);
    expect(fused[0]?.score).toBeCloseTo(0.7, 12);
    expect(fused[1]?.score).toBeCloseTo(0.7 * 0.5, 12);
    expect(fused[2]?.score).toBeCloseTo(0.3, 12);
  });
});

describe('fuse', () => {
  it('uses reciprocal rank fusion unless told otherwise', () => {
    const lists = [[{ ordinal: 1, score: 100 }, { ordinal: 2, score: 99 }], [{ ordinal: 2, score: 1 }]];
    expect(fuse(lists)).toEqual(reciprocalRankFusion(lists));
    expect(fuse(lists, { method: 'convex' })).toEqual(convexCombination(lists));
  });
});
