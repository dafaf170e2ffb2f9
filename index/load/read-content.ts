import type { DocumentFormat, SourceFile } from '../types.ts';
import type { ExtractedText } from './block.ts';
import { wellFormedText } from './characters.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat } from './detect-format.ts';
import { docxToText } from './docx-to-text.ts';
import { htmlToText } from './html-to-text.ts';
import { hwpToText } from './hwp/hwp-to-text.ts';
import { hwpxToText } from './hwpx-to-text.ts';
import { markdownToText } from './markdown-to-text.ts';
import { pdfToText } from './pdf/pdf-to-text.ts';
import { plainTextToText } from './plaintext-to-text.ts';
import { sniffFormat } from './sniff-format.ts';

/** A file's content as blocks, with the format it was read as and, for text, its front matter. */
export interface ReadContent {
  format: DocumentFormat;
  extracted: ExtractedText;
  frontMatter?: Record<string, unknown>;
}

/**
 * Reads a file's content into blocks by the format its bytes show (see {@link sniffFormat}): PDF, HWP, HWPX and DOCX
 * by their readers, anything else as text in its encoding (see {@link decodeText}), then as HTML, markdown or plain
 * text by its markup (see {@link detectFormat}).
 * @throws DocumentReadError when the file can't be read (see `DOCUMENT_READ_ERRORS`).
 */
export async function readContent(file: SourceFile): Promise<ReadContent> {
  let text = file.content;
  if (typeof text !== 'string') {
    const bytes = text;
    const sniffed = sniffFormat(bytes, file.relPath);
    const entries = sniffed.zipEntries ?? [];
    switch (sniffed.format) {
      case 'pdf':
        return { format: 'pdf', extracted: await pdfToText(bytes, file.relPath) };
      case 'hwp':
        return { format: 'hwp', extracted: hwpToText(bytes, file.relPath) };
      case 'hwpx':
        return { format: 'hwpx', extracted: hwpxToText(bytes, entries, file.relPath) };
      case 'docx':
        return { format: 'docx', extracted: docxToText(bytes, entries, file.relPath) };
      case 'text':
        text = decodeText(bytes, file.relPath);
    }
  }
  // Cleaned before parsing, so front matter with a stray control character still parses.
  const detected = detectFormat(wellFormedText(text), file.relPath);
  const extracted =
    detected.bodyFormat === 'html'
      ? htmlToText(detected.body)
      : detected.bodyFormat === 'markdown'
        ? markdownToText(detected.body)
        : plainTextToText(detected.body);
  return { format: detected.bodyFormat, extracted, ...(detected.frontMatter ? { frontMatter: detected.frontMatter } : {}) };
}
