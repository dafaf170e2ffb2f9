/**
 * The id the service gives a new document, which is also the file name it is stored under in DOCS_DIR: letters (any
 * script), digits, `_`, `-`, `.`, not starting with a dot; at most 100 characters. The server names new documents by
 * it and the API validates ids sent for new documents with it (its source is the OpenAPI `pattern`).
 */
export const DOCUMENT_ID = /^(?!\.)[\p{L}\p{N}_.-]{1,100}$/u;

/** Longest id {@link DOCUMENT_ID} allows, in code points. */
export const MAX_DOCUMENT_ID_LENGTH = 100;
/** Longest id made from a title: a headline makes a long link. */
const MAX_TITLE_ID_LENGTH = 60;

/**
 * The id of a new document uploaded as `fileName`: the name without its folder and extension, made safe by
 * {@link toIdWords}. Undefined when nothing is left of it.
 *
 * @example
 * documentIdFromFileName('공고문 2025.hwp'); // '공고문-2025'
 * documentIdFromFileName('Q&A (draft) v2.md'); // 'QA-draft-v2'
 */
export function documentIdFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return toIdWords(base.replace(/\.[^.]*$/, ''), MAX_DOCUMENT_ID_LENGTH);
}

/**
 * The id of a new document that has a title but no file name, made safe by {@link toIdWords} and kept to 60
 * characters. Undefined when nothing is left of it.
 *
 * @example
 * documentIdFromTitle('AI 바우처 지원사업 공고'); // 'AI-바우처-지원사업-공고'
 */
export function documentIdFromTitle(title: string): string | undefined {
  return toIdWords(title, MAX_TITLE_ID_LENGTH);
}

/**
 * A name as an id that stays readable in any script and is safe in a URL path segment and as a file name: composed
 * (NFC), its words joined by `-`, everything but letters, digits, `_`, `-` and `.` left out, no leading or trailing
 * dot, at most `max` code points.
 */
function toIdWords(name: string, max: number): string | undefined {
  // macOS hands out decomposed Hangul (NFD jamo): compose it, so the id reads and compares as typed.
  const id = name
    .normalize('NFC')
    .replace(/\s+/gu, '-')
    .replace(/[^\p{L}\p{N}_.-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  // Cut by code points, never inside a surrogate pair; a cut can leave a trailing '-' or '.' to drop again.
  const bounded = [...id].slice(0, max).join('').replace(/[.-]+$/, '');
  return DOCUMENT_ID.test(bounded) ? bounded : undefined;
}
