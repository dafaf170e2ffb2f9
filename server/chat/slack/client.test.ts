import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeReply, type FakeSlack } from '../testing/fake-slack.ts';
import { SlackClient, SlackRequestError, type SlackClientOptions } from './client.ts';

let slack: FakeSlack;
let waits: number[];

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.reset();
  waits = [];
});

/** A client of the fake Slack that records its waits between attempts instead of sleeping. */
function client(options: Partial<SlackClientOptions> = {}): SlackClient {
  return new SlackClient({
    apiBaseUrl: slack.apiBaseUrl,
    botToken: 'xoxb-test-token',
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
}

const post = { channel: 'C0CHANNEL', thread_ts: '1700000000.000100', text: '로봇 기업 우대금리는 최대 -1.2%p입니다. [1]' };

async function failure(promise: Promise<unknown>): Promise<SlackRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SlackRequestError)) throw new Error(`expected a SlackRequestError, got ${String(error)}`);
  return error;
}

describe('SlackClient.postMessage', () => {
  it('posts the message as UTF-8 JSON with the bot token and without link previews', async () => {
    const { ts } = await client().postMessage(post);
    expect(ts).toBe('1700000000.000001');
    expect(slack.requests).toHaveLength(1);
    const [request] = slack.requests;
    expect(request?.path).toBe('/api/chat.postMessage');
    expect(request?.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.json).toEqual({ ...post, unfurl_links: false, unfurl_media: false });
  });

  it("retries after a 429 once Slack's Retry-After has passed", async () => {
    slack.queue((_, res) => res.writeHead(429, { 'retry-after': '3' }).end());
    await client().postMessage(post);
    expect(slack.requests).toHaveLength(2);
    expect(waits).toEqual([3000]);
  });

  it('retries server errors with a doubling delay and gives up after the bounded attempts', async () => {
    const unavailable: FakeReply = (_, res) => res.writeHead(503).end('down');
    slack.queue(unavailable, unavailable, unavailable);
    const error = await failure(client({ maxRetries: 2 }).postMessage(post));
    expect(error.message).toBe('chat.postMessage: gave up after 3 attempts, last: HTTP 503 down.');
    expect(error.status).toBe(503);
    expect(slack.requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('does not retry a 4xx answer other than 429', async () => {
    slack.queue((_, res) => res.writeHead(404).end('no such method'));
    const error = await failure(client().postMessage(post));
    expect(error.message).toBe('chat.postMessage: Slack answered HTTP 404 no such method.');
    expect(slack.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("does not retry Slack's ok:false, and says what to do about it", async () => {
    slack.queue((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_in_channel"}'));
    const error = await failure(client().postMessage(post));
    expect(error.code).toBe('not_in_channel');
    expect(error.message).toBe('chat.postMessage: Slack answered "not_in_channel": invite the bot to the channel (/invite @Seogi).');
    expect(slack.requests).toHaveLength(1);
  });

  it('gives up on an attempt that gets no answer within the time limit', async () => {
    slack.queue(() => undefined, () => undefined);
    const error = await failure(client({ timeoutMs: 50, maxRetries: 1 }).postMessage(post));
    expect(error.message).toBe('chat.postMessage: gave up after 2 attempts, last: no answer within 50 ms.');
    expect(slack.requests).toHaveLength(2);
  });

  it('gives up when Slack asks to wait longer than allowed', async () => {
    slack.queue((_, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    const error = await failure(client().postMessage(post));
    expect(error.message).toBe('chat.postMessage: Slack asked to wait 120000 ms before retrying, longer than 30000 ms.');
    expect(slack.requests).toHaveLength(1);
  });

  it('refuses to post without a bot token, naming the variable to set', async () => {
    const error = await failure(client({ botToken: undefined }).postMessage(post));
    expect(error.message).toBe('chat.postMessage: SLACK_BOT_TOKEN is not set, so Seogi cannot reply in Slack.');
    expect(slack.requests).toHaveLength(0);
  });
});

describe('SlackClient.respond', () => {
  it("posts a slash command's late answer to its response_url, without the bot token", async () => {
    await client().respond(slack.responseUrl('T0/1/abc'), { response_type: 'in_channel', text: '답변 [1]' });
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.path).toBe('/response/T0/1/abc');
    expect(slack.requests[0]?.headers.authorization).toBeUndefined();
    expect(slack.requests[0]?.json).toEqual({ response_type: 'in_channel', text: '답변 [1]' });
  });
});
