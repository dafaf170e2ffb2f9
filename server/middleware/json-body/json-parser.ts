import { WorkerClient } from '../../../index/worker-client.ts';
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
  readonly #client = new WorkerClient<ParseRequest, ParseReply>(WORKER, { task: 'Parsing the request body', worker: 'The request body worker' });

  /** @throws JsonBodyError saying what is wrong with the body; Error when the worker fails. */
  async parse(bytes: Uint8Array, maxDepth: number): Promise<unknown> {
    const reply = await this.#client.request({ bytes, maxDepth });
    if ('error' in reply) throw new JsonBodyError(reply.error);
    return reply.value;
  }

  /** Stops the worker; a later body starts a new one. */
  close(): Promise<void> {
    return this.#client.close();
  }
}
