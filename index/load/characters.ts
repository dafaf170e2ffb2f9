// C0 and C1 control characters and DEL, except tab, line feed and carriage return, which are white space.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Invisible characters that only steer how text is shown: the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which can show a title or a cited passage in another order than it is written
 * ("Trojan Source" spoofing), and the zero-width space, word joiner, byte order mark and soft hyphen, which split words
 * for search without showing anything. Joiners (U+200C, U+200D) stay: emoji and some scripts need them.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text fit to store, index and show: control characters (U+0000–U+001F, U+007F–U+009F) other than tab, line feed
 * and carriage return are removed, as are the invisible formatting characters above, and each lone surrogate (half of
 * a pair, left by a broken encoder or a cut) becomes U+FFFD, so the text is well-formed UTF-16, encodes to UTF-8 and
 * JSON without loss or error, and reads as it is shown.
 * @example wellFormedText('제목\u0000\u202E\uD800') // '제목\uFFFD'
 */
export function wellFormedText(text: string): string {
  return text.replace(CONTROL, '').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\uFFFD');
}
