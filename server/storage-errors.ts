import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IndexStoreError } from '../index/store/index-store.ts';
import { MANIFEST_FILE } from '../index/store/manifest.ts';
import { ServiceError } from './service.ts';

/** What to do about storage that can't be written. */
export const STORAGE_ADVICE = 'Check that INDEX_DIR and DOCS_DIR exist and that the server may write to them, then try again.';

/** System error codes of a disk that is full or over quota. */
const FULL = new Set(['ENOSPC', 'EDQUOT']);
/** System error codes of a folder that can't be written: read-only, not permitted, gone, or not a folder. */
const UNAVAILABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EIO']);

/**
 * The refusal a change to the collection failed with, when the machine's storage is to blame rather than the
 * request: `DISK_FULL` or `STORAGE_UNAVAILABLE` (a read-only or deleted INDEX_DIR or DOCS_DIR, or an index on disk
 * that can no longer be read), or `INDEX_BUSY` when another process became the index's writer. Other errors are
 * returned as they are. Changes are rolled back before they fail, so each message says nothing was changed.
 */
export function asServiceError(error: unknown): unknown {
  if (error instanceof ServiceError) return error;
  if (error instanceof IndexStoreError) {
    if (error.code === 'INDEX_LOCKED') return new ServiceError('INDEX_BUSY', error.message);
    return new ServiceError('STORAGE_UNAVAILABLE', `The index on disk can't be updated: ${error.message} Nothing was changed.`);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error;
  if (FULL.has(code)) {
    return new ServiceError('DISK_FULL', `The disk holding INDEX_DIR or DOCS_DIR is full (${code}); nothing was changed. Free some space and try again.`);
  }
  if (UNAVAILABLE.has(code)) {
    return new ServiceError(
      'STORAGE_UNAVAILABLE',
      `INDEX_DIR or DOCS_DIR can't be written (${code}); nothing was changed. ${STORAGE_ADVICE}`,
    );
  }
  return error;
}

/**
 * Why documents could not be changed now, or undefined when they can: INDEX_DIR, which holds the index being served,
 * is gone or was made again empty, or a folder can't be written (a read-only file system). DOCS_DIR may not exist yet when its parent can be
 * written: it is created on the first add.
 */
export function storageProblem(indexDir: string, docsDir: string): string | undefined {
  if (!existsSync(indexDir)) return 'INDEX_DIR no longer exists';
  if (!existsSync(join(indexDir, MANIFEST_FILE))) return 'INDEX_DIR no longer holds the index being served (its manifest is gone)';
  return unwritable('INDEX_DIR', indexDir) ?? unwritable('DOCS_DIR', existsSync(docsDir) ? docsDir : dirname(docsDir));
}

function unwritable(name: string, folder: string): string | undefined {
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return `${name} can't be written (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
}
