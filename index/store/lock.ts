import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { IndexStoreError } from './errors.ts';

/** Name of the lock file inside the index directory while a commit is running. */
export const LOCK_FILE = 'commit.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the commit lock at `path` (a file holding this process's pid, created exclusively) and returns the function
 * that releases it. A lock left by a process that no longer runs, or one with no readable pid (its writer died between
 * creating and filling it), is taken over. This is a best-effort guard against two processes committing at once, not a
 * guarantee: such a setup is not supported.
 */
export function acquireLock(path: string): () => void {
  if (!tryCreate(path)) {
    const holder = lockHolder(path);
    if (holder !== undefined && isAlive(holder)) {
      throw new IndexStoreError(
        'INDEX_LOCKED',
        `Another process (pid ${holder}) is writing the index (lock file ${path}). Wait for it to finish; if no such ` +
          'process is running, delete the lock file.',
      );
    }
    rmSync(path, { force: true });
    if (!tryCreate(path)) {
      throw new IndexStoreError(
        'INDEX_LOCKED',
        `Another process took the index lock ${path} at the same moment. Run one indexer at a time.`,
      );
    }
  }
  return () => {
    if (lockHolder(path) === process.pid) unlinkSync(path);
  };
}
