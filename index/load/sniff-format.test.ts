import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it('tells formats by their content, whatever the extension', () => {
    expect(sniffFormat(ascii('%PDF-1.7\n…'), 'scan.txt').format).toBe('pdf');
    expect(sniffFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.docx').format).toBe('hwp');
    expect(sniffFormat(zipSync({ 'Contents/content.hpf': ascii('<opf/>') }), 'a.docx').format).toBe('hwpx');
    expect(sniffFormat(zipSync({ '[Content_Types].xml': ascii('<Types/>') }), 'a.hwpx').format).toBe('docx');
    expect(sniffFormat(ascii('# 제목'), 'a.md').format).toBe('text');
  });

  it('refuses what is not what its name says, and HWP 3', () => {
    expect(() => sniffFormat(ascii('plain'), 'a.pdf')).toThrow(expect.objectContaining({ code: 'UNREADABLE_DOCUMENT' }));
    expect(() => sniffFormat(ascii('HWP Document File V3.00 \x1a'), 'old.hwp')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
  });
});
