import type { Answer, AskRequest, DocumentDetail, DocumentSummary } from '../contract/api.ts';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { buildIfMissing, type BuildHooks } from '../index/build-if-missing.ts';
import type { IndexConfig } from '../index/config.ts';
import { CollectionDb, DocumentExistsError, DuplicateContentError } from '../index/pg/collection-db.ts';
import { importIndex } from '../index/pg/import-index.ts';
import type { Document } from '../index/types.ts';
import { AnswerEngine, type AnswerEngineOptions } from '../retrieval/answer-engine.ts';
import { SharedIndex } from '../retrieval/shared-index.ts';
import { documentExists, documentFile, duplicateContent, isRetry, readRefusal, summaryOf } from './document-intake.ts';
import { ServiceError, type AddedDocument, type CollectionStats, type NewDocument, type SeogiService } from './service.ts';

/** Options of {@link openSharedCollection}. */
export interface SharedCollectionOptions extends BuildHooks {
  engine?: AnswerEngineOptions;
  /** How often, in ms, the database is checked for changes this server was not told of. Default 1000. */
  pollMs?: number;
}

/**
 * The collection as one of several servers sees it when it lives in PostgreSQL (`DATABASE_URL`): answers from its
 * own copy in memory, which follows the database's change log; a change is committed to the database in one
 * transaction, applied here, then acknowledged. Questions keep being answered while the database can't be reached;
 * changes are then refused with `STORE_UNAVAILABLE`.
 */
export class SharedCollection implements SeogiService {
  readonly #engine: AnswerEngine;
  #changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly shared: SharedIndex,
    private readonly db: CollectionDb,
    config: Pick<IndexConfig, 'glossaryPaths'>,
    options: Pick<SharedCollectionOptions, 'engine'> = {},
  ) {
    this.#engine = new AnswerEngine(() => this.shared.view, loadGlossary(config.glossaryPaths), options.engine);
  }

  ask(request: AskRequest): Promise<Answer> {
    return this.#engine.ask(request);
  }

  stats(): CollectionStats {
    const { meta } = this.shared.view;
    const unavailable = this.shared.unavailable;
    return {
      documents: meta.documents,
      chunks: meta.chunks,
      model: meta.model.id,
      generation: String(this.shared.applied),
      writable: unavailable === undefined,
      ...(unavailable !== undefined && { readOnly: `the database can't be reached (${unavailable})` }),
    };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const view = this.shared.view;
    return [...view.documents.values()].map((doc) => this.#summary(doc)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async getDocument(id: string): Promise<DocumentDetail | undefined> {
    const doc = this.shared.view.documents.get(id);
    return doc && { ...this.#summary(doc), text: doc.text };
  }

  addDocument(input: NewDocument): Promise<AddedDocument> {
    return this.#serially(async () => {
      const { id, ...file } = documentFile(input);
      const prepared = await this.shared.prepare(file).catch((error: unknown) => {
        throw readRefusal(error);
      });
      const existing = this.shared.view.documents.get(id);
      if (isRetry(prepared, existing, this.shared.view.documents.values())) return { document: this.#summary(existing!), created: false };
      try {
        const outcome = await this.shared.add(prepared);
        const added = this.shared.view.documents.get(id) ?? prepared.document;
        return { document: this.#summary(added), created: outcome.created };
      } catch (error) {
        if (error instanceof DocumentExistsError) throw documentExists(id);
        // Another server added the same text under another id since this one last caught up.
        if (error instanceof DuplicateContentError) throw duplicateContent(error.existing);
        throw storeRefusal(error);
      }
    });
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.#serially(async () => {
      try {
        return await this.shared.remove(id);
      } catch (error) {
        throw storeRefusal(error);
      }
    });
  }

  /** Stops following the database and closes its connections; questions already asked still finish. */
  async close(): Promise<void> {
    await this.#changes;
    await this.shared.close();
    await this.db.close();
  }

  #summary(doc: Document): DocumentSummary {
    // The database keeps no file: the size and time are those of a file in DOCS_DIR.
    return summaryOf(doc, this.shared.view, undefined);
  }

  #serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#changes.then(change, change);
    this.#changes = run.catch(() => undefined);
    return run;
  }
}

/** A failure of the database during a change, as the refusal the API answers with; other errors pass. */
function storeRefusal(error: unknown): unknown {
  if (error instanceof ServiceError) return error;
  const code = (error as { code?: unknown }).code;
  // Connection refused or reset, or the server shutting down (PostgreSQL's class 57 and 08 errors).
  // Connection refused, reset or unreachable; the server shutting down or a statement cancelled by a timeout (57…),
  // the connection failing (08…), a lock not granted in time (55P03), a read-only standby (25006), too many clients.
  if (
    typeof code === 'string' &&
    (/^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)/.test(code) || /^(08|57)/.test(code) || ['55P03', '25006', '53300'].includes(code))
  ) {
    return new ServiceError('STORE_UNAVAILABLE', `The database can't be reached (${(error as Error).message}); nothing was changed. Try again shortly.`);
  }
  if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect|Query read timeout/i.test(error.message)) {
    return new ServiceError('STORE_UNAVAILABLE', `The database can't be reached (${error.message}); nothing was changed. Try again shortly.`);
  }
  return error;
}

/**
 * Opens the collection kept in the database at `url` for serving. A database without a collection is filled first
 * from the index in INDEX_DIR, which is built from DOCS_DIR when there is none (as `npm start` does on one machine).
 */
export async function openSharedCollection(config: IndexConfig, url: string, options: SharedCollectionOptions = {}): Promise<SharedCollection> {
  const db = await CollectionDb.open(url);
  try {
    // An import cut short (a kill, the database lost) is finished at the next start: imports skip what is there.
    if (!(await db.filled())) {
      options.onNotice?.(`The database holds no documents yet: filling it from ${config.indexDir}.`);
      await buildIfMissing(config, options);
      await importIndex(config.indexDir, db);
    }
    const shared = await SharedIndex.open(db, config, { ...(options.pollMs !== undefined && { pollMs: options.pollMs }), ...(options.onNotice && { onNotice: options.onNotice }) });
    return new SharedCollection(shared, db, config, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}
