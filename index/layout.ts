import { z } from 'zod';
import { MODEL_FILES } from './embed/embedder.ts';
import type { GraphBytes } from './embed/vector-index.ts';
import type { ChunkOptions } from './chunk.ts';
import type { Postings } from './postings.ts';
import { encodePostings } from './postings-codec.ts';
import type { DataFile, IndexFile, LoadedIndex } from './store/index-store.ts';
import type { Chunk, Document } from './types.ts';

/** Names of the files of a built index, inside its generation folder. */
export const INDEX_FILES = {
  /** Every document's text, one after the other, in UTF-16LE (see {@link documentFiles}). */
  texts: 'texts.utf16le',
  /** The documents without their texts, as JSON. */
  documents: 'documents.json',
  chunks: 'chunks.json',
  postings: 'postings.bin',
  /** The HNSW graph in hnswlib's own format, which hnswlib reads in place. */
  graph: 'graph.hnsw',
  /** What hnswlib's file leaves out (`GraphHeader`), as JSON. */
  graphHeader: 'graph.json',
  /** Folder holding the collection's own embedding model, as `model/<model id>/…`. */
  models: 'model',
} as const;

/** Formats 3 and 4 stored the documents whole, texts included, as one JSON array in UTF-16LE. */
export const FORMAT_4_DOCUMENTS_FILE = 'documents.utf16le.json';

/** A document as {@link INDEX_FILES.documents} stores it: its text is the next `textLength` characters of the texts. */
export type StoredDocument = Omit<Document, 'text'> & { textLength: number };

/** A document as its two files store it: its {@link StoredDocument} as JSON, and its text. */
export interface DocumentRecord {
  json: string;
  text: string;
}

/** The record of a document, for {@link documentFiles}. */
export function documentRecord(document: Document): DocumentRecord {
  const { text, ...rest } = document;
  return { json: JSON.stringify({ ...rest, textLength: text.length }), text };
}

/**
 * The files of the documents, in the order given, serialised when their turn to be written comes. The texts are stored
 * apart from the rest, one after the other in UTF-16LE: a large collection's documents are read at every start, and
 * the texts are then decoded as one string, each document's text a slice of it, instead of one string per document
 * parsed out of JSON (100k chunks: 0.07 s instead of 0.26 s, and no texts for the garbage collector to move). So a
 * removed document's text is let go only when the index is next loaded.
 */
export function documentFiles(records: () => readonly DocumentRecord[]): DataFile[] {
  let made: readonly DocumentRecord[] | undefined;
  const all = () => (made ??= records());
  return [
    { name: INDEX_FILES.texts, data: () => Buffer.from(all().map((r) => r.text).join(''), 'utf16le') },
    { name: INDEX_FILES.documents, data: () => `[${all().map((r) => r.json).join(',')}]` },
  ];
}

/** The documents stored in {@link documentFiles}' two files. */
export function decodeDocuments(texts: Buffer, documents: Buffer): Document[] {
  const all = texts.toString('utf16le');
  let at = 0;
  const decoded = (JSON.parse(documents.toString('utf8')) as StoredDocument[]).map(({ textLength, ...document }) => {
    const text = all.slice(at, at + textLength);
    at += textLength;
    return { ...document, text };
  });
  if (at !== all.length) throw new Error(`${INDEX_FILES.documents} accounts for ${at} characters of text, but ${INDEX_FILES.texts} holds ${all.length}.`);
  return decoded;
}

/** The documents of a committed index, stored in either layout (see {@link FORMAT_4_DOCUMENTS_FILE}). */
export function readDocuments(index: { manifest: Pick<LoadedIndex<unknown>['manifest'], 'files'>; read(name: string): Buffer }): Document[] {
  if (FORMAT_4_DOCUMENTS_FILE in index.manifest.files) return JSON.parse(index.read(FORMAT_4_DOCUMENTS_FILE).toString('utf16le')) as Document[];
  return decodeDocuments(index.read(INDEX_FILES.texts), index.read(INDEX_FILES.documents));
}

/** A chunk as stored: its text is `documents[docId].text.slice(start, end)`, so it is not stored twice. */
export type StoredChunk = Omit<Chunk, 'text'>;

/** The chunk table as stored, by ordinal; `null` marks a removed chunk whose ordinal is not reused. */
export type StoredChunks = Array<StoredChunk | null>;

/** The chunk table as stored: offsets only, holes as `null`. */
export function storeChunks(chunks: ReadonlyArray<Chunk | undefined>): StoredChunks {
  return chunks.map((chunk) => (chunk ? { chunkId: chunk.chunkId, docId: chunk.docId, start: chunk.start, end: chunk.end } : null));
}

/** A stored chunk with its text taken back from its document. */
export function restoreChunk(stored: StoredChunk, doc: Document): Chunk {
  // Field by field: copied with a spread, the 100k chunks of a large index took three times as long to restore.
  const { chunkId, docId, start, end } = stored;
  return { chunkId, docId, start, end, text: doc.text.slice(start, end) };
}

/** The chunk table of an index from its stored form (`chunks.json`): holes and chunks of unknown documents stay empty. */
export function restoreChunks(bytes: Buffer, documents: ReadonlyMap<string, Document>): Array<Chunk | undefined> {
  return (JSON.parse(bytes.toString('utf8')) as StoredChunks).map((stored) => {
    const doc = stored && documents.get(stored.docId);
    return stored && doc ? restoreChunk(stored, doc) : undefined;
  });
}

export const indexMetaSchema = z.object({
  documents: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  /** sha256 of each document's raw file, by docId: unchanged documents are not processed again. */
  documentHashes: z.record(z.string(), z.string()),
  model: z.object({
    id: z.string(),
    dims: z.number().int().positive(),
    /** Whether the model's files are part of this index (the collection's own static model). */
    builtIn: z.boolean(),
    /** Identifies the exact model; vectors from another fingerprint are not mixed in. */
    fingerprint: z.string(),
  }),
  /** sha256 of the glossary files the model and expansions were built with. */
  glossaryHash: z.string(),
  /** Identifies the chunking settings the chunks were cut with. */
  chunking: z.string(),
  /** `ANALYZER_VERSION` of the postings; indexes written before it was recorded hold version 1. */
  analyzer: z.number().int().positive().default(1),
});

/** What the manifest records about a built index, beside its files. */
export type IndexMeta = z.infer<typeof indexMetaSchema>;

/** What an index's metadata says of how it was built (model, glossary, chunking, analysis), whatever its content. */
export type IndexSettings = Omit<IndexMeta, 'documents' | 'chunks' | 'documentHashes'>;

/** The settings of an index's metadata, without what its content makes of it. */
export function settingsOf(meta: IndexMeta): IndexSettings {
  const { model, glossaryHash, chunking, analyzer } = meta;
  return { model, glossaryHash, chunking, analyzer };
}

/** The counts and document hashes of an index's metadata, for its documents and its chunk table (holes uncounted). */
export function contentMeta(documents: readonly Document[], chunks: ReadonlyArray<Chunk | undefined>): Pick<IndexMeta, 'documents' | 'chunks' | 'documentHashes'> {
  return {
    documents: documents.length,
    chunks: chunks.filter(Boolean).length,
    documentHashes: Object.fromEntries(documents.map((d) => [d.docId, d.hash])),
  };
}

const storedChunkingSchema = z.object({
  minChars: z.number().int().positive().optional(),
  maxChars: z.number().int().positive().optional(),
  overlapMaxChars: z.number().int().nonnegative().optional(),
});

/** The chunking options an index was cut with, so that a document added to it later is cut the same way. */
export function chunkOptionsOf(meta: IndexMeta): ChunkOptions {
  const { minChars, maxChars, overlapMaxChars } = storedChunkingSchema.parse(JSON.parse(meta.chunking));
  return { ...(minChars !== undefined && { minChars }), ...(maxChars !== undefined && { maxChars }), ...(overlapMaxChars !== undefined && { overlapMaxChars }) };
}

/** Everything an index holds, in memory, ready to be committed. */
export interface IndexContent {
  documents: readonly Document[];
  chunks: StoredChunks;
  postings: Postings;
  /** The HNSW graph as `VectorIndex.toBytes()` gives it. */
  vectors: GraphBytes;
  /** The model's files (new data, or kept from the committed index); none for a pretrained model. */
  model: readonly IndexFile[];
}

/** The files of an index generation; the large ones are serialised only when their turn to be written comes. */
export function indexFiles(content: IndexContent): IndexFile[] {
  return [
    ...documentFiles(() => content.documents.map(documentRecord)),
    { name: INDEX_FILES.chunks, data: () => JSON.stringify(content.chunks) },
    { name: INDEX_FILES.postings, data: () => encodePostings(content.postings) },
    ...graphFiles(content.vectors),
    ...content.model,
  ];
}

/** The files of the HNSW graph. */
export function graphFiles({ header, graph }: GraphBytes): IndexFile[] {
  return [
    { name: INDEX_FILES.graph, data: graph },
    { name: INDEX_FILES.graphHeader, data: JSON.stringify(header) },
  ];
}

/** Path of a file of the collection's own model inside the index. */
export function modelFileName(modelId: string, file: string): string {
  return `${INDEX_FILES.models}/${modelId}/${file}`;
}

/** The model files of the committed index, carried over unchanged into the next generation. */
export function keptModelFiles(model: IndexMeta['model']): IndexFile[] {
  return model.builtIn ? MODEL_FILES.map((file) => ({ name: modelFileName(model.id, file), keep: true as const })) : [];
}

/** Ordinals of each document's chunks in a chunk table with holes. */
export function chunkOrdinalsByDocument(chunks: ReadonlyArray<{ docId: string } | null | undefined>): Map<string, number[]> {
  const byDoc = new Map<string, number[]>();
  chunks.forEach((chunk, ordinal) => {
    if (!chunk) return;
    const list = byDoc.get(chunk.docId);
    if (list) list.push(ordinal);
    else byDoc.set(chunk.docId, [ordinal]);
  });
  return byDoc;
}
