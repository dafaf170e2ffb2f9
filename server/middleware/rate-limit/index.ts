import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors.ts';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests a client may make per window. Required. */
  limit: number;
  /** Length of the window in milliseconds. Default 60 000 (a minute). */
  windowMs?: number;
  /** What identifies a client. Default {@link clientAddress}: the address the connection comes from. */
  key?: (c: Context) => string;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** Clients remembered at most; past this, expired windows are dropped. Default 10 000. */
  maxClients?: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Limits how many requests each client makes per window (a fixed window per client), answering 429 with
 * `Retry-After` (seconds until the client's window resets) once the limit is reached.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const key = options.key ?? clientAddress;
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, Window>();
  return async function rateLimit(c, next) {
    const t = now();
    const client = key(c);
    let window = windows.get(client);
    if (!window || t >= window.resetAt) {
      if (!window && windows.size >= maxClients) makeRoom(windows, t, maxClients);
      window = { count: 0, resetAt: t + windowMs };
      // Re-inserted so the map stays ordered by window start, which makeRoom relies on.
      windows.delete(client);
      windows.set(client, window);
    }
    window.count++;
    if (window.count > options.limit) {
      const seconds = Math.max(1, Math.ceil((window.resetAt - t) / 1000));
      throw new ApiError('RATE_LIMITED',
        `Too many requests: at most ${options.limit} per ${Math.round(windowMs / 1000)} s. Try again in ${seconds} s.`,
        { headers: { 'Retry-After': String(seconds) } },
      );
    }
    await next();
  };
}

function makeRoom(windows: Map<string, Window>, t: number, maxClients: number): void {
  for (const [client, window] of windows) if (t >= window.resetAt) windows.delete(client);
  // Every client is still inside its window: forget the earliest ones rather than grow without bound.
  for (const client of windows.keys()) {
    if (windows.size < maxClients) break;
    windows.delete(client);
  }
}

/** The remote address of the connection (Node server), or `unknown` when there is none (in-process requests). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
