import type { ChunkOptions } from '../chunk.ts';
import { DocumentReadError } from '../load/read-errors.ts';
import { WorkerClient } from '../worker-client.ts';
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
  readonly #client = new WorkerClient<PrepareRequest, PrepareReply>(WORKER, { task: 'Preparing the document', worker: 'The document worker' });

  /**
   * @throws DocumentReadError, with its code, when the file can't be read (see `DOCUMENT_READ_ERRORS`); Error with the
   *   reason when it can't be cleaned or the worker fails.
   */
  async prepare(file: SourceFile, chunking: ChunkOptions): Promise<PreparedDocument> {
    const reply = await this.#client.request({ file, chunking });
    if ('error' in reply) throw reply.code ? new DocumentReadError(reply.code, reply.error) : new Error(reply.error);
    return reply.prepared;
  }

  /** Stops the worker; a later document starts a new one. */
  close(): Promise<void> {
    return this.#client.close();
  }
}
