import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { validationHook, zodDetails } from './validation.ts';

const schema = z.strictObject({ question: z.string().min(1, 'must not be empty'), topK: z.number().max(20, 'must be at most 20').optional() });

function failureOf(value: unknown, target: 'json' | 'param' = 'json'): ApiError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to fail');
  try {
    validationHook({ success: false, error: result.error, target } as never, undefined as never);
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected an ApiError');
}

describe('zodDetails', () => {
  it('names each failing field by its dotted path', () => {
    const result = z.object({ history: z.array(z.object({ question: z.string() })) }).safeParse({ history: [{ question: 'a' }, {}] });
    expect(result.success).toBe(false);
    expect(zodDetails(result.error!, 'body')).toEqual([{ path: 'history.1.question', message: 'is required' }]);
  });

  it('names the request part for an issue about the whole of it', () => {
    const result = schema.safeParse({ question: 'q', top_k: 3, extra: true });
    expect(zodDetails(result.error!, 'body')).toEqual([{ path: 'body', message: 'unknown fields "top_k", "extra"' }]);
  });
});

describe('validationHook', () => {
  it('answers 400 INVALID_REQUEST with every failing field in the message and details', () => {
    const error = failureOf({ question: '', topK: 30 });
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toBe('The request is not valid: question: must not be empty; topK: must be at most 20');
    expect(error.details).toEqual([
      { path: 'question', message: 'must not be empty' },
      { path: 'topK', message: 'must be at most 20' },
    ]);
  });

  it('answers a bad path parameter with INVALID_ID', () => {
    const error = failureOf({ question: '' }, 'param');
    expect(error.code).toBe('INVALID_ID');
    expect(error.message).toBe('The document id is not valid: question: must not be empty');
  });
});
