import type { Context, MiddlewareHandler } from 'hono';
import type {} from 'hono/request-id';
import { writeStdoutLine } from '../../log-lines.ts';

/** One line of the request log. */
export interface AccessLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  /** The path without the query string, which may hold a question. */
  path: string;
  status: number;
  durationMs: number;
  requestId: string | undefined;
  /** Only with `logQuestions`. */
  question?: string;
}

/** Options of {@link accessLog}. */
export interface AccessLogOptions {
  /** Where entries go. Default: one JSON line each on stdout ({@link writeStdoutLine}). */
  write?: (entry: AccessLogEntry) => void;
  /** Include the question text of ask requests. Default false: questions may hold personal or business data. */
  logQuestions?: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by routes that answer a question, for the log. */
    question?: string;
  }
}

/**
 * Writes one structured line per request after it is answered: method, path, status, duration and request id
 * (register after `requestId`). Question text is left out unless `logQuestions` is on.
 */
export function accessLog(options: AccessLogOptions = {}): MiddlewareHandler {
  const write = options.write ?? writeStdoutLine;
  return async function accessLog(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      write(entryOf(c, started, options.logQuestions ?? false));
    }
  };
}

function entryOf(c: Context, started: number, logQuestions: boolean): AccessLogEntry {
  const status = c.res.status;
  const entry: AccessLogEntry = {
    time: new Date().toISOString(),
    level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
    msg: 'request',
    method: c.req.method,
    path: c.req.path,
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    requestId: c.get('requestId'),
  };
  const question = c.get('question');
  if (logQuestions && question !== undefined) entry.question = question;
  return entry;
}

