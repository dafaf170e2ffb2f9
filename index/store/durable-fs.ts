import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates `path` (which must not exist yet) with `data` and flushes it to disk before returning, so that a rename or
 * manifest written afterwards never points at a file whose bytes are still only in the page cache.
 */
export async function writeNewFile(path: string, data: Uint8Array | string): Promise<void> {
  await writeAndSync(path, data, 'wx');
}

/** Writes `data` to `path`, opened with `flags`, and flushes it to disk. */
async function writeAndSync(path: string, data: Uint8Array | string, flags: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a directory's entries (created, renamed or removed names) to disk. Windows cannot open directories for
 * syncing and commits its metadata differently, so this is a no-op there.
 */
export async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old content or the new one, never a
 * mixture: write a sibling temp file, flush it, rename it over `path`, flush the directory. When writing fails, the
 * temp file is removed.
 */
export async function replaceFileAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    await writeAndSync(temp, data, 'w');
    await rename(temp, path);
  } catch (error) {
    // A write cut short (a full disk) leaves nothing behind; `path` is as it was.
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}
