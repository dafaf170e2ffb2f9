import type { Citation, Span } from '../../contract/api.ts';

/** A run of text, inside one of the marked ranges or not. */
export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text`, which starts at document offset `offset`, into runs inside and outside `ranges` (document offsets).
 * Ranges are clamped to the text, sorted and merged first, so a highlight that overlaps another or reaches past the
 * passage can't garble what is shown. Joining the runs' text gives back `text` exactly.
 *
 * @example segmentText('ab. cd.', [{ start: 14, end: 17 }], 10) // [{text:'ab. ', marked:false}, {text:'cd.', marked:true}]
 */
export function segmentText(text: string, ranges: readonly Span[], offset = 0): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const { start, end } of mergeSpans(ranges, offset, text.length)) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

/** Ranges shifted by `-offset`, clipped to `[0, length]`, empty ones dropped, sorted, overlapping ones merged. */
function mergeSpans(ranges: readonly Span[], offset: number, length: number): Span[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start - offset), end: Math.min(length, r.end - offset) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const range of clipped) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Where the citation's passage sits in the document text, and how far it moved from the cited offsets. */
export interface PassageLocation extends Span {
  /** Found offset minus cited offset; non-zero only when the document changed after the answer was given. */
  shift: number;
}

/**
 * The passage's place in `text`: its offsets when the text there is the passage, else the first place the passage
 * text occurs (the document was re-indexed since the answer), else the offsets clamped to the text.
 */
export function locatePassage(text: string, citation: Pick<Citation, 'text' | 'start' | 'end'>): PassageLocation {
  if (text.slice(citation.start, citation.end) === citation.text) return { start: citation.start, end: citation.end, shift: 0 };
  const found = citation.text === '' ? -1 : text.indexOf(citation.text);
  if (found >= 0) return { start: found, end: found + citation.text.length, shift: found - citation.start };
  const start = Math.min(citation.start, text.length);
  return { start, end: Math.min(Math.max(citation.end, start), text.length), shift: 0 };
}
