/**
 * Dense retrieval: embed the question as a query and take its nearest chunk vectors. Vector labels are chunk
 * ordinals, so hits map straight onto the collection's chunks.
 */
import type { Embedder } from '../../index/embed/embedder.ts';
import type { VectorIndex } from '../../index/embed/vector-index.ts';
import type { DenseRetriever } from '../collection.ts';
import type { ScoredChunk } from '../lexical/lexical-index.ts';

/**
 * The dense half of hybrid search over an index whose labels are chunk ordinals.
 * @param visible the ordinals this view of the collection holds, when the graph is shared with views that hold more
 *   (chunks added since) or fewer; default all
 * @throws Error when the index holds vectors of another size than the embedder makes (built with another model).
 */
export function createDenseRetriever(embedder: Embedder, index: VectorIndex, visible?: (ordinal: number) => boolean): DenseRetriever {
  if (embedder.dims !== index.dims) {
    throw new Error(
      `The vector index holds ${index.dims}-value vectors but model "${embedder.model}" makes ${embedder.dims}-value ` +
        'ones: the index was built with another model. Rebuild it with "npm run index".',
    );
  }
  return {
    model: embedder.model,
    async embed(query) {
      const [vector] = await embedder.embed([query], 'query');
      return vector;
    },
    nearest(vector, k) {
      return index.search(vector, k, visible).map(({ label, score }) => ({ ordinal: label, score }));
    },
  };
}

/**
 * The dense retriever of a view of the collection: its chunk table, over a graph that may hold vectors of chunks the
 * view doesn't (added since, or removed). Searches pass over those; while the graph holds exactly the view's chunks it
 * is searched without a filter, which would cost a call back per visited vector.
 */
export function denseRetrieverOf(embedder: Embedder, index: VectorIndex, chunks: ReadonlyArray<unknown>): DenseRetriever {
  let held = 0;
  for (const chunk of chunks) if (chunk !== undefined) held += 1;
  const visible = (ordinal: number) => chunks[ordinal] !== undefined;
  const filtered = createDenseRetriever(embedder, index, visible);
  const unfiltered = createDenseRetriever(embedder, index);
  return { ...filtered, nearest: (vector, k) => (index.count === held ? unfiltered : filtered).nearest(vector, k) };
}

/** The `k` chunks nearest in meaning to a query text, most similar first. */
export async function searchByMeaning(dense: DenseRetriever, query: string, k: number): Promise<ScoredChunk[]> {
  const vector = await dense.embed(query);
  return vector ? dense.nearest(vector, k) : [];
}
