import { describe, expect, it } from 'vitest';
import { collapseWhitespace, findUrls, makeBlock } from './block.ts';

describe('block helpers', () => {
  it('collapse whitespace, no-break spaces and newlines included, and trim', () => {
    expect(collapseWhitespace(' 가\u00a0\u00a0나\n\t다 ')).toBe('가 나 다');
  });

  it('make no block from whitespace only', () => {
    expect(makeBlock('\u00a0 \n', 'paragraph')).toBeUndefined();
  });

  it('count link characters after collapsing whitespace', () => {
    expect(makeBlock('보기:  링크  글 ', 'item', [], ' 링크  글 ')).toEqual({
      text: '보기: 링크 글',
      kind: 'item',
      links: [],
      linkChars: '링크 글'.length,
    });
  });

  it('find URLs without the punctuation that ends the sentence', () => {
    expect(findUrls('자세히는 https://a.kr/x?y=1. 또는 (http://b.kr) 참고').map((link) => link.href)).toEqual([
      'https://a.kr/x?y=1',
      'http://b.kr',
    ]);
  });
});
