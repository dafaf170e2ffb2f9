/** A piece of an answer: plain text, or a citation marker `[n]`. */
export type AnswerPart = { kind: 'text'; text: string } | { kind: 'marker'; n: number };

const MARKER = /\[(\d{1,3})\]/g;

/**
 * Splits an answer into text and citation markers. `[n]` counts as a marker only when citation n exists, so a
 * bracketed number quoted from a document stays text; the space before a marker is dropped, since the marker is drawn
 * as its own small button right after the sentence.
 *
 * @example splitAnswer('금리를 낮춘다. [1]', new Set([1])) // [{kind:'text', text:'금리를 낮춘다.'}, {kind:'marker', n:1}]
 */
export function splitAnswer(answer: string, citationNumbers: ReadonlySet<number>): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let text = '';
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (!citationNumbers.has(n)) continue;
    text += answer.slice(last, match.index);
    last = match.index + match[0].length;
    const trimmed = text.trimEnd();
    if (trimmed !== '') parts.push({ kind: 'text', text: trimmed });
    parts.push({ kind: 'marker', n });
    text = '';
  }
  text += answer.slice(last);
  if (text.trim() !== '') parts.push({ kind: 'text', text: parts.length > 0 ? text : text.trim() });
  return parts;
}

/** The answer as a screen reader should hear it: the sentences without their markers. */
export function answerForSpeech(answer: string, citationNumbers: ReadonlySet<number>): string {
  return splitAnswer(answer, citationNumbers)
    .flatMap((part) => (part.kind === 'text' ? [part.text.trim()] : []))
    .join(' ');
}
