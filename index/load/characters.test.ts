import { describe, expect, it } from 'vitest';
import { wellFormedText } from './characters.ts';

describe('wellFormedText', () => {
  it('removes C0 and C1 control characters and DEL but keeps tab, line feed and carriage return', () => {
    expect(wellFormedText('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
    expect(wellFormedText('줄\t하나\r\n둘\n')).toBe('줄\t하나\r\n둘\n');
  });

  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(wellFormedText('앞\uD800뒤')).toBe('앞\uFFFD뒤');
    expect(wellFormedText('\uDC00앞')).toBe('\uFFFD앞');
    expect(wellFormedText('끝\uDBFF')).toBe('끝\uFFFD');
    expect(wellFormedText('\uDC00\uD800')).toBe('\uFFFD\uFFFD');
    expect(wellFormedText('😀 \uD83D\uDE00')).toBe('😀 😀');
  });

  it('removes the bidirectional overrides, embeddings and isolates that reorder how text is shown', () => {
    expect(wellFormedText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(wellFormedText('\u202A가\u202B나\u202C다\u202D라\u2066마\u2067바\u2068사\u2069')).toBe('가나다라마바사');
  });

  it('removes zero-width spaces, word joiners, byte order marks and soft hyphens, and keeps the joiners emoji need', () => {
    expect(wellFormedText('우대\u200B금리\uFEFF는 co\u00ADoperation\u2060')).toBe('우대금리는 cooperation');
    expect(wellFormedText('\u200B\uFEFF\u00AD')).toBe('');
    expect(wellFormedText('👨\u200D👩\u200D👧 \u200C')).toBe('👨\u200D👩\u200D👧 \u200C');
  });

  it('leaves ordinary text as it is', () => {
    const text = '최대 -1.2%p까지 ‘우대’ 금리·子펀드 “보증・보험” — café\u00A0ok';
    expect(wellFormedText(text)).toBe(text);
  });
});
