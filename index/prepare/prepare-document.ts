import { chunkDocument, type ChunkOptions } from '../chunk.ts';
import type { Embedder } from '../embed/embedder.ts';
import { toDocument } from '../load/index.ts';
import { buildPostings, type Postings } from '../postings.ts';
import type { Chunk, Document, SourceFile } from '../types.ts';

/** A document made ready to join an index: cleaned, cut into chunks, each chunk embedded and its terms counted. */
export interface PreparedDocument {
  document: Document;
  chunks: Chunk[];
  /** The chunks' vectors, one row of the embedder's `dims` values per chunk, in chunk order. */
  vectors: Float32Array;
  /** The chunks' postings, numbered from 0 in chunk order. */
  postings: Postings;
}

/**
 * Turns a file into what an index adds for it. A document with no text left after cleaning has no chunks.
 * @param chunking the chunking the index was built with, so the new document is cut like the others
 * @param embedder the index's own embedder: vectors of two models are never mixed
 */
export async function prepareDocument(file: SourceFile, chunking: ChunkOptions, embedder: Embedder): Promise<PreparedDocument> {
  const document = toDocument(file);
  const chunks = document.text.trim() === '' ? [] : chunkDocument(document, chunking);
  const embedded = await embedder.embed(chunks.map((c) => c.text), 'passage');
  const vectors = new Float32Array(chunks.length * embedder.dims);
  embedded.forEach((vector, row) => vectors.set(vector, row * embedder.dims));
  return { document, chunks, vectors, postings: buildPostings(chunks) };
}
