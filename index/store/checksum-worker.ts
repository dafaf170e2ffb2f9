/**
 * Worker thread that computes the sha256 of index files (see parallel-verify.ts), so that a loading index's files are
 * verified while the thread that loads it decodes them.
 */
import { parentPort } from 'node:worker_threads';
import { sha256OfFile } from './verified-read.ts';

/** A file to hash. */
export interface ChecksumRequest {
  id: number;
  path: string;
}

/** The file's sha256 (lower-case hex), or why it could not be read. */
export type ChecksumReply = { id: number; sha256: string } | { id: number; error: { message: string; code?: string } };

if (!parentPort) throw new Error('checksum-worker.ts runs only as a worker thread.');
const port = parentPort;

port.on('message', ({ id, path }: ChecksumRequest) => {
  let reply: ChecksumReply;
  try {
    reply = { id, sha256: sha256OfFile(path) };
  } catch (error) {
    const { message, code } = error as NodeJS.ErrnoException;
    reply = { id, error: { message, ...(typeof code === 'string' ? { code } : {}) } };
  }
  port.postMessage(reply);
});
