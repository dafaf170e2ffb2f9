import type { Answer, AskRequest, DocumentDetail, DocumentSummary } from '../contract/api.ts';

/** A document to add: text or HTML (or a file's raw content with its name), with optional metadata. */
export interface NewDocument {
  /** Document id; default: derived from `filename` or `title`. Letters, digits, `_`, `-`, `.`; at most 100 characters. */
  id?: string;
  title?: string;
  source?: string;
  /** Plain text or markdown. */
  text?: string;
  /** An HTML page; cleaned like an indexed HTML file. */
  html?: string;
  /** Name of an uploaded file (`.txt`, `.md`, `.html`, `.htm`); its content is in `text` or `bytes`. */
  filename?: string;
  /** An uploaded file's raw content, when it came as a file rather than as text; read like a file in DOCS_DIR. */
  bytes?: Uint8Array;
}

/** What an add did: the document, and whether it is new (false: a retry of an add of the same content). */
export interface AddedDocument {
  document: DocumentSummary;
  created: boolean;
}

/** Counts reported by `/readyz`. */
export interface CollectionStats {
  documents: number;
  chunks: number;
  model: string;
  /** Generation id of the index being served. */
  generation: string;
  /** Whether documents can be changed here: false while another process is the index's writer or storage fails. */
  writable: boolean;
  /** Why documents can't be changed, when they can't ("INDEX_DIR can't be written (EROFS)"). */
  readOnly?: string;
}

/**
 * What the HTTP server needs from Seogi: answering, reading the collection, and changing it while serving.
 * Changes are durable when the returned promise resolves (the file is in DOCS_DIR and the index on disk is committed)
 * and visible to every question asked after that; questions in flight finish on the collection they started with.
 */
export interface SeogiService {
  ask(request: AskRequest): Promise<Answer>;
  stats(): CollectionStats;
  /** Every document, by id, with the facts of its file (format, size, when it was added). */
  listDocuments(): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<DocumentDetail | undefined>;
  /**
   * Adds a document; adding the same content under the same id again gives the existing document (`created: false`),
   * so a client may retry an add whose answer it never got.
   * @throws ServiceError `DOCUMENT_EXISTS` when the id holds other content, `DOCUMENT_EMPTY` when nothing is left after
   *   cleaning, `DUPLICATE_CONTENT` when another document has the same cleaned text (the message names it),
   *   `UNSUPPORTED_FORMAT`, `UNREADABLE_DOCUMENT`, `NO_TEXT_LAYER` or `ENCRYPTED_DOCUMENT` when the file can't be read, `INDEX_BUSY` while another process is the index's writer, `DISK_FULL` or `STORAGE_UNAVAILABLE` when
   *   the change can't be written (nothing is changed then).
   */
  addDocument(input: NewDocument): Promise<AddedDocument>;
  /**
   * Resolves false when there is no such document.
   * @throws ServiceError `INDEX_BUSY`, `DISK_FULL` or `STORAGE_UNAVAILABLE`, as {@link addDocument}.
   */
  deleteDocument(id: string): Promise<boolean>;
}

/** Why a change to the collection was refused; the server maps codes to HTTP statuses. */
export type ServiceErrorCode =
  | 'DOCUMENT_EXISTS'
  | 'DUPLICATE_CONTENT'
  | 'DOCUMENT_EMPTY'
  | 'INVALID_DOCUMENT'
  | 'UNSUPPORTED_FORMAT'
  | 'UNREADABLE_DOCUMENT'
  | 'NO_TEXT_LAYER'
  | 'ENCRYPTED_DOCUMENT'
  | 'INDEX_BUSY'
  | 'STORAGE_UNAVAILABLE'
  | 'DISK_FULL'
  | 'STORE_UNAVAILABLE';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
