import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../index/config.ts';
import type { Answer } from '../../contract/api.ts';
import { SERVER_NODE_ARGS } from '../../server/launch.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';
import { seedEnv } from './support.ts';

/** The server as a child process: node itself, or `npm start` as README gives it. */
interface Started {
  child: ChildProcess;
  /** Resolves with the first stdout JSON line whose `msg` matches. */
  line: (msg: string | RegExp) => Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(env: NodeJS.ProcessEnv, through: 'node' | 'npm' = 'node'): Started {
  const [command, args] = through === 'node' ? [process.execPath, [...SERVER_NODE_ARGS]] : ['npm', ['start', '--silent']];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ msg: string | RegExp; resolve: (line: Record<string, unknown>) => void }> = [];
  const seen: Array<Record<string, unknown>> = [];
  const matches = (line: Record<string, unknown>, msg: string | RegExp) =>
    typeof line.msg === 'string' && (typeof msg === 'string' ? line.msg === msg : msg.test(line.msg));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const lines = stdout.split('\n');
    for (const text of lines.slice(seen.length, -1)) {
      // npm's own scripts (the page build before start) print plain lines before the server's JSON ones.
      const line = (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown>;
      seen.push(line);
      for (const w of waiting.filter((w) => matches(line, w.msg))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const line = (msg: string | RegExp) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const earlier = seen.find((l) => matches(l, msg));
      if (earlier) return resolve(earlier);
      waiting.push({ msg, resolve });
      void exited.then(({ code }) => reject(new Error(`server exited (${code}) before logging "${msg}":\n${stdout}\n${stderr}`)));
    });
  return { child, line, exited };
}

let workspace: SeedWorkspace;
beforeAll(async () => {
  workspace = await seedIndex();
});
afterAll(() => workspace.dispose());

describe('npm start', () => {
  it('refuses a bad configuration naming the variable, and exits 1', async () => {
    const { exited } = start({ ...seedEnv(workspace), PORT: 'eighty' });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Invalid configuration: PORT: must be a whole number (a TCP port, 0 for any free one)');
  });

  it('exits 1 with the reason when the index cannot be opened', async () => {
    const broken = join(workspace.config.indexDir, '..', 'broken-index');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    const { code, stderr } = await start({ ...seedEnv(workspace), INDEX_DIR: broken }).exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Could not open the index: .*npm run index/m);
  });

  it('listens before the index is loaded, serves once ready, and on SIGTERM finishes the request in flight and exits 0', async () => {
    const server = start(seedEnv(workspace));
    const listening = await server.line('listening');
    const url = listening.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await server.line('ready');
    expect(ready).toMatchObject({ documents: 5, model: 'seogi-static' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    // A request whose body is only half sent when the signal arrives.
    const body = JSON.stringify({ question: 'what rate cut for robot firms?' });
    const half = Math.floor(body.length / 2);
    const responded = new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.write(body.slice(0, half), () => {
        server.child.kill('SIGTERM');
        void server.line('shutting down').then(() => req.end(body.slice(half)));
      });
    });
    const res = await responded;
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(res.statusCode).toBe(200);
    expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer).answer).toContain('1.2%p');

    const { code, stdout } = await server.exited;
    expect(code).toBe(0);
    const messages = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.slice(-1)).toEqual(['stopped']);
    expect(messages).toContain('request');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('stops with npm start when npm is sent SIGTERM, as a container runtime does, and frees its port', async () => {
    const server = start(seedEnv(workspace), 'npm');
    const url = (await server.line('listening')).url as string;
    await server.line('ready');
    server.child.kill('SIGTERM');
    const { stdout } = await server.exited;
    const messages = stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down', 'stopped']);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
