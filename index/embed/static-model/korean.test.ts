import { describe, expect, it } from 'vitest';
import { KOREAN_SUFFIXES, StemFinder, isEndingChain } from './korean.ts';

describe('isEndingChain', () => {
  it('accepts a plural followed by an adverbial particle', () => {
    expect(isEndingChain('들에게')).toBe(true);
  });

  it('accepts an adverbial particle followed by an auxiliary one, and a predicate ending', () => {
    expect(isEndingChain('에서는')).toBe(true);
    expect(isEndingChain('했습니다')).toBe(true);
  });

  it('rejects two case particles in a row and text that is no ending', () => {
    expect(isEndingChain('가를')).toBe(false);
    expect(isEndingChain('은행이')).toBe(false);
    expect(isEndingChain('')).toBe(false);
  });
});

describe('KOREAN_SUFFIXES', () => {
  it('lists each ending piece once, sorted', () => {
    expect(KOREAN_SUFFIXES).toEqual([...new Set(KOREAN_SUFFIXES)].sort());
    expect(KOREAN_SUFFIXES).toContain('에게');
    expect(KOREAN_SUFFIXES).toContain('들');
  });
});

describe('StemFinder', () => {
  const runs = new Map([
    ['기업', 3],
    ['기업들에게', 2],
    ['기업의', 4],
    ['기업이', 1],
    ['회의', 2],
    ['회의를', 1],
    ['회사', 5],
    ['회장', 3],
    ['산업은행이', 2],
    ['산업은행은', 1],
    ['국가', 1],
    ['국가의', 1],
    ['국가경쟁력', 3],
    ['경쟁력', 2],
  ]);
  const finder = new StemFinder(runs);

  it('splits a stem that the collection mostly shows followed by endings', () => {
    expect(finder.stem('기업들에게')).toBe('기업');
    expect(finder.stem('산업은행이')).toBe('산업은행');
  });

  it('does not count compounds against a stem', () => {
    expect(finder.stem('국가의')).toBe('국가');
  });

  it('keeps a word whole when its would-be one-syllable stem mostly starts other words', () => {
    expect(finder.stem('회의')).toBe('회의');
    expect(finder.stem('회의를')).toBe('회의');
  });

  it('requires the stem share it is given', () => {
    expect(new StemFinder(runs, { minEndingShare: 1 }).stem('국가의')).toBe('국가');
    expect(new StemFinder(new Map([['국가의', 1], ['국가대', 3]]), { minEndingShare: 0.5 }).stem('국가의')).toBe('국가의');
  });
});
