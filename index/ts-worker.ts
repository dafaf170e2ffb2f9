import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running the TypeScript module at `moduleUrl`. Node runs only JavaScript in a worker; tsx's
 * loader, imported first, lets it run the module as the main thread runs the project's own.
 */
export function startTsWorker(moduleUrl: string, workerData: unknown): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(moduleUrl)}, ${JSON.stringify(moduleUrl)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
