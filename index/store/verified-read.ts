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

function corrupt(generationDir: string, name: string, problem: string): IndexStoreError {
  return new IndexStoreError(
    'INDEX_CORRUPT',
    `Index file ${name} ${problem} (in ${generationDir}). The index is damaged; ${REBUILD_HINT}`,
  );
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

const CHUNK_BYTES = 1 << 20;

function sha256OfFile(path: string): string {
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

/**
 * Throws `INDEX_CORRUPT`, naming the file, unless `generationDir/name` has exactly the recorded size and sha256.
 * Hashes in fixed-size chunks so that verifying a large model file does not hold it in memory.
 */
export function verifyFile(generationDir: string, name: string, expected: ManifestFile): void {
  checkSize(generationDir, name, expected);
  if (sha256OfFile(join(generationDir, name)) !== expected.sha256) throw corrupt(generationDir, name, 'does not match its checksum');
}

/** The content of `generationDir/name`, checked against the recorded size and sha256 (`INDEX_CORRUPT` otherwise). */
export function readVerifiedFile(generationDir: string, name: string, expected: ManifestFile): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(join(generationDir, name));
  } catch (error) {
    if (isMissing(error)) throw corrupt(generationDir, name, 'is missing');
    throw error;
  }
  const actual = describeContent(data);
  if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
    throw corrupt(generationDir, name, 'does not match its checksum');
  }
  return data;
}
