/**
 * Control characters of HWP paragraph text that occupy eight UTF-16 units (the character, six of data, the character
 * again): inline controls (tabs, field ends…) and extended controls (tables, footnotes, fields, drawings…), whose
 * content is in records of their own. Field instructions (`Clickhere:set:…`) live there too, never in the text.
 */
const EIGHT_UNIT_CONTROLS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
const TAB = 9;
const LINE_BREAK = 10;
const PARAGRAPH_END = 13;
const HYPHEN = 24;
const NON_BREAKING_SPACE = 30;
const FIXED_WIDTH_SPACE = 31;

/** The text of a PARA_TEXT record (UTF-16LE): controls dropped, tabs and the special spaces made plain spaces. */
export function paragraphText(data: Uint8Array): string {
  const units = new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength - (data.byteLength % 2)));
  let text = '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as number;
    if (unit >= 32) {
      text += String.fromCharCode(unit);
    } else if (unit === PARAGRAPH_END) {
      break;
    } else if (EIGHT_UNIT_CONTROLS.has(unit)) {
      if (unit === TAB) text += '\t';
      i += 7;
    } else if (unit === LINE_BREAK) {
      text += '\n';
    } else if (unit === HYPHEN) {
      text += '-';
    } else if (unit === NON_BREAKING_SPACE || unit === FIXED_WIDTH_SPACE) {
      text += ' ';
    }
  }
  return text;
}
