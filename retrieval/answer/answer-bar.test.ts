import { describe, expect, it } from 'vitest';
import { answerBar } from './answer-bar.ts';

const policy = { minCoverage: 0.5, denseVouchMargin: 0.2, vouchedCoverageFactor: 0.5 };

describe('answerBar', () => {
  it.each([
    { unknownContent: 0, denseMargin: undefined, expected: { answerable: true, minCoverage: 0.5 } },
    { unknownContent: 0, denseMargin: 0, expected: { answerable: true, minCoverage: 0.5 } },
    { unknownContent: 0, denseMargin: 0.19, expected: { answerable: true, minCoverage: 0.5 } },
    { unknownContent: 0, denseMargin: 0.2, expected: { answerable: true, minCoverage: 0.25 } },
    { unknownContent: 0, denseMargin: 0.6, expected: { answerable: true, minCoverage: 0.25 } },
    { unknownContent: 1, denseMargin: undefined, expected: { answerable: false } },
    { unknownContent: 1, denseMargin: 0.6, expected: { answerable: false } },
    { unknownContent: 3, denseMargin: 0.19, expected: { answerable: false } },
  ])('unknown content $unknownContent, dense margin $denseMargin → $expected', ({ unknownContent, denseMargin, expected }) => {
    expect(answerBar({ unknownContent, denseMargin }, policy)).toEqual(expected);
  });
});
