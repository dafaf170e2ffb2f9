import { errorSchema } from './schemas.ts';

/** What each error status means, as the reference shows it. */
const errorDescriptions = {
  400: 'Invalid JSON, or a field fails validation; `details` names the fields.',
  401: 'Missing or wrong admin token.',
  403: 'Document changes are disabled: the server has no ADMIN_TOKEN.',
  404: 'No such document.',
  409: 'A document with this id exists already.',
  413: 'The body is over the size limit.',
  415: 'The body has another Content-Type than the ones listed.',
  429: 'Over the per-client rate limit; retry after `Retry-After` seconds.',
  503: 'The index is still loading (`NOT_READY`); for document changes, another process is writing the index (`INDEX_BUSY`) or INDEX_DIR or DOCS_DIR can\'t be written (`STORAGE_UNAVAILABLE`, `DISK_FULL`). Retry after `Retry-After` seconds.',
} as const;

export type ErrorStatus = keyof typeof errorDescriptions;

interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: typeof errorSchema } };
}

/** The documented error responses of a route, all with the `Error` body. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, ErrorResponse> {
  const responses: Partial<Record<S, ErrorResponse>> = {};
  for (const status of statuses) {
    responses[status] = { description: errorDescriptions[status], content: { 'application/json': { schema: errorSchema } } };
  }
  return responses as Record<S, ErrorResponse>;
}
