import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { memoize } from './memoize.ts';
import { stemHangul } from './particles.ts';
import { splitWords } from './words.ts';
import { wordTerms } from './terms.ts';

describe('memoize', () => {
  it('analyses a key once, and again only after the memory was emptied at its limit', () => {
    const seen: string[] = [];
    const upper = memoize((key) => {
      seen.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(seen).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C');
    expect(upper('a')).toBe('A');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('gives remembered words the terms they were first given', () => {
    const [first] = splitWords('우대금리는');
    const [again] = splitWords('우대금리는 연');
    expect(stemHangul('우대금리는')).toBe('우대금리');
    expect(wordTerms(first!)).toEqual(['우대', '대금', '금리', '=우대금리']);
    expect(wordTerms(again!)).toBe(wordTerms(first!));
  });

  it('keeps no larger string alive through a remembered word cut from it', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const remember = memoize((word) => word.slice(0, 20));
    const rememberSliceOfLargeText = () => {
      // About 110 MB: all the texts of a large index are slices of one such string.
      const texts = `${'가나다라마바사아자차카타파하'.repeat(4_000_000)}${Math.random()}`;
      remember(texts.slice(100, 130));
    };
    gc();
    const before = process.memoryUsage().heapUsed;
    rememberSliceOfLargeText();
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 2 ** 20);
  });
});
