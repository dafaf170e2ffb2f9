import { makeBlock } from './block.ts';
import type { Block, BlockKind } from './block.ts';

/** A paragraph being read, with what is anchored in it (tables, notes, text boxes), which follows it in the text. */
interface OpenParagraph {
  type: 'paragraph';
  kind: BlockKind;
  parts: string[];
  anchored: string[];
}

interface OpenTable {
  type: 'table';
  /** Rows of cells; a cell is its paragraphs. */
  rows: string[][][];
}

interface OpenCell {
  type: 'cell';
  paragraphs: string[];
}

type Open = OpenParagraph | OpenTable | OpenCell;

/** Separates the cells of a table row in the text. */
export const CELL_SEPARATOR = ' | ';

/**
 * Turns the paragraphs and tables of a word-processor document (HWP, HWPX, DOCX), read in document order, into blocks:
 * a paragraph is a block; a table gives one block per row, its cells' text joined by {@link CELL_SEPARATOR}, except
 * that a row with a single cell of text (a box drawn around paragraphs) keeps its paragraphs as blocks of their own. What is anchored inside a
 * paragraph (a table, a footnote, a text box) follows that paragraph.
 *
 * @example
 * const text = new BlockAssembler();
 * text.openParagraph(); text.append('이름'); text.closeParagraph();
 * text.blocks(); // [{ text: '이름', kind: 'paragraph', … }]
 */
export class BlockAssembler {
  readonly #done: string[] = [];
  readonly #kinds: BlockKind[] = [];
  readonly #open: Open[] = [];

  /** Starts a paragraph, inside whatever is open (a cell, or another paragraph for a note or text box). */
  openParagraph(kind: BlockKind = 'paragraph'): void {
    this.#open.push({ type: 'paragraph', kind, parts: [], anchored: [] });
  }

  /** Adds text to the innermost open paragraph; ignored when none is open. */
  append(text: string): void {
    const paragraph = this.#innermost('paragraph');
    paragraph?.parts.push(text);
  }

  /** Adds text that follows the innermost open paragraph as a block of its own (a footnote kept apart from it). */
  anchor(text: string): void {
    this.#innermost('paragraph')?.anchored.push(text);
  }

  /** Sets the kind of the innermost open paragraph (a style read after the paragraph began). */
  markParagraph(kind: BlockKind): void {
    const paragraph = this.#innermost('paragraph');
    if (paragraph) paragraph.kind = kind;
  }

  closeParagraph(): void {
    const paragraph = this.#pop('paragraph');
    if (!paragraph) return;
    const text = paragraph.parts.join('');
    this.#emit(text, paragraph.kind);
    for (const anchored of paragraph.anchored) this.#emit(anchored, 'paragraph');
  }

  openTable(): void {
    this.#open.push({ type: 'table', rows: [] });
  }

  /** Starts a row of the innermost open table. */
  openRow(): void {
    this.#innermost('table')?.rows.push([]);
  }

  /** Starts a cell in the last row of the innermost open table (a first row is started when there is none). */
  openCell(): void {
    const table = this.#innermost('table');
    if (table && table.rows.length === 0) table.rows.push([]);
    this.#open.push({ type: 'cell', paragraphs: [] });
  }

  closeCell(): void {
    const cell = this.#pop('cell');
    if (cell) this.#innermost('table')?.rows.at(-1)?.push(cell.paragraphs);
  }

  closeTable(): void {
    const table = this.#pop('table');
    if (!table) return;
    const lines = table.rows.flatMap((row) => {
      const cells = row.map((paragraphs) => paragraphs.map(collapse).filter(Boolean)).filter((cell) => cell.length > 0);
      // A row with one cell of text (a box drawn around paragraphs, a cell spanning the row) is read as paragraphs.
      return cells.length === 1 ? (cells[0] as string[]) : [cells.map((cell) => cell.join(' ')).join(CELL_SEPARATOR)];
    });
    for (const line of lines) this.#emit(line, 'paragraph');
  }

  /** Closes whatever is still open (a damaged file may end inside a paragraph) and returns the blocks. */
  blocks(): Block[] {
    while (this.#open.length > 0) {
      const top = this.#open.at(-1) as Open;
      if (top.type === 'paragraph') this.closeParagraph();
      else if (top.type === 'cell') this.closeCell();
      else this.closeTable();
    }
    return this.#done.flatMap((text, i) => makeBlock(text, this.#kinds[i] ?? 'paragraph') ?? []);
  }

  /** Hands finished text to the innermost open container: a cell, a paragraph it is anchored in, or the document. */
  #emit(text: string, kind: BlockKind): void {
    if (collapse(text) === '') return;
    const container = this.#open.findLast((open) => open.type !== 'table');
    if (container?.type === 'cell') container.paragraphs.push(text);
    else if (container?.type === 'paragraph') container.anchored.push(text);
    else {
      this.#done.push(text);
      this.#kinds.push(kind);
    }
  }

  #innermost<T extends Open['type']>(type: T): Extract<Open, { type: T }> | undefined {
    return this.#open.findLast((open): open is Extract<Open, { type: T }> => open.type === type);
  }

  /** Closes the innermost container if it is of `type`; a stray close from a damaged file is ignored. */
  #pop<T extends Open['type']>(type: T): Extract<Open, { type: T }> | undefined {
    const top = this.#open.at(-1);
    if (top?.type !== type) return undefined;
    this.#open.pop();
    return top as Extract<Open, { type: T }>;
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
