import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors.ts';
import { limitBody } from '../body-limit/index.ts';
import { JsonParser } from './json-parser.ts';
import { JsonBodyError, parseJsonBody } from './parse-json.ts';

export { nestingDepth } from './parse-json.ts';

/** Options of {@link jsonBody}. */
export interface JsonBodyOptions {
  /** Largest body accepted, in bytes; a larger one is answered 413. Required: every route chooses its own. */
  maxBytes: number;
  /** Deepest nesting of arrays and objects accepted. Default 32: far more than any request of this API needs. */
  maxDepth?: number;
  /**
   * Media types accepted besides JSON, e.g. `multipart/form-data`; their bodies are only size-checked and left to the
   * route. Default none: the route takes JSON only.
   */
  otherTypes?: readonly string[];
}

/** The same test Hono's validator uses, so a body this middleware lets through is one the validator will parse. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
/**
 * Bodies from this size on are parsed on a worker thread: parsing a few hundred kilobytes takes a millisecond or two,
 * a 5 MB document over a hundred on a busy machine, during which nothing else would be answered.
 */
export const OFF_THREAD_BYTES = 256 * 1024;
/** The worker that parses large bodies, shared by every route; started with the first large body. */
let parser: JsonParser | undefined;

/**
 * Accepts a request body for one route: checks the media type (415), the size with {@link limitBody} (413, before
 * reading), and for JSON that the bytes are valid UTF-8 and well-formed, not too deeply nested JSON (400). The route's
 * zod validator gets the parsed value from `c.req.json()`; a large body is parsed on a worker thread.
 *
 * Applied per route rather than globally: routes that verify signatures over the raw body (the chat webhooks) must
 * read it themselves, and use {@link limitBody} alone.
 */
export function jsonBody(options: JsonBodyOptions): MiddlewareHandler {
  const maxDepth = options.maxDepth ?? 32;
  const others = (options.otherTypes ?? []).map((t) => t.toLowerCase());
  const accepted = ['application/json', ...others].join(' or ');
  const limit = limitBody({ maxBytes: options.maxBytes });
  return async function jsonBody(c, next) {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const isJson = JSON_MEDIA_TYPE.test(mediaType);
    if (!isJson && !others.includes(mediaType)) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE',
        mediaType === '' ? `Send a body with Content-Type ${accepted}.` : `Content-Type ${mediaType} is not accepted here; send ${accepted}.`,
      );
    }
    const read = async () => {
      if (isJson) {
        let bytes: ArrayBuffer;
        try {
          bytes = await c.req.arrayBuffer();
        } catch {
          throw new ApiError('INVALID_JSON', 'The request body could not be read completely.');
        }
        // The route's validator reads the body with c.req.json(), which would decode and parse the bytes once more,
        // on this thread: this request's json() gives the parsed value instead.
        const value = await parseBody(bytes, maxDepth);
        c.req.json = <T>() => Promise.resolve(value as T);
      }
      await next();
    };
    return limit(c, read);
  };
}

/**
 * Decodes, checks and parses a JSON body: a large one on a worker thread (see json-parser.ts), so that the server
 * goes on answering meanwhile.
 * @throws ApiError 400 `INVALID_JSON` saying what is wrong.
 */
async function parseBody(bytes: ArrayBuffer, maxDepth: number): Promise<unknown> {
  try {
    return bytes.byteLength < OFF_THREAD_BYTES ? parseJsonBody(bytes, maxDepth) : await (parser ??= new JsonParser()).parse(new Uint8Array(bytes), maxDepth);
  } catch (error) {
    throw error instanceof JsonBodyError ? new ApiError('INVALID_JSON', error.message) : error;
  }
}
