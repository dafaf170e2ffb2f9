import { existsSync } from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import matter from 'gray-matter';
import { chunkDocument, type ChunkOptions } from '../index/chunk.ts';
import type { IndexConfig } from '../index/config.ts';
import {
  chunkOrdinalsByDocument,
  indexFiles,
  indexMetaSchema,
  keptModelFiles,
  storeChunks,
  type IndexMeta,
} from '../index/layout.ts';
import { DOCUMENT_EXTENSIONS, toDocument } from '../index/load/index.ts';
import { buildPostings, termFrequencies } from '../index/postings.ts';
import { replaceFileAtomically, syncDirectory } from '../index/store/durable-fs.ts';
import { IndexStore } from '../index/store/index-store.ts';
import type { Chunk, Document } from '../index/types.ts';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { AnswerEngine, type AnswerEngineOptions, type AskRequest } from '../retrieval/answer-engine.ts';
import type { Collection } from '../retrieval/collection.ts';
import type { LoadedCollection } from '../retrieval/load-collection.ts';
import { openCollection } from '../retrieval/open-collection.ts';
import type { Answer } from '../retrieval/types.ts';
import {
  ServiceError,
  type CollectionStats,
  type DocumentDetail,
  type DocumentSummary,
  type NewDocument,
  type SeogiService,
} from './service.ts';

/** A valid document id: letters (any script), digits, `_`, `-`, `.`, not starting with a dot; at most 100 characters. */
export const DOCUMENT_ID = /^(?!\.)[\p{L}\p{N}_.-]{1,100}$/u;

/** One consistent view of the collection; replaced whole on every change, so a question sees one view throughout. */
interface Snapshot extends Collection {
  documents: Map<string, Document>;
  chunks: Array<Chunk | undefined>;
  /** Ordinals of each document's chunks. */
  chunksOf: Map<string, number[]>;
  meta: IndexMeta;
  generation: string;
}

/**
 * The collection as the server sees it: answers questions and takes documents in and out while serving. Every change
 * is written to `DOCS_DIR` and committed to the index on disk before it is acknowledged, then swapped in for the
 * questions that follow; changes run one at a time.
 *
 * @example
 * const live = await openLiveCollection(readIndexConfig());
 * await live.addDocument({ id: 'faq', title: 'FAQ', text: '대출 금리는 연 3%입니다.' });
 * (await live.ask({ question: '대출 금리는?' })).citations[0].docId; // 'faq'
 */
export class LiveCollection implements SeogiService {
  private snapshot: Snapshot;
  private readonly engine: AnswerEngine;
  private readonly store: IndexStore<IndexMeta>;
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: IndexConfig,
    private readonly loaded: LoadedCollection,
    engineOptions: AnswerEngineOptions = {},
  ) {
    const { collection, meta, generation } = loaded;
    this.snapshot = {
      ...collection,
      documents: new Map(collection.documents),
      chunks: [...collection.chunks],
      chunksOf: chunkOrdinalsByDocument(collection.chunks),
      meta,
      generation,
    };
    this.engine = new AnswerEngine(() => this.snapshot, loadGlossary(config.glossaryPaths), engineOptions);
    this.store = new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema });
  }

  ask(request: AskRequest): Promise<Answer> {
    return this.engine.ask(request);
  }

  stats(): CollectionStats {
    const { meta, generation } = this.snapshot;
    return { documents: meta.documents, chunks: meta.chunks, model: meta.model.id, generation };
  }

  listDocuments(): DocumentSummary[] {
    return [...this.snapshot.documents.values()].map((doc) => this.summary(doc)).sort((a, b) => a.id.localeCompare(b.id));
  }

  getDocument(id: string): DocumentDetail | undefined {
    const doc = this.snapshot.documents.get(id);
    return doc && { ...this.summary(doc), text: doc.text };
  }

  addDocument(input: NewDocument): Promise<DocumentSummary> {
    return this.serially(() => this.add(input));
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.serially(() => this.remove(id));
  }

  private async add(input: NewDocument): Promise<DocumentSummary> {
    const file = documentFile(input);
    const id = file.relPath.slice(0, -extname(file.relPath).length);
    if (this.snapshot.documents.has(id) || this.existingFile(id)) {
      throw new ServiceError('DOCUMENT_EXISTS', `A document with id "${id}" already exists; delete it first or choose another id.`);
    }
    const doc = toDocument(file);
    if (doc.text.trim() === '') throw new ServiceError('DOCUMENT_EMPTY', 'Nothing is left of this document after cleaning: it has no text to index.');
    const chunks = chunkDocument(doc, JSON.parse(this.snapshot.meta.chunking) as ChunkOptions);
    const vectors = await this.loaded.embedder.embed(chunks.map((c) => c.text), 'passage');

    const path = join(this.config.docsDir, file.relPath);
    await mkdir(dirname(path), { recursive: true });
    await replaceFileAtomically(path, file.content);
    const base = this.snapshot.chunks.length;
    const ordinals = chunks.map((_, i) => base + i);
    this.snapshot.lexical.add(buildPostings(chunks), base);
    vectors.forEach((vector, i) => this.loaded.vectors.add(vector, base + i));
    const next = this.next({
      documents: new Map(this.snapshot.documents).set(id, doc),
      chunks: [...this.snapshot.chunks, ...chunks],
      chunksOf: new Map(this.snapshot.chunksOf).set(id, ordinals),
    });
    try {
      await this.commit(next);
    } catch (error) {
      this.snapshot.lexical.remove(ordinals, (o) => termFrequencies((chunks[o - base] as Chunk).text).keys());
      ordinals.forEach((o) => this.loaded.vectors.markDelete(o));
      await unlink(path).catch(() => {});
      throw error;
    }
    return this.summary(doc);
  }

  private async remove(id: string): Promise<boolean> {
    const doc = this.snapshot.documents.get(id);
    if (!doc) return false;
    const path = this.existingFile(id);
    const content = path ? await readFile(path) : undefined;
    if (path) {
      await unlink(path);
      await syncDirectory(dirname(path));
    }
    const ordinals = this.snapshot.chunksOf.get(id) ?? [];
    const removed = ordinals.map((o) => ({ ordinal: o, chunk: this.snapshot.chunks[o] as Chunk, vector: this.loaded.vectors.vector(o) }));
    this.snapshot.lexical.remove(ordinals, (o) => termFrequencies(this.snapshot.chunks[o]?.text ?? '').keys());
    ordinals.forEach((o) => this.loaded.vectors.markDelete(o));
    const documents = new Map(this.snapshot.documents);
    documents.delete(id);
    const chunks = [...this.snapshot.chunks];
    for (const o of ordinals) chunks[o] = undefined;
    const chunksOf = new Map(this.snapshot.chunksOf);
    chunksOf.delete(id);
    const next = this.next({ documents, chunks, chunksOf });
    try {
      await this.commit(next);
    } catch (error) {
      for (const { ordinal, chunk, vector } of removed) {
        this.snapshot.lexical.add(buildPostings([chunk]), ordinal);
        if (vector) this.loaded.vectors.add(vector, ordinal);
      }
      if (path && content) await replaceFileAtomically(path, content);
      throw error;
    }
    return true;
  }

  /** A snapshot with the given parts replaced and the metadata recounted. */
  private next(parts: Pick<Snapshot, 'documents' | 'chunks' | 'chunksOf'>): Snapshot {
    const docs = [...parts.documents.values()];
    const meta: IndexMeta = {
      ...this.snapshot.meta,
      documents: docs.length,
      chunks: parts.chunks.filter(Boolean).length,
      documentHashes: Object.fromEntries(docs.map((d) => [d.docId, d.hash])),
    };
    return { ...this.snapshot, ...parts, meta };
  }

  /** Writes `next` as a new index generation, then makes it the view new questions see. */
  private async commit(next: Snapshot): Promise<void> {
    const manifest = await this.store.commit(
      indexFiles({
        documents: [...next.documents.values()],
        chunks: storeChunks(next.chunks),
        postings: next.lexical.toPostings(),
        vectors: this.loaded.vectors.toBuffer(),
        model: keptModelFiles(next.meta.model),
      }),
      next.meta,
    );
    this.snapshot = { ...next, generation: manifest.generation };
  }

  private existingFile(id: string): string | undefined {
    return DOCUMENT_EXTENSIONS.map((ext) => join(this.config.docsDir, `${id}${ext}`)).find((p) => existsSync(p));
  }

  private summary(doc: Document): DocumentSummary {
    return {
      id: doc.docId,
      title: doc.title,
      source: doc.source ?? null,
      date: doc.date ?? null,
      chunks: this.snapshot.chunksOf.get(doc.docId)?.length ?? 0,
    };
  }

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changes.then(change, change);
    this.changes = run.catch(() => undefined);
    return run;
  }
}

/**
 * Opens the collection for serving, building the index first when there is none.
 * @throws IndexStoreError when the index exists but can't be used (see `loadCollection`).
 */
export async function openLiveCollection(
  config: IndexConfig,
  hooks: Parameters<typeof openCollection>[1] = {},
  engineOptions: AnswerEngineOptions = {},
): Promise<LiveCollection> {
  return new LiveCollection(config, await openCollection(config, hooks), engineOptions);
}

/** The file a new document is stored as in DOCS_DIR: the loader reads it back into the same document. */
function documentFile(input: NewDocument): { relPath: string; content: string } {
  const body = input.html ?? input.text;
  if (body === undefined || body.trim() === '') throw new ServiceError('INVALID_DOCUMENT', 'Give the document as "text" or "html" (or upload a file).');
  const uploadExt = input.filename ? extname(input.filename).toLowerCase() : '';
  if (input.filename && !DOCUMENT_EXTENSIONS.includes(uploadExt)) {
    throw new ServiceError('INVALID_DOCUMENT', `Only ${DOCUMENT_EXTENSIONS.join(', ')} files can be added, not "${input.filename}".`);
  }
  const ext = uploadExt || (input.html !== undefined ? '.html' : '.md');
  const id = input.id ?? idFrom(input, body);
  if (!DOCUMENT_ID.test(id)) {
    throw new ServiceError('INVALID_DOCUMENT', `Invalid document id "${id}": use letters, digits, "_", "-" and "." (at most 100), not starting with ".".`);
  }
  const front = Object.fromEntries(Object.entries({ title: input.title, source: input.source }).filter(([, v]) => v !== undefined));
  const content = Object.keys(front).length > 0 ? matter.stringify(body, front) : body;
  return { relPath: `${id}${ext}`, content };
}

/** An id from the uploaded file's name, else the title, else the content's hash. */
function idFrom(input: NewDocument, body: string): string {
  const fromName = input.filename?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const fromTitle = input.title?.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}_.-]/gu, '').slice(0, 60);
  const candidate = fromName || fromTitle;
  return candidate && DOCUMENT_ID.test(candidate) ? candidate : `doc-${createHash('sha256').update(body).digest('hex').slice(0, 12)}`;
}

