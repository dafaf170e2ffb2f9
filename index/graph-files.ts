/**
 * Reads the HNSW graph of a committed index in either layout this version reads. Format 4 stores hnswlib's own file
 * (`graph.hnsw`), which hnswlib reads in place, and beside it what that file leaves out (`graph.json`). Format 3 stored
 * both in one file, `vectors.hnsw`: a header, then hnswlib's format. hnswlib reads only a file that holds its format
 * alone, so that one is copied into a file of its own first, which for a 100k-chunk graph (over 100 MB) took longer
 * than reading it. Commits write the current format: the first change to a format-3 index stores the graph in the new layout.
 */
import { VectorIndex, type GraphBytes, type GraphHeader, type VectorIndexOptions } from './embed/vector-index.ts';
import { INDEX_FILES } from './layout.ts';
import { IndexStoreError, REBUILD_HINT } from './store/errors.ts';
import type { LoadedIndex } from './store/index-store.ts';

/** Format 3's one file of the graph. */
export const FORMAT_3_GRAPH_FILE = 'vectors.hnsw';
const FORMAT_3_MAGIC = Buffer.from('SEOGI-HNSW-1\n');

/** What {@link readGraph} reads an index's graph from. */
export type GraphSource = Pick<LoadedIndex<unknown>, 'manifest' | 'path' | 'read'>;

/** The files of an index that hold its graph, by the index's format. */
export function graphFileNames(manifest: { formatVersion: number }): string[] {
  return manifest.formatVersion === 3 ? [FORMAT_3_GRAPH_FILE] : [INDEX_FILES.graph, INDEX_FILES.graphHeader];
}

/**
 * The HNSW graph of a loaded index. Its files ({@link graphFileNames}) must be verified by the time they are read, as
 * `LoadedIndex` does on use: hnswlib trusts what it reads.
 */
export async function readGraph(index: GraphSource, options: Pick<VectorIndexOptions, 'efSearch'> = {}): Promise<VectorIndex> {
  if (index.manifest.formatVersion === 3) return VectorIndex.fromBytes(splitFormat3Graph(index.read(FORMAT_3_GRAPH_FILE)), options);
  const header = JSON.parse(index.read(INDEX_FILES.graphHeader).toString('utf8')) as GraphHeader;
  return VectorIndex.read(index.path(INDEX_FILES.graph), header, options);
}

/** Format 3's graph file as the header and hnswlib's bytes it holds, one after the other. */
function splitFormat3Graph(bytes: Buffer): GraphBytes {
  const headerAt = FORMAT_3_MAGIC.length + 4;
  if (bytes.length < headerAt || !bytes.subarray(0, FORMAT_3_MAGIC.length).equals(FORMAT_3_MAGIC)) {
    throw new IndexStoreError('INDEX_CORRUPT', `Index file ${FORMAT_3_GRAPH_FILE} is not a graph file. ${REBUILD_HINT}`);
  }
  const graphAt = headerAt + bytes.readUInt32LE(FORMAT_3_MAGIC.length);
  return { header: JSON.parse(bytes.subarray(headerAt, graphAt).toString('utf8')) as GraphHeader, graph: bytes.subarray(graphAt) };
}
