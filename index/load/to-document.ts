import { createHash } from 'node:crypto';
import type { Document, SourceFile } from '../types.ts';
import type { ExtractedText } from './block.ts';
import { classifyBlocks } from './boilerplate.ts';
import type { BoilerplateOptions } from './boilerplate.ts';
import { wellFormedText } from './characters.ts';
import { detectFormat } from './detect-format.ts';
import type { DetectedFormat } from './detect-format.ts';
import { htmlToText } from './html-to-text.ts';
import { markdownToText } from './markdown-to-text.ts';
import { extractMetadata } from './metadata.ts';
import { plainTextToText } from './plaintext-to-text.ts';

/** Options of {@link toDocument}. */
export interface ToDocumentOptions {
  /** Tuning of the boilerplate rules. Default: the defaults of {@link BoilerplateOptions}. */
  boilerplate?: BoilerplateOptions;
}

/** Separates blocks in `Document.text`. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Cleans one file into a document: detects its format, turns the body into blocks, drops boilerplate, reads the
 * title, source and date, and joins the remaining blocks with blank lines. A front-matter title opens the text, since
 * it is the article's headline. Title, text, source and date are well-formed (see {@link wellFormedText}): no control
 * characters but tab and line breaks, no lone surrogates. Deterministic: the same file always gives the same text.
 */
export function toDocument(file: SourceFile, options: ToDocumentOptions = {}): Document {
  // Cleaned before parsing, so front matter with a stray control character still parses; and again at the end, for
  // what entities (`&#7;`) and file names bring in.
  const detected = detectFormat(wellFormedText(file.content), file.relPath);
  const extracted = extractText(detected);
  const verdicts = classifyBlocks(extracted.blocks, options.boilerplate);
  const metadata = extractMetadata({
    relPath: file.relPath,
    extracted,
    verdicts,
    ...(detected.frontMatter ? { frontMatter: detected.frontMatter } : {}),
  });
  const blocks = verdicts.filter((verdict) => verdict.reason === undefined).map((verdict) => verdict.block.text);
  const headline = typeof detected.frontMatter?.title === 'string' ? metadata.title : undefined;
  if (headline && blocks[0] !== headline) blocks.unshift(headline);
  const source = metadata.source && wellFormedText(metadata.source);
  const date = metadata.date && wellFormedText(metadata.date);
  return {
    docId: toDocId(file.relPath),
    title: wellFormedText(metadata.title),
    ...(source ? { source } : {}),
    ...(date ? { date } : {}),
    text: wellFormedText(blocks.join(BLOCK_SEPARATOR)),
    hash: createHash('sha256').update(file.content, 'utf8').digest('hex'),
  };
}

/** The document id of a file: its relative path without the extension, `/`-separated. */
export function toDocId(relPath: string): string {
  return relPath.replace(/\\/g, '/').replace(/\.[^./]*$/, '');
}

function extractText(detected: DetectedFormat): ExtractedText {
  switch (detected.bodyFormat) {
    case 'html':
      return htmlToText(detected.body);
    case 'markdown':
      return markdownToText(detected.body);
    case 'text':
      return plainTextToText(detected.body);
  }
}
