import type { Answer, AskRequest, DocumentDetail } from '../../contract/api.ts';

/** Why a request failed, as the person needs to know it: nothing answered, the server broke, or it refused. */
export type FailureKind = 'network' | 'server' | 'rejected';

/** A failed API request. `message` is the server's own explanation when it gave one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Asks a question (`POST /api/ask`). @throws ApiError; an AbortError when `signal` aborts. */
export function ask(body: AskRequest, signal?: AbortSignal): Promise<Answer> {
  return requestJson<Answer>(
    '/api/ask',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    signal,
    (value) => isRecord(value) && typeof value.answer === 'string' && Array.isArray(value.citations),
  );
}

/** Reads a document with its full cleaned text (`GET /api/documents/:id`). @throws ApiError */
export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return requestJson<DocumentDetail>(
    `/api/documents/${encodeURIComponent(id)}`,
    { headers: { accept: 'application/json' } },
    signal,
    (value) => isRecord(value) && typeof value.text === 'string' && typeof value.title === 'string',
  );
}

async function requestJson<T>(
  path: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  isExpected: (value: unknown) => boolean,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, signal ? { ...init, signal } : init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const message = typeof error.message === 'string' ? error.message : response.statusText;
    const code = typeof error.code === 'string' ? error.code : undefined;
    // A gateway in front of a stopped server answers 502–504: for the person that is "unreachable", not "broken".
    const kind: FailureKind = response.status >= 502 && response.status <= 504 ? 'network' : response.status >= 500 ? 'server' : 'rejected';
    throw new ApiError(kind, response.status, message, code);
  }
  if (!isExpected(body)) throw new ApiError('server', response.status, `Unexpected response from ${path}.`);
  return body as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
