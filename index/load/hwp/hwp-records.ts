/** A record of an HWP 5 stream: a tag saying what it holds, its nesting level, and its data. */
export interface HwpRecord {
  tag: number;
  level: number;
  data: Uint8Array;
}

/** Tag ids of the body records Seogi reads (HWPTAG_BEGIN is 0x10; see the HWP 5.0 format document). */
export const HWP_TAG = {
  /** The key record at the start of a distribution document's ViewText stream. */
  DISTRIBUTE_DOC_DATA: 0x10 + 12,
  PARA_HEADER: 0x10 + 50,
  PARA_TEXT: 0x10 + 51,
  CTRL_HEADER: 0x10 + 55,
  LIST_HEADER: 0x10 + 56,
} as const;

/** A record header's 12-bit size field holds this when the size follows in the next four bytes. */
const EXTENDED_SIZE = 0xfff;

/**
 * The records of a decompressed HWP 5 stream, in order. Each opens with a 32-bit header: tag (10 bits), level (10
 * bits) and size (12 bits, or the next 32 bits when they are all set).
 * @throws RangeError when a record runs past the end of the stream (a damaged or cut file).
 */
export function readHwpRecords(stream: Uint8Array): HwpRecord[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const records: HwpRecord[] = [];
  let at = 0;
  while (at + 4 <= stream.length) {
    const header = view.getUint32(at, true);
    at += 4;
    let size = header >>> 20;
    if (size === EXTENDED_SIZE) {
      if (at + 4 > stream.length) throw new RangeError('an HWP record header is cut short');
      size = view.getUint32(at, true);
      at += 4;
    }
    if (at + size > stream.length) throw new RangeError('an HWP record runs past the end of its stream');
    records.push({ tag: header & 0x3ff, level: (header >>> 10) & 0x3ff, data: stream.subarray(at, at + size) });
    at += size;
  }
  return records;
}

/** The four-letter id of a control (`tbl `, `fn  `, `head`…), stored as a little-endian 32-bit number. */
export function controlId(record: HwpRecord): string {
  const d = record.data;
  return d.length < 4 ? '' : String.fromCharCode(d[3] as number, d[2] as number, d[1] as number, d[0] as number);
}
