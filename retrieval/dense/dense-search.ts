/**
 * Dense retrieval: embed the question as a query and take its nearest chunk vectors. Vector labels are chunk
 * ordinals, so hits map straight onto the collection's chunks.
 */
import type { Embedder } from '../../index/embed/embedder.ts';
import type { VectorHit, VectorIndex } from '../../index/embed/vector-index.ts';
import type { DenseRetriever } from '../collection.ts';

/**
 * The `limit` vectors nearest to the query's embedding, most similar first.
 * @throws Error when the index holds vectors of another size than the embedder makes (built with another model).
 */
export async function denseSearch(
  embedder: Embedder,
  index: VectorIndex,
  query: string,
  limit: number,
): Promise<VectorHit[]> {
  assertCompatible(embedder, index);
  const [vector] = await embedder.embed([query], 'query');
  return vector ? index.search(vector, limit) : [];
}

/** The dense half of hybrid search over an index whose labels are chunk ordinals. */
export function createDenseRetriever(embedder: Embedder, index: VectorIndex): DenseRetriever {
  assertCompatible(embedder, index);
  return {
    model: embedder.model,
    async search(query, k) {
      const hits = await denseSearch(embedder, index, query, k);
      return hits.map(({ label, score }) => ({ ordinal: label, score }));
    },
  };
}

function assertCompatible(embedder: Embedder, index: VectorIndex): void {
  if (embedder.dims !== index.dims) {
    throw new Error(
      `The vector index holds ${index.dims}-value vectors but model "${embedder.model}" makes ${embedder.dims}-value ` +
        'ones: the index was built with another model. Rebuild it with "npm run index".',
    );
  }
}
