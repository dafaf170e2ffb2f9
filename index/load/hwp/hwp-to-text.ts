import CFB from 'cfb';
import { inflateRawSync } from 'node:zlib';
import type { ExtractedText } from '../block.ts';
import { BlockAssembler } from '../block-assembler.ts';
import { DocumentReadError } from '../read-errors.ts';
import { decryptViewText } from './hwp-distribution.ts';
import { paragraphText } from './hwp-paragraph-text.ts';
import { controlId, HWP_TAG, readHwpRecords } from './hwp-records.ts';
import type { HwpRecord } from './hwp-records.ts';

const SIGNATURE = 'HWP Document File';
/** Bits of the FileHeader's properties. */
const COMPRESSED = 1 << 0;
const PASSWORD = 1 << 1;
const DISTRIBUTION = 1 << 2;
const DRM = 1 << 4;
const CERTIFICATE_ENCRYPTION = 1 << 8;
/** Controls whose text is page furniture or hidden: running headers and footers, hidden comments. */
const SKIPPED_CONTROLS = new Set(['head', 'foot', 'tcmt']);

/**
 * The text of an HWP 5 document (an OLE compound file): the paragraphs of every section in order, tables row by row,
 * footnotes, endnotes and text boxes after the paragraph they are anchored in. Running headers and footers, hidden
 * comments, field instructions and drawing descriptions ("그림입니다.") are not text. A distribution ("배포용")
 * document is read from its encrypted ViewText sections.
 * @throws DocumentReadError `ENCRYPTED_DOCUMENT` for a password-protected or DRM document, `UNSUPPORTED_FORMAT` for
 *   a compound file that is not HWP 5, `UNREADABLE_DOCUMENT` for a damaged one.
 */
export function hwpToText(bytes: Uint8Array, relPath: string): ExtractedText {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch (error) {
    throw unreadable(relPath, error);
  }
  const header = streamOf(container, 'FileHeader');
  if (!header || decodeAscii(header.subarray(0, SIGNATURE.length)) !== SIGNATURE) throw notHwp(container, relPath);
  if (header.length < 40) throw unreadable(relPath, new Error('its file header is cut short'));
  const properties = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(36, true);
  if (properties & (PASSWORD | DRM | CERTIFICATE_ENCRYPTION)) {
    throw new DocumentReadError('ENCRYPTED_DOCUMENT', `${relPath} is protected by a password or DRM; save an unprotected copy and add that.`);
  }
  const distribution = (properties & DISTRIBUTION) !== 0;
  const sections = sectionStreams(container, distribution ? 'ViewText' : 'BodyText');
  if (sections.length === 0) throw unreadable(relPath, new Error('it has no body sections'));
  const assembler = new BlockAssembler();
  try {
    for (const stream of sections) {
      const plain = distribution ? decryptViewText(stream) : stream;
      readSection(readHwpRecords(properties & COMPRESSED ? inflateRawSync(plain) : plain), assembler);
    }
  } catch (error) {
    throw unreadable(relPath, error);
  }
  return { blocks: assembler.blocks(), meta: {} };
}

interface Open {
  level: number;
  kind: 'paragraph' | 'table' | 'cell' | 'skipped' | 'control';
  /** Row of the last cell opened in a table. */
  row?: number;
}

/**
 * Feeds one section's records to the assembler. Nesting is by level: a paragraph's text and controls sit one level
 * below it, a table's cells (list headers) one level below its control, each followed by its paragraphs at its own
 * level. So a record closes everything at a deeper level, and a paragraph or cell at its own level.
 */
function readSection(records: readonly HwpRecord[], assembler: BlockAssembler): void {
  const open: Open[] = [];
  const close = (entry: Open): void => {
    if (entry.kind === 'paragraph') assembler.closeParagraph();
    else if (entry.kind === 'cell') assembler.closeCell();
    else if (entry.kind === 'table') assembler.closeTable();
  };
  for (const record of records) {
    for (let top = open.at(-1); top && closedBy(top, record); top = open.at(-1)) close(open.pop() as Open);
    if (open.some((entry) => entry.kind === 'skipped')) {
      if (record.tag === HWP_TAG.PARA_HEADER || record.tag === HWP_TAG.CTRL_HEADER) open.push({ level: record.level, kind: 'control' });
      continue;
    }
    switch (record.tag) {
      case HWP_TAG.PARA_HEADER:
        assembler.openParagraph();
        open.push({ level: record.level, kind: 'paragraph' });
        break;
      case HWP_TAG.PARA_TEXT:
        assembler.append(paragraphText(record.data));
        break;
      case HWP_TAG.CTRL_HEADER: {
        const id = controlId(record);
        if (id === 'tbl ') assembler.openTable();
        open.push({ level: record.level, kind: id === 'tbl ' ? 'table' : SKIPPED_CONTROLS.has(id) ? 'skipped' : 'control' });
        break;
      }
      case HWP_TAG.LIST_HEADER: {
        const table = open.at(-1);
        if (table?.kind !== 'table') break;
        // A cell's list header holds its column and row after the paragraph count and properties.
        const row = record.data.length >= 12 ? new DataView(record.data.buffer, record.data.byteOffset).getUint16(10, true) : 0;
        if (table.row !== undefined && row !== table.row) assembler.openRow();
        table.row = row;
        assembler.openCell();
        open.push({ level: record.level, kind: 'cell' });
        break;
      }
    }
  }
  while (open.length > 0) close(open.pop() as Open);
}

function closedBy(entry: Open, record: HwpRecord): boolean {
  if (entry.level !== record.level) return entry.level > record.level;
  return entry.kind !== 'cell' || record.tag === HWP_TAG.LIST_HEADER;
}

/** The section streams of a storage (`BodyText` or `ViewText`), in section order. */
function sectionStreams(container: CFB.CFB$Container, storage: string): Uint8Array[] {
  const pattern = new RegExp(`/${storage}/Section(\\d+)$`);
  return container.FullPaths.flatMap((path, i) => {
    const number = pattern.exec(path)?.[1];
    const entry = container.FileIndex[i];
    return number === undefined || !entry?.content ? [] : [{ number: Number(number), content: toBytes(entry.content) }];
  })
    .sort((a, b) => a.number - b.number)
    .map((section) => section.content);
}

function streamOf(container: CFB.CFB$Container, name: string): Uint8Array | undefined {
  const entry = CFB.find(container, `/${name}`);
  return entry?.content ? toBytes(entry.content) : undefined;
}

function toBytes(content: CFB.CFB$Blob): Uint8Array {
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/** A compound file of another kind: an encrypted Office document, a legacy .doc/.xls/.ppt. */
function notHwp(container: CFB.CFB$Container, relPath: string): DocumentReadError {
  if (CFB.find(container, '/EncryptedPackage')) {
    return new DocumentReadError('ENCRYPTED_DOCUMENT', `${relPath} is a password-protected Office document; save an unprotected copy and add that.`);
  }
  return new DocumentReadError(
    'UNSUPPORTED_FORMAT',
    `${relPath} is a compound file but not an HWP 5 document (a legacy .doc, .xls or .ppt?); save it as .docx, HWPX or PDF.`,
  );
}

function unreadable(relPath: string, error: unknown): DocumentReadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} is a damaged HWP file (${reason}).`, { cause: error });
}

function decodeAscii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
