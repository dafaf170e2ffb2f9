/**
 * Worker thread that prepares documents for a live index (see prepare-document.ts), so that parsing, cleaning,
 * chunking and counting a large document never hold up the thread that answers requests.
 */
import { parentPort } from 'node:worker_threads';
import type { ChunkOptions } from '../chunk.ts';
import { DocumentReadError } from '../load/read-errors.ts';
import type { DocumentReadErrorCode } from '../load/read-errors.ts';
import type { SourceFile } from '../types.ts';
import { prepareDocument, type PreparedDocument } from './prepare-document.ts';

/** A document to prepare. */
export interface PrepareRequest {
  id: number;
  file: SourceFile;
  chunking: ChunkOptions;
}

/** The prepared document, or why it could not be prepared (with the code of a `DocumentReadError`). */
export type PrepareReply = { id: number; prepared: PreparedDocument } | { id: number; error: string; code?: DocumentReadErrorCode };

if (!parentPort) throw new Error('prepare-worker.ts runs only as a worker thread.');
const port = parentPort;

// Requests are handled one at a time, in order, as the preparer sends them: each waits for the one before.
let queue = Promise.resolve();
port.on('message', (request: PrepareRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer(request: PrepareRequest): Promise<void> {
  let reply: PrepareReply;
  try {
    reply = { id: request.id, prepared: await prepareDocument(request.file, request.chunking) };
  } catch (error) {
    const code = error instanceof DocumentReadError ? { code: error.code } : {};
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error), ...code } satisfies PrepareReply);
    return;
  }
  const { offsets, ordinals, tfs, lengths } = reply.prepared.postings;
  port.postMessage(reply, [offsets.buffer, ordinals.buffer, tfs.buffer, lengths.buffer] as ArrayBuffer[]);
}
