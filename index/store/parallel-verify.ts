import { join } from 'node:path';
import { WorkerClient } from '../worker-client.ts';
import type { ChecksumReply, ChecksumRequest } from './checksum-worker.ts';
import type { ManifestFile } from './manifest.ts';
import { corrupt, isMissing } from './verified-read.ts';

const WORKER = new URL('./checksum-worker.ts', import.meta.url).href;

/** Files being verified on a worker thread. */
export interface ParallelVerification {
  /** Each file's check, by name: resolves when the file matches the manifest, rejects with `INDEX_CORRUPT` otherwise. */
  checks: ReadonlyMap<string, Promise<void>>;
  /** Stops the worker, leaving the checks not yet done unsettled. */
  stop(): Promise<void>;
}

/**
 * Verifies `files` of the generation in `generationDir` against their recorded sha256 on a worker thread, one after
 * the other in the order given, while the calling thread goes on. Every request is sent at once: the worker needs no
 * turn of the calling thread's event loop between two files. The worker stops when the last check settles.
 */
export function verifyInParallel(generationDir: string, files: ReadonlyArray<readonly [string, ManifestFile]>): ParallelVerification {
  const client = new WorkerClient<ChecksumRequest, ChecksumReply>(WORKER, { task: 'Verifying the index files', worker: 'The checksum worker' });
  const checks = new Map(
    files.map(([name, expected]) => {
      const check = client.request({ path: join(generationDir, name) }).then((reply) => {
        if ('sha256' in reply) {
          if (reply.sha256 !== expected.sha256) throw corrupt(generationDir, name, 'does not match its checksum');
          return;
        }
        if (isMissing(reply.error)) throw corrupt(generationDir, name, 'is missing');
        throw Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {});
      });
      // Settled by whoever awaits it; a check nobody awaits must not count as an unhandled rejection.
      check.catch(() => {});
      return [name, check] as const;
    }),
  );
  void Promise.allSettled(checks.values()).then(() => client.close());
  return { checks, stop: () => client.close() };
}
