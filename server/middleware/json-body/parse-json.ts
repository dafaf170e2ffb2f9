/** Why a JSON body was refused: the message says what is wrong, for a 400 `INVALID_JSON`. */
export class JsonBodyError extends Error {
  override readonly name = 'JsonBodyError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and parses a JSON body, checking that it is valid UTF-8, not blank, nested at most `maxDepth` deep (counted
 * before parsing, so a hostile body is refused first) and well-formed.
 * @throws JsonBodyError saying what is wrong
 */
export function parseJsonBody(bytes: ArrayBuffer | Uint8Array, maxDepth: number): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new JsonBodyError('The request body is not valid UTF-8.');
  }
  if (text.trim() === '') throw new JsonBodyError('The request body is empty; send a JSON object.');
  if (nestingDepth(text) > maxDepth) throw new JsonBodyError(`The JSON body is nested more than ${maxDepth} levels deep.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new JsonBodyError(`The request body is not valid JSON${reason}.`);
  }
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
