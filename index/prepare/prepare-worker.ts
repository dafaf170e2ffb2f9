/**
 * Worker thread that prepares documents for a live index (see prepare-document.ts), so that parsing, chunking,
 * embedding and counting a large document never hold up the thread that answers requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexEmbedder, type IndexEmbedderConfig } from '../embed/index-embedder.ts';
import { indexMetaSchema } from '../layout.ts';
import { IndexStore } from '../store/index-store.ts';
import type { ChunkOptions } from '../chunk.ts';
import type { SourceFile } from '../types.ts';
import { prepareDocument, type PreparedDocument } from './prepare-document.ts';

/** What the worker is started with: the index whose model it embeds with. */
export interface PrepareWorkerData {
  indexDir: string;
  config: IndexEmbedderConfig;
}

/** A document to prepare. */
export interface PrepareRequest {
  id: number;
  file: SourceFile;
  chunking: ChunkOptions;
}

/** The prepared document, or why it could not be prepared. */
export type PrepareReply = { id: number; prepared: PreparedDocument } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs only as a worker thread.');
const { indexDir, config } = workerData as PrepareWorkerData;
// Loaded once: the model files stay in memory after later commits replace the generation they came from.
const embedder = indexEmbedder(new IndexStore({ dir: indexDir, metaSchema: indexMetaSchema }).load(), config);
embedder.catch(() => {});

port.on('message', (request: PrepareRequest) => {
  embedder
    .then((model) => prepareDocument(request.file, request.chunking, model))
    .then(
      (prepared) => {
        const { postings, vectors } = prepared;
        const transfer = [vectors.buffer, postings.offsets.buffer, postings.ordinals.buffer, postings.tfs.buffer, postings.lengths.buffer];
        port.postMessage({ id: request.id, prepared } satisfies PrepareReply, transfer as ArrayBuffer[]);
      },
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies PrepareReply),
    );
});
