import type { DocumentSummary } from '../../../contract/api.ts';
import type { DocumentsMessages } from './messages.ts';

/** Lower-cased, composed, so decomposed Hangul typed on a Mac finds composed titles and back. */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * The documents a search matches: those whose title, id, format (as code or as shown) or date hold every word of
 * `query`, in any case. An empty query matches all.
 *
 * @example
 * filterDocuments(documents, '공고 pdf', messages); // the PDFs whose title or id says 공고
 */
export function filterDocuments(documents: readonly DocumentSummary[], query: string, t: DocumentsMessages): DocumentSummary[] {
  const words = fold(query).split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [...documents];
  return documents.filter((doc) => {
    const haystack = fold([doc.title, doc.id, doc.format ?? '', doc.format ? t.formats[doc.format] : '', doc.date ?? ''].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

/** The list as the page shows it: the most recently added first, then by title. */
export function sortForList(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? '') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
