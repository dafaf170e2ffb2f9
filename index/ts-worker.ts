import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running the module at `moduleUrl`: as it is when it is JavaScript (the server's build compiles
 * the workers it starts, see server/build.ts), else a TypeScript module through tsx's loader, imported first, which lets
 * Node run it as the main thread runs the project's own.
 */
export function startTsWorker(moduleUrl: string, workerData: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), { workerData });
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(moduleUrl)}, ${JSON.stringify(moduleUrl)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
