import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  it('reads UTF-8, UTF-16 with a BOM and CP949', () => {
    expect(decodeText(new TextEncoder().encode('보증료'), 'a.txt')).toBe('보증료');
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0xbc, 0xf4]), 'a.txt')).toBe('보');
    // "보증료 0.5%" in CP949.
    expect(decodeText(Uint8Array.from([0xba, 0xb8, 0xc1, 0xf5, 0xb7, 0xe1, 0x20, 0x30, 0x2e, 0x35, 0x25]), 'a.txt')).toBe('보증료 0.5%');
  });

  it('refuses bytes that decode as CP949 but do not read as Korean text, naming the file', () => {
    // Valid CP949 pairs, all of them Hanja: binary data, not a Korean document.
    expect(() => decodeText(Uint8Array.from([0xca, 0xa1, 0xca, 0xa2, 0xca, 0xa3, 0x81]), 'data.txt')).toThrow(/data\.txt is not text/);
  });
});
