import type { Document } from '../types.ts';
import { readSourceFiles } from './read-files.ts';
import { toDocument } from './to-document.ts';
import type { ToDocumentOptions } from './to-document.ts';

/**
 * Reads and cleans every document under `dir` (see {@link readSourceFiles} and {@link toDocument}), in path order.
 * @throws Error when the folder is missing, or when two files would get the same document id (`a.md` and `a.txt`).
 */
export async function loadDocuments(dir: string, options: ToDocumentOptions = {}): Promise<Document[]> {
  const files = await readSourceFiles(dir);
  const documents = files.map((file) => toDocument(file, options));
  const seen = new Map<string, string>();
  documents.forEach((doc, i) => {
    const relPath = files[i]?.relPath ?? '';
    const other = seen.get(doc.docId);
    if (other !== undefined) {
      throw new Error(`${other} and ${relPath} would both get the document id "${doc.docId}"; rename one of them.`);
    }
    seen.set(doc.docId, relPath);
  });
  return documents;
}

export { readSourceFiles, DOCUMENT_EXTENSIONS } from './read-files.ts';
export { toDocument, toDocId, BLOCK_SEPARATOR } from './to-document.ts';
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
