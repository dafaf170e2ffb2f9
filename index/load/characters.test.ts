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

  it('leaves ordinary text as it is', () => {
    const text = '최대 -1.2%p까지 ‘우대’ 금리·子펀드 “보증・보험” — café\u00A0ok';
    expect(wellFormedText(text)).toBe(text);
  });
});
