import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SourceFile } from '../types.ts';

/** File extensions (lower case, with the dot) that are read as documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/**
 * Reads every document file under `dir`, recursively, sorted by relative path.
 * Dot-files and dot-folders are skipped, as are files with other extensions. Symbolic links to files are followed;
 * symbolic links to folders are not, so a link cycle cannot make the walk endless.
 * @throws Error telling the user to set `DOCS_DIR` or create the folder when `dir` does not exist or is not a folder.
 */
export async function readSourceFiles(dir: string): Promise<SourceFile[]> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problem = info ? 'is not a folder' : 'does not exist';
    throw new Error(
      `Documents folder ${root} ${problem}. Set DOCS_DIR to a folder of ${DOCUMENT_EXTENSIONS.join('/')} files, ` +
        `or create ${root} and put documents in it.`,
    );
  }
  const relPaths = (await listDocuments(root, '')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    relPaths.map(async (relPath) => ({ relPath, content: await readFile(join(root, relPath), 'utf8') })),
  );
}

async function listDocuments(root: string, relDir: string): Promise<string[]> {
  const entries = await readdir(join(root, relDir), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relPath = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    if (entry.isDirectory()) {
      found.push(...(await listDocuments(root, relPath)));
    } else if (isDocumentName(entry.name) && (entry.isFile() || (await isLinkToFile(join(root, relPath))))) {
      found.push(relPath);
    }
  }
  return found;
}

function isDocumentName(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

async function isLinkToFile(path: string): Promise<boolean> {
  const target = await stat(path).catch(() => undefined);
  return target?.isFile() ?? false;
}
