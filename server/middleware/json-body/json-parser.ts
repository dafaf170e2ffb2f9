import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../../index/ts-worker.ts';
import { JsonBodyError } from './parse-json.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';

const WORKER = new URL('./parse-worker.ts', import.meta.url).href;

/**
 * Parses JSON bodies on a worker thread (see parse-worker.ts), in the order given; the worker starts with the first
 * body and does not keep the process alive. The parsed value comes back as a structured clone: for the bodies this is
 * for, documents of megabytes, a copy of their long strings, far cheaper than parsing.
 *
 * @example
 * const value = await new JsonParser().parse(bytes, 32); // throws JsonBodyError for a malformed body
 */
export class JsonParser {
  #worker: Worker | undefined;
  #failed: Promise<never> | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, (reply: ParseReply) => void>();

  /** @throws JsonBodyError saying what is wrong with the body; Error when the worker fails. */
  async parse(bytes: Uint8Array, maxDepth: number): Promise<unknown> {
    const worker = this.#start();
    const id = this.#nextId++;
    const replied = new Promise<ParseReply>((resolve) => this.#pending.set(id, resolve));
    worker.postMessage({ id, bytes, maxDepth } satisfies ParseRequest);
    try {
      const reply = await Promise.race([replied, this.#failed as Promise<never>]);
      if ('error' in reply) throw new JsonBodyError(reply.error);
      return reply.value;
    } finally {
      this.#pending.delete(id);
    }
  }

  /** Stops the worker; a later body starts a new one. */
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
    worker.unref();
    worker.on('message', (reply: ParseReply) => this.#pending.get(reply.id)?.(reply));
    this.#failed = new Promise<never>((_, reject) => {
      worker.on('error', (error) => {
        this.#worker = undefined;
        reject(new Error(`Parsing the request body failed: ${error.message}`, { cause: error }));
      });
      worker.on('exit', (code) => {
        this.#worker = undefined;
        reject(new Error(`The request body worker stopped (exit code ${code}).`));
      });
    });
    this.#failed.catch(() => {});
    this.#worker = worker;
    return worker;
  }
}
