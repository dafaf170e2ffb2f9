import { describe, expect, it } from 'vitest';
import { chatRoutes, DEFAULT_CHAT_MAX_BODY_BYTES } from './index.ts';
import { notReadyText } from './messages.ts';
import { commandForm, slackRequest, TEST_SIGNING_SECRET } from './testing/slack-request.ts';

describe('chatRoutes', () => {
  it('answers 404 NOT_CONFIGURED, naming the variable to set, for an integration that is not set up', async () => {
    const app = chatRoutes({ service: () => undefined });
    for (const path of ['/slack/commands', '/slack/events']) {
      const res = await app.request(path, { method: 'POST', body: 'text=hi' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'NOT_CONFIGURED', message: 'The Slack bot is off: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN to answer mentions) and restart the server.' },
      });
    }
    const res = await app.request('/mattermost/commands', { method: 'POST', body: 'text=hi' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'NOT_CONFIGURED',
      message: 'The Mattermost integration is off: set MATTERMOST_TOKEN to the token of the slash command or outgoing webhook and restart the server.',
    });
  });

  it('serves Slack without Mattermost and the other way round, logging the requests it refuses', async () => {
    const logs: string[] = [];
    const log = (message: string) => void logs.push(message);
    const slack = { signingSecret: 'secret-123', apiBaseUrl: 'http://127.0.0.1:9/api', responseType: 'ephemeral' as const };
    const slackOnly = chatRoutes({ service: () => undefined, slack, log });
    expect((await slackOnly.request('/slack/commands', { method: 'POST', body: 'text=hi' })).status).toBe(401);
    expect((await slackOnly.request('/mattermost/commands', { method: 'POST', body: 'text=hi' })).status).toBe(404);
    const mattermostOnly = chatRoutes({ service: () => undefined, mattermost: { token: 'mm-token-123' }, log });
    expect((await mattermostOnly.request('/mattermost/commands', { method: 'POST', body: 'text=hi' })).status).toBe(401);
    expect((await mattermostOnly.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404);
    expect(logs).toEqual([
      'Slack: refused a request to /slack/commands: the X-Slack-Request-Timestamp or X-Slack-Signature header is missing.',
      'Mattermost: refused a request to /mattermost/commands: its token is missing or is not MATTERMOST_TOKEN.',
    ]);
  });
});

describe('chatRoutes request bodies', () => {
  const MAX = 4096;
  const paths = ['/slack/commands', '/slack/events', '/mattermost/commands'];
  const configured = (options: { maxBodyBytes?: number } = {}) =>
    chatRoutes({
      service: () => undefined,
      slack: { signingSecret: TEST_SIGNING_SECRET, apiBaseUrl: 'http://127.0.0.1:9/api', responseType: 'ephemeral' },
      mattermost: { token: 'mm-token-123' },
      log: () => undefined,
      ...options,
    });
  const tooLarge = (limit: string) => ({ error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is over the limit of ${limit}.` } });

  it.each(paths)('refuses %s with 413 by its Content-Length, before the signature or token is checked', async (path) => {
    // A gigabyte declared and a few bytes sent: reading the body would find a bad signature and answer 401.
    const res = await configured().request(path, { method: 'POST', headers: { 'Content-Length': String(1024 ** 3) }, body: 'text=hi' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge(`${DEFAULT_CHAT_MAX_BODY_BYTES / 1024} KB`));
  });

  it.each(paths)('cuts off a streamed body to %s as soon as it passes maxBodyBytes', async (path) => {
    const stream = countedStream(new TextEncoder().encode('x'.repeat(1024)), 1000);
    const res = await configured({ maxBodyBytes: MAX }).request(path, { method: 'POST', body: stream.body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge('4 KB'));
    // A megabyte offered; read no further than the chunk that went over the limit (and one the stream queued ahead).
    expect(stream.pulled()).toBeLessThanOrEqual(MAX + 2 * 1024);
  });

  it('lets a signed Slack request within the limit through, with or without a Content-Length', async () => {
    const app = configured({ maxBodyBytes: MAX });
    const body = commandForm('로봇 기업 우대금리는?');
    const signed = slackRequest('/slack/commands', body);
    const streamed = new Request(signed.url, { method: 'POST', headers: signed.headers, body: countedStream(new TextEncoder().encode(body), 1).body, duplex: 'half' } as RequestInit);
    for (const request of [signed, streamed]) {
      const res = await app.request(request);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: notReadyText('ko') });
    }
    const events = await app.request(slackRequest('/slack/events', JSON.stringify({ type: 'url_verification', challenge: 'c-123' }), { contentType: 'application/json' }));
    expect(await events.json()).toEqual({ challenge: 'c-123' });
  });

  it('lets a Mattermost request within the limit through, and one over it by a byte not', async () => {
    const app = configured({ maxBodyBytes: MAX });
    const body = (text: string) => new URLSearchParams({ command: '/seogi', text, token: 'mm-token-123' }).toString();
    const fits = body('x'.repeat(MAX - body('').length));
    expect(fits).toHaveLength(MAX);
    const res = await app.request('/mattermost/commands', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fits });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: notReadyText('en') });
    const over = await app.request('/mattermost/commands', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${fits}x` });
    expect(over.status).toBe(413);
  });
});

/** A body of `count` copies of `chunk`, handed out one at a time as they are read, counting the bytes read. */
function countedStream(chunk: Uint8Array, count: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= chunk.length * count) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}
