import { DocumentReadError } from './read-errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// WHATWG's "euc-kr" decoder is Microsoft's CP949 (Unified Hangul Code), a superset of EUC-KR.
const cp949 = new TextDecoder('euc-kr', { fatal: true });
// eslint-disable-next-line no-control-regex -- control characters are the evidence that bytes are not text
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/g;
const NON_ASCII = /[^\u0020-\u007E\s]/g;

/**
 * Decodes a text file: UTF-8 (with or without a BOM), UTF-16 with a BOM, else CP949/EUC-KR when the bytes decode
 * cleanly and read as Korean text. CP949 maps most byte pairs to some character, so a clean decode is not enough:
 * at least half of what is not ASCII must be Hangul syllables, and no control characters may appear.
 * @throws DocumentReadError `UNREADABLE_DOCUMENT`, naming `relPath`, when the bytes are none of these.
 */
export function decodeText(bytes: Uint8Array, relPath: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: Korean public files are often still written in CP949.
  }
  let text: string | undefined;
  try {
    text = cp949.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && readsAsKorean(text)) return text;
  throw new DocumentReadError(
    'UNREADABLE_DOCUMENT',
    `${relPath} is not text in UTF-8, UTF-16 (with a BOM) or CP949/EUC-KR; save it as UTF-8 and add it again.`,
  );
}

function readsAsKorean(text: string): boolean {
  if ((text.match(CONTROL)?.length ?? 0) > 0) return false;
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  return (text.match(HANGUL_SYLLABLE)?.length ?? 0) * 2 >= nonAscii;
}
