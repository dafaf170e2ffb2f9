import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ServiceError } from './service.ts';

/** What the catalogue says of one error code. */
export interface ErrorSpec {
  status: ContentfulStatusCode;
  /** Said when the thrower has nothing more precise to say; also the code's description in the API reference. */
  message: string;
  /** Seconds the client is asked to wait before retrying (`Retry-After`), unless the thrower says otherwise. */
  retryAfter?: number;
}

/**
 * Every error the server answers with, by code: its status, its default message and when to retry. Clients branch on
 * the code, people read the message; tests assert the code.
 */
export const ERRORS = {
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON (or not UTF-8, empty, or nested too deeply).' },
  INVALID_REQUEST: { status: 400, message: 'The request is not valid; `details` names each failing field.' },
  INVALID_ID: { status: 400, message: 'The document id is not valid.' },
  DOCUMENT_EMPTY: { status: 400, message: 'Nothing is left of the document after cleaning: it has no text to index.' },
  INVALID_DOCUMENT: { status: 400, message: 'The document is not valid: no text, a title for a file that has its own, or a bad id.' },
  UNAUTHORIZED: { status: 401, message: 'Missing or wrong admin token: send `Authorization: Bearer <ADMIN_TOKEN>`.' },
  INVALID_SIGNATURE: { status: 401, message: 'This request is not signed by Slack with the configured signing secret.' },
  INVALID_TOKEN: { status: 401, message: 'This request does not carry the configured Mattermost token.' },
  ADMIN_DISABLED: { status: 403, message: 'Changing documents is disabled: the server has no ADMIN_TOKEN.' },
  NOT_FOUND: { status: 404, message: 'No such route. The API is described at /docs.' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'No such document; GET /api/documents lists them.' },
  NOT_CONFIGURED: { status: 404, message: 'This chat integration is not configured on this server.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here; `Allow` lists the ones that are.' },
  DOCUMENT_EXISTS: { status: 409, message: 'A document with this id exists already; delete it first or choose another id.' },
  DUPLICATE_CONTENT: { status: 409, message: 'The same text is already in the collection under another id; the message names that document.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is over the size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The body has another Content-Type than the ones accepted.' },
  UNSUPPORTED_FORMAT: { status: 415, message: 'Seogi does not read this type of file.' },
  UNREADABLE_DOCUMENT: {
    status: 422,
    message: 'The file is damaged, cut short, not what its name says, or text in no encoding Seogi reads (UTF-8, UTF-16, CP949/EUC-KR).',
  },
  NO_TEXT_LAYER: { status: 422, message: 'This PDF is a scanned image; Seogi needs a text layer — run OCR first.' },
  ENCRYPTED_DOCUMENT: { status: 422, message: 'The file is protected by a password; save an unprotected copy and add that.' },
  RATE_LIMITED: { status: 429, message: 'Over the per-client rate limit; retry after `Retry-After` seconds.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server. Try again; if it persists, report the request id.' },
  NOT_READY: {
    status: 503,
    message: 'The document index is still loading; try again in a few seconds (GET /readyz answers 200 once it is ready).',
    retryAfter: 5,
  },
  // Another process writing the index (`npm run index`) usually takes seconds to minutes; storage takes a person.
  INDEX_BUSY: { status: 503, message: 'Another process (npm run index) is writing the index; retry after `Retry-After` seconds.', retryAfter: 30 },
  STORAGE_UNAVAILABLE: { status: 503, message: "INDEX_DIR or DOCS_DIR can't be written; nothing was changed.", retryAfter: 60 },
  STORE_UNAVAILABLE: { status: 503, message: "The shared database (DATABASE_URL) can't be reached; nothing was changed.", retryAfter: 5 },
  DISK_FULL: { status: 503, message: 'The disk holding INDEX_DIR or DOCS_DIR is full; nothing was changed.', retryAfter: 60 },
} as const satisfies Record<string, ErrorSpec>;

/** Machine-readable reason of an error response; clients branch on it, people read `message`. */
export type ErrorCode = keyof typeof ERRORS;

/** The status the catalogue gives `code`. */
export type StatusOf<C extends ErrorCode> = (typeof ERRORS)[C]['status'];

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

/** Options of {@link ApiError}. */
export interface ApiErrorOptions {
  /** The failing fields. Default none. */
  details?: ErrorDetail[];
  /** Extra response headers, e.g. `Allow`, or a `Retry-After` other than the catalogue's. Default none. */
  headers?: Record<string, string>;
}

/**
 * The one error type of the HTTP layer: thrown anywhere in a request, turned into `{error: {code, message, details?}}`
 * by {@link createErrorHandler}, with the status and `Retry-After` of its code in {@link ERRORS}.
 *
 * @example
 * throw new ApiError('DOCUMENT_NOT_FOUND', `There is no document "${id}"; GET /api/documents lists them.`);
 * throw new ApiError('NOT_READY'); // 503, the catalogue's message, Retry-After: 5
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details: ErrorDetail[] | undefined;
  /** The response headers: the catalogue's `Retry-After`, if any, and the thrower's own. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, options: ApiErrorOptions = {}) {
    const spec: ErrorSpec = ERRORS[code];
    super(message ?? spec.message);
    this.code = code;
    this.status = spec.status;
    this.details = options.details;
    this.headers = { ...(spec.retryAfter !== undefined && { 'Retry-After': String(spec.retryAfter) }), ...options.headers };
  }
}

/** A refusal of the service (a document change it won't or can't make) as the API answers it. */
export function fromServiceError(error: ServiceError): ApiError {
  return new ApiError(error.code, error.message);
}

/** Builds the error body; `details` is left out when there are none. */
export function errorBody(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Sends an {@link ApiError} as JSON. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(errorBody(error.code, error.message, error.details), error.status, error.headers);
}

/** The codes of the statuses Hono's own middleware throws (body limit, media type gate). */
const codeOfStatus = new Map<number, ErrorCode>(
  (['INVALID_REQUEST', 'UNAUTHORIZED', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'NOT_READY'] as const).map(
    (code) => [ERRORS[code].status, code],
  ),
);

/** Options of {@link createErrorHandler}. */
export interface ErrorHandlerOptions {
  /** Receives unexpected errors (the ones answered with a generic 500). Default: a JSON line on stderr. */
  report?: (error: unknown, c: Context) => void;
}

/**
 * The app's `onError`: known errors (an {@link ApiError}, a {@link ServiceError}, Hono's HTTP exceptions) are answered
 * with their code's status; anything else is logged and answered with a generic 500 that reveals nothing of the
 * internals.
 */
export function createErrorHandler(options: ErrorHandlerOptions = {}): ErrorHandler {
  const report = options.report ?? reportToStderr;
  return (error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof ServiceError) return errorResponse(c, fromServiceError(error));
    if (error instanceof HTTPException) {
      // Middleware that renders its own response (bearer auth) already uses the error shape; newResponse adds the
      // headers set so far (the request id).
      if (error.res) return c.newResponse(error.res.body, error.res);
      const code = codeOfStatus.get(error.status);
      if (code) return errorResponse(c, new ApiError(code, error.message || undefined));
    }
    report(error, c);
    return errorResponse(c, new ApiError('INTERNAL'));
  };
}

function reportToStderr(error: unknown, c: Context): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', requestId: c.get('requestId'), error: detail }));
}

/** The app's `notFound`: a route that does not exist. */
export const notFound: NotFoundHandler = (c) => errorResponse(c, new ApiError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}. The API is described at /docs.`));
