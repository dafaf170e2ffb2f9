import { createDecipheriv } from 'node:crypto';
import { HWP_TAG, readHwpRecords } from './hwp-records.ts';

/** Size of the key record's data, and of the whole record with its header, at the start of a ViewText stream. */
const KEY_DATA_BYTES = 256;
const KEY_RECORD_BYTES = 4 + KEY_DATA_BYTES;

/**
 * The body of a section of a distribution ("배포용") document. Such a document keeps its sections in ViewText,
 * encrypted with AES-128 (ECB): the stream opens with a 256-byte record that hides the key behind a mask drawn from
 * the C runtime's `rand()` seeded with its first four bytes (as hwplib and pyhwp read it); the rest is the encrypted
 * section, compressed as BodyText sections are.
 * @throws Error when the stream does not open with the key record or does not decrypt.
 */
export function decryptViewText(stream: Uint8Array): Uint8Array {
  const [first] = readHwpRecords(stream.subarray(0, KEY_RECORD_BYTES));
  if (first?.tag !== HWP_TAG.DISTRIBUTE_DOC_DATA || first.data.length !== KEY_DATA_BYTES) {
    throw new Error('a distribution document section does not open with its key record');
  }
  const decipher = createDecipheriv('aes-128-ecb', distributionKey(first.data), null);
  decipher.setAutoPadding(false);
  const body = stream.subarray(KEY_RECORD_BYTES);
  // AES works on whole 16-byte blocks; a trailing partial block cannot be part of the section.
  const whole = body.subarray(0, body.length - (body.length % 16));
  return new Uint8Array(Buffer.concat([decipher.update(whole), decipher.final()]));
}

/** The AES key hidden in the key record's data. */
function distributionKey(data: Uint8Array): Uint8Array {
  const unmasked = Uint8Array.from(data);
  const seed = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
  const rand = msvcRand(seed);
  let mask = 0;
  let run = 0;
  for (let i = 0; i < unmasked.length; i++) {
    if (run === 0) {
      mask = rand() & 0xff;
      run = (rand() & 0x0f) + 1;
    }
    if (i >= 4) unmasked[i] = (unmasked[i] as number) ^ mask;
    run -= 1;
  }
  const offset = 4 + (seed & 0x0f);
  return unmasked.subarray(offset, offset + 16);
}

/** Microsoft's C runtime `rand()`: the generator the key's mask was drawn with. */
function msvcRand(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 214013) + 2531011) >>> 0;
    return (state >>> 16) & 0x7fff;
  };
}
