import { describe, expect, it } from 'vitest';
import { ERRORS } from '../errors.ts';
import { errorResponses } from './responses.ts';
import { errorSchema } from './schemas.ts';

describe('errorResponses', () => {
  it("documents one response per status of the codes, described by each code's message in the catalogue", () => {
    const responses = errorResponses('INVALID_JSON', 'INVALID_REQUEST', 'NOT_READY', 'INDEX_BUSY');
    expect(Object.keys(responses)).toEqual(['400', '503']);
    expect(responses[400]).toEqual({
      description: `\`INVALID_JSON\`: ${ERRORS.INVALID_JSON.message} \`INVALID_REQUEST\`: ${ERRORS.INVALID_REQUEST.message}`,
      content: { 'application/json': { schema: errorSchema } },
    });
    expect(responses[503].description).toBe(`\`NOT_READY\`: ${ERRORS.NOT_READY.message} \`INDEX_BUSY\`: ${ERRORS.INDEX_BUSY.message}`);
  });

  it('documents nothing for a route that answers no errors', () => {
    expect(errorResponses()).toEqual({});
  });
});
