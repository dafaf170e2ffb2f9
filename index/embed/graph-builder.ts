import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../ts-worker.ts';
import type { GraphWorkerData, GraphWorkerReply, GraphWorkerRequest } from './graph-worker.ts';
import type { GraphBytes } from './vector-index.ts';

const WORKER = new URL('./graph-worker.ts', import.meta.url).href;

/**
 * Builds an HNSW graph on a worker thread while the caller goes on (embedding the next chunks): vectors are handed
 * over as they come, and {@link finish} returns the graph in `VectorIndex.toBytes` form. The graph is the same as
 * `VectorIndex.build` makes from the same vectors in the same order.
 *
 * @example
 * const builder = new GraphBuilder({ dims: 256, options: {}, capacity: chunks.length });
 * builder.add(vectors, ordinals);
 * const bytes = await builder.finish();
 */
export class GraphBuilder {
  readonly #worker: Worker;
  readonly #dims: number;
  readonly #failed: Promise<never>;
  #added = 0;
  #sent = 0;
  #onProgress: ((added: number) => void) | undefined;
  #done: ((bytes: GraphBytes) => void) | undefined;

  constructor(data: GraphWorkerData) {
    this.#dims = data.dims;
    this.#worker = startTsWorker(WORKER, data);
    this.#worker.on('message', (reply: GraphWorkerReply) => {
      if (reply.type === 'progress') {
        this.#added = reply.added;
        this.#onProgress?.(reply.added);
      } else {
        this.#done?.(reply.bytes);
      }
    });
    this.#failed = new Promise<never>((_, reject) => {
      this.#worker.on('error', (error) => reject(new Error(`Building the HNSW graph failed: ${error.message}`, { cause: error })));
      this.#worker.on('exit', (code) => reject(new Error(`The HNSW graph worker stopped early (exit code ${code}).`)));
    });
    // finish() or close() surfaces a failure; until then it must not count as unhandled.
    this.#failed.catch(() => {});
  }

  /** Vectors handed over so far. */
  get sent(): number {
    return this.#sent;
  }

  /** Hands `vectors[i]` over to be added under `labels[i]`; they are copied, so the caller may reuse them. */
  add(vectors: readonly Float32Array[], labels: readonly number[]): void {
    if (vectors.length !== labels.length) throw new Error(`Got ${vectors.length} vectors but ${labels.length} labels.`);
    if (vectors.length === 0) return;
    const packed = new Float32Array(vectors.length * this.#dims);
    vectors.forEach((vector, row) => {
      if (vector.length !== this.#dims) {
        throw new Error(`Vector has ${vector.length} values, but the graph holds ${this.#dims}-value vectors.`);
      }
      packed.set(vector, row * this.#dims);
    });
    const request: GraphWorkerRequest = { type: 'add', vectors: packed, labels: Int32Array.from(labels) };
    this.#worker.postMessage(request, [packed.buffer]);
    this.#sent += vectors.length;
  }

  /**
   * Waits until every vector handed over is in the graph, then returns the graph's bytes and stops the worker.
   * `onProgress` hears how many vectors are in the graph as it grows.
   * @throws Error when the worker failed.
   */
  async finish(onProgress?: (added: number) => void): Promise<GraphBytes> {
    this.#onProgress = onProgress;
    onProgress?.(this.#added);
    const done = new Promise<GraphBytes>((resolve) => (this.#done = resolve));
    this.#worker.postMessage({ type: 'finish' } satisfies GraphWorkerRequest);
    try {
      return await Promise.race([done, this.#failed]);
    } finally {
      await this.close();
    }
  }

  /** Stops the worker, discarding the graph (after a failed build, say). */
  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
