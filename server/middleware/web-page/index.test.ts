import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { notFound } from '../../errors.ts';
import { webPage } from './index.ts';

const root = mkdtempSync(join(tmpdir(), 'seogi-web-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pageApp(dir: string) {
  const app = new Hono();
  app.use(webPage({ root: dir }));
  app.notFound(notFound);
  return app;
}

describe('webPage', () => {
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>서기</title><script src="/app.js"></script>');
  writeFileSync(join(dist, 'app.js'), 'console.log("seogi");');
  writeFileSync(join(dist, 'styles.css'), 'body { margin: 0 }');
  writeFileSync(join(dist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), 'outside the page');
  const app = pageApp(dist);

  it.each([
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>서기</title><script src="/app.js"></script>'],
    ['/app.js', 'text/javascript; charset=utf-8', 'console.log("seogi");'],
    ['/styles.css', 'text/css; charset=utf-8', 'body { margin: 0 }'],
    ['/assets/logo.svg', 'image/svg+xml; charset=utf-8', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s', async (path, type, body) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(body);
  });

  it('leaves files it does not have to the next handler', async () => {
    expect((await app.request('/missing.js')).status).toBe(404);
  });

  it('never serves a file outside its root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside the page');
    }
  });

  it('ignores methods other than GET and HEAD', async () => {
    expect((await app.request('/app.js', { method: 'POST' })).status).toBe(404);
    const head = await app.request('/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe('21');
  });

  it('says how to build the page at / while it is not built', async () => {
    const unbuilt = pageApp(join(root, 'not-built'));
    const res = await unbuilt.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
    expect(await res.text()).toContain('<code>npm run build:web</code>');
    expect((await unbuilt.request('/app.js')).status).toBe(404);
  });
});
