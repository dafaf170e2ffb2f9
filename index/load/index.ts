import type { Document, SourceFile } from '../types.ts';
import { readSourceFiles, skippedFile } from './read-files.ts';
import type { ReadSourceFilesOptions } from './read-files.ts';
import { toDocument } from './to-document.ts';
import type { ToDocumentOptions } from './to-document.ts';

/** Options of {@link loadDocuments}. */
export interface LoadDocumentsOptions extends ToDocumentOptions {
  /**
   * Called for each file that can't be read or turned into a document (and each sub-folder that can't be listed),
   * which is then left out. Default none: the first such file fails the whole load.
   */
  onSkip?: ReadSourceFilesOptions['onSkip'];
  /** Called before each file is read into a document, with how many were before it and how many there are. */
  onFile?: (relPath: string, done: number, total: number) => void;
}

/**
 * Reads and cleans every document under `dir` (see {@link readSourceFiles} and {@link toDocument}), in path order. A
 * file with no text (empty, or nothing left after cleaning) can't be read into a document either.
 * @throws Error when the folder is missing, or when two files would get the same document id (`a.md` and `a.txt`);
 *   without `onSkip`, also the error of the first file that can't be read or cleaned.
 */
export async function loadDocuments(dir: string, options: LoadDocumentsOptions = {}): Promise<Document[]> {
  const { onSkip, onFile, ...cleaning } = options;
  const files = await readSourceFiles(dir, onSkip ? { onSkip } : {});
  const loaded: Array<{ file: SourceFile; doc: Document }> = [];
  for (const [i, file] of files.entries()) {
    onFile?.(file.relPath, i, files.length);
    try {
      const doc = await toDocument(file, cleaning);
      if (doc.text.trim() === '') throw new Error(file.content.length === 0 ? 'the file is empty' : 'it has no text: nothing is left of it after cleaning');
      loaded.push({ file, doc });
    } catch (error) {
      if (!onSkip) throw error;
      onSkip(skippedFile(file.relPath, error));
    }
  }
  const seen = new Map<string, string>();
  for (const { file, doc } of loaded) {
    const other = seen.get(doc.docId);
    if (other !== undefined) {
      throw new Error(`${other} and ${file.relPath} would both get the document id "${doc.docId}"; rename one of them.`);
    }
    seen.set(doc.docId, file.relPath);
  }
  return loaded.map(({ doc }) => doc);
}

export { readSourceFiles, skippedFile, DOCUMENT_EXTENSIONS } from './read-files.ts';
export type { ReadSourceFilesOptions, SkippedFile } from './read-files.ts';
export { toDocument, toDocId, BLOCK_SEPARATOR } from './to-document.ts';
export { wellFormedText } from './characters.ts';
export type { ToDocumentOptions } from './to-document.ts';
export { detectFormat } from './detect-format.ts';
export { sniffFormat } from './sniff-format.ts';
export type { FileFormat, SniffedFile } from './sniff-format.ts';
export { readContent } from './read-content.ts';
export type { ReadContent } from './read-content.ts';
export { DocumentReadError, DOCUMENT_READ_ERRORS, NO_TEXT_LAYER_MESSAGE, isDocumentReadErrorCode } from './read-errors.ts';
export type { DocumentReadErrorCode } from './read-errors.ts';
export type { BodyFormat, DetectedFormat, DetectFormatOptions } from './detect-format.ts';
export { htmlToText } from './html-to-text.ts';
export { markdownToText } from './markdown-to-text.ts';
export { plainTextToText } from './plaintext-to-text.ts';
export type { PlainTextOptions } from './plaintext-to-text.ts';
export {
  classifyBlocks,
  removeBoilerplate,
  isProse,
  DEFAULT_CHROME_PHRASES,
  DEFAULT_AMBIGUOUS_CHROME_PHRASES,
  DEFAULT_SIDEBAR_HEADINGS,
  DEFAULT_NOTICE_PATTERNS,
} from './boilerplate.ts';
export type { BoilerplateOptions, BoilerplateReason, BlockVerdict } from './boilerplate.ts';
export { extractMetadata, extractTitle, extractSource, extractDate, parseCalendarDate } from './metadata.ts';
export type { DocumentMetadata, MetadataInput } from './metadata.ts';
export type { Block, BlockKind, ExtractedText, Link } from './block.ts';
