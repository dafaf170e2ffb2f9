/** A sentence of a text, by its offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/**
 * Splits text into sentences (Unicode sentence rules, which handle Korean "…다." and break at line ends), trimmed of
 * surrounding white space; `offset` is added to every position so spans can point into a larger text.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body === '') continue;
    const start = offset + index + lead;
    spans.push({ start, end: start + body.length });
  }
  return spans;
}
