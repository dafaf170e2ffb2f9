import type { Chunk, Document } from '../index/types.ts';
import type { LexicalIndex, ScoredChunk } from './lexical/lexical-index.ts';

/** Nearest chunks by meaning; the dense half of hybrid search. */
export interface DenseRetriever {
  /** Identifies the embedding model, e.g. `seogi-static` or `Xenova/multilingual-e5-small`. */
  readonly model: string;
  /** The vector of a query text; undefined when the model makes none. */
  embed(query: string): Promise<Float32Array | undefined>;
  /**
   * The `k` chunks nearest to a query vector, most similar first. Synchronous, like the lexical search: a question
   * that has its vector reads one state of the collection to the end of its answer.
   */
  nearest(vector: Float32Array, k: number): ScoredChunk[];
}

/**
 * Everything needed to answer from one collection, as loaded from the index. Chunks are addressed by ordinal, the
 * position that postings and vector labels use; removed chunks leave a hole.
 */
export interface Collection {
  documents: ReadonlyMap<string, Document>;
  chunks: ReadonlyArray<Chunk | undefined>;
  lexical: LexicalIndex;
  dense?: DenseRetriever;
}
