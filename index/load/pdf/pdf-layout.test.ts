import { describe, expect, it } from 'vitest';
import { pdfPagesToBlocks } from './pdf-layout.ts';
import type { PdfTextRun } from './pdf-layout.ts';

/** Runs of one line at baseline `y`, each `[text, x, width]`, the last one ending the line. */
function line(y: number, runs: Array<[string, number, number]>, size = 10): PdfTextRun[] {
  return runs.map(([text, x, width], i) => ({ text, x, y, width, size, endOfLine: i === runs.length - 1 }));
}

describe('pdfPagesToBlocks', () => {
  it('drops the narrow gap a font change leaves beside Hangul, and keeps real spaces', () => {
    const page = line(700, [['2025', 50, 24], [' ', 74, 2], ['년 제조', 76, 33], [' ', 109, 6], ['AI', 115, 12]]);
    expect(pdfPagesToBlocks([page]).map((b) => b.text)).toEqual(['2025년 제조 AI']);
  });

  it('joins lines wrapped inside a paragraph and mends a word hyphenated across them', () => {
    const page = [
      ...line(700, [['The voucher covers consult-', 50, 480]]),
      ...line(686, [['ing costs of small firms.', 50, 200]]),
      ...line(650, [['Second paragraph.', 50, 150]]),
    ];
    expect(pdfPagesToBlocks([page]).map((b) => b.text)).toEqual(['The voucher covers consulting costs of small firms.', 'Second paragraph.']);
  });

  it('starts a block at a list marker, a larger font (a heading) and each page', () => {
    const pages = [
      [...line(760, [['사업 공고', 50, 100]], 16), ...line(730, [['본문 첫 줄입니다', 50, 480]]), ...line(716, [['① 첫째 항목', 50, 100]])],
      line(760, [['다음 쪽 본문', 50, 100]]),
    ];
    const blocks = pdfPagesToBlocks(pages);
    expect(blocks.map((b) => [b.text, b.kind, b.page])).toEqual([
      ['사업 공고', 'heading', 1],
      ['본문 첫 줄입니다', 'paragraph', 1],
      ['① 첫째 항목', 'paragraph', 1],
      ['다음 쪽 본문', 'paragraph', 2],
    ]);
  });
});
