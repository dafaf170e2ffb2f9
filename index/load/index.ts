import type { Document, SourceFile } from '../types.ts';
import { readSourceFiles } from './read-files.ts';
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
}

/**
 * Reads and cleans every document under `dir` (see {@link readSourceFiles} and {@link toDocument}), in path order.
 * @throws Error when the folder is missing, or when two files would get the same document id (`a.md` and `a.txt`);
 *   without `onSkip`, also the error of the first file that can't be read or cleaned.
 */
export async function loadDocuments(dir: string, options: LoadDocumentsOptions = {}): Promise<Document[]> {
  const { onSkip, ...cleaning } = options;
  const files = await readSourceFiles(dir, onSkip ? { onSkip } : {});
  const loaded: Array<{ file: SourceFile; doc: Document }> = [];
  for (const file of files) {
    try {
      loaded.push({ file, doc: toDocument(file, cleaning) });
    } catch (error) {
      if (!onSkip) throw error;
      onSkip({ relPath: file.relPath, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
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

export { readSourceFiles, DOCUMENT_EXTENSIONS } from './read-files.ts';
export type { ReadSourceFilesOptions, SkippedFile } from './read-files.ts';
export { toDocument, toDocId, BLOCK_SEPARATOR } from './to-document.ts';
export { wellFormedText } from './characters.ts';
export type { ToDocumentOptions } from './to-document.ts';
export { detectFormat } from './detect-format.ts';
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
