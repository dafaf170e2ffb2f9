/**
 * The JSON the page exchanges with the server. `Answer` and `Citation` come from the retrieval engine itself, so the
 * page and the API can't drift apart; the request and document shapes are restated here because their declarations
 * live beside Node-only code that the browser build must not pull in.
 */
export type { Answer, Citation, ShortAnswer } from '../../retrieval/types.ts';

/** One earlier exchange of the conversation, as `POST /api/ask` takes it in `history`. */
export interface HistoryTurn {
  question: string;
  answer?: string;
}

/** The body of `POST /api/ask`. */
export interface AskBody {
  question: string;
  /** Earlier turns, oldest first. */
  history?: HistoryTurn[];
  /** Language the page is shown in; the answer itself follows the language of the question. */
  lang?: 'ko' | 'en';
}

/** What `GET /api/documents/:id` returns: the cleaned text that citation offsets point into. */
export interface DocumentView {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  chunks: number;
  text: string;
}

/** A character range of a document's text. */
export interface Span {
  start: number;
  end: number;
}
