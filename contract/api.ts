/**
 * The JSON of the HTTP API, defined once: the answer engine produces `Answer`, the server validates requests and
 * documents responses with zod schemas that are checked against these types at compile time
 * (`server/openapi/schemas.test.ts`), and the page imports them instead of restating them.
 *
 * Types only, like everything in `contract/`: it imports nothing else of the project and nothing of Node, so the
 * browser build can take it (ESLint keeps it so).
 */

/** Korean or English: the language of a question and its answer, or the one a client displays. */
export type Lang = 'ko' | 'en';

/** A character range of a document's text: `document.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** One earlier exchange of the conversation. */
export interface HistoryTurn {
  question: string;
  answer?: string;
}

/** A question: the body of `POST /api/ask`, and what the answer engine takes. */
export interface AskRequest {
  question: string;
  /** How many passages to cite at most. Default 5. */
  topK?: number;
  /** Earlier turns of the conversation, oldest first; a follow-up question leans on them. */
  history?: HistoryTurn[];
  /** Language the client displays; the answer itself follows the language of the question. */
  lang?: Lang;
}

/** A passage cited as evidence for an answer. */
export interface Citation {
  /** The number of its marker `[n]` in the answer, from 1. */
  n: number;
  docId: string;
  title: string;
  /** Link to the original document, or null when the document names none. */
  source: string | null;
  /** The document's own date (publication, notice), ISO `YYYY-MM-DD` when readable; null when it states none. */
  date: string | null;
  /** The page the quoted sentence (else the passage) is on, for a document laid out in pages (PDF); null otherwise. */
  page: number | null;
  chunkId: string;
  /** The passage text: `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Retrieval score (fused), higher is better; comparable only within one answer. */
  score: number;
  /** The answering sentences inside this passage, as offsets into the document text. */
  highlights: Span[];
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
  lang: Lang;
  tookMs: number;
}

/**
 * How a document's file is written, as Seogi read it: `text`, `markdown` and `html` are text files (the format is read
 * from the content, the extension only breaks ties); the others are the binary formats of office documents.
 */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'hwp' | 'hwpx' | 'docx';

/** A document as `GET /api/documents` lists it. */
export interface DocumentSummary {
  id: string;
  title: string;
  source: string | null;
  /** The document's own date (publication, notice) as written, ISO YYYY-MM-DD when readable. */
  date: string | null;
  chunks: number;
  /*
   * The facts of its file in DOCS_DIR; each is null when the file is no longer there (removed while the server runs:
   * the next index build leaves the document out).
   */
  /** How its file is written. */
  format: DocumentFormat | null;
  /** Bytes of its file (front matter included for documents added as JSON). */
  size: number | null;
  /**
   * When it was added: the time its file was last written (ISO 8601, UTC). For a document added through the API that
   * is the moment it was added; for a file put in DOCS_DIR, its modification time.
   */
  addedAt: string | null;
}

/** What `GET /api/documents/:id` returns: the document with its cleaned text, which citation offsets point into. */
export interface DocumentDetail extends DocumentSummary {
  text: string;
}
