import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './store/test-support.ts';
import { startTsWorker } from './ts-worker.ts';

/** The first message of a worker started from `url` with `workerData`. */
async function firstMessage(url: string, workerData: unknown): Promise<unknown> {
  const worker = startTsWorker(url, workerData);
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('startTsWorker', () => {
  const tempDir = useTempDir('seogi-ts-worker-');
  const program = "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage({ url: import.meta.url, workerData });\n";

  it('runs a compiled module as it is, with its data', async () => {
    const url = pathToFileURL(join(tempDir(), 'echo-worker.mjs')).href;
    writeFileSync(new URL(url), program);
    expect(await firstMessage(url, { n: 1 })).toEqual({ url, workerData: { n: 1 } });
  });

  it('runs a TypeScript module through tsx, with its data', async () => {
    const path = join(tempDir(), 'echo-worker.ts');
    writeFileSync(path, program.replace('workerData });', 'workerData: workerData as unknown satisfies unknown });'));
    const reply = (await firstMessage(pathToFileURL(path).href, { n: 2 })) as { url: string; workerData: unknown };
    expect(reply.workerData).toEqual({ n: 2 });
    expect(reply.url.startsWith(pathToFileURL(path).href)).toBe(true);
  });
});
