import { describe, expect, it } from 'vitest';
import { WordPieceEncoder, normalizeText, preTokenize, textWords, wordPiece } from './tokenize.ts';

const vocab = new Map(
  ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '기업', '##들', '##에게', 'ai', '##정책', '로', '##봇', 'robot', '##s'].map(
    (token, id) => [token, id],
  ),
);

describe('normalizeText', () => {
  it('keeps Hangul syllables intact instead of decomposing them into jamo', () => {
    expect(normalizeText('기업들에게')).toBe('기업들에게');
  });

  it('composes decomposed Hangul (NFD) back into syllables', () => {
    expect(normalizeText('기업'.normalize('NFD'))).toBe('기업');
  });

  it('lower-cases, turns whitespace into spaces, drops control characters and pads ideographs', () => {
    expect(normalizeText('AI\tRobot\u200b子펀드\u0007')).toBe('ai robot 子 펀드');
  });

  it('drops vertical tab and form feed as control characters before turning other whitespace into spaces', () => {
    expect(normalizeText('a\u000bb\u000cc\u00a0d\u3000e\ufffdf\u0000g')).toBe('abc d efg');
  });
});

describe('preTokenize', () => {
  it('splits on whitespace and makes every punctuation mark a word of its own', () => {
    expect(preTokenize("최대 -1.2%p까지 'AI정책금융'")).toEqual(['최대', '-', '1', '.', '2', '%', 'p까지', "'", 'AI정책금융', "'"]);
  });
});

describe('textWords', () => {
  it('leaves special-token literals out of the words', () => {
    expect(textWords('로봇 [SEP] Robots')).toEqual(['로봇', 'robots']);
  });
});

describe('wordPiece', () => {
  it('takes the longest known piece first, continuing with ## pieces', () => {
    const out: number[] = [];
    wordPiece('기업들에게', vocab, 1, out);
    expect(out).toEqual([5, 6, 7]);
  });

  it('turns a word it cannot cover completely into a single [UNK]', () => {
    const out: number[] = [9];
    wordPiece('기업체', vocab, 1, out);
    expect(out).toEqual([9, 1]);
  });
});

describe('WordPieceEncoder', () => {
  it('encodes each word of a text, mapping special-token literals to their ids', () => {
    const encoder = new WordPieceEncoder(vocab);
    expect(encoder.encode('AI정책 기업들에게 [SEP] Robots')).toEqual([8, 9, 5, 6, 7, 3, 12, 13]);
    expect(encoder.encode('기업들에게 기업들에게')).toEqual([5, 6, 7, 5, 6, 7]);
  });

  it('refuses a vocabulary without [UNK]', () => {
    expect(() => new WordPieceEncoder(new Map([['기업', 0]]))).toThrow('The vocabulary has no [UNK] token.');
  });
});
