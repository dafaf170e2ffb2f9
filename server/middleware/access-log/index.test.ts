import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { ApiError, createErrorHandler } from '../../errors.ts';
import { accessLog, type AccessLogEntry } from './index.ts';

function loggedApp(logQuestions: boolean) {
  const entries: AccessLogEntry[] = [];
  const app = new Hono();
  app.use(requestId());
  app.use(accessLog({ write: (entry) => entries.push(entry), logQuestions }));
  app.get('/api/ask', (c) => {
    c.set('question', c.req.query('q'));
    return c.json({ answer: 'ok' });
  });
  app.get('/fail', () => {
    throw new ApiError('INVALID_REQUEST', 'bad');
  });
  app.onError(createErrorHandler({ report: () => {} }));
  return { app, entries };
}

describe('accessLog', () => {
  it('writes one line per request with method, path, status, duration and request id', async () => {
    const { app, entries } = loggedApp(false);
    await app.request('/api/ask?q=대출%20금리', { headers: { 'X-Request-Id': 'desk-42' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/api/ask',
      status: 200,
      durationMs: expect.any(Number),
      requestId: 'desk-42',
    });
  });

  it('keeps question text out of the log unless asked to log it', async () => {
    const quiet = loggedApp(false);
    await quiet.app.request('/api/ask?q=%EB%8C%80%EC%B6%9C');
    expect(JSON.stringify(quiet.entries)).not.toContain('대출');
    const verbose = loggedApp(true);
    await verbose.app.request('/api/ask?q=%EB%8C%80%EC%B6%9C');
    expect(verbose.entries[0]?.question).toBe('대출');
  });

  it('logs the status of an error response as a warning', async () => {
    const { app, entries } = loggedApp(false);
    await app.request('/fail');
    expect(entries[0]).toMatchObject({ path: '/fail', status: 400, level: 'warn' });
  });
});
