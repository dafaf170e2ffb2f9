import { decodeHTMLStrict } from 'entities';
import { findUrls, LINE_MARKER, makeBlock } from './block.ts';
import type { Block, ExtractedText } from './block.ts';

/** Options of {@link plainTextToText}. */
export interface PlainTextOptions {
  /**
   * Narrowest line width, in display columns (Hangul and other wide characters count two), at which a group of lines
   * can be hard-wrapped prose. Narrower groups are lists of short lines. Default `40`.
   */
  minWrapWidth?: number;
  /**
   * Widest line width, in display columns, at which text is still taken for hard-wrapped; wider lines are whole
   * paragraphs written on one line. Default `120`.
   */
  maxWrapWidth?: number;
  /**
   * Share of the wrap width by which a wrapped line plus the next word may fall short of it, since fillers like
   * `fmt` balance lines instead of filling each one greedily. Default `0.15`.
   */
  wrapSlack?: number;
}


/**
 * Turns plain text into blocks. Blank lines (including lines of no-break spaces) separate groups of lines; a group
 * is joined into one paragraph only when it looks hard-wrapped, otherwise each line is a block of its own, because
 * text scraped from pages puts headlines, menus and paragraphs on consecutive lines. A group of three or more lines
 * is hard-wrapped when every line but the last fills its widest line, so the next word would not have fitted; a
 * two-line group, whose width cannot be told from itself, when it fits the width of the document's other wrapped
 * groups. Entities such as `&nbsp;` are decoded; bare URLs are recorded as links.
 */
export function plainTextToText(text: string, options: PlainTextOptions = {}): ExtractedText {
  const { minWrapWidth = 40, maxWrapWidth = 120, wrapSlack = 0.15 } = options;
  const groups = decodeHTMLStrict(text)
    .split(/\n\s*\n/)
    .map((group) => group.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  const inRange = (width: number): boolean => width >= minWrapWidth && width <= maxWrapWidth;
  const wrappedWidths = groups.flatMap((lines) => {
    if (lines.length < 3) return [];
    const width = wrapWidth(lines);
    return inRange(width) && fillsWidth(lines, width, wrapSlack) ? [width] : [];
  });
  const documentWidth = wrappedWidths.length > 0 ? Math.max(...wrappedWidths) : undefined;
  const blocks: Block[] = [];
  for (const lines of groups) {
    const width = lines.length >= 3 ? wrapWidth(lines) : documentWidth;
    const wrapped = width !== undefined && inRange(width) && fillsWidth(lines, width, wrapSlack);
    for (const paragraph of wrapped ? [lines.join(' ')] : lines) {
      const links = findUrls(paragraph);
      const block = makeBlock(paragraph, 'paragraph', links, links.map((link) => link.text).join(' '));
      if (block) blocks.push(block);
    }
  }
  return { blocks, meta: {} };
}

/** The widest line but the last: where a hard-wrapped group was wrapped. */
function wrapWidth(lines: string[]): number {
  return Math.max(...lines.slice(0, -1).map(displayWidth));
}

/** Whether every line but the last was broken because the next word would (nearly) have passed `width`. */
function fillsWidth(lines: string[], width: number, slack: number): boolean {
  if (lines.length < 2 || lines.some((line) => displayWidth(line) > width + 1)) return false;
  return lines.every((line, i) => {
    const next = lines[i + 1];
    if (next === undefined) return true;
    if (LINE_MARKER.test(next)) return false;
    const nextWord = next.split(/\s/, 1)[0] ?? '';
    return displayWidth(line) + 1 + displayWidth(nextWord) > width * (1 - slack);
  });
}
/** Columns a terminal or fixed-width editor gives the text: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char)
      ? 2
      : 1;
  }
  return width;
}
