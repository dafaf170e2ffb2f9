import { DocumentReadError } from './read-errors.ts';
import { listZipEntries } from './zip-archive.ts';

/** How a file is stored, as its content shows. */
export type FileFormat = 'pdf' | 'hwp' | 'hwpx' | 'docx' | 'text';

/** What {@link sniffFormat} found: the format, and for a zip the names of its entries. */
export interface SniffedFile {
  format: FileFormat;
  zipEntries?: string[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** PDF readers look for the header in the first kilobyte: some producers put bytes before it. */
const PDF_HEADER_WINDOW = 1024;
/** HWP 3 files open with this signature; they are not compound files. */
const HWP3_SIGNATURE = 'HWP Document File V3';
const BINARY_EXTENSIONS: Readonly<Record<string, FileFormat>> = { '.pdf': 'pdf', '.hwp': 'hwp', '.hwpx': 'hwpx', '.docx': 'docx' };
const FORMAT_NAMES: Readonly<Record<FileFormat, string>> = { pdf: 'PDF', hwp: 'HWP', hwpx: 'HWPX', docx: 'Word (.docx)', text: 'text' };

/**
 * Decides how a file is stored from its first bytes and, for a zip, from its entries — never from the extension
 * alone, so a PDF renamed `.txt` is read as a PDF. The extension only decides what a file that is no known container
 * must be: text, unless it is named like a binary format, which then was damaged or mislabelled.
 * @throws DocumentReadError `UNREADABLE_DOCUMENT` for a `.pdf`/`.hwp`/`.hwpx`/`.docx` file whose content is none of
 *   these, or a zip that lacks the manifest its name promises; `UNSUPPORTED_FORMAT` for HWP 3 and other zips.
 */
export function sniffFormat(bytes: Uint8Array, relPath: string): SniffedFile {
  if (findAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) >= 0) return { format: 'pdf' };
  if (startsWith(bytes, OLE_MAGIC)) return { format: 'hwp' };
  const named = BINARY_EXTENSIONS[extensionOf(relPath)];
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return sniffZip(bytes, relPath, named);
  if (findAscii(bytes, HWP3_SIGNATURE, HWP3_SIGNATURE.length) === 0) {
    throw new DocumentReadError('UNSUPPORTED_FORMAT', `${relPath} is an HWP 3 file; open it in Hangul and save it as HWP or HWPX.`);
  }
  if (named) {
    throw new DocumentReadError(
      'UNREADABLE_DOCUMENT',
      `${relPath} is not a ${FORMAT_NAMES[named]} file: its content does not start as one does; it is damaged or misnamed.`,
    );
  }
  return { format: 'text' };
}

/** HWPX declares itself in `mimetype` and its OPF manifest; DOCX has word/document.xml listed in [Content_Types].xml. */
function sniffZip(bytes: Uint8Array, relPath: string, named: FileFormat | undefined): SniffedFile {
  const zipEntries = listZipEntries(bytes, relPath);
  const has = (name: string): boolean => zipEntries.includes(name);
  if (has('Contents/content.hpf') || zipEntries.some((name) => /^Contents\/section\d+\.xml$/.test(name))) {
    return { format: 'hwpx', zipEntries };
  }
  if (has('[Content_Types].xml') || has('word/document.xml')) return { format: 'docx', zipEntries };
  if (named === 'hwpx' || named === 'docx') {
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} is a zip archive without the manifest and body of a ${FORMAT_NAMES[named]} file.`);
  }
  throw new DocumentReadError('UNSUPPORTED_FORMAT', `${relPath} is a zip archive that is neither HWPX nor DOCX.`);
}

function extensionOf(relPath: string): string {
  return /\.[^./]*$/.exec(relPath)?.[0].toLowerCase() ?? '';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Where ASCII `needle` starts within the first `window` bytes, or -1. */
export function findAscii(bytes: Uint8Array, needle: string, window: number, from = 0): number {
  const end = Math.min(bytes.length, from + window) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
