/**
 * Worker thread that prepares documents for a live index (see prepare-document.ts), so that parsing, cleaning,
 * chunking and counting a large document never hold up the thread that answers requests.
 */
import { parentPort } from 'node:worker_threads';
import type { ChunkOptions } from '../chunk.ts';
import type { SourceFile } from '../types.ts';
import { prepareDocument, type PreparedDocument } from './prepare-document.ts';

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

port.on('message', (request: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    reply = { id: request.id, prepared: prepareDocument(request.file, request.chunking) };
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies PrepareReply);
    return;
  }
  const { offsets, ordinals, tfs, lengths } = reply.prepared.postings;
  port.postMessage(reply, [offsets.buffer, ordinals.buffer, tfs.buffer, lengths.buffer] as ArrayBuffer[]);
});
