import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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

/** What tells a file apart from a rewritten one without reading it: inode, size and change times. */
export interface FileIdentity {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

function identityOf(fd: number): FileIdentity {
  const { ino, size, mtimeNs, ctimeNs } = fstatSync(fd, { bigint: true });
  return { ino, size, mtimeNs, ctimeNs };
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

function openFile(generationDir: string, name: string): number {
  try {
    return openSync(join(generationDir, name), 'r');
  } catch (error) {
    if (isMissing(error)) throw corrupt(generationDir, name, 'is missing');
    throw error;
  }
}

/**
 * Throws `INDEX_CORRUPT`, naming the file, unless `generationDir/name` has exactly the recorded size and sha256;
 * returns the identity of the file it checked. Hashes in fixed-size chunks so that verifying a large model file does
 * not hold it in memory.
 */
export function verifyFile(generationDir: string, name: string, expected: ManifestFile): FileIdentity {
  const fd = openFile(generationDir, name);
  try {
    const identity = identityOf(fd);
    if (identity.size !== BigInt(expected.bytes)) {
      throw corrupt(generationDir, name, `has ${identity.size} bytes instead of ${expected.bytes} (truncated or overwritten)`);
    }
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
    if (hash.digest('hex') !== expected.sha256) throw corrupt(generationDir, name, 'does not match its checksum');
    return identity;
  } finally {
    closeSync(fd);
  }
}

/**
 * The content of `generationDir/name`, which {@link verifyFile} checked as `verified`. When the file is still that
 * very file, unchanged, it is not hashed again; otherwise its bytes are checked against the recorded size and sha256
 * once more, so that bytes altered after loading are refused (`INDEX_CORRUPT`) rather than served.
 */
export function readVerifiedFile(generationDir: string, name: string, expected: ManifestFile, verified: FileIdentity): Buffer {
  const fd = openFile(generationDir, name);
  try {
    const before = identityOf(fd);
    const data = readFileSync(fd);
    if (sameIdentity(before, verified) && sameIdentity(identityOf(fd), verified)) return data;
    const actual = describeContent(data);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw corrupt(generationDir, name, 'does not match its checksum');
    }
    return data;
  } finally {
    closeSync(fd);
  }
}
