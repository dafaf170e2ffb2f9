/** A sentence of a text, by its offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/**
 * Characters handed to the segmenter at a time. V8's segmenter spends time in proportion to the length of its input on
 * every sentence it yields, so a whole long text costs sentences × length; windows of this size keep it linear.
 */
export const SEGMENT_WINDOW = 2048;

/**
 * Splits text into sentences (Unicode sentence rules, which handle Korean "…다." and break at line ends), trimmed of
 * surrounding white space; `offset` is added to every position so spans can point into a larger text.
 *
 * The text is segmented a window at a time, in time linear in its length. Where a sentence ends can depend on the
 * text after it ("e.g. abc" goes on after the period), but never beyond the end of the sentence that follows, which
 * holds a terminator of its own; so of each window all sentences but the last two are kept, and the next window
 * starts where the second to last began. A sentence longer than a window widens the window until it is complete.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  let size = SEGMENT_WINDOW;
  while (from < text.length) {
    const to = Math.min(text.length, from + size);
    const widened = size > SEGMENT_WINDOW;
    // The window's last two segments: the last may be cut short, and the end of the one before may not be settled.
    let older: Intl.SegmentData | undefined;
    let newer: Intl.SegmentData | undefined;
    let taken = 0;
    let stopped = false;
    for (const segment of segmenter.segment(text.slice(from, to))) {
      if (older) {
        addSpan(spans, older, offset + from);
        taken += 1;
      }
      older = newer;
      newer = segment;
      // A widened window is there to finish one long sentence; what follows is read in ordinary windows.
      if (widened && taken > 0) {
        stopped = true;
        break;
      }
    }
    if (to === text.length && !stopped) {
      if (older) addSpan(spans, older, offset + from);
      if (newer) addSpan(spans, newer, offset + from);
      break;
    }
    if (taken === 0 || older === undefined) {
      size *= 2;
      continue;
    }
    from += older.index;
    size = SEGMENT_WINDOW;
  }
  return spans;
}

function addSpan(spans: SentenceSpan[], { segment, index }: Intl.SegmentData, offset: number): void {
  const body = segment.trim();
  if (body === '') return;
  const start = offset + index + segment.length - segment.trimStart().length;
  spans.push({ start, end: start + body.length });
}
