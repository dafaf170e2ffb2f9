import type { Worker } from 'node:worker_threads';
import type { ChunkOptions } from '../chunk.ts';
import { DocumentReadError } from '../load/read-errors.ts';
import { startTsWorker } from '../ts-worker.ts';
import type { SourceFile } from '../types.ts';
import type { PreparedDocument } from './prepare-document.ts';
import type { PrepareReply, PrepareRequest } from './prepare-worker.ts';

const WORKER = new URL('./prepare-worker.ts', import.meta.url).href;

/**
 * Prepares documents on a worker thread (see prepare-document.ts), one at a time in the order asked; the worker starts
 * with the first document. The embedding model stays on the caller's thread: onnxruntime, which runs it, is not safe to
 * load on several threads of one process, and the caller embeds a few chunks at a time between other work.
 *
 * @example
 * const preparer = new DocumentPreparer();
 * const { chunks, postings } = await preparer.prepare({ relPath: 'faq.md', content: '# FAQ…' }, { maxChars: 600 });
 */
export class DocumentPreparer {
  #worker: Worker | undefined;
  #failed: Promise<never> | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: PrepareReply) => void>();

  /**
   * @throws DocumentReadError, with its code, when the file can't be read (see `DOCUMENT_READ_ERRORS`); Error with the
   *   reason when it can't be cleaned or the worker fails.
   */
  async prepare(file: SourceFile, chunking: ChunkOptions): Promise<PreparedDocument> {
    const worker = this.#start();
    const id = this.#nextId++;
    const replied = new Promise<PrepareReply>((resolve) => this.#pending.set(id, resolve));
    worker.postMessage({ id, file, chunking } satisfies PrepareRequest);
    try {
      const reply = await Promise.race([replied, this.#failed as Promise<never>]);
      if ('error' in reply) throw reply.code ? new DocumentReadError(reply.code, reply.error) : new Error(reply.error);
      return reply.prepared;
    } finally {
      this.#pending.delete(id);
    }
  }

  /** Stops the worker; a later document starts a new one. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startTsWorker(WORKER, undefined);
    // An idle worker must not keep the process from exiting.
    worker.unref();
    worker.on('message', (reply: PrepareReply) => this.#pending.get(reply.id)?.(reply));
    this.#failed = new Promise<never>((_, reject) => {
      worker.on('error', (error) => {
        this.#worker = undefined;
        reject(new Error(`Preparing the document failed: ${error.message}`, { cause: error }));
      });
      worker.on('exit', (code) => {
        this.#worker = undefined;
        reject(new Error(`The document worker stopped (exit code ${code}).`));
      });
    });
    this.#failed.catch(() => {});
    this.#worker = worker;
    return worker;
  }
}
