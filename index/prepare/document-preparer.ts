import type { Worker } from 'node:worker_threads';
import type { ChunkOptions } from '../chunk.ts';
import { startTsWorker } from '../ts-worker.ts';
import type { SourceFile } from '../types.ts';
import type { PreparedDocument } from './prepare-document.ts';
import type { PrepareReply, PrepareRequest, PrepareWorkerData } from './prepare-worker.ts';

const WORKER = new URL('./prepare-worker.ts', import.meta.url).href;

/**
 * Prepares documents for the index in `indexDir` on a worker thread (see prepare-document.ts), one at a time in the
 * order asked. The worker starts with the first document and loads the index's model once; {@link restart} makes the
 * next document load the model again (after another process committed an index with a new one).
 *
 * @example
 * const preparer = new DocumentPreparer({ indexDir: 'data', config });
 * const { chunks, vectors } = await preparer.prepare({ relPath: 'faq.md', content: '# FAQ…' }, { maxChars: 600 });
 */
export class DocumentPreparer {
  #worker: Worker | undefined;
  #failed: Promise<never> | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: PrepareReply) => void>();

  readonly #data: PrepareWorkerData;

  constructor(data: PrepareWorkerData) {
    this.#data = data;
  }

  /** @throws Error with the reason when the document can't be read, or the worker or its model fails. */
  async prepare(file: SourceFile, chunking: ChunkOptions): Promise<PreparedDocument> {
    const worker = this.#start();
    const id = this.#nextId++;
    const replied = new Promise<PrepareReply>((resolve) => this.#pending.set(id, resolve));
    worker.postMessage({ id, file, chunking } satisfies PrepareRequest);
    try {
      const reply = await Promise.race([replied, this.#failed as Promise<never>]);
      if ('error' in reply) throw new Error(reply.error);
      return reply.prepared;
    } finally {
      this.#pending.delete(id);
    }
  }

  /** Stops the worker; the next document starts a new one, which loads the index's model again. */
  async restart(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }

  /** Stops the worker for good. */
  close(): Promise<void> {
    return this.restart();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startTsWorker(WORKER, this.#data);
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
