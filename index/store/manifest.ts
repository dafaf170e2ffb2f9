import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IndexStoreError, REBUILD_HINT } from './errors.ts';
import { isFileName } from './file-name.ts';
import { isGenerationId } from './generations.ts';

/**
 * On-disk format of the index that commits write. Bump it whenever Seogi before the change could not read what it
 * writes, and keep reading the formats before it where that is cheap: an upgrade should not cost a rebuild.
 */
export const INDEX_FORMAT_VERSION = 5;

/**
 * Formats this version reads: format 4 differs only in how it stores the documents (see `readDocuments` in
 * index/layout.ts), format 3 also in how it stores the HNSW graph (see index/graph-files.ts).
 */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [3, 4, INDEX_FORMAT_VERSION];

/** Name of the manifest inside the index directory: the single commit point of every write. */
export const MANIFEST_FILE = 'manifest.json';

/** What the manifest records about one file of a generation. */
export interface ManifestFile {
  /** Size in bytes. */
  bytes: number;
  /** Lower-case hex sha256 of the content. */
  sha256: string;
}

/** The committed description of an index: which generation is current, what it holds, and the builder's metadata. */
export interface Manifest<TMeta> {
  /** One of {@link READABLE_FORMAT_VERSIONS}. */
  formatVersion: number;
  /** Id of the generation folder under `generations/` that this manifest commits. */
  generation: string;
  /** When the generation was committed (ISO 8601). */
  createdAt: string;
  /** Every file of the generation by name (`/`-separated relative path). */
  files: Record<string, ManifestFile>;
  /** Caller-defined metadata (counts, per-document content hashes, model id, …). */
  meta: TMeta;
}

const manifestSchema = z.object({
  formatVersion: z.number().refine((version) => READABLE_FORMAT_VERSIONS.includes(version)),
  generation: z.string().refine(isGenerationId, 'not a generation id'),
  createdAt: z.iso.datetime(),
  files: z.record(
    z.string().refine(isFileName, 'not a plain relative file name'),
    z.object({
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  meta: z.unknown(),
});

/**
 * Reads and validates `indexDir/manifest.json`, leaving `meta` unchecked. Throws `INDEX_MISSING` when there is none,
 * `INDEX_VERSION` when another format version wrote it, and `INDEX_CORRUPT` when it is not valid JSON or not a manifest.
 */
export function readManifest(indexDir: string): Manifest<unknown> {
  const path = join(indexDir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new IndexStoreError('INDEX_MISSING', `No index found in ${indexDir}. Build one with \`npm run index\`.`);
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new IndexStoreError('INDEX_CORRUPT', `The index manifest ${path} is not valid JSON. ${REBUILD_HINT}`, {
      cause: error,
    });
  }
  // Checked before the schema: another version's manifest may legitimately have another shape.
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && !READABLE_FORMAT_VERSIONS.includes(version)) {
    throw new IndexStoreError(
      'INDEX_VERSION',
      `The index in ${indexDir} was built by another version of Seogi (format ${version}; this version reads formats ` +
        `${READABLE_FORMAT_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_FORMAT_VERSIONS.at(-1)}). ${REBUILD_HINT}`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new IndexStoreError(
      'INDEX_CORRUPT',
      `The index manifest ${path} is malformed (${z.prettifyError(parsed.error)}). ${REBUILD_HINT}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** `manifest` with its `meta` checked against the caller's schema; `INDEX_MISMATCH` when it does not fit. */
export function withCheckedMeta<TMeta>(
  manifest: Manifest<unknown>,
  metaSchema: z.ZodType<TMeta>,
  indexDir: string,
): Manifest<TMeta> {
  const meta = metaSchema.safeParse(manifest.meta);
  if (!meta.success) {
    throw new IndexStoreError(
      'INDEX_MISMATCH',
      `The index in ${indexDir} does not match what this version of Seogi expects ` +
        `(${z.prettifyError(meta.error)}). ${REBUILD_HINT}`,
      { cause: meta.error },
    );
  }
  return { ...manifest, meta: meta.data };
}
