import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexStoreError } from '../index/store/index-store.ts';
import { ServiceError } from './service.ts';
import { asServiceError, storageProblem } from './storage-errors.ts';

const systemError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('asServiceError', () => {
  it('names a full disk and unwritable folders by what is wrong, saying nothing was changed', () => {
    expect(asServiceError(systemError('ENOSPC'))).toMatchObject({
      code: 'DISK_FULL',
      message: 'The disk holding INDEX_DIR or DOCS_DIR is full (ENOSPC); nothing was changed. Free some space and try again.',
    });
    expect(asServiceError(systemError('EROFS'))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringMatching(/^INDEX_DIR or DOCS_DIR can't be written \(EROFS\); nothing was changed\. Check that/),
    });
    expect(asServiceError(systemError('EACCES'))).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('reads an index that can no longer be updated as storage, and another writer as busy', () => {
    expect(asServiceError(new IndexStoreError('INDEX_MISSING', 'No index found in /srv/data.'))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: "The index on disk can't be updated: No index found in /srv/data. Nothing was changed.",
    });
    expect(asServiceError(new IndexStoreError('INDEX_LOCKED', 'npm run index (pid 7) is writing the index'))).toMatchObject({ code: 'INDEX_BUSY' });
  });

  it('leaves other errors, and refusals already made, as they are', () => {
    const bug = new TypeError('x is undefined');
    expect(asServiceError(bug)).toBe(bug);
    const refusal = new ServiceError('DOCUMENT_EXISTS', 'taken');
    expect(asServiceError(refusal)).toBe(refusal);
    expect(asServiceError(systemError('ECONNRESET'))).toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('storageProblem', () => {
  it('is none for writable folders and a DOCS_DIR still to be made, and names an INDEX_DIR that is gone or emptied', () => {
    const root = mkdtempSync(join(tmpdir(), 'seogi-storage-'));
    try {
      expect(storageProblem(root, join(root, 'docs'))).toBe('INDEX_DIR no longer holds the index being served (its manifest is gone)');
      writeFileSync(join(root, 'manifest.json'), '{}');
      expect(storageProblem(root, join(root, 'docs'))).toBeUndefined();
      rmSync(root, { recursive: true });
      expect(storageProblem(root, join(root, 'docs'))).toBe('INDEX_DIR no longer exists');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
