import type { Block } from './block.ts';

/**
 * Titles that templates and converters leave in a file's metadata instead of the document's own: "제목", "Title",
 * "Untitled", "Document1", print-job names such as "Microsoft Word - 공고.docx", file names.
 */
const PLACEHOLDER = /^(?:제목|제목\s*없음|무제|title|untitled(?:\s*document)?|document\s*\d*|문서\s*\d*|microsoft\s+\w+\s+-\s+.*|.*\.(?:hwpx?|docx?|pdf))$/i;

/**
 * The title a file's metadata gives, when it can be trusted: not a placeholder, and written in the document itself
 * (spacing and case aside). Word processors keep whatever title a template or an earlier document set ("본문내용"),
 * while a document's real title nearly always appears on its first page.
 */
export function trustedMetadataTitle(title: string | undefined, blocks: readonly Block[]): string | undefined {
  const trimmed = title?.replace(/\s+/g, ' ').trim();
  if (!trimmed || PLACEHOLDER.test(trimmed)) return undefined;
  const compact = (text: string): string => text.replace(/\s+/g, '').toLowerCase();
  const wanted = compact(trimmed);
  return blocks.some((block) => compact(block.text).includes(wanted)) ? trimmed : undefined;
}
