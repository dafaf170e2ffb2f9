import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Machine-readable reason of an error response; clients branch on it, people read `message`. */
export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_REQUEST'
  | 'INVALID_ID'
  | 'UNAUTHORIZED'
  | 'ADMIN_DISABLED'
  | 'NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'DOCUMENT_EXISTS'
  | 'DOCUMENT_EMPTY'
  | 'INVALID_DOCUMENT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'NOT_READY'
  | 'INDEX_BUSY'
  | 'STORAGE_UNAVAILABLE'
  | 'DISK_FULL';

/** One failing part of a request, e.g. `{path: 'topK', message: 'Too big: expected number to be <=20'}`. */
export interface ErrorDetail {
  /** Dotted path of the field (`history.3.question`), or the request part (`query`, `body`) for a whole-part problem. */
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/**
 * The one error type of the HTTP layer: thrown anywhere in a request, turned into `{error: {code, message, details?}}`
 * with its status by {@link onError}.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. `Retry-After` or `Allow`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Builds the error body; `details` is left out when there are none. */
export function errorBody(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Sends an {@link ApiError} as JSON. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
}

/** Codes for the statuses Hono's own middleware throws (body limit, media type gate). */
const codeOfStatus: Partial<Record<number, ErrorCode>> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'NOT_READY',
};

/** Options of {@link createErrorHandler}. */
export interface ErrorHandlerOptions {
  /** Receives unexpected errors (the ones answered with a generic 500). Default: a JSON line on stderr. */
  report?: (error: unknown, c: Context) => void;
}

/**
 * The app's `onError`: known errors keep their status and code; anything else is logged and answered with a generic
 * 500 that reveals nothing of the internals.
 */
export function createErrorHandler(options: ErrorHandlerOptions = {}): ErrorHandler {
  const report = options.report ?? reportToStderr;
  return (error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException) {
      // Middleware that renders its own response (bearer auth) already uses the error shape; newResponse adds the
      // headers set so far (the request id).
      if (error.res) return c.newResponse(error.res.body, error.res);
      const code = codeOfStatus[error.status];
      if (code) return errorResponse(c, new ApiError(error.status, code, error.message || code));
    }
    report(error, c);
    return errorResponse(c, new ApiError(500, 'INTERNAL', 'Something went wrong on the server. Try again; if it persists, report the request id.'));
  };
}

function reportToStderr(error: unknown, c: Context): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), error: detail }));
}

/** The app's `notFound`: a route that does not exist. */
export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, new ApiError(404, 'NOT_FOUND', `No route ${c.req.method} ${c.req.path}. The API is described at /docs.`));
