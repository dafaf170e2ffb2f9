import { describe, expect, it } from 'vitest';
import { hangulBigrams } from './bigram-tokenizer.ts';

describe('hangulBigrams', () => {
  it('cuts Hangul runs into overlapping bigrams and keeps other words whole', () => {
    expect(hangulBigrams('AI팩토리 지원은?')).toEqual(['AI', '팩토', '토리', '지원', '원은']);
  });

  it('keeps a single syllable and splits on punctuation', () => {
    expect(hangulBigrams('및 robot-firms, 1.2%p')).toEqual(['및', 'robot', 'firms', '1', '2', 'p']);
  });

  it('gives nothing for a text without letters or digits', () => {
    expect(hangulBigrams(' …?! ')).toEqual([]);
  });
});
