import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID, documentIdFromFileName, documentIdFromTitle } from './document-id.ts';

describe('documentIdFromFileName', () => {
  it('keeps a Korean file name readable, its words joined by "-"', () => {
    expect(documentIdFromFileName('공고문 2025.hwp')).toBe('공고문-2025');
    expect(documentIdFromFileName('2024년 하반기  AI 바우처\t공고.pdf')).toBe('2024년-하반기-AI-바우처-공고');
  });

  it('composes decomposed Hangul, as macOS names files', () => {
    const decomposed = '공고문 2025.txt'.normalize('NFD');
    expect(decomposed).not.toBe('공고문 2025.txt');
    expect(documentIdFromFileName(decomposed)).toBe('공고문-2025');
  });

  it('leaves out what is unsafe in a URL or a file name, and any folder', () => {
    expect(documentIdFromFileName('Q&A (draft) v2.md')).toBe('QA-draft-v2');
    expect(documentIdFromFileName('C:\\Users\\kim\\보고서#1?.docx')).toBe('보고서1');
    expect(documentIdFromFileName('../../etc/passwd.txt')).toBe('passwd');
    expect(documentIdFromFileName('.hidden.md')).toBe('hidden');
    expect(documentIdFromFileName('report.v2.final.md')).toBe('report.v2.final');
    expect(documentIdFromFileName('%2e%2e.txt')).toBe('2e2e');
  });

  it('gives nothing when no letter or digit is left', () => {
    expect(documentIdFromFileName('().txt')).toBeUndefined();
    expect(documentIdFromFileName('...md')).toBeUndefined();
  });

  it('keeps to 100 code points without splitting a surrogate pair', () => {
    const id = documentIdFromFileName(`${'가'.repeat(99)}𠀀𠀀.txt`);
    expect([...id!]).toHaveLength(100);
    expect(id!.endsWith('𠀀')).toBe(true);
    expect(DOCUMENT_ID.test(id!)).toBe(true);
  });
});

describe('documentIdFromTitle', () => {
  it('keeps dots in a title and cuts it at 60 code points', () => {
    expect(documentIdFromTitle('AI 바우처 지원사업 공고')).toBe('AI-바우처-지원사업-공고');
    expect(documentIdFromTitle('Seogi 1.2 release notes')).toBe('Seogi-1.2-release-notes');
    expect([...documentIdFromTitle('가나다 '.repeat(30))!]).toHaveLength(59);
  });
});
