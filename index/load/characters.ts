// C0 and C1 control characters and DEL, except tab, line feed and carriage return, which are white space.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text fit to store, index and show: control characters (U+0000–U+001F, U+007F–U+009F) other than tab, line feed
 * and carriage return are removed, and each lone surrogate (half of a pair, left by a broken encoder or a cut) becomes
 * U+FFFD, so the text is well-formed UTF-16 and encodes to UTF-8 and JSON without loss or error.
 * @example wellFormedText('제목\u0000\uD800') // '제목\uFFFD'
 */
export function wellFormedText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}
