import type { Context } from 'hono';
import { ApiError, errorResponse } from '../../errors.ts';
import type { ChatRuntime } from '../runtime.ts';
import { verifySlackSignature } from './verify.ts';

/**
 * Reads a request's raw body once and checks Slack's signature over those exact bytes, before anything is parsed.
 * @returns the body as text, or the 401 response to send when the request is not Slack's.
 */
export async function readSignedBody(c: Context, signingSecret: string, runtime: Pick<ChatRuntime, 'now' | 'log'>): Promise<string | Response> {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const headers = { timestamp: c.req.header('x-slack-request-timestamp'), signature: c.req.header('x-slack-signature') };
  const verification = verifySlackSignature(signingSecret, headers, raw, runtime.now());
  if (!verification.ok) {
    // Logged because a wrong SLACK_SIGNING_SECRET shows up nowhere else.
    runtime.log(`Slack: refused a request to ${c.req.path}: ${verification.reason}.`);
    return errorResponse(c, new ApiError('INVALID_SIGNATURE'));
  }
  return new TextDecoder().decode(raw);
}
