import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { IndexConfig } from '../index/config.ts';
import type { Embedder } from '../index/embed/embedder.ts';
import { indexEmbedder } from '../index/embed/index-embedder.ts';
import { VectorIndex } from '../index/embed/vector-index.ts';
import { decodeDocuments, INDEX_FILES, indexMetaSchema, restoreChunk, type IndexMeta, type StoredChunks } from '../index/layout.ts';
import { ANALYZER_VERSION } from '../index/analyze/terms.ts';
import { buildPostings } from '../index/postings.ts';
import { decodePostings } from '../index/postings-codec.ts';
import { IndexStore, IndexStoreError } from '../index/store/index-store.ts';
import type { Chunk } from '../index/types.ts';
import type { Collection } from './collection.ts';
import { denseRetrieverOf } from './dense/dense-search.ts';
import { LexicalIndex } from './lexical/lexical-index.ts';

/** A collection loaded from disk, with what its manifest says about it. */
export interface LoadedCollection {
  collection: Collection;
  meta: IndexMeta;
  /** Generation id of the loaded index. */
  generation: string;
  /** The HNSW graph behind `collection.dense`, for callers that change the collection while serving. */
  vectors: VectorIndex;
  /** The model the index was built with; new chunks must be embedded with it. */
  embedder: Embedder;
}

/**
 * Loads the committed index under `indexDir` into memory: documents, chunk table, BM25 postings, the HNSW graph and
 * the embedding model it was built with. Postings written by another version of the text analysis are made again from
 * the chunks (the next `npm run index` or change to the collection stores them).
 * @throws IndexStoreError when there is no index, or it is corrupt, of another format, or built with another model
 * than `embedModel` (code `INDEX_MISMATCH`): vectors of two models are never mixed.
 */
export async function loadCollection(
  config: Pick<IndexConfig, 'indexDir' | 'embedModel' | 'modelsDir' | 'allowRemoteModels'> & Partial<Pick<IndexConfig, 'hnsw'>>,
): Promise<LoadedCollection> {
  const loaded = new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema }).load();
  const { meta } = loaded.manifest;
  if (meta.model.id !== config.embedModel) {
    throw new IndexStoreError(
      'INDEX_MISMATCH',
      `The index in ${config.indexDir} was built with embedding model "${meta.model.id}", but EMBED_MODEL is ` +
        `"${config.embedModel}". Rebuild it with \`npm run index\` (or set EMBED_MODEL back).`,
    );
  }
  // The model loads (partly on other threads) while the index files are decoded here, with a turn for it in between.
  const loadingModel = indexEmbedder(loaded, config);
  // A failure is awaited below; until then it must not count as unhandled.
  loadingModel.catch(() => {});
  await yieldToEventLoop();
  const documents = new Map(decodeDocuments(loaded.read(INDEX_FILES.documents)).map((d) => [d.docId, d]));
  await yieldToEventLoop();
  const chunks = (JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as StoredChunks).map((stored): Chunk | undefined => {
    const doc = stored && documents.get(stored.docId);
    return stored && doc ? restoreChunk(stored, doc) : undefined;
  });
  await yieldToEventLoop();
  // Postings made by another version of the analysis would miss terms that questions are now analysed into.
  const current = meta.analyzer === ANALYZER_VERSION;
  const lexical = new LexicalIndex(current ? decodePostings(loaded.read(INDEX_FILES.postings)) : buildPostings(chunks));
  await yieldToEventLoop();
  const efSearch = config.hnsw?.efSearch;
  const vectors = VectorIndex.fromBuffer(loaded.read(INDEX_FILES.vectors), efSearch !== undefined ? { efSearch } : {});
  const embedder = await loadingModel;
  if (embedder.dims !== meta.model.dims) {
    throw new IndexStoreError(
      'INDEX_MISMATCH',
      `Model "${meta.model.id}" now makes ${embedder.dims}-value vectors but the index holds ${meta.model.dims}-value ones. ` +
        'Rebuild it with `npm run index`.',
    );
  }
  // Chunks removed while serving leave their vectors in the graph; a search passes over their ordinals.
  const collection: Collection = { documents, chunks, lexical, dense: denseRetrieverOf(embedder, vectors, chunks) };
  return { collection, meta: current ? meta : { ...meta, analyzer: ANALYZER_VERSION }, generation: loaded.manifest.generation, vectors, embedder };
}
