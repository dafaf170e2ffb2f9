import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { ApiError, type ErrorDetail } from '../errors.ts';

/** What a request part is called in messages. */
const partNames: Record<string, string> = { json: 'body', form: 'form', query: 'query', param: 'path', header: 'headers' };

/**
 * The `defaultHook` of every route app: a request that fails its zod schema is answered 400 naming each failing field
 * (`INVALID_ID` for a bad document id in the path, `INVALID_REQUEST` otherwise).
 */
export const validationHook: Hook<unknown, Env, string, void> = (result) => {
  if (result.success) return;
  const part = partNames[result.target] ?? result.target;
  const details = zodDetails(result.error, part);
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  if (result.target === 'param') throw new ApiError('INVALID_ID', `The document id is not valid: ${summary}`, { details });
  throw new ApiError('INVALID_REQUEST', `The request is not valid: ${summary}`, { details });
};

/** One detail per zod issue; an issue about the whole part (e.g. an unknown field) is named after the part. */
export function zodDetails(error: z.ZodError, part: string): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : part;
    return { path, message: describeIssue(issue) };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
