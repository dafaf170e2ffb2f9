import { ERRORS, type ErrorCode, type StatusOf } from '../errors.ts';
import { errorSchema } from './schemas.ts';

/** A documented error response: the `Error` body, described by the codes it may carry. */
export interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: typeof errorSchema } };
}

/**
 * The documented error responses of a route, from the codes it may answer with: one response per status of the
 * catalogue ({@link ERRORS}), described by its codes and their messages.
 *
 * @example
 * responses: { 200: …, ...errorResponses('INVALID_REQUEST', 'RATE_LIMITED', 'NOT_READY') } // 400, 429, 503
 */
export function errorResponses<C extends ErrorCode>(...codes: C[]): Record<StatusOf<C>, ErrorResponse> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  const responses: Record<number, ErrorResponse> = {};
  for (const [status, sharing] of byStatus) {
    responses[status] = { description: sharing.map(describe).join(' '), content: { 'application/json': { schema: errorSchema } } };
  }
  return responses as Record<StatusOf<C>, ErrorResponse>;
}

/** `` `NOT_READY`: The document index is still loading… `` */
function describe(code: ErrorCode): string {
  return `\`${code}\`: ${ERRORS[code].message}`;
}
