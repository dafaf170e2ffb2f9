import { constants, existsSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { runSerially } from './commit-queue.ts';
import { writeNewFile, replaceFileAtomically, syncDirectory } from './durable-fs.ts';
import { IndexStoreError, REBUILD_HINT } from './errors.ts';
import { assertFileName } from './file-name.ts';
import {
  GENERATIONS_DIR,
  TEMP_SUFFIX,
  listGenerationFolders,
  nextGenerationId,
  removeGenerationFolders,
} from './generations.ts';
import { acquireLock, LOCK_FILE } from './lock.ts';
import { assertMayWrite } from './writer-lock.ts';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, readManifest, withCheckedMeta } from './manifest.ts';
import type { Manifest, ManifestFile } from './manifest.ts';
import { verifyInParallel } from './parallel-verify.ts';
import { checkSize, describeContent, readIndexFile, readVerifiedFile, verifyFile } from './verified-read.ts';

export { IndexStoreError } from './errors.ts';
export type { IndexStoreErrorCode } from './errors.ts';
export { INDEX_FORMAT_VERSION } from './manifest.ts';
export type { Manifest, ManifestFile } from './manifest.ts';

/** A file to write into the new generation. */
export interface DataFile {
  /** Plain relative path with `/` separators, e.g. `chunks.json` or `onnx/model.onnx`. */
  name: string;
  /**
   * Content; strings are written as UTF-8. A function is called when the file's turn to be written comes, so that
   * the large files of a big index are not all held in memory at once.
   */
  data: Uint8Array | string | (() => Uint8Array | string);
}

/**
 * A file carried over unchanged from the currently committed generation. It is hard-linked rather than rewritten, so
 * a small change (one added document) does not copy large unchanged files such as the embedding model.
 */
export interface KeptFile {
  /** Name of the file in the committed index; it keeps that name. */
  name: string;
  keep: true;
}

/** One file of a generation. */
export type IndexFile = DataFile | KeptFile;

/** Options of {@link IndexStore.commit}. */
export interface CommitOptions {
  /** Test hook, default none: called after each file has been written into the unfinished generation folder. */
  afterFileWritten?: (name: string) => void | Promise<void>;
  /** Test hook, default none: called after the generation folder is complete and before the manifest is written. */
  beforeManifest?: () => void | Promise<void>;
}

/** Options of {@link IndexStore}. */
export interface IndexStoreOptions<TMeta> {
  /** The index directory (`INDEX_DIR`); created on the first commit. No default: the caller resolves it. */
  dir: string;
  /**
   * Schema of the manifest's `meta`. Commits refuse metadata that fails it; loads refuse an index whose metadata fails
   * it (`INDEX_MISMATCH`). Use a plain data schema (no transforms): the metadata is stored as given.
   */
  metaSchema: z.ZodType<TMeta>;
}

/** A committed index whose every file has been checked against the manifest. */
export interface LoadedIndex<TMeta> {
  manifest: Manifest<TMeta>;
  /**
   * Absolute path of a file of the index, or of a folder of its files (for readers that take paths, like a model
   * loader), once the checksums of the files are verified (`INDEX_CORRUPT` otherwise). Throws `INDEX_MISMATCH` when
   * the index has no such file or folder. The path stays valid until the next commit removes this generation.
   */
  path(name: string): string;
  /** Content of a file of the index, checked against its checksum (`INDEX_CORRUPT` otherwise). */
  read(name: string): Buffer;
}

/**
 * A committed index whose files are being verified against the manifest on a worker thread (see
 * {@link IndexStore.loadVerifyingInParallel}): what is read from it is to be trusted once {@link verified} resolves.
 */
export interface VerifyingIndex<TMeta> {
  manifest: Manifest<TMeta>;
  /** As {@link LoadedIndex.path}, without waiting for the checksums: wait for {@link verified} before reading. */
  path(name: string): string;
  /** Content of a file of the index (`INDEX_MISMATCH` when it has none of that name), maybe not verified yet. */
  read(name: string): Buffer;
  /**
   * Resolves once the files that `names` stand for (files, or a folder's files; every file when none are given) match
   * their checksums; rejects with `INDEX_CORRUPT` naming one that does not, as {@link LoadedIndex.read} does.
   */
  verified(names?: readonly string[]): Promise<void>;
  /** Stops verifying, for a caller that gives up on the index; {@link verified} may then never settle. */
  close(): Promise<void>;
}

/** Where a kept file comes from. */
interface CommittedGeneration {
  keep(name: string): { path: string; file: ManifestFile };
}

function isKept(file: IndexFile): file is KeptFile {
  return 'keep' in file;
}

function assertFileList(files: readonly IndexFile[]): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    assertFileName(name);
    if (seen.has(name)) throw new Error(`Index file name ${JSON.stringify(name)} is given twice.`);
    seen.add(name);
  }
}

/** Folders from `root` (inclusive) down to the folder holding `path`, which lies below `root`. */
function foldersBetween(root: string, path: string): string[] {
  const folders: string[] = [];
  for (let folder = dirname(path); folder !== root; folder = dirname(folder)) folders.push(folder);
  return [root, ...folders];
}

/** Links `source` to `target`, copying and flushing instead on file systems without hard links. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await copyFile(source, target, constants.COPYFILE_EXCL);
    const handle = await open(target, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * The on-disk index: every build is committed as a new generation folder under `dir/generations/`, and
 * `dir/manifest.json` (replaced atomically, last) says which generation is current. A crash at any point leaves the
 * previous index loadable; loading verifies every file's size and sha256 and refuses anything else with an
 * {@link IndexStoreError}.
 *
 * Commits are serialised within one process. Across processes, the one that holds the directory's writer lock (see
 * writer-lock.ts) is the only one whose commits are accepted; others fail with `INDEX_LOCKED`. A commit lock held for
 * the commit's duration keeps two processes that hold no writer lock from interleaving.
 */
export class IndexStore<TMeta> {
  /** Absolute index directory. */
  readonly dir: string;
  private readonly metaSchema: z.ZodType<TMeta>;

  constructor(options: IndexStoreOptions<TMeta>) {
    this.dir = resolve(options.dir);
    this.metaSchema = options.metaSchema;
  }

  /** Whether an index has been committed here (a manifest exists; it may still fail to load). */
  exists(): boolean {
    return existsSync(join(this.dir, MANIFEST_FILE));
  }

  /** Id of the committed generation, without checking it; undefined when nothing is committed (or unreadable). */
  currentGeneration(): string | undefined {
    try {
      return readManifest(this.dir).generation;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes `files` as a new generation and makes it current with `meta`. Resolves once the new index is durable;
   * until then a crash or a failure leaves the previous index in place. Older generations are removed afterwards.
   * Rejects invalid or duplicate file names and metadata that fails the schema before writing anything.
   */
  async commit(files: readonly IndexFile[], meta: TMeta, options: CommitOptions = {}): Promise<Manifest<TMeta>> {
    assertFileList(files);
    const checked = this.metaSchema.safeParse(meta);
    if (!checked.success) {
      throw new Error(`Index metadata does not match its schema: ${z.prettifyError(checked.error)}`);
    }
    return runSerially(this.dir, () => this.commitNow(files, meta, options));
  }

  /**
   * Loads the committed index after checking its format version, metadata and that every file is there with its
   * recorded size. A file's checksum is verified when it is first used, through {@link LoadedIndex.read} or
   * {@link LoadedIndex.path}: so each file is read once at start-up, not once to verify and again to use. Throws
   * {@link IndexStoreError}: `INDEX_MISSING`, `INDEX_VERSION`, `INDEX_CORRUPT` or `INDEX_MISMATCH`.
   */
  load(): LoadedIndex<TMeta> {
    const { manifest, generationDir, filesOf, fileOf } = this.open();
    const verified = new Set<string>();
    return {
      manifest,
      path: (name) => {
        for (const file of filesOf(name).filter((file) => !verified.has(file))) {
          verifyFile(generationDir, file, manifest.files[file] as ManifestFile);
          verified.add(file);
        }
        return join(generationDir, name);
      },
      read: (name) => readVerifiedFile(generationDir, name, fileOf(name)),
    };
  }

  /**
   * Loads the committed index as {@link load} does, and verifies the checksums of all its files on a worker thread,
   * starting at once, those that `first` names (files or folders) before the others: hashing the 300 MB of a 100k-chunk
   * index took 0.16 s of its load on one thread. The caller reads and decodes the files meanwhile, and trusts nothing it
   * made of them until {@link VerifyingIndex.verified} resolves.
   */
  loadVerifyingInParallel(options: { first?: (manifest: Manifest<TMeta>) => readonly string[] } = {}): VerifyingIndex<TMeta> {
    const { manifest, generationDir, filesOf, fileOf } = this.open();
    const order = new Set([...(options.first?.(manifest) ?? []).flatMap(filesOf), ...Object.keys(manifest.files)]);
    const { checks, stop } = verifyInParallel(generationDir, [...order].map((name) => [name, manifest.files[name] as ManifestFile] as const));
    return {
      manifest,
      path: (name) => {
        filesOf(name);
        return join(generationDir, name);
      },
      read: (name) => {
        fileOf(name);
        return readIndexFile(generationDir, name);
      },
      verified: async (names) => {
        await Promise.all((names === undefined ? [...order] : names.flatMap(filesOf)).map((file) => checks.get(file)));
      },
      close: stop,
    };
  }

  /**
   * The committed manifest and its generation folder, after checking that every file is there with its recorded size;
   * with the files a name stands for (a file, or a folder's files) and the record of a file, which throw
   * `INDEX_MISMATCH` when the index has no such file.
   */
  private open(): {
    manifest: Manifest<TMeta>;
    generationDir: string;
    filesOf: (name: string) => string[];
    fileOf: (name: string) => ManifestFile;
  } {
    const manifest = withCheckedMeta(readManifest(this.dir), this.metaSchema, this.dir);
    const generationDir = join(this.dir, GENERATIONS_DIR, manifest.generation);
    if (!existsSync(generationDir)) {
      throw new IndexStoreError(
        'INDEX_CORRUPT',
        `The index in ${this.dir} names generation ${manifest.generation}, whose folder is missing. ${REBUILD_HINT}`,
      );
    }
    for (const [name, file] of Object.entries(manifest.files)) checkSize(generationDir, name, file);
    const noSuchFile = (name: string) =>
      new IndexStoreError('INDEX_MISMATCH', `The index in ${this.dir} has no file ${name}; it was built by a different version. ${REBUILD_HINT}`);
    return {
      manifest,
      generationDir,
      filesOf: (name) => {
        const names = name in manifest.files ? [name] : Object.keys(manifest.files).filter((file) => file.startsWith(`${name}/`));
        if (names.length === 0) throw noSuchFile(name);
        return names;
      },
      fileOf: (name) => {
        const file = manifest.files[name];
        if (file === undefined) throw noSuchFile(name);
        return file;
      },
    };
  }

  private async commitNow(
    files: readonly IndexFile[],
    meta: TMeta,
    options: CommitOptions,
  ): Promise<Manifest<TMeta>> {
    const generationsDir = join(this.dir, GENERATIONS_DIR);
    await mkdir(generationsDir, { recursive: true });
    const release = acquireLock(join(this.dir, LOCK_FILE));
    try {
      assertMayWrite(this.dir);
      await removeGenerationFolders(generationsDir, (name) => name.endsWith(TEMP_SUFFIX));
      const generation = nextGenerationId(await listGenerationFolders(generationsDir));
      const finalDir = join(generationsDir, generation);
      const recorded = await this.writeGeneration(files, finalDir, options).catch(async (error: unknown) => {
        await rm(finalDir + TEMP_SUFFIX, { recursive: true, force: true });
        await rm(finalDir, { recursive: true, force: true });
        throw error;
      });
      const manifest: Manifest<TMeta> = {
        formatVersion: INDEX_FORMAT_VERSION,
        generation,
        createdAt: new Date().toISOString(),
        files: recorded,
        meta,
      };
      // Not covered by the clean-up above: once the manifest rename may have happened, the new folder could be the
      // committed one. If replacing the manifest fails, the folder is an orphan that the next commit removes.
      await replaceFileAtomically(join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      await removeGenerationFolders(generationsDir, (name) => name !== generation);
      return manifest;
    } finally {
      release();
    }
  }

  /** Writes the generation under its temporary name, then renames it into place; returns what the manifest records. */
  private async writeGeneration(
    files: readonly IndexFile[],
    finalDir: string,
    options: CommitOptions,
  ): Promise<Record<string, ManifestFile>> {
    const tempDir = finalDir + TEMP_SUFFIX;
    let committed: CommittedGeneration | undefined;
    await mkdir(tempDir);
    const folders = new Set<string>();
    const recorded: Record<string, ManifestFile> = {};
    for (const file of files) {
      const target = join(tempDir, file.name);
      for (const folder of foldersBetween(tempDir, target)) folders.add(folder);
      await mkdir(dirname(target), { recursive: true });
      if (isKept(file)) {
        committed ??= this.committedGeneration();
        const source = committed.keep(file.name);
        await linkOrCopy(source.path, target);
        recorded[file.name] = source.file;
      } else {
        const data = typeof file.data === 'function' ? file.data() : file.data;
        await writeNewFile(target, data);
        recorded[file.name] = describeContent(data);
      }
      await options.afterFileWritten?.(file.name);
    }
    for (const folder of folders) await syncDirectory(folder);
    await rename(tempDir, finalDir);
    await syncDirectory(dirname(finalDir));
    await options.beforeManifest?.();
    return recorded;
  }

  /** The committed generation, for carrying files over; throws when there is none or it lacks a requested file. */
  private committedGeneration(): CommittedGeneration {
    const manifest = readManifest(this.dir);
    const generationDir = join(this.dir, GENERATIONS_DIR, manifest.generation);
    return {
      keep: (name) => {
        const file = manifest.files[name];
        if (file === undefined) {
          throw new IndexStoreError(
            'INDEX_MISMATCH',
            `Cannot keep ${name}: the committed index in ${this.dir} has no such file. Provide its content instead.`,
          );
        }
        const path = join(generationDir, name);
        // A full checksum would re-read large files on every small commit; the size catches truncation cheaply, and
        // the checksum is verified anyway when the file is used.
        if (!existsSync(path) || statSync(path).size !== file.bytes) {
          throw new IndexStoreError(
            'INDEX_CORRUPT',
            `Cannot keep ${name}: it is missing or damaged in the committed index in ${this.dir}. ${REBUILD_HINT}`,
          );
        }
        return { path, file };
      },
    };
  }
}
