import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IndexConfig } from '../index/config.ts';
import { createEmbedder, type Embedder } from '../index/embed/embedder.ts';
import { createStaticEmbedder } from '../index/embed/static-model/load.ts';
import type { IndexSettings } from '../index/layout.ts';
import type { AddOutcome, CollectionDb } from '../index/pg/collection-db.ts';
import type { PreparedDocument } from '../index/prepare/prepare-document.ts';
import type { SourceFile } from '../index/types.ts';
import { replaceFileAtomically } from '../index/store/durable-fs.ts';
import { LiveIndex, type CollectionView } from './live-index.ts';

/** What a shared index needs of the configuration: where to keep the model it reads from the database, and models. */
export type SharedIndexConfig = Pick<IndexConfig, 'indexDir' | 'modelsDir' | 'allowRemoteModels' | 'hnsw'>;

/** Options of {@link SharedIndex.open}. */
export interface SharedIndexOptions {
  /**
   * How often, in ms, the database's last change is checked, in case an announcement was missed (the connection
   * broke). Default 1000.
   */
  pollMs?: number;
  /** Receives what the server should log: the database lost or back. Default none. */
  onNotice?: (message: string) => void;
}

const DEFAULT_POLL_MS = 1000;

/**
 * A collection kept in PostgreSQL, held in memory by one of several servers: loaded from the database, then kept
 * current by applying the database's change log in order, as soon as a change is announced and, as a safety net, at
 * every poll. A change made here is committed to the database, then applied here before it is acknowledged, so the
 * writer reads its own writes; the other servers apply it when they hear of it.
 */
export class SharedIndex {
  readonly #db: CollectionDb;
  readonly #index: LiveIndex;
  readonly #options: SharedIndexOptions;
  #applied: number;
  #applying: Promise<void> = Promise.resolve();
  #stopListening: (() => Promise<void>) | undefined;
  #poller: NodeJS.Timeout | undefined;
  #unavailable: string | undefined;
  #closed = false;
  /** Whether a poll is under way: a slow database must not pile them up (nor open a second listener). */
  #polling = false;
  /** Settles when the poll under way, if any, has ended. */
  #pollDone: Promise<void> = Promise.resolve();

  private constructor(db: CollectionDb, index: LiveIndex, applied: number, options: SharedIndexOptions) {
    this.#db = db;
    this.#index = index;
    this.#applied = applied;
    this.#options = options;
  }

  /**
   * Loads the database's collection and starts following its changes.
   * @throws Error when the database holds no collection yet (it is made by `npm run db:import` or `npm run index`)
   */
  static async open(db: CollectionDb, config: SharedIndexConfig, options: SharedIndexOptions = {}): Promise<SharedIndex> {
    const settings = await db.settings<IndexSettings>();
    if (!settings) throw new Error('The database holds no collection yet: fill it with `npm run db:import` or `npm run index` (with DATABASE_URL set).');
    const embedder = await embedderOf(db, settings, config);
    const { documents, seq } = await db.load();
    const index = LiveIndex.fromDocuments(documents, settings, embedder, String(seq), config.hnsw);
    const shared = new SharedIndex(db, index, seq, options);
    try {
      await shared.#listen();
      shared.#poller = setInterval(() => shared.#poll(), options.pollMs ?? DEFAULT_POLL_MS);
      shared.#poller.unref();
      // Changes committed between the load and the LISTEN were not announced to this server.
      await shared.catchUp();
    } catch (error) {
      // Nothing may hold a connection: the caller's closing the database waits for every one.
      await shared.close();
      throw error;
    }
    return shared;
  }

  /** The view questions asked from now on are answered from. */
  get view(): CollectionView {
    return this.#index.view;
  }

  /** Sequence number of the last change of the database applied here. */
  get applied(): number {
    return this.#applied;
  }

  /** Why the database can't be reached now, or undefined when it can. */
  get unavailable(): string | undefined {
    return this.#unavailable;
  }

  /** A file made ready to be added (see {@link LiveIndex.prepare}). */
  prepare(file: SourceFile): Promise<PreparedDocument> {
    return this.#index.prepare(file);
  }

  /**
   * Embeds a prepared document, commits it to the database with its log entry, and applies the log here up to it.
   * @throws DocumentExistsError when the id holds other content in the database
   */
  async add({ document, chunks }: PreparedDocument): Promise<AddOutcome> {
    const vectors = await this.#index.embed(chunks);
    const outcome = await this.#db.add(document, chunks, vectors);
    await this.#applyCommitted();
    return outcome;
  }

  /** Deletes a document from the database and applies the log here up to it; false when the database had none. */
  async remove(docId: string): Promise<boolean> {
    const seq = await this.#db.remove(docId);
    await this.#applyCommitted();
    return seq !== undefined;
  }

  /** Applies, in order, the changes committed to the database since the last one applied here. */
  catchUp(): Promise<void> {
    const run = this.#applying.then(() => this.#applyChanges());
    this.#applying = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies a change just committed here. The change is made whatever happens now: when the database is lost before
   * it is applied, the poll applies it once the database answers, and the caller is told it was made.
   */
  async #applyCommitted(): Promise<void> {
    await this.catchUp().catch(() => {});
  }

  /** Stops following the database; questions already asked still finish. The database is the caller's to close. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#poller);
    await this.#pollDone;
    await this.#stopListening?.();
    await this.#applying;
    await this.#index.close();
  }

  async #applyChanges(): Promise<void> {
    const changes = await this.#db.changesSince(this.#applied);
    for (const [i, change] of changes.entries()) {
      const generation = String(change.seq);
      const next = changes[i + 1];
      // A replace is logged as a delete and an add of the id: the add replaces the document in one view.
      const replacedByNext = change.kind === 'delete' && next?.kind === 'add' && next.added.document.docId === change.docId;
      if (change.kind === 'delete' && !replacedByNext) this.#index.applyRemoved(change.docId, generation);
      else if (change.kind === 'add') await this.#index.applyAdded(change.added, generation);
      this.#applied = change.seq;
    }
  }

  async #listen(): Promise<void> {
    const stop = await this.#db.listen(
      (seq) => {
        if (seq > this.#applied) void this.catchUp().catch(() => {});
      },
      () => {
        // The connection broke: the poll notices, and listens again once the database answers.
        if (this.#stopListening === stop) this.#stopListening = undefined;
      },
    );
    // Closed while the database was being asked: nobody else would give the connection back.
    if (this.#closed) await stop();
    else this.#stopListening = stop;
  }

  /** The safety net: catches up when a change was missed, and listens again after the database was lost. */
  #poll(): void {
    if (this.#closed || this.#polling) return;
    this.#pollDone = this.#pollOnce();
  }

  async #pollOnce(): Promise<void> {
    this.#polling = true;
    try {
      if (!this.#stopListening) await this.#listen();
      if ((await this.#db.lastSeq()) > this.#applied) await this.catchUp();
      if (this.#unavailable) this.#options.onNotice?.('The database answers again: caught up with its changes.');
      this.#unavailable = undefined;
    } catch (error) {
      if (!this.#unavailable) this.#options.onNotice?.(`The database can't be reached: ${(error as Error).message}. Answering from memory.`);
      this.#unavailable = (error as Error).message;
    } finally {
      this.#polling = false;
    }
  }
}

/** The embedder the collection's vectors were made with: its own model, read from the database, or a named one. */
async function embedderOf(db: CollectionDb, settings: IndexSettings, config: SharedIndexConfig): Promise<Embedder> {
  const { model } = settings;
  if (!model.builtIn) return createEmbedder({ model: model.id, modelsDir: config.modelsDir, allowRemote: config.allowRemoteModels });
  // The model's files are read by path: kept under INDEX_DIR, one folder per exact model, written once and whole, since
  // servers sharing the folder may be reading them.
  const modelsDir = join(config.indexDir, 'shared-models', model.fingerprint);
  for (const [name, bytes] of await db.modelFiles(model.id)) {
    const path = join(modelsDir, model.id, name);
    if ((await stat(path).catch(() => undefined))?.size === bytes.length) continue;
    await mkdir(dirname(path), { recursive: true });
    await replaceFileAtomically(path, bytes);
  }
  return createStaticEmbedder(modelsDir);
}
