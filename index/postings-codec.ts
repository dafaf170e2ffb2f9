import type { Postings } from './postings.ts';
import { IndexStoreError, REBUILD_HINT } from './store/errors.ts';

/*
 * Layout of `postings.bin`, little-endian; every array starts at a multiple of 4 bytes, so decoding views the loaded
 * bytes in place instead of copying them:
 *
 * | bytes | content                                                                                |
 * | ----- | -------------------------------------------------------------------------------------- |
 * | 0–7   | magic `SEOGIPST`                                                                       |
 * | 8–31  | u32 each: format version, term count, posting count, chunk count, term bytes, 0         |
 * | 32…   | the terms as UTF-8, each followed by a NUL byte, then padding to a multiple of 4 bytes  |
 * | then  | `offsets` (u32 × term count + 1), `ordinals` (u32 × posting count)                      |
 * | then  | `lengths` (i32 × chunk count), `tfs` (u16 × posting count)                              |
 */
const MAGIC = 'SEOGIPST';
/** Version of the layout above; bump it when the layout changes. */
export const POSTINGS_FORMAT_VERSION = 1;
const HEADER_BYTES = 32;

const IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Byte positions of the sections of an encoded file. */
interface Layout {
  termsAt: number;
  offsetsAt: number;
  ordinalsAt: number;
  lengthsAt: number;
  tfsAt: number;
  total: number;
}

function layout(termBytes: number, termCount: number, postingCount: number, chunkCount: number): Layout {
  const termsAt = HEADER_BYTES;
  const offsetsAt = align4(termsAt + termBytes);
  const ordinalsAt = offsetsAt + 4 * (termCount + 1);
  const lengthsAt = ordinalsAt + 4 * postingCount;
  const tfsAt = lengthsAt + 4 * chunkCount;
  return { termsAt, offsetsAt, ordinalsAt, lengthsAt, tfsAt, total: tfsAt + 2 * postingCount };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * Encodes postings for `postings.bin`. What search relies on is checked here, where the postings are made, rather than
 * at every load: the file's checksum then vouches for it (a 100k-chunk index's 13M postings took 0.04 s to check).
 * @throws Error when a term contains a NUL character (the analyser never makes one), or when the postings are not
 *   what search relies on (see {@link assertWellFormed}): either would be a fault of the code that made them.
 */
export function encodePostings(postings: Postings): Uint8Array {
  assertLittleEndian();
  const { terms, offsets, ordinals, tfs, lengths } = postings;
  for (const term of terms) if (term.includes('\0')) throw new Error(`Term ${JSON.stringify(term)} contains a NUL character and can't be stored.`);
  assertWellFormed(postings);
  const termText = new TextEncoder().encode(terms.map((t) => `${t}\0`).join(''));
  const at = layout(termText.length, terms.length, ordinals.length, lengths.length);
  const bytes = new Uint8Array(at.total);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const header = new DataView(bytes.buffer);
  [POSTINGS_FORMAT_VERSION, terms.length, ordinals.length, lengths.length, termText.length].forEach((value, i) =>
    header.setUint32(8 + 4 * i, value, true),
  );
  bytes.set(termText, at.termsAt);
  new Uint32Array(bytes.buffer, at.offsetsAt, offsets.length).set(offsets);
  new Uint32Array(bytes.buffer, at.ordinalsAt, ordinals.length).set(ordinals);
  new Int32Array(bytes.buffer, at.lengthsAt, lengths.length).set(lengths);
  new Uint16Array(bytes.buffer, at.tfsAt, tfs.length).set(tfs);
  return bytes;
}

/**
 * Decodes `postings.bin`. The arrays are views over `bytes` (which must then stay unchanged) whenever it lies at a
 * 4-byte-aligned address, as a file read whole does; otherwise they are views over one aligned copy.
 * @throws IndexStoreError `INDEX_VERSION` for another format version, `INDEX_CORRUPT` for anything that is not intact
 * postings; both tell to rebuild with `npm run index`.
 */
export function decodePostings(bytes: Uint8Array): Postings {
  assertLittleEndian();
  if (bytes.byteLength < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw corrupt('is not a postings file');
  }
  // A copy through the Uint8Array constructor: Buffer#slice would give a view at the same unaligned address.
  const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const header = new DataView(data.buffer, data.byteOffset, HEADER_BYTES);
  const field = (i: number) => header.getUint32(8 + 4 * i, true);
  const [version, termCount, postingCount, chunkCount, termBytes] = [field(0), field(1), field(2), field(3), field(4)];
  if (version !== POSTINGS_FORMAT_VERSION) {
    throw new IndexStoreError(
      'INDEX_VERSION',
      `The lexical index (postings.bin) has format ${version}; this version of Seogi reads format ${POSTINGS_FORMAT_VERSION}. ${REBUILD_HINT}`,
    );
  }
  const at = layout(termBytes, termCount, postingCount, chunkCount);
  if (at.total !== data.byteLength) throw corrupt(`has ${data.byteLength} bytes where its header announces ${at.total}`);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(at.termsAt, at.termsAt + termBytes));
  } catch {
    throw corrupt('holds terms that are not UTF-8');
  }
  // Every term ends with NUL, so splitting leaves an empty string last.
  const terms = text.split('\0');
  if (terms.pop() !== '' || terms.length !== termCount) throw corrupt(`does not hold the ${termCount} terms its header announces`);
  const { buffer, byteOffset } = data;
  const postings: Postings = {
    terms,
    offsets: new Uint32Array(buffer, byteOffset + at.offsetsAt, termCount + 1),
    ordinals: new Uint32Array(buffer, byteOffset + at.ordinalsAt, postingCount),
    tfs: new Uint16Array(buffer, byteOffset + at.tfsAt, postingCount),
    lengths: new Int32Array(buffer, byteOffset + at.lengthsAt, chunkCount),
  };
  if (postings.offsets[0] !== 0 || postings.offsets[termCount] !== postingCount) throw corrupt('has term offsets that do not cover its postings');
  return postings;
}

/** Checks what search relies on: slices that tile the posting arrays, and ascending ordinals of chunks that exist. */
function assertWellFormed({ offsets, ordinals, lengths }: Postings): void {
  const fault = (problem: string) => new Error(`Postings to store ${problem}.`);
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== ordinals.length) throw fault('have term offsets that do not cover them');
  for (let t = 0; t + 1 < offsets.length; t++) {
    const start = offsets[t] as number;
    const end = offsets[t + 1] as number;
    if (end < start || end > ordinals.length) throw fault(`have term offsets out of order (term ${t})`);
    let previous = -1;
    for (let i = start; i < end; i++) {
      const ordinal = ordinals[i] as number;
      if (ordinal <= previous || ordinal >= lengths.length) throw fault(`have a posting list out of order or past the last chunk (term ${t})`);
      previous = ordinal;
    }
  }
}

function corrupt(problem: string): IndexStoreError {
  return new IndexStoreError('INDEX_CORRUPT', `The lexical index (postings.bin) ${problem}. ${REBUILD_HINT}`);
}

function assertLittleEndian(): void {
  if (!IS_LITTLE_ENDIAN) throw new Error('The lexical index format is little-endian and this machine is big-endian: it is not supported.');
}
