import { chunkDocument, type ChunkOptions } from '../chunk.ts';
import { toDocument } from '../load/index.ts';
import { buildPostings, type Postings } from '../postings.ts';
import type { Chunk, Document, SourceFile } from '../types.ts';

/** A document made ready to join an index, short of its vectors: cleaned, cut into chunks, their terms counted. */
export interface PreparedDocument {
  document: Document;
  chunks: Chunk[];
  /** The chunks' postings, numbered from 0 in chunk order. */
  postings: Postings;
}

/**
 * Turns a file into the text side of what an index adds for it. A document with no text left after cleaning has no
 * chunks. Vectors are made apart: the embedding model runs on the thread that loaded it (see document-preparer.ts).
 * @param chunking the chunking the index was built with, so the new document is cut like the others
 * @throws DocumentReadError when the file can't be read (see `DOCUMENT_READ_ERRORS`)
 */
export async function prepareDocument(file: SourceFile, chunking: ChunkOptions): Promise<PreparedDocument> {
  const document = await toDocument(file);
  const chunks = document.text.trim() === '' ? [] : chunkDocument(document, chunking);
  return { document, chunks, postings: buildPostings(chunks) };
}
