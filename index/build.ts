import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GRAPH_STAGING_PREFIX } from './commit/generation-writer.ts';
import { parseGlossary } from './analyze/glossary.ts';
import { ANALYZER_VERSION } from './analyze/terms.ts';
import { CHUNKING_VERSION, chunkDocument, defaultChunkOptions, type ChunkOptions } from './chunk.ts';
import { STATIC_MODEL_ID, type IndexConfig } from './config.ts';
import { createEmbedder, type Embedder } from './embed/embedder.ts';
import { buildStaticModelFiles } from './embed/static-model/build.ts';
import { createStaticEmbedder } from './embed/static-model/load.ts';
import { GraphBuilder } from './embed/graph-builder.ts';
import type { VectorIndex, VectorIndexOptions } from './embed/vector-index.ts';
import { readGraph } from './graph-files.ts';
import {
  chunkOrdinalsByDocument,
  contentMeta,
  INDEX_FILES,
  indexFiles,
  indexMetaSchema,
  keptModelFiles,
  modelFileName,
  restoreChunk,
  storeChunks,
  type IndexMeta,
  type StoredChunks,
} from './layout.ts';
import { loadDocuments } from './load/index.ts';
import type { SkippedFile } from './load/index.ts';
import { buildPostings } from './postings.ts';
import { IndexStore, IndexStoreError, type IndexFile, type LoadedIndex } from './store/index-store.ts';
import type { Chunk, Document } from './types.ts';

/** A step of a build, reported as it goes so a command can show a progress bar. */
export interface BuildProgress {
  phase: 'load' | 'model' | 'embed' | 'graph' | 'write';
  done: number;
  total: number;
  /** The file being read, in the `load` phase. */
  item?: string;
}

/** Options of {@link buildIndex}: the configuration plus how to build. */
export interface BuildOptions
  extends Pick<IndexConfig, 'docsDir' | 'indexDir' | 'glossaryPaths' | 'embedModel' | 'modelsDir' | 'allowRemoteModels'> {
  /** Rebuild everything, including the collection's own model, instead of reusing unchanged parts. Default false. */
  full?: boolean;
  chunking?: ChunkOptions;
  /** HNSW parameters (see {@link IndexConfig.hnsw}); default `VectorIndex`'s. */
  hnsw?: VectorIndexOptions;
  /** Chunks embedded per progress step. Default 256. */
  embedBatch?: number;
  onProgress?: (progress: BuildProgress) => void;
  /**
   * Called with a message when something worth knowing happens: a document file that can't be read or cleaned is
   * left out, an unreadable old index is replaced.
   */
  onNotice?: (message: string) => void;
}

/**
 * Prefix of the folders inside the index directory where a new embedding model is staged until it is committed. They
 * sit beside the store's own files, on the same file system, and a build removes those an interrupted one left.
 */
export const MODEL_STAGING_PREFIX = '.staging-model-';

/** What a build did. */
export interface BuildReport {
  documents: number;
  chunks: number;
  /** Documents whose chunks and vectors were taken over unchanged from the previous index. */
  reusedDocuments: number;
  embeddedChunks: number;
  removedDocuments: number;
  /**
   * Document files left out, relative to `docsDir`, with the reason (each also a notice): those refused for what they
   * hold (a scan, a password, damage) carry the `DocumentReadError` code.
   */
  skippedFiles: SkippedFile[];
  model: string;
  /** Whether the collection's own model was (re)built. */
  modelBuilt: boolean;
  ms: number;
}

/** The previous index, when it can be reused. */
interface Previous {
  loaded: LoadedIndex<IndexMeta>;
  meta: IndexMeta;
  /** Ordinals of each document's chunks. */
  chunksOf: Map<string, number[]>;
  chunks: StoredChunks;
  vectors: VectorIndex;
}

/** The embedding model a build uses, and the files it contributes to the index. */
interface ModelChoice {
  embedder: Embedder;
  meta: IndexMeta['model'];
  files: IndexFile[];
  built: boolean;
  cleanup: () => Promise<void>;
}

/**
 * Builds the index of the documents under `docsDir` into `indexDir`: load and clean, chunk, embed, build the lexical
 * and HNSW indexes, and commit them atomically. Documents whose file is unchanged keep their chunks and vectors when
 * the model and chunking are the same; deleted documents disappear and the graph is rebuilt compact.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const store = new IndexStore({ dir: options.indexDir, metaSchema: indexMetaSchema });

  await removeStagingFolders(options.indexDir);

  progress({ phase: 'load', done: 0, total: 1 });
  const skippedFiles: SkippedFile[] = [];
  let files = 0;
  const documents = await loadDocuments(options.docsDir, {
    onSkip: (skipped) => {
      skippedFiles.push(skipped);
      options.onNotice?.(`Skipped ${join(options.docsDir, skipped.relPath)}, which can't be read or cleaned (${skipped.reason}); it is left out of the index.`);
    },
    onFile: (item, done, total) => {
      files = total;
      progress({ phase: 'load', done, total, item });
    },
  });
  progress({ phase: 'load', done: files, total: files });
  const glossaryText = options.glossaryPaths.map((p) => readFileSync(p, 'utf8'));
  const glossaryHash = sha256(glossaryText.join('\n\u0000'));
  // The version is recorded with the options so that chunks cut by older rules are cut again, not reused.
  const chunking = JSON.stringify({ ...defaultChunkOptions, ...options.chunking, version: CHUNKING_VERSION });
  const previous = options.full ? undefined : await loadPrevious(store, options.onNotice);

  const model = await chooseModel(options, documents, glossaryText, glossaryHash, previous, progress);
  try {
    const reusable =
      previous !== undefined &&
      previous.meta.model.fingerprint === model.meta.fingerprint &&
      previous.meta.chunking === chunking;
    const chunks: Chunk[] = [];
    const missing: number[] = [];
    const reused: { vectors: Float32Array[]; ordinals: number[] } = { vectors: [], ordinals: [] };
    let reusedDocuments = 0;
    for (const doc of documents) {
      const old = reusable && previous.meta.documentHashes[doc.docId] === doc.hash ? oldChunks(previous, doc) : undefined;
      if (old) reusedDocuments += 1;
      for (const { chunk, vector } of old ?? chunkDocument(doc, options.chunking).map((chunk) => ({ chunk, vector: undefined }))) {
        if (vector) {
          reused.vectors.push(vector);
          reused.ordinals.push(chunks.length);
        } else {
          missing.push(chunks.length);
        }
        chunks.push(chunk);
      }
    }

    // The graph grows on a worker thread while the chunks are embedded here.
    const graph = new GraphBuilder({ dims: model.meta.dims, options: options.hnsw ?? {}, capacity: chunks.length });
    try {
      graph.add(reused.vectors, reused.ordinals);
      await embedChunks(model.embedder, chunks, missing, options.embedBatch ?? 256, progress, (vectors, ordinals) =>
        graph.add(vectors, ordinals),
      );
      const postings = buildPostings(chunks);
      const storedChunks = storeChunks(chunks);
      const vectors = await graph.finish((added) => progress({ phase: 'graph', done: added, total: chunks.length }));

      progress({ phase: 'write', done: 0, total: 1 });
      const meta: IndexMeta = {
        ...contentMeta(documents, chunks),
        model: model.meta,
        glossaryHash,
        chunking,
        analyzer: ANALYZER_VERSION,
      };
      await store.commit(indexFiles({ documents, chunks: storedChunks, postings, vectors, model: model.files }), meta);
      progress({ phase: 'write', done: 1, total: 1 });
    } finally {
      await graph.close();
    }
    const previousIds = Object.keys(previous?.meta.documentHashes ?? {});
    const currentIds = new Set(documents.map((d) => d.docId));
    return {
      documents: documents.length,
      chunks: chunks.length,
      reusedDocuments,
      embeddedChunks: missing.length,
      removedDocuments: previousIds.filter((id) => !currentIds.has(id)).length,
      skippedFiles,
      model: model.meta.id,
      modelBuilt: model.built,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await model.cleanup();
  }
}

/** The previous index, or undefined when there is none or it can't be read (then everything is rebuilt). */
async function loadPrevious(store: IndexStore<IndexMeta>, notice?: (message: string) => void): Promise<Previous | undefined> {
  if (!store.exists()) return undefined;
  try {
    const loaded = store.load();
    // Its model may be reused too: checked now, so that a damaged one means a fresh build rather than a failed one.
    if (loaded.manifest.meta.model.builtIn) loaded.path(INDEX_FILES.models);
    const chunks = JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as StoredChunks;
    const vectors = await readGraph(loaded);
    return { loaded, meta: loaded.manifest.meta, chunksOf: chunkOrdinalsByDocument(chunks), chunks, vectors };
  } catch (error) {
    if (!(error instanceof IndexStoreError)) throw error;
    notice?.(`The existing index can't be reused (${error.message}); building it anew.`);
    return undefined;
  }
}

/** The unchanged document's chunks with their stored vectors, or undefined when any vector is missing. */
function oldChunks(previous: Previous, doc: Document): Array<{ chunk: Chunk; vector: Float32Array }> | undefined {
  const found: Array<{ chunk: Chunk; vector: Float32Array }> = [];
  for (const ordinal of previous.chunksOf.get(doc.docId) ?? []) {
    const stored = previous.chunks[ordinal];
    const vector = previous.vectors.vector(ordinal);
    if (!stored || !vector) return undefined;
    found.push({ chunk: restoreChunk(stored, doc), vector });
  }
  return found.length > 0 ? found : undefined;
}

/** Embeds the chunks at `ordinals` in batches, handing each batch's vectors on as it is done, and reports progress. */
async function embedChunks(
  embedder: Embedder,
  chunks: readonly Chunk[],
  ordinals: readonly number[],
  batch: number,
  progress: (p: BuildProgress) => void,
  onVectors: (vectors: Float32Array[], ordinals: number[]) => void,
): Promise<void> {
  progress({ phase: 'embed', done: 0, total: ordinals.length });
  for (let start = 0; start < ordinals.length; start += batch) {
    const slice = ordinals.slice(start, start + batch);
    onVectors(await embedder.embed(slice.map((i) => (chunks[i] as Chunk).text), 'passage'), slice);
    progress({ phase: 'embed', done: Math.min(start + batch, ordinals.length), total: ordinals.length });
  }
}

/**
 * The embedding model for this build: the configured pretrained model, or the collection's own static model, which
 * is kept while the glossary is unchanged (new documents are embedded with it) and rebuilt from all documents
 * otherwise or on a full build.
 */
async function chooseModel(
  options: BuildOptions,
  documents: readonly Document[],
  glossaryText: readonly string[],
  glossaryHash: string,
  previous: Previous | undefined,
  progress: (p: BuildProgress) => void,
): Promise<ModelChoice> {
  const none = async () => {};
  if (options.embedModel !== STATIC_MODEL_ID) {
    progress({ phase: 'model', done: 0, total: 1 });
    const embedder = await createEmbedder({ model: options.embedModel, modelsDir: options.modelsDir, allowRemote: options.allowRemoteModels });
    progress({ phase: 'model', done: 1, total: 1 });
    const meta = { id: embedder.model, dims: embedder.dims, builtIn: false, fingerprint: `${embedder.model}:${embedder.dims}` };
    return { embedder, meta, files: [], built: false, cleanup: none };
  }
  if (previous && previous.meta.model.id === STATIC_MODEL_ID && previous.meta.glossaryHash === glossaryHash) {
    const embedder = await createStaticEmbedder(previous.loaded.path(INDEX_FILES.models));
    return { embedder, meta: previous.meta.model, files: keptModelFiles(previous.meta.model), built: false, cleanup: none };
  }
  progress({ phase: 'model', done: 0, total: 1 });
  const glossary = glossaryText.flatMap((text, i) => parseGlossary(text, options.glossaryPaths[i]));
  const built = await buildStaticModelFiles({ texts: documents.map((d) => d.text), glossary });
  // transformers.js loads models from folders, so the new model is staged on disk until it is committed: inside the
  // index directory, so that a killed build leaves nothing in the system's temp folder and the next build tidies up.
  await mkdir(options.indexDir, { recursive: true });
  const staging = await mkdtemp(join(options.indexDir, MODEL_STAGING_PREFIX));
  const cleanup = () => rm(staging, { recursive: true, force: true });
  let embedder: Embedder;
  try {
    for (const file of built.files) {
      const path = join(staging, STATIC_MODEL_ID, file.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.data);
    }
    embedder = await createStaticEmbedder(staging);
  } catch (error) {
    await cleanup();
    throw error;
  }
  progress({ phase: 'model', done: 1, total: 1 });
  return {
    embedder,
    meta: { id: STATIC_MODEL_ID, dims: built.dims, builtIn: true, fingerprint: built.fingerprint },
    files: built.files.map((file) => ({ name: modelFileName(STATIC_MODEL_ID, file.name), data: file.data })),
    built: true,
    cleanup,
  };
}

/**
 * Removes the staging folders that a build or a commit killed part-way left in `indexDir`: a model being built, a
 * graph being committed. Only the index's writer may call it: another process's are in use.
 */
export async function removeStagingFolders(indexDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(indexDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const staged = names.filter((name) => name.startsWith(MODEL_STAGING_PREFIX) || name.startsWith(GRAPH_STAGING_PREFIX));
  await Promise.all(staged.map((name) => rm(join(indexDir, name), { recursive: true, force: true })));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
