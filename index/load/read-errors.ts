/**
 * Why a file could not be read into a document. The codes are stable, for callers to act on (the HTTP layer answers
 * each with its own 4xx); the messages are for people.
 */
export const DOCUMENT_READ_ERRORS = {
  /** Damaged or cut short, the wrong content for its kind (a `.pdf` without `%PDF`), or text in no known encoding. */
  UNREADABLE_DOCUMENT: 'UNREADABLE_DOCUMENT',
  /** A PDF of scanned images: it has pages but no text to read. */
  NO_TEXT_LAYER: 'NO_TEXT_LAYER',
  /** Protected by a password. */
  ENCRYPTED_DOCUMENT: 'ENCRYPTED_DOCUMENT',
  /** A known container holding something else (a legacy `.doc` or an `.xlsx`, say). */
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
} as const;

/** One of {@link DOCUMENT_READ_ERRORS}. */
export type DocumentReadErrorCode = keyof typeof DOCUMENT_READ_ERRORS;

/** The message of {@link DOCUMENT_READ_ERRORS.NO_TEXT_LAYER}, the same wherever a scan is refused. */
export const NO_TEXT_LAYER_MESSAGE = 'this PDF is a scanned image; Seogi needs a text layer — run OCR first';

/**
 * A file that can't be turned into a document, with the reason as a code.
 * @example
 * try { await toDocument(file); } catch (error) { if (error instanceof DocumentReadError && error.code === 'NO_TEXT_LAYER') … }
 */
export class DocumentReadError extends Error {
  override readonly name = 'DocumentReadError';
  readonly code: DocumentReadErrorCode;

  constructor(code: DocumentReadErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `value` is one of the codes, e.g. one that came back from a worker thread as a string. */
export function isDocumentReadErrorCode(value: unknown): value is DocumentReadErrorCode {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_READ_ERRORS, value);
}
