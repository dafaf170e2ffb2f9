import type { Answer, HistoryTurn } from '../../contract/api.ts';
import type { ApiError } from './api.ts';

/** Where one question stands. */
export type TurnState =
  | { status: 'pending' }
  | { status: 'answered'; answer: Answer }
  | { status: 'failed'; error: ApiError };

/** A question of the conversation and what became of it. */
export interface Turn {
  /** Unique within the page, for element ids. */
  id: number;
  question: string;
  /** The earlier turns sent with it, kept so that a retry asks exactly the same thing. */
  history: HistoryTurn[];
  state: TurnState;
}

/** How many earlier turns a follow-up question carries by default; older ones rarely bear on it. */
export const DEFAULT_HISTORY_TURNS = 6;

/**
 * Longest earlier answer sent back, in characters. What matters for a follow-up is mostly its question; the cap keeps
 * a long answer from making the request too big for the API (which takes at most 10,000 per answer).
 */
export const MAX_HISTORY_ANSWER_CHARS = 2000;

/**
 * The conversation so far, as `history` for the next question: the answered turns, oldest first, at most `limit` of
 * them. Failed and pending turns are left out, since no answer of theirs was seen.
 */
export function historyFor(turns: readonly Turn[], limit = DEFAULT_HISTORY_TURNS): HistoryTurn[] {
  return turns
    .flatMap((turn) =>
      turn.state.status === 'answered' ? [{ question: turn.question, answer: turn.state.answer.answer.slice(0, MAX_HISTORY_ANSWER_CHARS) }] : [],
    )
    .slice(-limit);
}
