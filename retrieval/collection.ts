import type { Chunk, Document } from '../index/types.ts';
import type { LexicalIndex, ScoredChunk } from './lexical/lexical-index.ts';

/** Nearest chunks by meaning for a query text; the dense half of hybrid search. */
export interface DenseRetriever {
  /** Identifies the embedding model, e.g. `seogi-static` or `Xenova/multilingual-e5-small`. */
  readonly model: string;
  search(query: string, k: number): Promise<ScoredChunk[]>;
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
