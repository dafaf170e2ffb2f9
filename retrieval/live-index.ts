import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { IndexConfig } from '../index/config.ts';
import type { Embedder } from '../index/embed/embedder.ts';
import { indexEmbedder } from '../index/embed/index-embedder.ts';
import { VectorIndex } from '../index/embed/vector-index.ts';
import { graphFileNames, readGraph } from '../index/graph-files.ts';
import { GenerationWriter } from '../index/commit/generation-writer.ts';
import type { IndexChange } from '../index/commit/index-text.ts';
import { afterAdd, afterRemove, type IndexState } from '../index/incremental.ts';
import {
  chunkOptionsOf,
  chunkOrdinalsByDocument,
  INDEX_FILES,
  indexMetaSchema,
  readDocuments,
  restoreChunks,
  storeChunks,
  contentMeta,
  type IndexMeta,
  type IndexSettings,
  type StoredChunk,
} from '../index/layout.ts';
import { ANALYZER_VERSION } from '../index/analyze/terms.ts';
import { buildPostings, termFrequencies } from '../index/postings.ts';
import { decodePostings } from '../index/postings-codec.ts';
import { DocumentPreparer } from '../index/prepare/document-preparer.ts';
import type { PreparedDocument } from '../index/prepare/prepare-document.ts';
import { IndexStore, IndexStoreError, type VerifyingIndex } from '../index/store/index-store.ts';
import type { Chunk, Document, SourceFile } from '../index/types.ts';
import type { Collection } from './collection.ts';
import { denseRetrieverOf } from './dense/dense-search.ts';
import { LexicalIndex } from './lexical/lexical-index.ts';

/**
 * One view of the collection: what questions are answered from, replaced whole by each change. The lexical index and
 * the graph are shared by the views and changed only between questions, together with the view (see
 * `AnswerEngine.ask`, which reads one view from the one pause of an answer to its end); a view's dense search passes
 * over the graph's vectors of chunks it doesn't hold.
 */
export interface CollectionView extends Collection {
  /** Ordinals of each document's chunks. */
  chunksOf: ReadonlyMap<string, readonly number[]>;
  meta: IndexMeta;
  /** Generation id of the committed index this view is. */
  generation: string;
}

/** A document with its chunks and one vector per chunk: what a shared store holds and gives back. */
export interface EmbeddedDocument {
  document: Document;
  chunks: readonly Chunk[];
  vectors: readonly Float32Array[];
}

/** What loading an index needs: where it is, and the model it must have been built with. */
export type LoadConfig = Pick<IndexConfig, 'indexDir' | 'embedModel' | 'modelsDir' | 'allowRemoteModels'> & Partial<Pick<IndexConfig, 'hnsw'>>;

/** Longest stretch of graph inserts between two turns of the event loop, in ms. */
const SLICE_MS = 20;
/** Chunks embedded between two turns of the event loop: a few milliseconds of model time. */
const EMBED_SLICE = 8;
/**
 * Chunks added and removed since the lexical index was last made whole, over which the next commit makes it whole
 * again (from the postings the commit writes), at least this many and a tenth of the index: the lexical index keeps
 * later changes in maps beside its compact arrays.
 */
const COMPACT_AFTER_CHUNKS = 2000;

/**
 * An index in memory, changed one document at a time while it serves. Opened from `INDEX_DIR`, it commits each change
 * ({@link add}, {@link remove}) to disk as a new generation before showing it in a new {@link view}, and leaves nothing
 * behind when the commit fails. Made from the documents of a shared store ({@link fromDocuments}), it shows the
 * changes that store has committed ({@link applyAdded}, {@link applyRemoved}). Callers make changes one at a time and
 * own everything outside the index (the documents' files, the writer lock, the store).
 *
 * @example
 * const index = await LiveIndex.open(config);
 * await index.add(await index.prepare({ relPath: 'faq.md', content: '대출 금리는 연 3%입니다.' }));
 * index.view.documents.has('faq'); // true
 */
export class LiveIndex {
  #view: CollectionView;
  /** Commits changes to the index directory; none when they are committed to a shared store by the caller. */
  readonly #writer: GenerationWriter | undefined;
  readonly #vectors: VectorIndex;
  readonly #embedder: Embedder;
  readonly #preparer = new DocumentPreparer();
  /** Chunks added or removed since the lexical index was made from whole postings. */
  #lexicalChanges = 0;

  private constructor(view: CollectionView, writer: GenerationWriter | undefined, vectors: VectorIndex, embedder: Embedder) {
    this.#view = view;
    this.#writer = writer;
    this.#vectors = vectors;
    this.#embedder = embedder;
  }

  /**
   * Loads the committed index under `indexDir` into memory: documents, chunk table, BM25 postings, the HNSW graph and
   * the embedding model it was built with. Postings written by another version of the text analysis are made again from
   * the chunks (the next `npm run index` or change to the collection stores them).
   * @throws IndexStoreError when there is no index, or it is corrupt, of another format, or built with another model
   * than `embedModel` (code `INDEX_MISMATCH`): vectors of two models are never mixed.
   */
  static async open(config: LoadConfig): Promise<LiveIndex> {
    const store = new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema });
    // The files are verified on another thread while they are decoded here; the graph's first, as hnswlib reads only a
    // verified graph (it trusts what it reads), and the rest of the load need not wait for it.
    const loaded = store.loadVerifyingInParallel({ first: graphFileNames });
    const { meta } = loaded.manifest;
    if (meta.model.id !== config.embedModel) {
      void loaded.close();
      throw new IndexStoreError(
        'INDEX_MISMATCH',
        `The index in ${config.indexDir} was built with embedding model "${meta.model.id}", but EMBED_MODEL is ` +
          `"${config.embedModel}". Rebuild it with \`npm run index\` (or set EMBED_MODEL back).`,
      );
    }
    const { documents, chunks, lexical, vectors, embedder } = await decodeIndex(loaded, config).catch(async (error: unknown) => {
      // Decoding a damaged file may fail in any way; that the file is damaged says better what is wrong.
      await loaded.verified();
      throw error;
    });
    await loaded.verified();
    const current = meta.analyzer === ANALYZER_VERSION;
    const state = { documents, chunks, meta: current ? meta : { ...meta, analyzer: ANALYZER_VERSION } };
    return new LiveIndex(viewOf(state, loaded.manifest.generation, lexical, vectors, embedder), new GenerationWriter(store.dir), vectors, embedder);
  }

  /**
   * An index of documents held in a shared store, built in memory: postings from their chunks, the graph from their
   * vectors (which must come from `embedder`). Its changes are the store's, shown with {@link applyAdded} and
   * {@link applyRemoved}.
   * @param generation names the store's state the documents are (its last change)
   */
  static fromDocuments(
    documents: readonly EmbeddedDocument[],
    settings: IndexSettings,
    embedder: Embedder,
    generation: string,
    hnsw: LoadConfig['hnsw'] = {},
  ): LiveIndex {
    if (embedder.dims !== settings.model.dims) {
      throw new Error(`Model "${settings.model.id}" makes ${embedder.dims}-value vectors, but the collection holds ${settings.model.dims}-value ones.`);
    }
    const chunks = documents.flatMap((d) => d.chunks);
    const vectors = VectorIndex.build(
      documents.flatMap((d) => d.vectors),
      chunks.map((_, ordinal) => ordinal),
      settings.model.dims,
      hnsw,
    );
    const byId = new Map(documents.map((d) => [d.document.docId, d.document]));
    const state: IndexState = { documents: byId, chunks, meta: { ...settings, ...contentMeta([...byId.values()], chunks) } };
    return new LiveIndex(viewOf(state, generation, new LexicalIndex(buildPostings(chunks)), vectors, embedder), undefined, vectors, embedder);
  }

  /** The view questions asked from now on are answered from. */
  get view(): CollectionView {
    return this.#view;
  }

  /**
   * A file made ready to be added: cleaned, cut as the index's documents were, its terms counted, on a worker thread.
   * @throws Error with the reason when the file can't be read or cleaned.
   */
  prepare(file: SourceFile): Promise<PreparedDocument> {
    return this.#preparer.prepare(file, chunkOptionsOf(this.#view.meta));
  }

  /**
   * Adds a prepared document, which must not be in the index: embeds its chunks and puts their vectors in the graph a
   * few at a time (questions are answered between), commits on a worker thread, then shows it in a new view. Until
   * then questions see the collection without it; when the commit fails its vectors are taken out again and the error
   * is passed on.
   */
  async add({ document, chunks, postings }: PreparedDocument): Promise<void> {
    const writer = this.#committedBy('add');
    const view = this.#view;
    // The commit's worker reads the index meanwhile, the first time.
    writer.prepare(view.generation);
    const vectors = await this.embed(chunks);
    const base = view.chunks.length;
    await this.#addVectors(vectors, base);
    const state = afterAdd(view, document, chunks);
    try {
      const change: IndexChange = { kind: 'add', document, chunks: storeChunks(chunks) as StoredChunk[], postings, base };
      const { generation, lexical } = await this.#commit(writer, state, change, chunks.length);
      if (lexical === view.lexical) lexical.add(postings, base);
      this.#show(state, generation, lexical);
    } catch (error) {
      vectors.forEach((_, i) => this.#vectors.markDelete(base + i));
      throw error;
    }
  }

  /**
   * Shows a document its shared store has committed, with the vectors stored for it, in a new view named `generation`.
   * A document of the same id already here is replaced in that same view: questions see the old one or the new one,
   * never neither.
   */
  async applyAdded({ document, chunks, vectors }: EmbeddedDocument, generation: string): Promise<void> {
    const view = this.#view;
    const base = view.chunks.length;
    // Ordinals are this index's own: the chunks keep their ids, and take the next ordinals.
    await this.#addVectors(vectors, base);
    const replaced = view.chunksOf.get(document.docId);
    if (replaced) view.lexical.remove(replaced, (o) => termFrequencies(view.chunks[o]?.text ?? '').keys());
    view.lexical.add(buildPostings(chunks), base);
    const without = replaced ? afterRemove(view, document.docId, replaced) : view;
    this.#show(afterAdd(without, document, [...chunks]), generation);
  }

  /** Shows the removal of a document its shared store has committed, in a new view; false when it isn't here. */
  applyRemoved(docId: string, generation: string): boolean {
    const view = this.#view;
    const ordinals = view.chunksOf.get(docId);
    if (!ordinals) return false;
    view.lexical.remove(ordinals, (o) => termFrequencies(view.chunks[o]?.text ?? '').keys());
    this.#show(afterRemove(view, docId, ordinals), generation);
    return true;
  }

  /**
   * Removes a document: commits the index without it, then shows that in a new view. Its vectors stay in the graph,
   * where views without its chunks pass them over, so a question still answered from an earlier view finds them.
   * Resolves false when there is no such document; when the commit fails, nothing has changed.
   */
  async remove(docId: string): Promise<boolean> {
    const view = this.#view;
    const ordinals = view.chunksOf.get(docId);
    if (!ordinals) return false;
    const writer = this.#committedBy('remove');
    const state = afterRemove(view, docId, ordinals);
    const { generation, lexical } = await this.#commit(writer, state, { kind: 'remove', docId, ordinals }, ordinals.length);
    if (lexical === view.lexical) lexical.remove(ordinals, (o) => termFrequencies(view.chunks[o]?.text ?? '').keys());
    this.#show(state, generation, lexical);
    return true;
  }

  /** Stops the workers that prepare documents and commit changes. */
  async close(): Promise<void> {
    await Promise.all([this.#preparer.close(), this.#writer?.close()]);
  }

  /**
   * The vectors of the chunks, with the index's model, made a few at a time so that requests are answered between (a
   * large document has thousands).
   */
  async embed(chunks: readonly Chunk[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < chunks.length; i += EMBED_SLICE) {
      vectors.push(...(await this.#embedder.embed(chunks.slice(i, i + EMBED_SLICE).map((c) => c.text), 'passage')));
      await yieldToEventLoop();
    }
    return vectors;
  }

  /** Adds vectors to the graph under `base`, `base + 1`, …, a slice at a time so requests are answered between. */
  async #addVectors(vectors: readonly Float32Array[], base: number): Promise<void> {
    let sliceStarted = performance.now();
    for (const [i, vector] of vectors.entries()) {
      this.#vectors.add(vector, base + i);
      if (performance.now() - sliceStarted > SLICE_MS) {
        await yieldToEventLoop();
        sliceStarted = performance.now();
      }
    }
  }

  #committedBy(change: string): GenerationWriter {
    if (!this.#writer) throw new Error(`This index shows a shared store's changes: ${change} through the store, then apply the change.`);
    return this.#writer;
  }

  /**
   * Commits `change`, which makes `state` of the view, with the graph as it is: resolves with the new generation's id,
   * and the lexical index for it — the view's, for the caller to change, or one made whole from the committed
   * postings when enough has changed since it last was.
   */
  async #commit(writer: GenerationWriter, state: IndexState, change: IndexChange, changedChunks: number): Promise<{ generation: string; lexical: LexicalIndex }> {
    const changes = this.#lexicalChanges + changedChunks;
    const compact = changes >= Math.max(COMPACT_AFTER_CHUNKS, state.meta.chunks / 10);
    const { generation, postings } = await writer.commit(this.#view.generation, change, state.meta, this.#vectors, { wantPostings: compact });
    this.#lexicalChanges = postings ? 0 : changes;
    return { generation, lexical: postings ? new LexicalIndex(postings) : this.#view.lexical };
  }

  #show(state: IndexState, generation: string, lexical: LexicalIndex = this.#view.lexical): void {
    this.#view = viewOf(state, generation, lexical, this.#vectors, this.#embedder);
  }
}

/** What the files of an index make in memory. */
type DecodedIndex = Omit<IndexState, 'meta'> & { lexical: LexicalIndex; vectors: VectorIndex; embedder: Embedder };

/**
 * The documents, chunk table, lexical index, graph and model of an index whose files are being verified meanwhile:
 * the model and the graph load (partly on other threads) while the files are decoded here, with turns in between.
 */
async function decodeIndex(loaded: VerifyingIndex<IndexMeta>, config: LoadConfig): Promise<DecodedIndex> {
  const { meta } = loaded.manifest;
  const efSearch = config.hnsw?.efSearch;
  const readingGraph = loaded.verified(graphFileNames(loaded.manifest)).then(() => readGraph(loaded, efSearch !== undefined ? { efSearch } : {}));
  const loadingModel = indexEmbedder(loaded, config);
  // Failures are awaited below; until then they must not count as unhandled.
  readingGraph.catch(() => {});
  loadingModel.catch(() => {});
  await yieldToEventLoop();
  const documents = new Map(readDocuments(loaded).map((d) => [d.docId, d]));
  await yieldToEventLoop();
  const chunks = restoreChunks(loaded.read(INDEX_FILES.chunks), documents);
  await yieldToEventLoop();
  // Postings made by another version of the analysis would miss terms that questions are now analysed into.
  const lexical = new LexicalIndex(meta.analyzer === ANALYZER_VERSION ? decodePostings(loaded.read(INDEX_FILES.postings)) : buildPostings(chunks));
  const vectors = await readingGraph;
  const embedder = await loadingModel;
  if (embedder.dims !== meta.model.dims) {
    throw new IndexStoreError(
      'INDEX_MISMATCH',
      `Model "${meta.model.id}" now makes ${embedder.dims}-value vectors but the index holds ${meta.model.dims}-value ones. ` +
        'Rebuild it with `npm run index`.',
    );
  }
  return { documents, chunks, lexical, vectors, embedder };
}

function viewOf(state: IndexState, generation: string, lexical: LexicalIndex, vectors: VectorIndex, embedder: Embedder): CollectionView {
  const { documents, chunks, meta } = state;
  return {
    documents,
    chunks,
    lexical,
    dense: denseRetrieverOf(embedder, vectors, chunks),
    chunksOf: chunkOrdinalsByDocument(chunks),
    meta,
    generation,
  };
}
