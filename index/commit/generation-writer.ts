import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { VectorIndex } from '../embed/vector-index.ts';
import type { IndexMeta } from '../layout.ts';
import type { Postings } from '../postings.ts';
import { IndexStoreError, type IndexStoreErrorCode } from '../store/index-store.ts';
import { WorkerClient } from '../worker-client.ts';
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
  readonly #client: WorkerClient<CommitRequest, CommitReply>;

  constructor(indexDir: string) {
    this.#indexDir = indexDir;
    this.#client = new WorkerClient(WORKER, { task: 'Committing the index', worker: 'The index commit worker' }, { indexDir } satisfies CommitWorkerData);
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
      const header = await vectors.writeGraph(graphPath);
      return await this.#request({ from, change, meta, vectors: { header, graphPath }, ...(options.wantPostings ? { wantPostings: true } : {}) });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Stops the worker; a later commit starts a new one. */
  close(): Promise<void> {
    return this.#client.close();
  }

  async #request(request: Omit<CommitRequest, 'id'>): Promise<CommittedChange> {
    const reply = await this.#client.request(request);
    if ('error' in reply) throw errorOf(reply.error);
    return { generation: reply.generation, ...(reply.postings ? { postings: reply.postings } : {}) };
  }
}

/** The worker's error as it was thrown there: an IndexStoreError with its code, or an Error with the system's code. */
function errorOf(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'IndexStoreError' && error.code) return new IndexStoreError(error.code as IndexStoreErrorCode, error.message);
  const rebuilt = new Error(error.message) as NodeJS.ErrnoException;
  if (error.code) rebuilt.code = error.code;
  return rebuilt;
}
