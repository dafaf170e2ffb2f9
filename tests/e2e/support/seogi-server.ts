import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../index/config.ts';
import { seedWorkspace, type SeedWorkspace } from '../../support/seed-index.ts';

/** A real Seogi server, started as `tsx server/main.ts` over a private copy of the seeds. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The ADMIN_TOKEN it was started with, for adding documents. */
  adminToken: string;
  /** Stops the server (and tsx's child) and removes its temporary folders. */
  stop: () => Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** How long to wait for `/readyz`, which includes building the seed index. Default 120 s. */
  readyTimeoutMs?: number;
}

const TSX_CLI = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * Starts `server/main.ts` on a free port with a temp INDEX_DIR, a temp copy of the seeds as DOCS_DIR and a random
 * ADMIN_TOKEN, and resolves once `/readyz` answers 200 (the index is built on the first start).
 * @throws Error with the server's output when it exits or isn't ready in time.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const workspace = seedWorkspace();
  const port = await freePort();
  const adminToken = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, [TSX_CLI, 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DOCS_DIR: workspace.config.docsDir,
      INDEX_DIR: workspace.config.indexDir,
      ADMIN_TOKEN: adminToken,
    },
    // Its own process group, so stopping it also stops the node process tsx starts underneath.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopServer(child, workspace);
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 120_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminToken, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server/main.ts exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server/main.ts was not ready within ${timeoutMs} ms:\n${output()}`);
}

async function stopServer(child: ChildProcess, workspace: SeedWorkspace): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
  workspace.dispose();
}

/** A TCP port that nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port was assigned.'))));
    });
  });
}
