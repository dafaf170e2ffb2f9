import { LINE_MARKER, makeBlock } from '../block.ts';
import type { Block } from '../block.ts';

/** A run of text on a PDF page, as the text layer gives it: its string, where its baseline starts, its width. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the height of the text matrix). */
  size: number;
  /** The text layer marks the end of a line here. */
  endOfLine: boolean;
}

/** A line of a page, put together from its runs. */
interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/**
 * A space narrower than this share of the font size, beside Hangul, is no word break: PDF writers leave such gaps
 * where the font changes between digits or Latin and Hangul ("2025 년" for 2025년), and text extraction turns them
 * into spaces. A real space in Korean text is about half the font size.
 */
const NARROW_SPACE = 0.3;
/** A gap between two runs wider than this share of the font size is a word break the text layer left unwritten. */
const WORD_GAP = 0.3;
/** A line gap wider than this many times the page's usual line pitch starts a new paragraph. */
const PARAGRAPH_GAP = 1.35;
/** A block set this much larger than the body text is a heading. */
const HEADING_SIZE = 1.15;

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/;

/**
 * The blocks of a PDF's pages, each marked with its page: runs are joined into lines in the order the text layer
 * gives them (the order they are written in, which is reading order for documents from word processors); lines into
 * paragraphs unless a wider gap, a change of font size, a list marker, or a line that stops although the next word
 * would have fitted says a paragraph ended. A line wrapped inside a sentence is joined with a space, a word hyphenated across lines
 * is joined whole, and narrow gaps beside Hangul are not taken for spaces.
 */
export function pdfPagesToBlocks(pages: ReadonlyArray<readonly PdfTextRun[]>): Block[] {
  const pageLines = pages.map(toLines);
  const bodySize = medianSize(pageLines.flat());
  return pageLines.flatMap((lines, i) =>
    toParagraphs(lines).flatMap((paragraph) => {
      const kind = paragraph.size >= bodySize * HEADING_SIZE ? 'heading' : 'paragraph';
      const block = makeBlock(paragraph.text, kind);
      return block ? [{ ...block, page: i + 1 }] : [];
    }),
  );
}

function toLines(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  let pendingSpace: PdfTextRun | undefined;
  let lineEnded = true;
  for (const run of runs) {
    if (run.text === '') {
      lineEnded ||= run.endOfLine;
      continue;
    }
    const size = run.size || 1;
    if (!line || lineEnded || Math.abs(run.y - line.y) > size / 2) {
      line = { text: '', x: run.x, right: run.x, y: run.y, size };
      lines.push(line);
      pendingSpace = undefined;
    }
    lineEnded = run.endOfLine;
    if (run.text.trim() === '') {
      if (line.text !== '') pendingSpace = run;
      continue;
    }
    if (pendingSpace) {
      const narrow = pendingSpace.width < NARROW_SPACE * pendingSpace.size;
      const besideHangul = HANGUL.test(line.text.at(-1) ?? '') || HANGUL.test(run.text.trimStart()[0] ?? '');
      if (!(narrow && besideHangul)) line.text += ' ';
    } else if (line.text !== '' && !/\s$/.test(line.text) && !/^\s/.test(run.text) && run.x - line.right > WORD_GAP * size) {
      line.text += ' ';
    }
    pendingSpace = undefined;
    line.text += run.text;
    line.right = Math.max(line.right, run.x + run.width);
    line.size = Math.max(line.size, size);
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text !== '');
}

function toParagraphs(lines: readonly Line[]): Array<{ text: string; size: number }> {
  const pitch = usualPitch(lines);
  const rightEdge = Math.max(...lines.map((line) => line.right));
  const paragraphs: Array<{ text: string; size: number }> = [];
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    const current = paragraphs.at(-1);
    if (!before || !current || startsParagraph(before, line, pitch, rightEdge)) {
      paragraphs.push({ text: line.text, size: line.size });
      return;
    }
    current.text = joinWrapped(current.text, line.text);
  });
  return paragraphs;
}

function startsParagraph(before: Line, line: Line, pitch: number, rightEdge: number): boolean {
  const gap = before.y - line.y;
  if (gap <= 0 || gap > pitch * PARAGRAPH_GAP) return true;
  if (Math.abs(line.size - before.size) > 0.15 * before.size) return true;
  if (LINE_MARKER.test(line.text)) return true;
  // A line that stopped although the next line's first word would have fitted after it ended its paragraph.
  const firstWord = /^\S+/.exec(line.text)?.[0] ?? '';
  const charWidth = (line.right - line.x) / Math.max(1, line.text.length);
  return before.right + charWidth * (firstWord.length + 1) < rightEdge;
}

/** Joins a wrapped line to the text before it: a word hyphenated at the break is made whole, else a space. */
function joinWrapped(text: string, next: string): string {
  if (/[A-Za-z]-$/.test(text) && /^[a-z]/.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

/** The most common distance between consecutive lines of a page; 1.2 font sizes when the page has too few lines. */
function usualPitch(lines: readonly Line[]): number {
  const gaps = lines.slice(1).flatMap((line, i) => {
    const gap = (lines[i] as Line).y - line.y;
    return gap > 0 && gap < 3 * line.size ? [Math.round(gap * 2) / 2] : [];
  });
  if (gaps.length < 2) return 1.2 * (lines[0]?.size ?? 10);
  const counts = new Map<number, number>();
  for (const gap of gaps) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  // The smallest of the most frequent gaps: paragraph gaps are rarer than line gaps.
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 12;
}

/** The font size most of the text is set in, weighted by characters. */
function medianSize(lines: readonly Line[]): number {
  const sizes = lines.flatMap((line) => Array<number>(line.text.length).fill(line.size)).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}
