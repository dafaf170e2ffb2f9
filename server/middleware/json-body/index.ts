import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors.ts';
import { limitBody } from '../body-limit/index.ts';

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
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Accepts a request body for one route: checks the media type (415), the size with {@link limitBody} (413, before
 * reading), and for JSON that the bytes are valid UTF-8 and well-formed, not too deeply nested JSON (400). The checked
 * text stays in Hono's body cache, where the route's zod validator reads it.
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
        // The validator reads the body as text: given the checked text, it need not decode the bytes once more
        // (through a web Response). Hono's body cache holds promises, though its type names the values.
        (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(parseJsonText(bytes, maxDepth));
      }
      await next();
    };
    return limit(c, read);
  };
}

/** Decodes and checks a JSON body, returning its text. @throws ApiError 400 `INVALID_JSON` saying what is wrong. */
export function parseJsonText(bytes: ArrayBuffer, maxDepth: number): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError('INVALID_JSON', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new ApiError('INVALID_JSON', 'The request body is empty; send a JSON object.');
  if (nestingDepth(text) > maxDepth) {
    throw new ApiError('INVALID_JSON', `The JSON body is nested more than ${maxDepth} levels deep.`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new ApiError('INVALID_JSON', `The request body is not valid JSON${reason}.`);
  }
  return text;
}

/** Deepest bracket nesting outside strings, counted on the text so a hostile body is rejected before it is parsed. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}
