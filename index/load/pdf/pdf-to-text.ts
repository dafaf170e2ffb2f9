import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractedText } from '../block.ts';
import { trustedMetadataTitle } from '../metadata-title.ts';
import { DocumentReadError, NO_TEXT_LAYER_MESSAGE } from '../read-errors.ts';
import { findAscii } from '../sniff-format.ts';
import { pdfPagesToBlocks } from './pdf-layout.ts';
import type { PdfTextRun } from './pdf-layout.ts';

/** pdfjs-dist ships the CMaps of CID-keyed fonts (Korean ones among them) and the standard fonts in its package. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** A PDF ends with `%%EOF`, which readers look for in its last kilobyte; a little more allows for trailing junk. */
const EOF_WINDOW = 4096;

/**
 * The text of a PDF's text layer (see {@link pdfPagesToBlocks}), each block marked with its page; the title from the
 * document information when it can be trusted (see {@link trustedMetadataTitle}), the date from its creation date.
 * Read with pdfjs-dist, fonts and CMaps from its own package: nothing is fetched.
 * @throws DocumentReadError `NO_TEXT_LAYER` when no page has text (a scan), `ENCRYPTED_DOCUMENT` when a password is
 *   needed to open it, `UNREADABLE_DOCUMENT` when it is damaged or cut short.
 */
export async function pdfToText(bytes: Uint8Array, relPath: string): Promise<ExtractedText> {
  if (findAscii(bytes, '%%EOF', EOF_WINDOW, Math.max(0, bytes.length - EOF_WINDOW)) < 0) {
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} is a PDF cut short (it has no end-of-file marker); copy it again.`);
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({
    // pdfjs takes over the buffer it is given; a copy leaves the caller's bytes intact.
    data: Uint8Array.from(bytes),
    cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
    wasmUrl: `${join(PDFJS_ROOT, 'wasm')}/`,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await loading.promise;
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item ? [toRun(item)] : [])));
      page.cleanup();
    }
    if (!pages.some((runs) => runs.some((run) => run.text.trim() !== ''))) {
      throw new DocumentReadError('NO_TEXT_LAYER', `${relPath}: ${NO_TEXT_LAYER_MESSAGE}.`);
    }
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    const blocks = pdfPagesToBlocks(pages);
    const title = trustedMetadataTitle(typeof info.Title === 'string' ? info.Title : undefined, blocks);
    const date = pdfDate(info.CreationDate);
    return { blocks, ...(title ? { pageTitle: title } : {}), meta: date ? { date } : {} };
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new DocumentReadError('ENCRYPTED_DOCUMENT', `${relPath} is protected by a password; save an unprotected copy and add that.`, { cause: error });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} is a damaged PDF (${reason}).`, { cause: error });
  } finally {
    await loading.destroy();
  }
}

function toRun(item: { str: string; transform: number[]; width: number; hasEOL: boolean }): PdfTextRun {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  return { text: item.str, x, y, width: item.width, size: Math.max(Math.hypot(a, b), Math.hypot(c, d)), endOfLine: item.hasEOL };
}

/** `D:20240913101500+09'00'` → `2024-09-13`. */
function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
