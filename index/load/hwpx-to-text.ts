import type { ExtractedText } from './block.ts';
import { BlockAssembler } from './block-assembler.ts';
import { trustedMetadataTitle } from './metadata-title.ts';
import { DocumentReadError } from './read-errors.ts';
import { walkXml } from './xml-walk.ts';
import { readZipEntries, zipText } from './zip-archive.ts';
import { readParagraphsAndTables } from './paragraphs-and-tables.ts';

const PACKAGE = 'Contents/content.hpf';
const MANIFEST = 'META-INF/manifest.xml';
/** Running headers and footers, hidden comments and ruby text are not the document's text. */
const SKIPPED = new Set(['header', 'footer', 'hiddenComment', 'dutmal']);
/** Elements inside `<hp:t>` that stand for characters. */
const INLINE_CHARACTERS: Readonly<Record<string, string>> = { tab: '\t', lineBreak: '\n', nbSpace: ' ', fwSpace: ' ', hyphen: '-' };

/**
 * The text of an HWPX document (a zip of OWPML XML): the sections its package lists, in spine order, read as
 * paragraphs, tables row by row, and footnotes and text boxes after the paragraph they sit in. Only the text runs
 * (`<hp:t>`) are text: field instructions (`Clickhere:set:…`), shape descriptions ("사각형입니다.", "그림입니다.")
 * and image data never are. The package's title is kept when it can be trusted (see {@link trustedMetadataTitle}).
 * @throws DocumentReadError `UNREADABLE_DOCUMENT` when the package manifest or a section is missing or damaged,
 *   `ENCRYPTED_DOCUMENT` when the package is encrypted.
 */
export function hwpxToText(bytes: Uint8Array, zipEntries: readonly string[], relPath: string): ExtractedText {
  const heads = readZipEntries(bytes, [PACKAGE, MANIFEST], relPath);
  if (/encryption-data/.test(zipText(heads, MANIFEST) ?? '')) {
    throw new DocumentReadError('ENCRYPTED_DOCUMENT', `${relPath} is protected by a password; save an unprotected copy and add that.`);
  }
  const opf = zipText(heads, PACKAGE);
  if (opf === undefined) throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} has no ${PACKAGE} manifest; it is damaged.`);
  const pack = readPackage(opf);
  const missing = pack.sections.filter((name) => !zipEntries.includes(name));
  if (pack.sections.length === 0 || missing.length > 0) {
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${relPath} lacks the sections its manifest lists (${missing.join(', ') || 'none listed'}).`);
  }
  const sections = readZipEntries(bytes, pack.sections, relPath);
  const assembler = new BlockAssembler();
  for (const name of pack.sections) readSection(zipText(sections, name) ?? '', assembler);
  const blocks = assembler.blocks();
  const title = trustedMetadataTitle(pack.title, blocks);
  return { blocks, ...(title ? { pageTitle: title } : {}), meta: {} };
}

/** The title and the section files of an OPF package, in spine order. */
function readPackage(opf: string): { title?: string; sections: string[] } {
  const hrefs = new Map<string, string>();
  const spine: string[] = [];
  let title = '';
  walkXml(opf, {
    open(name, attributes) {
      if (name === 'item' && attributes.id && attributes.href) hrefs.set(attributes.id, attributes.href);
      if (name === 'itemref' && attributes.idref) spine.push(attributes.idref);
    },
    text(text, path) {
      if (path.at(-1) === 'title') title += text;
    },
  });
  const sections = spine.map((id) => hrefs.get(id) ?? '').filter((href) => /section\d+\.xml$/i.test(href));
  return { ...(title.trim() ? { title: title.trim() } : {}), sections };
}

function readSection(xml: string, assembler: BlockAssembler): void {
  readParagraphsAndTables(xml, assembler, { inlineCharacters: INLINE_CHARACTERS, skipped: SKIPPED });
}
