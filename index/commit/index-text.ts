/**
 * The text side of a committed index — documents, chunk table, postings — held apart from the index being served,
 * so that a change can be turned into the files of a new generation away from the thread that answers questions
 * (see commit-worker.ts). It starts from a committed generation and follows the changes the serving index makes.
 */
import { ANALYZER_VERSION } from '../analyze/terms.ts';
import { withAddedPostings, withoutChunks } from '../incremental.ts';
import { documentFiles, documentRecord, INDEX_FILES, indexMetaSchema, readDocuments, restoreChunks, type DocumentRecord, type IndexMeta, type StoredChunk, type StoredChunks } from '../layout.ts';
import { buildPostings, type Postings } from '../postings.ts';
import { decodePostings, encodePostings } from '../postings-codec.ts';
import type { LoadedIndex } from '../store/index-store.ts';
import type { DataFile } from '../store/index-store.ts';
import type { Document } from '../types.ts';

/** One change to an index, as its text side sees it. */
export type IndexChange =
  | {
      kind: 'add';
      document: Document;
      /** The document's chunks as stored, in order; they take the ordinals `base` (the table's length), `base + 1`, …. */
      chunks: readonly StoredChunk[];
      /** The chunks' postings, numbered from 0. */
      postings: Postings;
      base: number;
    }
  | { kind: 'remove'; docId: string; ordinals: readonly number[] };

/** Documents (each kept as it is stored), chunk table and postings of an index. */
export interface IndexText {
  /** Each document's record, by id, in the order they are stored. */
  documents: ReadonlyMap<string, DocumentRecord>;
  chunks: StoredChunks;
  postings: Postings;
}

/**
 * The text side of a loaded index. Postings written by another version of the analysis are made again from the
 * chunks, as the serving index makes them (see `LiveIndex.open`).
 */
export function readIndexText(loaded: LoadedIndex<IndexMeta>): IndexText {
  const documents = readDocuments(loaded);
  const byId = new Map(documents.map((d) => [d.docId, d]));
  const stored = JSON.parse(loaded.read(INDEX_FILES.chunks).toString('utf8')) as StoredChunks;
  // A chunk of a document the index doesn't hold is a hole to the serving index, and is stored as one next time.
  const chunks = stored.map((chunk) => (chunk && byId.has(chunk.docId) ? chunk : null));
  const meta = indexMetaSchema.parse(loaded.manifest.meta);
  const postings =
    meta.analyzer === ANALYZER_VERSION
      ? decodePostings(loaded.read(INDEX_FILES.postings))
      : buildPostings(restoreChunks(loaded.read(INDEX_FILES.chunks), byId));
  return { documents: new Map(documents.map((d) => [d.docId, documentRecord(d)])), chunks, postings };
}

/** The text side after `change`; `text` is left as it was. */
export function applyChange(text: IndexText, change: IndexChange): IndexText {
  if (change.kind === 'add') {
    if (change.base !== text.chunks.length) throw new Error(`New chunks start at ordinal ${change.base}, but the table has ${text.chunks.length}.`);
    return {
      documents: new Map(text.documents).set(change.document.docId, documentRecord(change.document)),
      chunks: [...text.chunks, ...change.chunks],
      postings: withAddedPostings(text.postings, change.postings, change.base),
    };
  }
  const documents = new Map(text.documents);
  documents.delete(change.docId);
  const chunks = [...text.chunks];
  for (const ordinal of change.ordinals) chunks[ordinal] = null;
  return { documents, chunks, postings: withoutChunks(text.postings, new Set(change.ordinals)) };
}

/**
 * The text files of a generation holding `text`, serialised when their turn to be written comes; the same bytes as
 * `indexFiles` writes for the same documents, chunks and postings.
 */
export function textFiles(text: IndexText): DataFile[] {
  return [
    ...documentFiles(() => [...text.documents.values()]),
    { name: INDEX_FILES.chunks, data: () => JSON.stringify(text.chunks) },
    { name: INDEX_FILES.postings, data: () => encodePostings(text.postings) },
  ];
}
