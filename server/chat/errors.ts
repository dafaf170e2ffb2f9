import type { Context } from 'hono';

/** Why a chat request was refused. */
export type ChatErrorCode = 'NOT_CONFIGURED' | 'INVALID_SIGNATURE' | 'INVALID_TOKEN' | 'INVALID_REQUEST';

/** A refusal in the API's error shape, `{error: {code, message}}`. */
export function chatError(c: Context, status: 400 | 401 | 404, code: ChatErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, status);
}
