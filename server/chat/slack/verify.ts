import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.ts';

/** Slack's replay window: a request signed more than five minutes away from now is refused. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

/** The two headers Slack signs a request with. */
export interface SlackSignatureHeaders {
  /** `X-Slack-Request-Timestamp`: seconds since the epoch, when Slack sent the request. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
  signature: string | undefined;
}

/** Whether a request is Slack's, and if not why, for the log (the caller answers only 401). */
export type SlackVerification = { ok: true } | { ok: false; reason: string };

/**
 * Checks that a request comes from Slack: the signature must be the HMAC-SHA256 of `v0:{timestamp}:{raw body}` under
 * the app's signing secret (compared in constant time), and the timestamp within five minutes of `nowMs`, so a
 * captured request can't be replayed later.
 *
 * @param body the raw bytes as received: a body parsed and re-serialised would not match.
 */
export function verifySlackSignature(secret: string, headers: SlackSignatureHeaders, body: Uint8Array, nowMs: number): SlackVerification {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return { ok: false, reason: 'the X-Slack-Request-Timestamp or X-Slack-Signature header is missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a number of seconds' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) {
    return { ok: false, reason: 'X-Slack-Request-Timestamp is more than five minutes away from now' };
  }
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
  return constantTimeEqual(expected, signature) ? { ok: true } : { ok: false, reason: 'X-Slack-Signature does not match the body' };
}
