import { createHmac } from 'node:crypto';

/** The signing secret the tests' Slack app uses. */
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';

/** Options of {@link slackRequest}. */
export interface SlackRequestOptions {
  contentType?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Default {@link TEST_SIGNING_SECRET}. */
  secret?: string;
  /** Replaces the body after signing, as a tampering proxy would. */
  bodyAfterSigning?: string;
  /** Extra headers, e.g. `X-Slack-Retry-Num`. */
  headers?: Record<string, string>;
  /** Leaves out the signature headers. */
  unsigned?: boolean;
}

/**
 * A request as Slack sends it, signed the way Slack documents (HMAC-SHA256 of `v0:{timestamp}:{body}`), computed
 * here with node:crypto independently of the code under test.
 */
export function slackRequest(path: string, body: string, options: SlackRequestOptions = {}): Request {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded', ...options.headers };
  if (!options.unsigned) Object.assign(headers, { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature });
  return new Request(`http://seogi.test${path}`, { method: 'POST', headers, body: options.bodyAfterSigning ?? body });
}

/** A slash command's form body, with the fields Slack sends. */
export function commandForm(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    channel_id: 'C0CHANNEL',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/seogi',
    text,
    trigger_id: '1.2.3',
    ...extra,
  }).toString();
}
