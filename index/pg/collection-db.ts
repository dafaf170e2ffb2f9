import pg from 'pg';
import type { Chunk, Document } from '../types.ts';
import { describeDatabaseError } from './database-url.ts';
import { migrate } from './migrate.ts';

/** A document as the database holds it: with its chunks and their vectors, and the change that added it. */
export interface StoredDocument {
  document: Document;
  chunks: Chunk[];
  /** One vector per chunk, in the same order. */
  vectors: Float32Array[];
  /** Sequence number of the change that added it. */
  seq: number;
}

/** A change of the collection, in the order of the log. */
export type CollectionChange = { seq: number; kind: 'add'; added: StoredDocument } | { seq: number; kind: 'delete'; docId: string };

/** What an add did: the sequence number of its change, or the document already there when it was the same. */
export type AddOutcome = { created: true; seq: number } | { created: false; existing: Document };

/** Raised by {@link CollectionDb.add} when the id is taken by a document with other content. */
export class DocumentExistsError extends Error {
  override readonly name = 'DocumentExistsError';
  constructor(readonly docId: string) {
    super(`A document with id "${docId}" exists already, with other content.`);
  }
}

/** Raised by {@link CollectionDb.add} when another document has the same cleaned text. */
export class DuplicateContentError extends Error {
  override readonly name = 'DuplicateContentError';
  constructor(readonly existing: Pick<Document, 'docId' | 'title'>) {
    super(`The same text is in the collection already, as "${existing.docId}".`);
  }
}

/** The channel a committed change is announced on; the payload is its sequence number. */
export const CHANGES_CHANNEL = 'seogi_changes';
/** Any fixed number, other than the migration lock's: held by each change until it commits. */
const CHANGE_LOCK = 0x5e062;

interface DocumentRow {
  doc_id: string;
  added_seq: string;
  title: string;
  text: string;
  hash: string;
  fields: Omit<Document, 'docId' | 'title' | 'text' | 'hash'>;
}

interface ChunkRow {
  doc_id: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  vector: Buffer;
}

/**
 * A collection kept in PostgreSQL: documents with their chunks and vectors, the settings it was built with, the
 * built-in model's files, and a log of changes. Every change is one transaction that also appends to the log and
 * announces its sequence number on {@link CHANGES_CHANNEL}, so that servers holding the collection in memory can apply
 * the changes in order.
 */
export class CollectionDb {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * Connects to `url` (a `postgres://` URL) with a pool of `maxConnections`, and brings the schema up to date.
   * @throws Error when the database can't be reached or migrated
   */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<CollectionDb> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      // A database that goes silent (a host gone, not refusing) fails a connection after 5 s and a query after 30 s
      // instead of never; keepalives find a dead peer of an idle connection.
      connectionTimeoutMillis: 5000,
      query_timeout: 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // A server that dies holding the change lock mid-transaction gives it up after 30 s, and a change waits for the
      // lock at most 10 s.
      idle_in_transaction_session_timeout: 30_000,
      lock_timeout: 10_000,
    });
    // An idle connection that breaks (the database restarts) must not take the process down.
    pool.on('error', () => {});
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw new Error(describeDatabaseError(error), { cause: error });
    }
    return new CollectionDb(pool);
  }

  /** The settings the collection was built with, or undefined before its first build. */
  async settings<S>(): Promise<S | undefined> {
    const { rows } = await this.#pool.query<{ settings: S }>('SELECT settings FROM seogi_collection');
    return rows[0]?.settings;
  }

  /**
   * Records the collection's settings and its built-in model's files, unless a collection is there already.
   * @returns the settings in force: these, or the ones recorded before
   */
  async initialise<S>(settings: S, modelId: string, modelFiles: ReadonlyMap<string, Uint8Array>): Promise<S> {
    return this.#transaction(async (client) => {
      const inserted = await client.query('INSERT INTO seogi_collection (settings) VALUES ($1) ON CONFLICT DO NOTHING', [JSON.stringify(settings)]);
      if (inserted.rowCount === 0) {
        const { rows } = await client.query<{ settings: S }>('SELECT settings FROM seogi_collection');
        return rows[0]!.settings;
      }
      for (const [name, bytes] of modelFiles) {
        await client.query('INSERT INTO seogi_model_files (model_id, name, bytes) VALUES ($1, $2, $3)', [modelId, name, Buffer.from(bytes)]);
      }
      return settings;
    });
  }

  /** Whether an import has filled the collection (see {@link markFilled}); false before its first one has finished. */
  async filled(): Promise<boolean> {
    const { rows } = await this.#pool.query<{ filled: boolean }>('SELECT filled FROM seogi_collection');
    return rows[0]?.filled ?? false;
  }

  /** Records that an import has filled the collection. */
  async markFilled(): Promise<void> {
    await this.#pool.query('UPDATE seogi_collection SET filled = true');
  }

  /** The files of a model stored with the collection, by name (empty for a pretrained model). */
  async modelFiles(modelId: string): Promise<Map<string, Buffer>> {
    const { rows } = await this.#pool.query<{ name: string; bytes: Buffer }>('SELECT name, bytes FROM seogi_model_files WHERE model_id = $1', [modelId]);
    return new Map(rows.map((row) => [row.name, row.bytes]));
  }

  /** Every document, in the order they were added, and the sequence number of the last change they include. */
  async load(): Promise<{ documents: StoredDocument[]; seq: number }> {
    return this.#transaction(async (client) => {
      // One snapshot: the documents and the log position agree.
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const seq = await lastSeqOf(client);
      const docs = await client.query<DocumentRow>('SELECT doc_id, added_seq, title, text, hash, fields FROM seogi_documents ORDER BY added_seq');
      const chunks = await client.query<ChunkRow>('SELECT doc_id, ordinal, start_offset, end_offset, vector FROM seogi_chunks ORDER BY doc_id, ordinal');
      return { documents: assemble(docs.rows, chunks.rows), seq };
    });
  }

  /** The sequence number of the last change committed (0 when there is none). */
  async lastSeq(): Promise<number> {
    return lastSeqOf(this.#pool);
  }

  /**
   * The changes committed after `seq`, in order. An add whose document was deleted or replaced since is reported as
   * a delete of it: the later change says the rest.
   */
  async changesSince(seq: number): Promise<CollectionChange[]> {
    return this.#transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const log = await client.query<{ seq: string; kind: 'add' | 'delete'; doc_id: string }>(
        'SELECT seq, kind, doc_id FROM seogi_changes WHERE seq > $1 ORDER BY seq',
        [seq],
      );
      const addedSeqs = log.rows.filter((row) => row.kind === 'add').map((row) => row.seq);
      const docs = await client.query<DocumentRow>('SELECT doc_id, added_seq, title, text, hash, fields FROM seogi_documents WHERE added_seq = ANY($1::bigint[])', [addedSeqs]);
      const chunks = await client.query<ChunkRow>(
        'SELECT c.doc_id, c.ordinal, c.start_offset, c.end_offset, c.vector FROM seogi_chunks c JOIN seogi_documents d USING (doc_id) ' +
          'WHERE d.added_seq = ANY($1::bigint[]) ORDER BY c.doc_id, c.ordinal',
        [addedSeqs],
      );
      const added = new Map(assemble(docs.rows, chunks.rows).map((stored) => [stored.seq, stored]));
      return log.rows.map((row): CollectionChange => {
        const n = Number(row.seq);
        const stored = row.kind === 'add' ? added.get(n) : undefined;
        return stored ? { seq: n, kind: 'add', added: stored } : { seq: n, kind: 'delete', docId: row.doc_id };
      });
    });
  }

  /**
   * Adds a document with its chunks and vectors in one transaction with its log entry. An id already taken by the
   * same content (same hash) is not an error: the add was a retry.
   * @throws DocumentExistsError when the id holds a document with other content
   * @throws DuplicateContentError when another document has the same cleaned text
   */
  async add(document: Document, chunks: readonly Chunk[], vectors: readonly Float32Array[]): Promise<AddOutcome> {
    if (vectors.length !== chunks.length) throw new Error(`${chunks.length} chunks but ${vectors.length} vectors.`);
    try {
      const seq = await this.#change(async (client) => {
        const same = await client.query<{ doc_id: string; title: string }>(
          'SELECT doc_id, title FROM seogi_documents WHERE md5(text) = md5($1) AND text = $1 AND doc_id <> $2 LIMIT 1',
          [document.text, document.docId],
        );
        if (same.rows[0]) throw new DuplicateContentError({ docId: same.rows[0].doc_id, title: same.rows[0].title });
        const seq = await appendChange(client, 'add', document.docId);
        // Of two servers adding one id at once, the second takes the change lock once the first has committed: taken.
        if (!(await insertDocument(client, seq, document, chunks, vectors))) throw new IdTaken();
        return seq;
      });
      return { created: true, seq };
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
      const existing = await this.#document(document.docId);
      if (existing?.hash === document.hash) return { created: false, existing };
      throw new DocumentExistsError(document.docId);
    }
  }

  /**
   * Puts a document in place of the one its id holds, if any, in one transaction: a delete and an add in the log, so
   * that servers show either the old document or the new one. Nothing changes when the id holds the same content.
   * @returns what it did
   */
  async replace(document: Document, chunks: readonly Chunk[], vectors: readonly Float32Array[]): Promise<'added' | 'replaced' | 'unchanged'> {
    if (vectors.length !== chunks.length) throw new Error(`${chunks.length} chunks but ${vectors.length} vectors.`);
    return this.#change(async (client) => {
      // Under the change lock: no other change can come between this read and the writes.
      const { rows } = await client.query<{ hash: string }>('SELECT hash FROM seogi_documents WHERE doc_id = $1', [document.docId]);
      if (rows[0]?.hash === document.hash) return 'unchanged';
      if (rows[0]) {
        await client.query('DELETE FROM seogi_documents WHERE doc_id = $1', [document.docId]);
        await appendChange(client, 'delete', document.docId);
      }
      await insertDocument(client, await appendChange(client, 'add', document.docId), document, chunks, vectors);
      return rows[0] ? 'replaced' : 'added';
    });
  }

  /** The ids of the documents in the database. */
  async documentIds(): Promise<string[]> {
    const { rows } = await this.#pool.query<{ doc_id: string }>('SELECT doc_id FROM seogi_documents ORDER BY doc_id');
    return rows.map((row) => row.doc_id);
  }

  /** Deletes a document, its chunks and vectors, in one transaction with its log entry; undefined when there is none. */
  async remove(docId: string): Promise<number | undefined> {
    return this.#change(async (client) => {
      const deleted = await client.query('DELETE FROM seogi_documents WHERE doc_id = $1', [docId]);
      if (deleted.rowCount === 0) return undefined;
      return appendChange(client, 'delete', docId);
    });
  }

  /**
   * Calls `onChange` with the sequence number of each change committed from now on, by any server, as PostgreSQL
   * announces it. Announcements can be lost while the connection is down: poll {@link lastSeq} as well.
   * @returns a function that stops listening
   */
  async listen(onChange: (seq: number) => void, onError: (error: Error) => void = () => {}): Promise<() => Promise<void>> {
    const client = await this.#pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) onChange(Number(message.payload));
    });
    client.on('error', (error) => {
      // A broken connection leaves the pool; the caller listens again on a new one.
      release(error);
      onError(error);
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    return async () => {
      if (released) return;
      await client.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => {});
      release();
    };
  }

  /** Closes every connection. */
  close(): Promise<void> {
    return this.#pool.end();
  }

  async #document(docId: string): Promise<Document | undefined> {
    const { rows } = await this.#pool.query<DocumentRow>('SELECT doc_id, added_seq, title, text, hash, fields FROM seogi_documents WHERE doc_id = $1', [docId]);
    return rows[0] && documentOf(rows[0]);
  }

  /**
   * Runs a change of the collection in a transaction that holds the change lock: changes commit one at a time, so the
   * log's sequence numbers are in commit order and a server that has applied change n has missed none before it (a
   * reader would otherwise see 6 committed before 5 and skip 5 for ever). Embedding is done before, never under it.
   */
  #change<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
      return work(client);
    });
  }

  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    // The pool listens to a connection only while it is idle: one that dies while checked out would otherwise be an
    // uncaught 'error' event, ending the process. Its query fails; the connection leaves the pool.
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that can't even roll back is dropped from the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

/** Thrown inside an add's transaction to roll it back when its id is taken. */
class IdTaken extends Error {}

/** Inserts a document with its chunks and vectors, added by change `seq`; false when its id is taken. */
async function insertDocument(client: pg.PoolClient, seq: number, document: Document, chunks: readonly Chunk[], vectors: readonly Float32Array[]): Promise<boolean> {
  const { docId, title, text, hash, ...fields } = document;
  const inserted = await client.query(
    'INSERT INTO seogi_documents (doc_id, added_seq, title, text, hash, fields) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (doc_id) DO NOTHING',
    [docId, seq, title, text, hash, JSON.stringify(fields)],
  );
  if (inserted.rowCount === 0) return false;
  for (const [i, chunk] of chunks.entries()) {
    await client.query('INSERT INTO seogi_chunks (doc_id, ordinal, start_offset, end_offset, vector) VALUES ($1, $2, $3, $4, $5)', [
      docId,
      i,
      chunk.start,
      chunk.end,
      vectorBytes(vectors[i]!),
    ]);
  }
  return true;
}

async function appendChange(client: pg.PoolClient, kind: 'add' | 'delete', docId: string): Promise<number> {
  const { rows } = await client.query<{ seq: string }>('INSERT INTO seogi_changes (kind, doc_id) VALUES ($1, $2) RETURNING seq', [kind, docId]);
  const seq = rows[0]!.seq;
  // Delivered when the transaction commits, never before.
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, seq]);
  return Number(seq);
}

async function lastSeqOf(client: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM seogi_changes');
  return Number(rows[0]?.seq ?? 0);
}

function documentOf(row: DocumentRow): Document {
  return { ...row.fields, docId: row.doc_id, title: row.title, text: row.text, hash: row.hash };
}

function assemble(docs: readonly DocumentRow[], chunks: readonly ChunkRow[]): StoredDocument[] {
  const byDoc = new Map(docs.map((row) => [row.doc_id, { document: documentOf(row), chunks: [] as Chunk[], vectors: [] as Float32Array[], seq: Number(row.added_seq) }]));
  for (const row of chunks) {
    const stored = byDoc.get(row.doc_id);
    if (!stored) continue;
    const { text } = stored.document;
    stored.chunks.push({ chunkId: `${row.doc_id}#${row.ordinal}`, docId: row.doc_id, start: row.start_offset, end: row.end_offset, text: text.slice(row.start_offset, row.end_offset) });
    stored.vectors.push(vectorOf(row.vector));
  }
  return [...byDoc.values()];
}

function vectorBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function vectorOf(bytes: Buffer): Float32Array {
  // A copy: the driver's buffer may not be aligned for float32.
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer);
}
