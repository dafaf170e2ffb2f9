import type { Document } from './types.ts';

/**
 * The page of a document that the character at `offset` of its text is on, so a chunk or a quoted sentence can name
 * its page; undefined for documents without pages.
 * @example pageAt({ …, pages: [{ page: 1, start: 0 }, { page: 2, start: 812 }] }, 900) // 2
 */
export function pageAt(document: Pick<Document, 'pages'>, offset: number): number | undefined {
  let found: number | undefined;
  for (const { page, start } of document.pages ?? []) {
    if (start > offset) break;
    found = page;
  }
  return found ?? document.pages?.[0]?.page;
}
