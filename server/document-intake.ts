import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import matter from 'gray-matter';
import type { DocumentSummary } from '../contract/api.ts';
import { DOCUMENT_ID, documentIdFromFileName, documentIdFromTitle } from '../contract/document-id.ts';
import { decodeText } from '../index/load/decode-text.ts';
import { DOCUMENT_EXTENSIONS, DocumentReadError, sniffFormat } from '../index/load/index.ts';
import type { PreparedDocument } from '../index/prepare/prepare-document.ts';
import type { Document, SourceFile } from '../index/types.ts';
import type { CollectionView } from '../retrieval/live-index.ts';
import type { DocumentFileFacts } from './document-files.ts';
import { ServiceError, type NewDocument } from './service.ts';

/*
 * How a document sent to the API becomes one the collection takes, whatever stores it: its file and id, the checks
 * of what was prepared from it, and how it is listed.
 */

/**
 * Whether a prepared document may be added beside `documents`, the collection's: false when it may, true when the
 * same document is there already under its id (a retry of an add whose answer was lost).
 * @throws ServiceError `DOCUMENT_EXISTS` when the id holds other content, `DOCUMENT_EMPTY` when nothing is left after
 *   cleaning, `DUPLICATE_CONTENT` when another document has the same text
 */
export function isRetry(prepared: PreparedDocument, existing: Document | undefined, documents: Iterable<Document>): boolean {
  const doc = prepared.document;
  if (existing?.hash === doc.hash) return true;
  if (existing) throw documentExists(doc.docId);
  if (prepared.chunks.length === 0) throw new ServiceError('DOCUMENT_EMPTY', 'Nothing is left of this document after cleaning: it has no text to index.');
  const same = withSameText(documents, doc.text);
  if (same) throw duplicateContent(same);
  return false;
}

/** The refusal of a document whose text the collection has already, as `existing`. */
export function duplicateContent(existing: Pick<Document, 'docId' | 'title'>): ServiceError {
  return new ServiceError(
    'DUPLICATE_CONTENT',
    `This content is already in the collection as "${existing.docId}" (${JSON.stringify(existing.title.slice(0, 120))}); it was not added again.`,
  );
}

/** A document whose cleaned text is `text`, if there is one. */
function withSameText(documents: Iterable<Document>, text: string): Document | undefined {
  const hash = textHash(text);
  for (const doc of documents) if (textHashOf(doc) === hash) return doc;
  return undefined;
}

/** How the API lists a document of `view`, with the facts of its file (null ones when its file is gone). */
export function summaryOf(doc: Document, view: CollectionView, file: DocumentFileFacts | undefined): DocumentSummary {
  return {
    id: doc.docId,
    title: doc.title,
    source: doc.source ?? null,
    date: doc.date ?? null,
    chunks: view.chunksOf.get(doc.docId)?.length ?? 0,
    // Documents indexed before the loader recorded formats have theirs read from the file.
    format: doc.format ?? file?.format ?? null,
    size: file?.size ?? null,
    addedAt: file?.addedAt ?? null,
  };
}

/** Hashes of the documents' cleaned texts, each computed once: views share their document objects. */
const textHashes = new WeakMap<Document, string>();

function textHashOf(doc: Document): string {
  let hash = textHashes.get(doc);
  if (hash === undefined) {
    hash = textHash(doc.text);
    textHashes.set(doc, hash);
  }
  return hash;
}

/** sha256 of a cleaned text: two documents with the same hash say the same thing, whatever their files look like. */
function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function documentExists(id: string): ServiceError {
  return new ServiceError('DOCUMENT_EXISTS', `A document with id "${id}" already exists; delete it first or choose another id.`);
}

/**
 * The file a new document is stored as in DOCS_DIR, and its id: the loader reads it back into the same document. An
 * uploaded file is stored as it came (a PDF, an HWP, text in CP949), unless a title or source is given for a text
 * file, which then is stored as UTF-8 with front matter.
 * @throws ServiceError, or DocumentReadError when the upload is no file Seogi can read.
 */
export function documentFile(input: NewDocument): SourceFile & { id: string } {
  const uploadExt = input.filename ? extname(input.filename).toLowerCase() : '';
  if (input.filename && !DOCUMENT_EXTENSIONS.includes(uploadExt)) {
    throw new ServiceError('UNSUPPORTED_FORMAT', `${quoted(input.filename)} is not a ${DOCUMENT_EXTENSIONS.join(', ')} file; add one of those.`);
  }
  const front = Object.fromEntries(Object.entries({ title: input.title, source: input.source }).filter(([, v]) => v !== undefined));
  const hasFront = Object.keys(front).length > 0;
  let content: string | Uint8Array;
  if (input.bytes && input.html === undefined && input.text === undefined) {
    const name = input.filename ?? 'the file';
    if (sniffFormat(input.bytes, name).format !== 'text') {
      if (hasFront) throw new ServiceError('INVALID_DOCUMENT', `${quoted(name)} names its own title; send it without "title" and "source".`);
      content = input.bytes;
    } else {
      const text = decodeText(input.bytes, name);
      if (text.trim() === '') throw new ServiceError('DOCUMENT_EMPTY', `${quoted(name)} is empty: it has no text to index.`);
      content = hasFront ? matter.stringify(text, front) : input.bytes;
    }
  } else {
    const body = input.html ?? input.text;
    if (body === undefined) throw new ServiceError('INVALID_DOCUMENT', 'Give the document as "text" or "html" (or upload a file).');
    if (body.trim() === '') throw new ServiceError('DOCUMENT_EMPTY', 'The document is empty: it has no text to index.');
    content = hasFront ? matter.stringify(body, front) : body;
  }
  const ext = uploadExt || (input.html !== undefined ? '.html' : '.md');
  const id = input.id ?? idFrom(input, content);
  if (!DOCUMENT_ID.test(id)) {
    throw new ServiceError('INVALID_DOCUMENT', `Invalid document id "${id}": use letters, digits, "_", "-" and "." (at most 100), not starting with ".".`);
  }
  return { id, relPath: `${id}${ext}`, content };
}

/** A file Seogi could not read, as the refusal the API answers with (the codes are the same). */
export function readRefusal(error: unknown): unknown {
  return error instanceof DocumentReadError ? new ServiceError(error.code, error.message) : error;
}

/** A user-given name as a message may show it: quoted, control characters escaped, length bounded. */
function quoted(name: string): string {
  return JSON.stringify(name.slice(0, 120));
}

/**
 * An id from the uploaded file's name (`공고문 2025.hwp` → `공고문-2025`), else the title, else the content's hash.
 */
function idFrom(input: NewDocument, body: string | Uint8Array): string {
  const fromName = input.filename !== undefined ? documentIdFromFileName(input.filename) : undefined;
  const fromTitle = input.title !== undefined ? documentIdFromTitle(input.title) : undefined;
  return fromName ?? fromTitle ?? `doc-${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
}

