/**
 * Worker thread that builds an HNSW graph from the vectors posted to it, so that the graph grows on one core while
 * the build embeds the next chunks on another. Every hnswlib call of the graph happens on this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { VectorIndex, type GraphBytes, type VectorIndexOptions } from './vector-index.ts';

/** What the worker is started with. */
export interface GraphWorkerData {
  dims: number;
  options: VectorIndexOptions;
  capacity: number;
}

/** Messages to the worker: vectors to add (`vectors` holds `labels.length` rows of `dims` values), or the end. */
export type GraphWorkerRequest = { type: 'add'; vectors: Float32Array; labels: Int32Array } | { type: 'finish' };

/** Messages from the worker: vectors added so far, and at the end the graph as bytes. */
export type GraphWorkerReply = { type: 'progress'; added: number } | { type: 'done'; bytes: GraphBytes };

/** How often, in added vectors, the worker reports progress. */
const PROGRESS_EVERY = 1000;

const port = parentPort;
if (!port) throw new Error('graph-worker.ts runs only as a worker thread.');
const { dims, options, capacity } = workerData as GraphWorkerData;
const graph = VectorIndex.create(dims, options, capacity);
let added = 0;

port.on('message', (request: GraphWorkerRequest) => {
  if (request.type === 'finish') {
    const bytes = graph.toBytes();
    port.postMessage({ type: 'done', bytes } satisfies GraphWorkerReply, [bytes.graph.buffer as ArrayBuffer]);
    return;
  }
  request.labels.forEach((label, row) => {
    graph.add(request.vectors.subarray(row * dims, (row + 1) * dims), label);
    added += 1;
    if (added % PROGRESS_EVERY === 0) port.postMessage({ type: 'progress', added } satisfies GraphWorkerReply);
  });
});
