import type { ExtractedText } from './block.ts';
import { BlockAssembler } from './block-assembler.ts';
import { trustedMetadataTitle } from './metadata-title.ts';
import { DocumentReadError } from './read-errors.ts';
import { walkXml } from './xml-walk.ts';
import { readZipEntries, zipText } from './zip-archive.ts';
import { readParagraphsAndTables } from './paragraphs-and-tables.ts';

const CONTENT_TYPES = '[Content_Types].xml';
const BODY = 'word/document.xml';
const STYLES = 'word/styles.xml';
const CORE = 'docProps/core.xml';
const NOTES = ['word/footnotes.xml', 'word/endnotes.xml'];
/**
 * Not text: deleted revisions, field instructions (`instrText`), and the fallback copy of a text box that Word keeps
 * beside the box itself.
 */
const SKIPPED = new Set(['delText', 'instrText', 'Fallback']);
const INLINE_CHARACTERS: Readonly<Record<string, string>> = { tab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' };
const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle|제목\s*\d*)$/i;

/**
 * The text of a Word document (.docx): paragraphs and headings (by their style), tables row by row, text boxes, and
 * footnotes and endnotes after the paragraph that refers to them. Field instructions and deleted text are left out;
 * running headers and footers live in parts of their own and are not read. Title and creation date come from the
 * core properties.
 * @throws DocumentReadError `UNREADABLE_DOCUMENT` when the package lacks its manifest or body, or is damaged.
 */
export function docxToText(bytes: Uint8Array, zipEntries: readonly string[], relPath: string): ExtractedText {
  if (!zipEntries.includes(CONTENT_TYPES) || !zipEntries.includes(BODY)) {
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} lacks ${zipEntries.includes(BODY) ? CONTENT_TYPES : BODY}; it is damaged.`);
  }
  const parts = readZipEntries(bytes, [BODY, STYLES, CORE, ...NOTES], relPath);
  const headingStyles = readHeadingStyles(zipText(parts, STYLES) ?? '');
  const notes = new Map(NOTES.flatMap((name) => [...readNotes(zipText(parts, name) ?? '')]));
  const assembler = new BlockAssembler();
  readBody(zipText(parts, BODY) ?? '', assembler, headingStyles, notes);
  const blocks = assembler.blocks();
  const core = readCore(zipText(parts, CORE) ?? '');
  const title = trustedMetadataTitle(core.title, blocks);
  return { blocks, ...(title ? { pageTitle: title } : {}), meta: core.created ? { date: core.created } : {} };
}

function readBody(xml: string, assembler: BlockAssembler, headingStyles: ReadonlySet<string>, notes: ReadonlyMap<string, string[]>): void {
  readParagraphsAndTables(xml, assembler, {
    inlineCharacters: INLINE_CHARACTERS,
    skipped: SKIPPED,
    open(name, attributes) {
      if (name === 'pStyle' && headingStyles.has(attributes['w:val'] ?? '')) assembler.markParagraph('heading');
      else if (name === 'footnoteReference' || name === 'endnoteReference') {
        for (const note of notes.get(noteKey(name, attributes['w:id'])) ?? []) assembler.anchor(note);
      }
    },
  });
}

/** Ids of the paragraph styles that are headings, by the style's id or its name. */
function readHeadingStyles(xml: string): Set<string> {
  const headings = new Set<string>();
  let styleId = '';
  walkXml(xml, {
    open(name, attributes) {
      if (name === 'style') styleId = attributes['w:styleId'] ?? '';
      if (name === 'style' && HEADING_STYLE.test(styleId.replace(/(\D)(\d)$/, '$1 $2'))) headings.add(styleId);
      if (name === 'name' && HEADING_STYLE.test(attributes['w:val'] ?? '')) headings.add(styleId);
    },
  });
  return headings;
}

/** The paragraphs of each footnote or endnote, by `footnote:<id>` / `endnote:<id>`. */
function readNotes(xml: string): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  let current: string[] | undefined;
  let paragraph = '';
  walkXml(
    xml,
    {
      open(name, attributes) {
        if (name === 'footnote' || name === 'endnote') notes.set(noteKey(`${name}Reference`, attributes['w:id']), (current = []));
        else if (name === 'p') paragraph = '';
        else if (INLINE_CHARACTERS[name] !== undefined) paragraph += INLINE_CHARACTERS[name];
      },
      close(name) {
        if (name === 'p' && paragraph.trim() !== '') current?.push(paragraph);
      },
      text(text, path) {
        if (path.at(-1) === 't') paragraph += text;
      },
    },
    SKIPPED,
  );
  return notes;
}

function noteKey(reference: string, id: string | undefined): string {
  return `${reference.replace('Reference', '')}:${id ?? ''}`;
}

/** `dc:title` and the date of `dcterms:created` (`YYYY-MM-DD`). */
function readCore(xml: string): { title?: string; created?: string } {
  let title = '';
  let created = '';
  walkXml(xml, {
    text(text, path) {
      if (path.at(-1) === 'title') title += text;
      if (path.at(-1) === 'created') created += text;
    },
  });
  const date = /^\d{4}-\d{2}-\d{2}/.exec(created.trim())?.[0];
  return { ...(title.trim() ? { title: title.trim() } : {}), ...(date ? { created: date } : {}) };
}
