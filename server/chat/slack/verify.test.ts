import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from './verify.ts';

// The worked example of Slack's "Verifying requests from Slack" page.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&' +
  'user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2F' +
  'commands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const DOC_NOW = Number(DOC_TIMESTAMP) * 1000;

const bytes = (text: string) => new TextEncoder().encode(text);
const sign = (secret: string, timestamp: string, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

describe('verifySlackSignature', () => {
  it("accepts Slack's documented example request", () => {
    const result = verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE }, bytes(DOC_BODY), DOC_NOW);
    expect(result).toEqual({ ok: true });
  });

  it('accepts a request signed over a Korean UTF-8 body', () => {
    const body = JSON.stringify({ type: 'event_callback', event: { text: '로봇 기업 우대금리는?' } });
    const result = verifySlackSignature('s3cret-value', { timestamp: DOC_TIMESTAMP, signature: sign('s3cret-value', DOC_TIMESTAMP, body) }, bytes(body), DOC_NOW);
    expect(result.ok).toBe(true);
  });

  it('rejects a stale Slack timestamp', () => {
    const sixMinutesLater = DOC_NOW + 6 * 60 * 1000;
    const result = verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE }, bytes(DOC_BODY), sixMinutesLater);
    expect(result).toEqual({ ok: false, reason: 'X-Slack-Request-Timestamp is more than five minutes away from now' });
  });

  it('rejects a timestamp from more than five minutes in the future', () => {
    const result = verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE }, bytes(DOC_BODY), DOC_NOW - 301_000);
    expect(result.ok).toBe(false);
  });

  it('accepts a timestamp just inside the five-minute window', () => {
    const result = verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE }, bytes(DOC_BODY), DOC_NOW + 299_000);
    expect(result.ok).toBe(true);
  });

  it('rejects a body changed after signing', () => {
    const changed = DOC_BODY.replace('text=', 'text=hello');
    const result = verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE }, bytes(changed), DOC_NOW);
    expect(result).toEqual({ ok: false, reason: 'X-Slack-Signature does not match the body' });
  });

  it('rejects a signature made with another secret', () => {
    const signature = sign('another-secret', DOC_TIMESTAMP, DOC_BODY);
    expect(verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature }, bytes(DOC_BODY), DOC_NOW).ok).toBe(false);
  });

  it('rejects a signature whose timestamp was swapped for a fresh one', () => {
    const fresh = String(Number(DOC_TIMESTAMP) + 600);
    const result = verifySlackSignature(DOC_SECRET, { timestamp: fresh, signature: DOC_SIGNATURE }, bytes(DOC_BODY), DOC_NOW + 600_000);
    expect(result.ok).toBe(false);
  });

  it('rejects missing headers and a timestamp that is not a number', () => {
    const body = bytes(DOC_BODY);
    expect(verifySlackSignature(DOC_SECRET, { timestamp: undefined, signature: DOC_SIGNATURE }, body, DOC_NOW)).toEqual({
      ok: false,
      reason: 'the X-Slack-Request-Timestamp or X-Slack-Signature header is missing',
    });
    expect(verifySlackSignature(DOC_SECRET, { timestamp: DOC_TIMESTAMP, signature: undefined }, body, DOC_NOW).ok).toBe(false);
    expect(verifySlackSignature(DOC_SECRET, { timestamp: '1531420618.5', signature: DOC_SIGNATURE }, body, DOC_NOW)).toEqual({
      ok: false,
      reason: 'X-Slack-Request-Timestamp is not a number of seconds',
    });
  });
});
