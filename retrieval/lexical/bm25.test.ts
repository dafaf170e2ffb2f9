import { describe, expect, it } from 'vitest';
import { calcBM25Score, idf, lengthNorm, termScore } from './bm25.ts';

describe('calcBM25Score', () => {
  it('matches a hand-computed score', () => {
    // idf = ln(1 + (10 - 2 + 0.5) / (2 + 0.5)) = ln(4.4); tf part = 3 * 2.2 / (3 + 1.2 * (0.25 + 0.75 * 120 / 100))
    const expected = Math.log(4.4) * (6.6 / (3 + 1.2 * (0.25 + 0.9)));
    expect(calcBM25Score(3, 2, 10, 120, 100)).toBeCloseTo(expected, 12);
    expect(calcBM25Score(3, 2, 10, 120, 100)).toBeCloseTo(2.2326, 3);
  });

  it('gives the highest idf to a term no chunk has and never goes negative', () => {
    expect(idf(0, 10)).toBeGreaterThan(idf(1, 10));
    expect(idf(10, 10)).toBeGreaterThan(0);
  });

  it('saturates with term frequency and favours shorter passages', () => {
    expect(calcBM25Score(10, 1, 10, 100, 100)).toBeLessThan(2.2 * idf(1, 10));
    expect(calcBM25Score(1, 1, 10, 50, 100)).toBeGreaterThan(calcBM25Score(1, 1, 10, 200, 100));
  });
});

describe('termScore', () => {
  it('scores a term from its idf and the passage length norm, as calcBM25Score does from df and length', () => {
    expect(lengthNorm(120, 100)).toBeCloseTo(1.2 * (0.25 + 0.9), 12);
    expect(termScore(3, Math.log(4.4), lengthNorm(120, 100))).toBeCloseTo(Math.log(4.4) * (6.6 / (3 + 1.2 * (0.25 + 0.9))), 12);
    const params = { k1: 2, b: 0.5 };
    expect(termScore(1, idf(7, 50), lengthNorm(30, 80, params), params)).toBe(calcBM25Score(1, 7, 50, 30, 80, params));
  });
});
