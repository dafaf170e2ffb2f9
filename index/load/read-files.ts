import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SourceFile } from '../types.ts';
import { DocumentReadError } from './read-errors.ts';
import type { DocumentReadErrorCode } from './read-errors.ts';

/**
 * File extensions (lower case, with the dot) that are read as documents. The extension only picks the files; what
 * is in them is decided from their content.
 */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.hwp', '.hwpx', '.docx'];

/** A file or sub-folder of the documents folder that was left out, and why. */
export interface SkippedFile {
  /** Path relative to the documents folder, with `/` separators. */
  relPath: string;
  /** What went wrong, e.g. `EACCES: permission denied, open '…'`. */
  reason: string;
  /** Set when the file was read but refused for what it holds: a scan, a password, damage (see `DocumentReadError`). */
  code?: DocumentReadErrorCode;
}

/** The record of a file left out because of `error`. */
export function skippedFile(relPath: string, error: unknown): SkippedFile {
  if (error instanceof DocumentReadError) return { relPath, reason: error.message, code: error.code };
  return { relPath, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** Options of {@link readSourceFiles}. */
export interface ReadSourceFilesOptions {
  /**
   * Called for each file or sub-folder that can't be read, which is then left out. Default none: the first one that
   * can't be read fails the whole read.
   */
  onSkip?: (skipped: SkippedFile) => void;
}

/** Files read at the same time: enough to keep the disk busy, few enough never to run out of file handles. */
const CONCURRENT_READS = 16;

/**
 * Reads every document file under `dir`, recursively, sorted by relative path.
 * Dot-files and dot-folders are skipped, as are files with other extensions. Symbolic links to files are followed;
 * symbolic links to folders are not, so a link cycle cannot make the walk endless. What has a document's name but
 * can't be read as a file (a link to nothing, a loop of links, a link to a folder, a pipe) is skipped, with `onSkip`.
 * @throws Error telling the user to set `DOCS_DIR` or create the folder when `dir` does not exist or is not a folder;
 *   without `onSkip`, also the error of the first file or sub-folder that can't be read.
 */
export async function readSourceFiles(dir: string, options: ReadSourceFilesOptions = {}): Promise<SourceFile[]> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problem = info ? 'is not a folder' : 'does not exist';
    throw new Error(
      `Documents folder ${root} ${problem}. Set DOCS_DIR to a folder of ${DOCUMENT_EXTENSIONS.join('/')} files, ` +
        `or create ${root} and put documents in it.`,
    );
  }
  const skip = (relPath: string, error: unknown): void => {
    if (!options.onSkip) throw error;
    options.onSkip({ relPath, reason: error instanceof Error ? error.message : String(error) });
  };
  const relPaths = (await listDocuments(root, '', skip)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const contents: Array<Uint8Array | undefined> = new Array<Uint8Array | undefined>(relPaths.length);
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let i = next++; i < relPaths.length; i = next++) {
      const relPath = relPaths[i] as string;
      try {
        contents[i] = await readFile(join(root, relPath));
      } catch (error) {
        skip(relPath, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, relPaths.length) }, reader));
  return relPaths.flatMap((relPath, i) => {
    const content = contents[i];
    return content === undefined ? [] : [{ relPath, content }];
  });
}

async function listDocuments(root: string, relDir: string, skip: (relPath: string, error: unknown) => void): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(root, relDir), { withFileTypes: true });
  } catch (error) {
    // The documents folder itself was checked above; a sub-folder that can't be listed is left out.
    if (relDir === '') throw error;
    skip(relDir, error);
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relPath = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isDirectory()) {
      found.push(...(await listDocuments(root, relPath, skip)));
    } else if (isDocumentName(entry.name)) {
      const problem = entry.isFile() ? undefined : await notAFile(join(root, relPath), entry.isSymbolicLink());
      if (problem) skip(relPath, new Error(problem));
      else found.push(relPath);
    }
  }
  return found;
}

/**
 * Why what has a document's name but is no regular file can't be read as one, or undefined when it is a link to a
 * file: a link to nothing, a loop of links, a link to a folder (not followed), a pipe, a socket or a device.
 */
async function notAFile(path: string, isLink: boolean): Promise<string | undefined> {
  let target;
  try {
    target = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'it is a symbolic link to nothing (its target is gone)';
    if (code === 'ELOOP') return 'it is a loop of symbolic links';
    return error instanceof Error ? error.message : String(error);
  }
  if (target.isFile()) return undefined;
  if (target.isDirectory()) return 'it is a symbolic link to a folder, and links to folders are not followed';
  return isLink ? 'it is a symbolic link to something that is not a file' : 'it is not a regular file (a pipe, a socket or a device)';
}

function isDocumentName(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

