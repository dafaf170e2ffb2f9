import { createHash } from 'node:crypto';
import type { Document, PageStart, SourceFile } from '../types.ts';
import { classifyBlocks } from './boilerplate.ts';
import type { BoilerplateOptions } from './boilerplate.ts';
import { wellFormedText } from './characters.ts';
import { extractMetadata } from './metadata.ts';
import { readContent } from './read-content.ts';

/** Options of {@link toDocument}. */
export interface ToDocumentOptions {
  /** Tuning of the boilerplate rules. Default: the defaults of {@link BoilerplateOptions}. */
  boilerplate?: BoilerplateOptions;
}

/** Separates blocks in `Document.text`. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Cleans one file into a document: reads its content by its format (see {@link readContent}) into blocks, drops
 * boilerplate, reads the title, source and date, and joins the remaining blocks with blank lines, recording where
 * each page starts for paged formats. A front-matter title opens the text, since it is the article's headline.
 * Title, text, source and date are well-formed (see {@link wellFormedText}): no control characters but tab and line
 * breaks, no lone surrogates. Deterministic: the same file always gives the same text.
 * @throws DocumentReadError when the file can't be read (see `DOCUMENT_READ_ERRORS`).
 */
export async function toDocument(file: SourceFile, options: ToDocumentOptions = {}): Promise<Document> {
  const { format, extracted, frontMatter } = await readContent(file);
  const verdicts = classifyBlocks(extracted.blocks, options.boilerplate);
  const metadata = extractMetadata({ relPath: file.relPath, extracted, verdicts, ...(frontMatter ? { frontMatter } : {}) });
  const blocks = verdicts.filter((verdict) => verdict.reason === undefined).map((verdict) => verdict.block);
  const headline = typeof frontMatter?.title === 'string' ? metadata.title : undefined;
  // Each block is made well-formed on its own, so the offsets of pages stay true in the joined text.
  const texts = blocks.map((block) => wellFormedText(block.text));
  if (headline && texts[0] !== wellFormedText(headline)) texts.unshift(wellFormedText(headline));
  const pages = pageStarts(blocks, texts);
  const source = metadata.source && wellFormedText(metadata.source);
  const date = metadata.date && wellFormedText(metadata.date);
  return {
    docId: toDocId(file.relPath),
    title: wellFormedText(metadata.title),
    ...(source ? { source } : {}),
    ...(date ? { date } : {}),
    text: texts.join(BLOCK_SEPARATOR),
    hash: createHash('sha256').update(file.content).digest('hex'),
    format,
    ...(pages.length > 0 ? { pages } : {}),
  };
}

/** The document id of a file: its relative path without the extension, `/`-separated. */
export function toDocId(relPath: string): string {
  return relPath.replace(/\\/g, '/').replace(/\.[^./]*$/, '');
}

/** Where each page's first block starts in the joined text (`texts` may open with a headline that has no block). */
function pageStarts(blocks: readonly { page?: number }[], texts: readonly string[]): PageStart[] {
  const starts: PageStart[] = [];
  const shift = texts.length - blocks.length;
  let offset = 0;
  texts.forEach((text, i) => {
    const page = blocks[i - shift]?.page;
    if (page !== undefined && starts.at(-1)?.page !== page) starts.push({ page, start: offset });
    offset += text.length + BLOCK_SEPARATOR.length;
  });
  return starts;
}
