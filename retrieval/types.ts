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

/** What Seogi answers to a question. */
export interface Answer {
  /** Extracted sentences, each followed by its citation marker `[n]`; or the not-found message. */
  answer: string;
  /** True when the documents don't cover the question. */
  abstained: boolean;
  /** The passages that answer it, best first (empty when abstained). */
  citations: Citation[];
  /** When abstained: the closest passages, offered as "possibly related" (may be empty). */
  related: Citation[];
  /** Language of the question and of the answer's own words. */
  lang: 'ko' | 'en';
  tookMs: number;
}
