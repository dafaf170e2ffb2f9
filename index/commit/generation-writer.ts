import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { VectorIndex } from '../embed/vector-index.ts';
import type { IndexMeta } from '../layout.ts';
import type { Postings } from '../postings.ts';
import { IndexStoreError, type IndexStoreErrorCode } from '../store/index-store.ts';
import { startTsWorker } from '../ts-worker.ts';
import type { CommitReply, CommitRequest, CommitWorkerData } from './commit-worker.ts';
import type { IndexChange } from './index-text.ts';

const WORKER = new URL('./commit-worker.ts', import.meta.url).href;

/** Staging folders of graphs being committed, inside the index directory (see {@link GenerationWriter.commit}). */
export const GRAPH_STAGING_PREFIX = '.staging-graph-';

/** What {@link GenerationWriter.commit} resolves with. */
export interface CommittedChange {
  generation: string;
  /** The postings after the change, when asked for. */
  postings?: Postings;
}

/**
 * Commits the changes of a served index as new generations on a worker thread (see commit-worker.ts): encoding the
 * documents, chunk table and postings, hashing and writing them, while the calling thread goes on answering. The
 * graph is written by hnswlib on a thread of its own. The worker starts with the first commit, or {@link prepare}.
 *
 * @example
 * const writer = new GenerationWriter(indexDir);
 * const { generation } = await writer.commit(view.generation, { kind: 'remove', docId: 'faq', ordinals: [3, 4] }, meta, vectors);
 */
export class GenerationWriter {
  readonly #indexDir: string;
  #worker: Worker | undefined;
  #failed: Promise<never> | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: CommitReply) => void>();

  constructor(indexDir: string) {
    this.#indexDir = indexDir;
  }

  /** Starts the worker reading generation `from`, so that the first commit need not wait for it; errors are left to it. */
  prepare(from: string): void {
    this.#request({ from }).catch(() => {});
  }

  /**
   * Commits the generation that `change` makes of generation `from`, with `meta` and the graph as `vectors` holds it,
   * which must not change until this resolves. Resolves with the new generation's id once it is durable; when it
   * fails, the index on disk is as it was.
   * @param options.wantPostings also resolve with the postings after the change
   * @throws IndexStoreError, or Error with the system's `code` (ENOSPC…), as a commit on this thread would.
   */
  async commit(from: string, change: IndexChange, meta: IndexMeta, vectors: VectorIndex, options: { wantPostings?: boolean } = {}): Promise<CommittedChange> {
    const staging = await mkdtemp(join(this.#indexDir, GRAPH_STAGING_PREFIX));
    try {
      const graphPath = join(staging, 'graph.bin');
      const prefix = await vectors.writeGraph(graphPath);
      return await this.#request({ from, change, meta, vectors: { prefix, graphPath }, ...(options.wantPostings ? { wantPostings: true } : {}) });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Stops the worker; a later commit starts a new one. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }

  async #request(request: Omit<CommitRequest, 'id'>): Promise<CommittedChange> {
    const worker = this.#start();
    const id = this.#nextId++;
    const replied = new Promise<CommitReply>((resolve) => this.#pending.set(id, resolve));
    worker.postMessage({ id, ...request } satisfies CommitRequest);
    try {
      const reply = await Promise.race([replied, this.#failed as Promise<never>]);
      if ('error' in reply) throw errorOf(reply.error);
      return { generation: reply.generation, ...(reply.postings ? { postings: reply.postings } : {}) };
    } finally {
      this.#pending.delete(id);
    }
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startTsWorker(WORKER, { indexDir: this.#indexDir } satisfies CommitWorkerData);
    // An idle worker must not keep the process from exiting.
    worker.unref();
    worker.on('message', (reply: CommitReply) => this.#pending.get(reply.id)?.(reply));
    this.#failed = new Promise<never>((_, reject) => {
      worker.on('error', (error) => {
        this.#worker = undefined;
        reject(new Error(`Committing the index failed: ${error.message}`, { cause: error }));
      });
      worker.on('exit', (code) => {
        this.#worker = undefined;
        reject(new Error(`The index commit worker stopped (exit code ${code}).`));
      });
    });
    this.#failed.catch(() => {});
    this.#worker = worker;
    return worker;
  }
}

/** The worker's error as it was thrown there: an IndexStoreError with its code, or an Error with the system's code. */
function errorOf(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'IndexStoreError' && error.code) return new IndexStoreError(error.code as IndexStoreErrorCode, error.message);
  const rebuilt = new Error(error.message) as NodeJS.ErrnoException;
  if (error.code) rebuilt.code = error.code;
  return rebuilt;
}
