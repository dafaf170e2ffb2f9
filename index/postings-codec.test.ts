import { describe, expect, it } from 'vitest';
import { buildPostings, type Postings } from './postings.ts';
import { decodePostings, encodePostings, POSTINGS_FORMAT_VERSION } from './postings-codec.ts';
import { IndexStoreError } from './store/errors.ts';
import type { Chunk } from './types.ts';

const texts = [
  '산업은행은 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
  '3개 시중은행은 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.',
  '중기부는 AI 스타트업 육성 방안을 발표하였다.',
];
const chunks: Chunk[] = texts.map((text, i) => ({ chunkId: `d#${i}`, docId: 'd', start: 0, end: text.length, text }));

/** The postings as plain arrays, to compare exactly. */
const plain = (p: Postings) => ({ terms: [...p.terms], offsets: [...p.offsets], ordinals: [...p.ordinals], tfs: [...p.tfs], lengths: [...p.lengths] });

/** The error `action` throws. */
function thrown(action: () => unknown): IndexStoreError {
  try {
    action();
  } catch (error) {
    return error as IndexStoreError;
  }
  throw new Error('expected the action to throw, but it returned');
}

describe('encodePostings and decodePostings', () => {
  it('round-trip every array exactly, Hangul, `=` and `#` terms included', () => {
    const postings = buildPostings(chunks);
    expect(postings.terms).toEqual(expect.arrayContaining(['산업', '=산업은행', '#2000억', '#1.2%p', '#0.7%p', 'ai']));
    const decoded = decodePostings(encodePostings(postings));
    expect(plain(decoded)).toEqual(plain(postings));
  });

  it('keeps removed chunks as length -1 and empty postings as empty', () => {
    const built = buildPostings([{ ...chunks[0]!, text: '' }, chunks[1]!, { ...chunks[2]!, text: '' }]);
    const withHoles: Postings = { ...built, lengths: Int32Array.of(-1, built.lengths[1]!, -1) };
    const decoded = decodePostings(encodePostings(withHoles));
    expect([...decoded.lengths]).toEqual([-1, 22, -1]);
    expect(new Set(decoded.ordinals)).toEqual(new Set([1]));
    const empty = decodePostings(encodePostings(buildPostings([])));
    expect(plain(empty)).toEqual({ terms: [], offsets: [0], ordinals: [], tfs: [], lengths: [] });
  });

  it('views the loaded bytes in place when they are aligned, and copies them once when not', () => {
    const encoded = encodePostings(buildPostings(chunks));
    const aligned = Buffer.from(encoded);
    expect(aligned.byteOffset % 4).toBe(0);
    const inPlace = decodePostings(aligned);
    expect(inPlace.ordinals.buffer).toBe(aligned.buffer);
    expect(inPlace.tfs.buffer).toBe(aligned.buffer);

    const shifted = new Uint8Array(encoded.length + 1).subarray(1);
    shifted.set(encoded);
    const copied = decodePostings(shifted);
    expect(copied.ordinals.buffer).not.toBe(shifted.buffer);
    expect(plain(copied)).toEqual(plain(inPlace));
  });

  it('refuses an old JSON postings file and garbage, telling to rebuild', () => {
    const json = Buffer.from(JSON.stringify({ terms: { 금리: [0, 1] }, lengths: [5] }));
    for (const bytes of [json, new Uint8Array(64).fill(7), new Uint8Array(0)]) {
      const error = thrown(() => decodePostings(bytes));
      expect(error).toBeInstanceOf(IndexStoreError);
      expect(error.code).toBe('INDEX_CORRUPT');
      expect(error.message).toContain('npm run index');
    }
  });

  it('refuses another format version with INDEX_VERSION', () => {
    const bytes = encodePostings(buildPostings(chunks));
    new DataView(bytes.buffer).setUint32(8, POSTINGS_FORMAT_VERSION + 1, true);
    const error = thrown(() => decodePostings(bytes));
    expect(error.code).toBe('INDEX_VERSION');
    expect(error.message).toBe(
      `The lexical index (postings.bin) has format ${POSTINGS_FORMAT_VERSION + 1}; this version of Seogi reads format ${POSTINGS_FORMAT_VERSION}. Rebuild it with \`npm run index\`.`,
    );
  });

  it('refuses a truncated file', () => {
    const bytes = encodePostings(buildPostings(chunks));
    expect(thrown(() => decodePostings(bytes.subarray(0, bytes.length - 2))).message).toMatch(/^The lexical index \(postings\.bin\) has \d+ bytes where its header announces \d+\./);
  });

  it('refuses to store postings out of order or past the last chunk, which search relies on', () => {
    const postings = buildPostings(chunks);
    const reversed: Postings = { ...postings, ordinals: postings.ordinals.slice().reverse() };
    expect(() => encodePostings(reversed)).toThrow(/^Postings to store have a posting list out of order or past the last chunk \(term \d+\)\.$/);
    const pastEnd: Postings = { ...postings, lengths: postings.lengths.subarray(0, 2) };
    expect(() => encodePostings(pastEnd)).toThrow(/past the last chunk/);
  });

  it('refuses to encode a term holding a NUL character', () => {
    const postings: Postings = { ...buildPostings([]), terms: ['a\0b'], offsets: Uint32Array.of(0, 0) };
    expect(() => encodePostings(postings)).toThrow('contains a NUL character');
  });
});
