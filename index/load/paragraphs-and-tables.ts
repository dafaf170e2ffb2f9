import type { BlockAssembler } from './block-assembler.ts';
import { walkXml } from './xml-walk.ts';

/** What a word-processor format adds to {@link readParagraphsAndTables}. */
export interface WordProcessorXml {
  /** Elements inside a text run that stand for a character (`tab` → "\t"). */
  inlineCharacters: Readonly<Record<string, string>>;
  /** Elements whose content is not the document's text (running headers, field instructions…). */
  skipped: ReadonlySet<string>;
  /** Handles the format's own elements (a heading style, a footnote reference) as they open. Default none. */
  open?: (name: string, attributes: Readonly<Record<string, string>>) => void;
}

/**
 * Reads a body of word-processor XML into `assembler`: paragraphs (`p`), tables row by row (`tbl`, `tr`, `tc`) and the
 * text of text runs (`t`) only. DOCX's WordprocessingML and HWPX's OWPML name these the same, namespaces aside.
 */
export function readParagraphsAndTables(xml: string, assembler: BlockAssembler, format: WordProcessorXml): void {
  walkXml(
    xml,
    {
      open(name, attributes) {
        if (name === 'p') assembler.openParagraph();
        else if (name === 'tbl') assembler.openTable();
        else if (name === 'tr') assembler.openRow();
        else if (name === 'tc') assembler.openCell();
        else if (format.inlineCharacters[name] !== undefined) assembler.append(format.inlineCharacters[name]);
        else format.open?.(name, attributes);
      },
      close(name) {
        if (name === 'p') assembler.closeParagraph();
        else if (name === 'tbl') assembler.closeTable();
        else if (name === 'tc') assembler.closeCell();
      },
      text(text, path) {
        if (path.at(-1) === 't') assembler.append(text);
      },
    },
    format.skipped,
  );
}
