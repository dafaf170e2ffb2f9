import type { Answer, AskRequest, DocumentDetail, DocumentSummary } from '../../contract/api.ts';

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

/** Lists the collection (`GET /api/documents`). @throws ApiError */
export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  const body = await requestJson<{ documents: DocumentSummary[] }>(
    '/api/documents',
    { headers: { accept: 'application/json' } },
    signal,
    (value) => isRecord(value) && Array.isArray(value.documents),
  );
  return body.documents;
}

/**
 * Checks an admin token (`GET /api/admin/check`): resolves when it is right.
 * @throws ApiError `rejected` with status 401 for a wrong token, 403 when the server has none.
 */
export async function checkAdminToken(token: string): Promise<void> {
  await requestJson('/api/admin/check', { headers: bearer(token) }, undefined, () => true);
}

/**
 * Deletes a document (`DELETE /api/documents/:id`, admin).
 * @throws ApiError; status 404 when it is already gone, 401 for a wrong token.
 */
export async function deleteDocument(id: string, token: string): Promise<void> {
  await requestJson(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: bearer(token) }, undefined, () => true);
}

/** What an upload came to: the document (201 added, 200 already there), or the server's refusal. */
export type UploadOutcome =
  | { kind: 'added' | 'present'; document: DocumentSummary }
  | { kind: 'refused'; status: number; code: string | undefined; message: string }
  | { kind: 'network' | 'server'; message: string };

/**
 * Uploads one file as multipart form data (`POST /api/documents`, admin), reporting how much of it has been sent
 * (0–1) as it goes; the server then reads and indexes it before it answers. Uses XMLHttpRequest, since fetch reports
 * no upload progress. Never rejects: every end is an {@link UploadOutcome}.
 */
export function uploadDocument(file: File, token: string, onProgress: (sent: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/documents');
    request.responseType = 'text';
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.upload.addEventListener('load', () => onProgress(1));
    request.addEventListener('error', () => resolve({ kind: 'network', message: 'The connection failed.' }));
    request.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      const status = request.status;
      if ((status === 200 || status === 201) && isRecord(body) && typeof body.id === 'string') {
        resolve({ kind: status === 201 ? 'added' : 'present', document: body as unknown as DocumentSummary });
        return;
      }
      const error = isRecord(body) && isRecord(body.error) ? body.error : {};
      const message = typeof error.message === 'string' ? error.message : request.statusText;
      if (status >= 502 && status <= 504) resolve({ kind: 'network', message });
      else if (status >= 500 || status < 400) resolve({ kind: 'server', message });
      else resolve({ kind: 'refused', status, code: typeof error.code === 'string' ? error.code : undefined, message });
    });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

function bearer(token: string): Record<string, string> {
  return { accept: 'application/json', authorization: `Bearer ${token}` };
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
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
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
