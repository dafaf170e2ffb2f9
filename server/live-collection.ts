import { existsSync } from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildIfMissing, type BuildHooks } from '../index/build-if-missing.ts';
import { removeStagingFolders } from '../index/build.ts';
import type { IndexConfig } from '../index/config.ts';
import { indexMetaSchema, type IndexMeta } from '../index/layout.ts';
import { DOCUMENT_EXTENSIONS } from '../index/load/index.ts';
import { recordPendingAdd, settleAgainstCommittedIndex, settlePendingAdds } from '../index/pending-adds.ts';
import { replaceFileAtomically, syncDirectory } from '../index/store/durable-fs.ts';
import { IndexStore } from '../index/store/index-store.ts';
import { currentWriter, describeHolder, tryAcquireWriter, type IndexWriter } from '../index/store/writer-lock.ts';
import type { Document } from '../index/types.ts';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { AnswerEngine, type AnswerEngineOptions } from '../retrieval/answer-engine.ts';
import { LiveIndex } from '../retrieval/live-index.ts';
import type { Answer, AskRequest, DocumentDetail, DocumentSummary } from '../contract/api.ts';
import {
  ServiceError,
  type AddedDocument,
  type CollectionStats,
  type NewDocument,
  type SeogiService,
} from './service.ts';
import { DocumentFiles } from './document-files.ts';
import { documentExists, documentFile, isRetry, readRefusal, summaryOf } from './document-intake.ts';
import { asServiceError, STORAGE_ADVICE, storageProblem } from './storage-errors.ts';

/** Options of {@link LiveCollection}. */
export interface LiveCollectionOptions {
  engine?: AnswerEngineOptions;
  /**
   * How often, in ms, a server that is not the index's writer looks for a newer committed index (swapping it in) and
   * for the writer's lock coming free (taking it). Default 1000.
   */
  followMs?: number;
  /** Receives what the server should log: a newer index swapped in, the writer's lock taken. Default none. */
  onNotice?: (message: string) => void;
}

/**
 * The collection as the server sees it: answers questions and takes documents in and out while serving. Every change
 * is written to `DOCS_DIR` and committed to the index on disk before it is acknowledged, then swapped in for the
 * questions that follow; changes run one at a time.
 *
 * Only the index's writer (see index/store/writer-lock.ts) changes it. A server that starts while another process is
 * the writer (`npm run index`, another server) serves the committed index, refuses changes with `INDEX_BUSY`, swaps
 * in each index the writer commits, and becomes the writer once the lock is free. The writer too swaps in an index
 * it finds committed by someone else before it changes anything, so no change is made from an outdated copy.
 *
 * @example
 * const live = await openLiveCollection(readIndexConfig());
 * await live.addDocument({ id: 'faq', title: 'FAQ', text: '대출 금리는 연 3%입니다.' });
 * (await live.ask({ question: '대출 금리는?' })).citations[0].docId; // 'faq'
 */
export class LiveCollection implements SeogiService {
  private readonly engine: AnswerEngine;
  private readonly store: IndexStore<IndexMeta>;
  private changes: Promise<unknown> = Promise.resolve();
  private readonly follower: NodeJS.Timeout | undefined;
  private readonly files: DocumentFiles;
  /** Why the last change failed, when the machine's storage was to blame; cleared by a change that succeeds. */
  private storageFailure: string | undefined;

  constructor(
    private readonly config: IndexConfig,
    private index: LiveIndex,
    private writer: IndexWriter | undefined,
    private readonly label: string,
    private readonly options: LiveCollectionOptions = {},
  ) {
    this.engine = new AnswerEngine(() => this.index.view, loadGlossary(config.glossaryPaths), options.engine);
    this.store = new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema });
    this.files = new DocumentFiles(config.docsDir);
    if (!writer) {
      this.follower = setInterval(() => void this.serially(() => this.follow()).catch(() => {}), options.followMs ?? DEFAULT_FOLLOW_MS);
      this.follower.unref();
    }
  }

  ask(request: AskRequest): Promise<Answer> {
    return this.engine.ask(request);
  }

  stats(): CollectionStats {
    const { meta, generation } = this.index.view;
    const readOnly = this.readOnlyReason();
    return {
      documents: meta.documents,
      chunks: meta.chunks,
      model: meta.model.id,
      generation,
      writable: readOnly === undefined,
      ...(readOnly !== undefined && { readOnly }),
    };
  }

  /** Why documents can't be changed here now, or undefined when they can. */
  private readOnlyReason(): string | undefined {
    if (!this.writer) {
      const holder = currentWriter(this.config.indexDir);
      return `${holder ? describeHolder(holder) : 'another process'} is writing the index`;
    }
    return storageProblem(this.config.indexDir, this.config.docsDir) ?? this.storageFailure;
  }

  /** Stops following the index and gives up being its writer; questions already asked still finish. */
  async close(): Promise<void> {
    clearInterval(this.follower);
    await this.changes;
    await this.index.close();
    this.writer?.release();
    this.writer = undefined;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const view = this.index.view;
    const documents = [...view.documents.values()];
    const facts = await this.files.factsOf(documents);
    return documents.map((doc) => summaryOf(doc, view, facts.get(doc.docId))).sort((a, b) => a.id.localeCompare(b.id));
  }

  async getDocument(id: string): Promise<DocumentDetail | undefined> {
    const doc = this.index.view.documents.get(id);
    return doc && { ...(await this.summary(doc)), text: doc.text };
  }

  addDocument(input: NewDocument): Promise<AddedDocument> {
    return this.change(() => this.add(input));
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.change(() => this.remove(id));
  }

  /** Runs a change after the others, as the index's writer; a failure of the machine's storage becomes a refusal. */
  private change<T>(run: () => Promise<T>): Promise<T> {
    return this.serially(async () => {
      try {
        await this.becomeWriter();
        // A change would make a deleted INDEX_DIR again, holding only itself: say what is wrong instead.
        const problem = storageProblem(this.config.indexDir, this.config.docsDir);
        if (problem) throw new ServiceError('STORAGE_UNAVAILABLE', `${problem}; nothing was changed. ${STORAGE_ADVICE}`);
        const done = await run();
        this.storageFailure = undefined;
        return done;
      } catch (error) {
        const refusal = asServiceError(readRefusal(error));
        // A full disk shows only when written to: until a change gets through, documents can't be changed here.
        if (refusal instanceof ServiceError && (refusal.code === 'DISK_FULL' || refusal.code === 'STORAGE_UNAVAILABLE')) {
          this.storageFailure = `the last change failed: ${refusal.message}`;
        }
        throw refusal;
      }
    });
  }

  /**
   * Makes sure this server is the index's writer and holds the index last committed, before a change: a change made
   * from an older copy would drop what another writer committed since.
   * @throws ServiceError `INDEX_BUSY` while another process is the writer
   */
  private async becomeWriter(): Promise<void> {
    if (!(await this.takeWriterLock())) {
      const holder = currentWriter(this.config.indexDir);
      throw new ServiceError(
        'INDEX_BUSY',
        `${holder ? describeHolder(holder) : 'Another process'} is writing the index; documents can be changed here once it has finished. Try again later.`,
      );
    }
    await this.catchUp();
  }

  /**
   * Becomes the index's writer when no other process is, settling the adds a crashed writer left (see
   * index/pending-adds.ts); whether this server is the writer.
   */
  private async takeWriterLock(): Promise<boolean> {
    if (this.writer) return true;
    this.writer = tryAcquireWriter(this.config.indexDir, this.label);
    if (!this.writer) return false;
    clearInterval(this.follower);
    await this.catchUp();
    await settlePendingAdds(this.config.indexDir, this.config.docsDir, this.index.view.meta.documentHashes);
    await removeStagingFolders(this.config.indexDir);
    this.options.onNotice?.(`Now the writer of the index in ${this.config.indexDir}: documents can be changed here.`);
    return true;
  }

  /** Swaps in the committed index when it is newer than the one being served (another process committed it). */
  private async catchUp(): Promise<void> {
    const committed = this.store.currentGeneration();
    if (committed === undefined || committed === this.index.view.generation) return;
    const previous = this.index;
    this.index = await LiveIndex.open(this.config);
    await previous.close();
    this.options.onNotice?.(`Swapped in index generation ${committed}, committed by another process.`);
  }

  /** One turn of a server that is not the writer: take the lock when it is free, else swap in a newer index. */
  private async follow(): Promise<void> {
    if (!(await this.takeWriterLock())) await this.catchUp();
  }

  private async add(input: NewDocument): Promise<AddedDocument> {
    const { id, ...file } = documentFile(input);
    const existing = this.index.view.documents.get(id);
    if (!existing && this.existingFile(id)) throw documentExists(id);
    const prepared = await this.index.prepare(file);
    const doc = prepared.document;
    // A retry of an add whose answer was lost (a timeout) gets the document it added.
    if (isRetry(prepared, existing, this.index.view.documents.values())) return { document: await this.summary(existing!), created: false };

    const path = join(this.config.docsDir, file.relPath);
    const settle = await recordPendingAdd(this.config.indexDir, { id, file: file.relPath, hash: doc.hash });
    try {
      await mkdir(dirname(path), { recursive: true });
      await replaceFileAtomically(path, file.content);
      await this.index.add(prepared);
    } catch (error) {
      await unlink(path).catch(() => {});
      throw error;
    } finally {
      await settle();
    }
    return { document: await this.summary(doc), created: true };
  }

  /** Removes a document's file, then the document from the index; the file is put back when that fails. */
  private async remove(id: string): Promise<boolean> {
    if (!this.index.view.documents.has(id)) return false;
    const path = this.existingFile(id);
    const content = path ? await readFile(path) : undefined;
    if (path) {
      await unlink(path);
      await syncDirectory(dirname(path));
    }
    try {
      this.files.forget(id);
      return await this.index.remove(id);
    } catch (error) {
      if (path && content) await replaceFileAtomically(path, content);
      throw error;
    }
  }

  private existingFile(id: string): string | undefined {
    return DOCUMENT_EXTENSIONS.map((ext) => join(this.config.docsDir, `${id}${ext}`)).find((p) => existsSync(p));
  }

  private async summary(doc: Document): Promise<DocumentSummary> {
    const view = this.index.view;
    return summaryOf(doc, view, (await this.files.factsOf([doc])).get(doc.docId));
  }

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changes.then(change, change);
    this.changes = run.catch(() => undefined);
    return run;
  }
}


/** Default of {@link LiveCollectionOptions.followMs}. */
const DEFAULT_FOLLOW_MS = 1000;

/** Options of {@link openLiveCollection}. */
export interface OpenLiveCollectionOptions extends LiveCollectionOptions, BuildHooks {
  /** What this server is, for the messages of processes it keeps from writing the index. Default "a Seogi server". */
  label?: string;
}

/**
 * Opens the collection for serving. When no other process is the index's writer, this server becomes it: it finishes
 * adds a crash interrupted (see index/pending-adds.ts), removes what a killed build or commit left staged in
 * `INDEX_DIR`, and builds the index when there is none. Otherwise it serves the
 * committed index, following the writer (see {@link LiveCollection}); when there is no index yet, it waits for the
 * writer to build it.
 * @throws IndexStoreError when the index exists but can't be used (see `loadCollection`).
 */
export async function openLiveCollection(config: IndexConfig, options: OpenLiveCollectionOptions = {}): Promise<LiveCollection> {
  const label = options.label ?? 'a Seogi server';
  const store = new IndexStore({ dir: config.indexDir, metaSchema: indexMetaSchema });
  let writer = tryAcquireWriter(config.indexDir, label);
  for (let waited = false; !writer && !store.exists(); waited = true) {
    const holder = currentWriter(config.indexDir);
    if (!waited) options.onNotice?.(`${holder ? describeHolder(holder) : 'Another process'} is building the index in ${config.indexDir}: waiting for it.`);
    await sleep(options.followMs ?? DEFAULT_FOLLOW_MS);
    writer = tryAcquireWriter(config.indexDir, label);
  }
  if (!writer) {
    const holder = currentWriter(config.indexDir);
    options.onNotice?.(`${holder ? describeHolder(holder) : 'Another process'} is writing the index: serving it read-only until it has finished.`);
  }
  try {
    if (writer) {
      await settleAgainstCommittedIndex(config.indexDir, config.docsDir);
      // What a killed build or commit was staging (a model of tens of MB) is of no use to anyone now.
      await removeStagingFolders(config.indexDir);
    }
    await buildIfMissing(config, options, writer);
    return new LiveCollection(config, await LiveIndex.open(config), writer, label, options);
  } catch (error) {
    writer?.release();
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

