import { describe, expect, it } from 'vitest';
import { chunkOptionsOf, decodeDocuments, encodeDocuments, restoreChunk, storeChunks, type IndexMeta } from './layout.ts';
import type { Document } from './types.ts';

const doc: Document = {
  docId: 'robot-loans',
  title: '로봇 기업 우대금리',
  source: 'https://example.com/robots',
  text: '로봇 기업은 대출 금리를 1.2%p 우대받는다. Odd text: \ud800 stays.',
  hash: 'abc',
};

describe('encodeDocuments', () => {
  it('stores documents as UTF-16LE JSON and reads back exactly the same documents', () => {
    const bytes = encodeDocuments([doc]);
    expect(bytes.length).toBe(JSON.stringify([doc]).length * 2);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('[{', 'utf16le'));
    expect(decodeDocuments(bytes)).toEqual([doc]);
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
