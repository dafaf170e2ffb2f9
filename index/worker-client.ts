import type { Worker } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.ts';

/** How a {@link WorkerClient} names its work in errors: "`task` failed: …", "`worker` stopped (exit code 1)." */
export interface WorkerNames {
  /** What a request does, e.g. "Preparing the document". */
  task: string;
  /** The worker, e.g. "The document worker". */
  worker: string;
}

/**
 * Sends requests to a worker thread running a TypeScript module and resolves each with the worker's reply of the same
 * `id`. The worker starts with the first request and does not keep the process alive; when it fails or exits, the
 * requests waiting on it are rejected and the next one starts a new worker.
 *
 * @example
 * const client = new WorkerClient<PrepareRequest, PrepareReply>(WORKER, { task: 'Preparing the document', worker: 'The document worker' });
 * const reply = await client.request({ file, chunking });
 */
export class WorkerClient<TRequest extends { id: number }, TReply extends { id: number }> {
  readonly #moduleUrl: string;
  readonly #names: WorkerNames;
  readonly #workerData: unknown;
  #worker: Worker | undefined;
  #failed: Promise<never> | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: TReply) => void>();

  constructor(moduleUrl: string, names: WorkerNames, workerData?: unknown) {
    this.#moduleUrl = moduleUrl;
    this.#names = names;
    this.#workerData = workerData;
  }

  /** The worker's reply to `request`. @throws Error when the worker fails or stops before replying. */
  async request(request: Omit<TRequest, 'id'>): Promise<TReply> {
    const worker = this.#start();
    const id = this.#nextId++;
    const replied = new Promise<TReply>((resolve) => this.#pending.set(id, resolve));
    worker.postMessage({ ...request, id });
    try {
      return await Promise.race([replied, this.#failed as Promise<never>]);
    } finally {
      this.#pending.delete(id);
    }
  }

  /** Stops the worker; a later request starts a new one. */
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
    const worker = startTsWorker(this.#moduleUrl, this.#workerData);
    // An idle worker must not keep the process from exiting.
    worker.unref();
    worker.on('message', (reply: TReply) => this.#pending.get(reply.id)?.(reply));
    this.#failed = new Promise<never>((_, reject) => {
      worker.on('error', (error) => {
        // Only its own: a later request may have started the next worker already.
        if (this.#worker === worker) this.#worker = undefined;
        reject(new Error(`${this.#names.task} failed: ${error.message}`, { cause: error }));
      });
      worker.on('exit', (code) => {
        if (this.#worker === worker) this.#worker = undefined;
        reject(new Error(`${this.#names.worker} stopped (exit code ${code}).`));
      });
    });
    this.#failed.catch(() => {});
    this.#worker = worker;
    return worker;
  }
}
