import { parentPort } from 'node:worker_threads';

/** A worker for the tests of WorkerClient: answers `{id, text}` with the text reversed, and exits when asked to. */
parentPort?.on('message', (request: { id: number; text?: string; exitCode?: number }) => {
  if (request.exitCode !== undefined) process.exit(request.exitCode);
  parentPort?.postMessage({ id: request.id, reversed: [...(request.text ?? '')].reverse().join('') });
});
