import { describe, expect, it } from 'vitest';
import { chunkOptionsOf, decodeDocuments, documentFiles, documentRecord, FORMAT_4_DOCUMENTS_FILE, INDEX_FILES, readDocuments, restoreChunk, storeChunks, type IndexMeta } from './layout.ts';
import type { Document } from './types.ts';

const doc: Document = {
  docId: 'robot-loans',
  title: '로봇 기업 우대금리',
  source: 'https://example.com/robots',
  text: '로봇 기업은 대출 금리를 1.2%p 우대받는다. Odd text: \ud800 stays.',
  hash: 'abc',
};

const other: Document = { docId: 'fund', title: 'AI 펀드', text: 'AI 코리아 펀드는 5000억 원 규모다.', hash: 'def' };

/** The bytes of the document files of `documents`, by file name. */
function documentBytes(documents: readonly Document[]): Map<string, Buffer> {
  return new Map(documentFiles(() => documents.map(documentRecord)).map(({ name, data }) => [name, Buffer.from(typeof data === 'function' ? data() : data)]));
}

describe('documentFiles', () => {
  it('stores the texts one after the other in UTF-16LE, the rest as JSON, and reads back exactly the same documents', () => {
    const files = documentBytes([doc, other]);
    const texts = files.get(INDEX_FILES.texts) as Buffer;
    expect(texts.toString('utf16le')).toBe(doc.text + other.text);
    expect(JSON.parse((files.get(INDEX_FILES.documents) as Buffer).toString('utf8'))).toEqual([
      { docId: 'robot-loans', title: '로봇 기업 우대금리', source: 'https://example.com/robots', hash: 'abc', textLength: doc.text.length },
      { docId: 'fund', title: 'AI 펀드', hash: 'def', textLength: other.text.length },
    ]);
    expect(decodeDocuments(texts, files.get(INDEX_FILES.documents) as Buffer)).toEqual([doc, other]);
  });

  it('refuses texts that the documents do not account for', () => {
    const files = documentBytes([doc]);
    expect(() => decodeDocuments(Buffer.from(`${doc.text}!`, 'utf16le'), files.get(INDEX_FILES.documents) as Buffer)).toThrow(/accounts for/);
  });
});

describe('readDocuments', () => {
  const indexOf = (files: Map<string, Buffer>) => ({
    manifest: { files: Object.fromEntries([...files.keys()].map((name) => [name, { bytes: 0, sha256: '' }])) },
    read: (name: string) => files.get(name) as Buffer,
  });

  it('reads the documents of this format and of formats 3 and 4, stored whole as UTF-16LE JSON', () => {
    expect(readDocuments(indexOf(documentBytes([doc, other])))).toEqual([doc, other]);
    const format4 = new Map([[FORMAT_4_DOCUMENTS_FILE, Buffer.from(JSON.stringify([doc, other]), 'utf16le')]]);
    expect(readDocuments(indexOf(format4))).toEqual([doc, other]);
  });
});

describe('storeChunks', () => {
  it('keeps offsets only, and restores the text from the document', () => {
    const chunk = { chunkId: 'robot-loans#0', docId: 'robot-loans', start: 0, end: 26, text: doc.text.slice(0, 26) };
    const [stored] = storeChunks([chunk, undefined]);
    expect(stored).toEqual({ chunkId: 'robot-loans#0', docId: 'robot-loans', start: 0, end: 26 });
    expect(storeChunks([undefined])).toEqual([null]);
    expect(restoreChunk(stored!, doc)).toEqual(chunk);
    expect(restoreChunk(stored!, doc).text).toBe('로봇 기업은 대출 금리를 1.2%p 우대받는다.');
  });
});

describe('chunkOptionsOf', () => {
  it('reads back the chunking an index was cut with, leaving out the rules version', () => {
    const meta = { chunking: JSON.stringify({ minChars: 300, maxChars: 600, overlapMaxChars: 160, version: 2 }) } as IndexMeta;
    expect(chunkOptionsOf(meta)).toEqual({ minChars: 300, maxChars: 600, overlapMaxChars: 160 });
    expect(() => chunkOptionsOf({ chunking: '{"maxChars":"600"}' } as IndexMeta)).toThrow();
  });
});
