import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, errorResponse } from '../../errors.ts';

/** Options of {@link limitBody}. */
export interface LimitBodyOptions {
  /** Largest body accepted, in bytes; a larger one is answered 413. Required: every route chooses its own. */
  maxBytes: number;
}

/**
 * Refuses a request body over `maxBytes` with 413 `PAYLOAD_TOO_LARGE`, before the route reads it: a declared
 * Content-Length over the limit is refused without reading a byte, and a body without one (chunked) is cut off as soon
 * as it passes the limit. A body within the limit is left for the route to read, unchanged.
 *
 * The 413 is sent from here rather than thrown, so it has the API's error shape in sub-apps without an `onError` too.
 *
 * @example
 * app.post('/slack/events', limitBody({ maxBytes: 256 * 1024 }), handler);
 */
export function limitBody(options: LimitBodyOptions): MiddlewareHandler {
  const { maxBytes } = options;
  const tooLarge = new ApiError('PAYLOAD_TOO_LARGE', `The request body is over the limit of ${formatBytes(maxBytes)}.`);
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => errorResponse(c, tooLarge) });
  return async function limitBody(c, next) {
    // Hono's bodyLimit looks at the body stream first, which makes @hono/node-server build a full web Request for
    // every request; a declared length is checked without it (Node never reads more body than Content-Length says).
    const declared = c.req.header('Content-Length');
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return streamed(c, next);
    if (Number.parseInt(declared, 10) > maxBytes) return errorResponse(c, tooLarge);
    await next();
  };
}

/** `65536` → `64 KB`, `5242880` → `5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
