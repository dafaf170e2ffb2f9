import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, unlink } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { indexMetaSchema } from './layout.ts';
import { DOCUMENT_EXTENSIONS } from './load/index.ts';
import { IndexStore } from './store/index-store.ts';
import { replaceFileAtomically, syncDirectory } from './store/durable-fs.ts';

/** Folder of the index directory holding a record of each add in flight. */
export const PENDING_ADDS_DIR = 'pending-adds';

/**
 * A document being added while serving: its file is written into DOCS_DIR before the index commit that makes it part
 * of the collection, and acknowledged only after. The record says so while the add is in flight, so that after a
 * crash between the two the file of an add never acknowledged can be told from a file someone put there, and removed.
 */
export interface PendingAdd {
  id: string;
  /** Path of the document's file, relative to DOCS_DIR. */
  file: string;
  /** sha256 of the file's content, as the document's `hash` records it. */
  hash: string;
}

const pendingAddSchema = z.object({ id: z.string(), file: z.string(), hash: z.string() });

/** What {@link settlePendingAdds} found. */
export interface SettledAdds {
  /** Ids whose add was committed before the crash: they are part of the index and stay. */
  committed: string[];
  /** Ids whose add was not committed: their files are removed from DOCS_DIR. */
  undone: string[];
}

/**
 * Records an add in flight, durably, before its file is written. The returned function removes the record once the
 * add is committed or undone.
 */
export async function recordPendingAdd(indexDir: string, add: PendingAdd): Promise<() => Promise<void>> {
  const dir = join(indexDir, PENDING_ADDS_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, recordName(add.id));
  await replaceFileAtomically(path, `${JSON.stringify(add)}\n`);
  return async () => {
    await rm(path, { force: true });
    // Should the removal not reach the disk, the next start settles the add again, finding it committed or not.
    await syncDirectory(dir).catch(() => {});
  };
}

/**
 * Finishes the adds a crash interrupted: one whose document the committed index holds with the same content stays;
 * any other's file is removed from DOCS_DIR, unless it has changed since (then it is someone's file and is kept).
 * Leftover temporary files of interrupted writes (`name.md.tmp`) are removed too. Run by the index's writer before it
 * builds or serves.
 * @param committedHashes the committed index's document hashes by id (`{}` when there is no index yet)
 */
export async function settlePendingAdds(indexDir: string, docsDir: string, committedHashes: Readonly<Record<string, string>>): Promise<SettledAdds> {
  const settled: SettledAdds = { committed: [], undone: [] };
  const dir = join(indexDir, PENDING_ADDS_DIR);
  const names = existsSync(dir) ? readdirSync(dir) : [];
  for (const name of names) {
    const path = join(dir, name);
    const add = readRecord(path);
    if (add && committedHashes[add.id] === add.hash) settled.committed.push(add.id);
    else if (add) {
      const file = insideOf(docsDir, add.file);
      if (file && existsSync(file) && sha256(readFileSync(file)) === add.hash) await unlink(file);
      settled.undone.push(add.id);
    }
    await rm(path, { force: true });
  }
  if (names.length > 0) await syncDirectory(dir);
  await removeTempFiles(docsDir);
  return settled;
}

/**
 * {@link settlePendingAdds} against the index committed in `indexDir`. Nothing is settled while that index can't be
 * read: whether an add was committed is then unknown, and its file is kept until the index is readable again. The
 * index is read only when an add was in flight: its manifest holds a hash for each document, a megabyte to read and
 * check at every start for a large collection.
 */
export async function settleAgainstCommittedIndex(indexDir: string, docsDir: string): Promise<SettledAdds> {
  const store = new IndexStore({ dir: indexDir, metaSchema: indexMetaSchema });
  let hashes: Record<string, string> = {};
  if (hasPendingAdds(indexDir) && store.exists()) {
    try {
      hashes = store.load().manifest.meta.documentHashes;
    } catch {
      return { committed: [], undone: [] };
    }
  }
  return settlePendingAdds(indexDir, docsDir, hashes);
}

function hasPendingAdds(indexDir: string): boolean {
  const dir = join(indexDir, PENDING_ADDS_DIR);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

function readRecord(path: string): PendingAdd | undefined {
  // A record torn by the crash belongs to an add whose file was never written.
  const parsed = pendingAddSchema.safeParse(safeJson(path));
  return parsed.success ? parsed.data : undefined;
}

function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Temporary siblings that an atomic replace leaves when killed: `faq.md.tmp`. */
async function removeTempFiles(docsDir: string): Promise<void> {
  if (!existsSync(docsDir)) return;
  for (const name of readdirSync(docsDir)) {
    const lower = name.toLowerCase();
    if (DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(`${ext}.tmp`))) await rm(join(docsDir, name), { force: true });
  }
}

/** The absolute path of `file` when it lies inside `dir`; a record can't point a removal elsewhere. */
function insideOf(dir: string, file: string): string | undefined {
  const path = resolve(dir, file);
  const rel = relative(resolve(dir), path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' ? path : undefined;
}

function recordName(id: string): string {
  return `${sha256(id).slice(0, 24)}.json`;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
