import type { Answer, Citation } from '../../contract/api.ts';

/** How long a quoted passage may be, in characters, when nothing else is asked. */
export const DEFAULT_QUOTE_CHARS = 200;

/** The short answer is a figure, date, name or list: this bounds a list that runs long. */
export const SHORT_ANSWER_CHARS = 300;

/** The passages a reply shows: the citations, or the possibly related passages when Seogi abstained. */
export function shownPassages(answer: Answer): Citation[] {
  return answer.abstained ? answer.related : answer.citations;
}

/**
 * A short quote of a cited passage: its answering sentences when it has any (the highlights), else its beginning.
 * Whitespace runs become one space so a quote stays one line.
 */
export function citationQuote(citation: Citation, maxChars = DEFAULT_QUOTE_CHARS): string {
  const highlighted = citation.highlights
    .map((h) => citation.text.slice(h.start - citation.start, h.end - citation.start))
    .filter((s) => s.trim() !== '');
  const quote = (highlighted.length > 0 ? highlighted.join(' … ') : citation.text).replace(/\s+/g, ' ').trim();
  return truncate(quote, maxChars);
}

/**
 * Cuts text to at most `maxChars` UTF-16 code units (the unit chat limits are counted in), ending with `…` when cut,
 * and never splits a surrogate pair.
 */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = Math.max(0, maxChars - 1);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}
