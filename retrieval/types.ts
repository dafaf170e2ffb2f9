/** A passage cited as evidence for an answer. */
export interface Citation {
  /** The number of its marker `[n]` in the answer, from 1. */
  n: number;
  docId: string;
  title: string;
  /** Link to the original document, or null when the document names none. */
  source: string | null;
  chunkId: string;
  /** The passage text: `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Retrieval score (fused), higher is better; comparable only within one answer. */
  score: number;
  /** The answering sentences inside this passage, as offsets into the document text. */
  highlights: Array<{ start: number; end: number }>;
}

/** The part of the answer that answers the question by itself: a figure, a date, a name, a list. */
export interface ShortAnswer {
  /** The span, e.g. "최대 -1.2%p", "2,000억원", "포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드". */
  text: string;
  /** The citation whose passage holds it. */
  n: number;
  /** Offsets into the document text: `document.text.slice(start, end) === text`. */
  start: number;
  end: number;
}

/** What Seogi answers to a question. */
export interface Answer {
  /** Extracted sentences, each followed by its citation marker `[n]`; or the not-found message. */
  answer: string;
  /** The span of the first answer sentence that answers the question, when it asks for a figure, date, name or list. */
  short: ShortAnswer | null;
  /** True when the documents don't cover the question. */
  abstained: boolean;
  /** The passages the answer cites, numbered from 1 in the order the answer first cites them (empty when abstained). */
  citations: Citation[];
  /**
   * Other passages retrieved for the question that the answer does not cite; when abstained, the closest passages,
   * offered as "possibly related" (may be empty).
   */
  related: Citation[];
  /** Whether the question was read as a follow-up that borrows its topic from the earlier turns. */
  usedHistory: boolean;
  /** Language of the question and of the answer's own words. */
  lang: 'ko' | 'en';
  tookMs: number;
}
