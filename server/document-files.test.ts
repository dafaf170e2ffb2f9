import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../index/types.ts';
import { DocumentFiles, formatOf } from './document-files.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('formatOf', () => {
  it('reads the format from the content, not the extension', () => {
    expect(formatOf(bytes('%PDF-1.4\n1 0 obj'), 'notice.txt')).toBe('pdf');
    expect(formatOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'notice.bin')).toBe('hwp');
    expect(formatOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('....word/document.xml')]), 'a.zip')).toBe('docx');
    expect(formatOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('....mimetypeapplication/hwp+zip')]), 'a.hwpx')).toBe('hwpx');
    expect(formatOf(bytes('<html><body><p>본문</p></body></html>'), 'page.txt')).toBe('html');
    expect(formatOf(bytes('공지\n\n사무실을 옮긴다.'), 'notice.md')).toBe('markdown');
    expect(formatOf(bytes('공지\n\n사무실을 옮긴다.'), 'notice.txt')).toBe('text');
  });
});

describe('DocumentFiles', () => {
  const docsDir = mkdtempSync(join(tmpdir(), 'seogi-files-'));
  afterAll(() => rmSync(docsDir, { recursive: true, force: true }));
  const doc = (docId: string, hash = 'h1'): Document => ({ docId, title: docId, text: '본문', hash });

  it('finds each document\'s file, in sub-folders and whatever the case of its extension, with its size and mtime', async () => {
    mkdirSync(join(docsDir, '공고'), { recursive: true });
    writeFileSync(join(docsDir, '공고', '입찰-2024.TXT'), '입찰 공고 본문');
    writeFileSync(join(docsDir, 'faq.md'), '# FAQ\n\n금리는 연 3%다.');
    writeFileSync(join(docsDir, 'faq-old.md'), '# 예전 FAQ');
    const when = new Date('2025-03-02T09:14:00.000Z');
    utimesSync(join(docsDir, 'faq.md'), when, when);

    const facts = await new DocumentFiles(docsDir).factsOf([doc('공고/입찰-2024'), doc('faq'), doc('gone')]);
    expect(facts.get('공고/입찰-2024')).toMatchObject({ format: 'text', size: Buffer.byteLength('입찰 공고 본문') });
    expect(facts.get('faq')).toEqual({ format: 'markdown', size: Buffer.byteLength('# FAQ\n\n금리는 연 3%다.'), addedAt: '2025-03-02T09:14:00.000Z' });
    expect(facts.has('gone')).toBe(false);
  });

  it('keeps the facts while the content hash is the same, and reads the file again when it changes', async () => {
    writeFileSync(join(docsDir, 'note.txt'), 'first');
    const files = new DocumentFiles(docsDir);
    expect((await files.factsOf([doc('note', 'a')])).get('note')?.size).toBe(5);
    writeFileSync(join(docsDir, 'note.txt'), 'second version');
    expect((await files.factsOf([doc('note', 'a')])).get('note')?.size).toBe(5);
    expect((await files.factsOf([doc('note', 'b')])).get('note')?.size).toBe(14);
  });
});
