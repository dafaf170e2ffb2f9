import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../contract/api.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';
import { startServer as start } from './server-process.ts';
import { seedEnv } from './support.ts';

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

  it('stops gracefully on Ctrl-C in a terminal, which signals npm and the server together', async () => {
    const server = start(seedEnv(workspace), 'npm', { group: true });
    const url = (await server.line('listening')).url as string;
    await server.line('ready');
    // The terminal signals the group; npm passes the signal on to the server again.
    process.kill(-server.child.pid!, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(-server.child.pid!, 'SIGINT');
    const { stdout } = await server.exited;
    const messages = stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down', 'stopped']);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
