/**
 * Worker thread that parses large JSON bodies (see json-parser.ts), so that decoding, checking and parsing megabytes
 * never hold up the thread that answers requests.
 */
import { parentPort } from 'node:worker_threads';
import { parseJsonBody } from './parse-json.ts';

/** A body to parse. */
export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  maxDepth: number;
}

/** The parsed value, or why the body was refused. */
export type ParseReply = { id: number; value: unknown } | { id: number; error: string };

if (!parentPort) throw new Error('parse-worker.ts runs only as a worker thread.');
const port = parentPort;

port.on('message', ({ id, bytes, maxDepth }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, value: parseJsonBody(bytes, maxDepth) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
