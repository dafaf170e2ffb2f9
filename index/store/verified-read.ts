import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IndexStoreError, REBUILD_HINT } from './errors.ts';
import type { ManifestFile } from './manifest.ts';

/** Size and sha256 of content about to be written, as the manifest records them. */
export function describeContent(data: Uint8Array | string): ManifestFile {
  return {
    bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** `INDEX_CORRUPT` for file `name` of the generation in `generationDir`, saying what is wrong with it. */
export function corrupt(generationDir: string, name: string, problem: string): IndexStoreError {
  return new IndexStoreError(
    'INDEX_CORRUPT',
    `Index file ${name} ${problem} (in ${generationDir}). The index is damaged; ${REBUILD_HINT}`,
  );
}

/** Whether a file system error says that the file is not there. */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

const CHUNK_BYTES = 1 << 20;

/** Lower-case hex sha256 of the file at `path`, read in fixed-size chunks so that a large file is not held in memory. */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Throws `INDEX_CORRUPT`, naming the file, unless `generationDir/name` exists with exactly the recorded size. */
export function checkSize(generationDir: string, name: string, expected: ManifestFile): void {
  let bytes: number;
  try {
    bytes = statSync(join(generationDir, name)).size;
  } catch (error) {
    if (isMissing(error)) throw corrupt(generationDir, name, 'is missing');
    throw error;
  }
  if (bytes !== expected.bytes) {
    throw corrupt(generationDir, name, `has ${bytes} bytes instead of ${expected.bytes} (truncated or overwritten)`);
  }
}

/** Throws `INDEX_CORRUPT`, naming the file, unless `generationDir/name` has exactly the recorded size and sha256. */
export function verifyFile(generationDir: string, name: string, expected: ManifestFile): void {
  checkSize(generationDir, name, expected);
  if (sha256OfFile(join(generationDir, name)) !== expected.sha256) throw corrupt(generationDir, name, 'does not match its checksum');
}

/** The content of `generationDir/name`, unverified (`INDEX_CORRUPT` when it is missing). */
export function readIndexFile(generationDir: string, name: string): Buffer {
  try {
    return readFileSync(join(generationDir, name));
  } catch (error) {
    if (isMissing(error)) throw corrupt(generationDir, name, 'is missing');
    throw error;
  }
}

/** The content of `generationDir/name`, checked against the recorded size and sha256 (`INDEX_CORRUPT` otherwise). */
export function readVerifiedFile(generationDir: string, name: string, expected: ManifestFile): Buffer {
  const data = readIndexFile(generationDir, name);
  const actual = describeContent(data);
  if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
    throw corrupt(generationDir, name, 'does not match its checksum');
  }
  return data;
}
