/**
 * Why an index could not be loaded or written:
 * - `INDEX_MISSING`: nothing has been committed under the index directory yet.
 * - `INDEX_VERSION`: the index was written in another on-disk format.
 * - `INDEX_CORRUPT`: the manifest or a file it lists is unreadable, truncated or altered.
 * - `INDEX_MISMATCH`: the index is intact but is not what the caller expects (its metadata fails the caller's schema,
 *   or a file the caller asks for is not part of it).
 * - `INDEX_LOCKED`: another live process is the writer of the same index directory, or is committing to it.
 */
export type IndexStoreErrorCode =
  | 'INDEX_MISSING'
  | 'INDEX_VERSION'
  | 'INDEX_CORRUPT'
  | 'INDEX_MISMATCH'
  | 'INDEX_LOCKED';

/** An index that cannot be served or written; `message` says what to do about it, `code` says what went wrong. */
export class IndexStoreError extends Error {
  override readonly name = 'IndexStoreError';
  readonly code: IndexStoreErrorCode;

  constructor(code: IndexStoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** The advice every unusable-index message ends with. */
export const REBUILD_HINT = 'Rebuild it with `npm run index`.';
