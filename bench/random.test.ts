import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('produces the reference Mulberry32 sequence for seed 1', () => {
    const random = createRandom(1);
    expect([random.next(), random.next(), random.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('repeats its sequence for the same seed and changes it for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.int(1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps between() within both bounds and reaches each of them', () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.between(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow('Cannot pick from an empty list.');
  });
});
