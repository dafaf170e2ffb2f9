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
 *
 * The segmenter ends a sentence at every "number, full stop, space" ("2024. 12. 13(수)"): such pieces are joined again
 * (see {@link joinNumberedBreaks}), so a dotted date or a numbered item stays one sentence.
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  return joinNumberedBreaks(text, segmentSpans(text), offset);
}

/** The segmenter's sentences, a window at a time (see {@link splitSentences}), as offsets into `text`. */
function segmentSpans(text: string): SentenceSpan[] {
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
        addSpan(spans, older, from);
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
      if (older) addSpan(spans, older, from);
      if (newer) addSpan(spans, newer, from);
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

/** A sentence ending in a number of at most four digits and a full stop: "… 기간 : 2024.", "12.". */
const DOTTED_NUMBER_END = /(?:^|[^\d.,])\d{1,4}\.$/u;
/** A sentence ending in a whole dotted date, whose last stop is the date's: "2025. 1. 1.". */
const DOTTED_DATE_END = /(?:^|[^\d.,])\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.$/u;
/** Longest end of a sentence the two read: a separator, the date and its stops. */
const DOTTED_TAIL = 14;
/** What goes on a dotted number: the next part of a date ("12.", "13(수)", "20 17:00"), not a figure of a word ("12개"). */
const DATE_PART = /^\d{1,2}(?![\d,])(?!\s*[\p{L}%])/u;
/** A sentence that is only the number of an item: "1.", "10.". */
const ITEM_NUMBER = /^\d{1,3}\.$/u;

/**
 * Joins again what the segmenter cut after a number and its full stop on one line: the parts of a dotted date ("2024.
 * 12. 13(수) 10:10 ~ 2024. 12. 20(금)", "2025. 1. 1. 부터"), and an item's number with its item ("2. 입찰참가자격 :
 * …"). A line break between the two pieces keeps them apart. Each sentence is looked at once, by a bounded end of it,
 * so the time stays linear in the text.
 * @param offset added to every position
 */
export function joinNumberedBreaks(text: string, spans: readonly SentenceSpan[], offset = 0): SentenceSpan[] {
  const joined: SentenceSpan[] = [];
  let open: SentenceSpan | undefined;
  for (const span of spans) {
    if (open !== undefined && runsOn(text, open, span)) {
      open.end = span.end;
      continue;
    }
    if (open !== undefined) joined.push({ start: open.start + offset, end: open.end + offset });
    open = { ...span };
  }
  if (open !== undefined) joined.push({ start: open.start + offset, end: open.end + offset });
  return joined;
}

/** Whether `next` goes on the sentence `previous` cut after a number and its stop (see {@link joinNumberedBreaks}). */
function runsOn(text: string, previous: SentenceSpan, next: SentenceSpan): boolean {
  if (text.charCodeAt(previous.end - 1) !== 0x2e) return false;
  for (let i = previous.end; i < next.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return false;
  }
  const tail = text.slice(Math.max(previous.start, previous.end - DOTTED_TAIL), previous.end);
  if (DOTTED_DATE_END.test(tail)) return true;
  if (!DOTTED_NUMBER_END.test(tail)) return false;
  return DATE_PART.test(text.slice(next.start, next.start + 8)) || (previous.end - previous.start <= 4 && ITEM_NUMBER.test(tail));
}
