import { analyze } from '../../index/analyze/terms.ts';
import { PRESENT, presence, type CoverageModel } from './coverage.ts';
import { CELL_SEPARATOR, type AnalyzedSentence } from './passage-analysis.ts';

/** A span of a sentence, by offsets into its text. */
export interface ValueSpan {
  start: number;
  end: number;
}

/**
 * The value a field or a table row gives for the question, when its label names what is asked: the value of a field
 * whose label holds the question ("⑤입찰서 제출 기간 : 2024. 12. 13(수) …" → the dates), the cell of a row under the
 * header the question names and the row does not ("개똥이 | 89 | 65 | 78" under "이름 | 국어 | …", asked 개똥이의 국어
 * → 89). Undefined for other sentences, or when the label says nothing of the question.
 */
export function labelledValue(model: CoverageModel, sentence: Pick<AnalyzedSentence, 'text' | 'kind' | 'labels' | 'header'>): ValueSpan | undefined {
  const asked = model.concepts.filter((c) => c.current && c.weight > 0);
  const { text } = sentence;
  if (sentence.kind === 'field' && sentence.labels && asked.some((c) => presence(c, sentence.labels as ReadonlySet<string>) >= PRESENT)) {
    const colon = /\s*[:：]\s*/u.exec(text);
    return colon ? { start: colon.index + colon[0].length, end: text.length } : undefined;
  }
  if (sentence.kind !== 'row' || sentence.header === undefined) return undefined;
  const cells = cellSpans(text);
  const headers = sentence.header.split(CELL_SEPARATOR).map((cell) => new Set(analyze(cell)));
  if (headers.length !== cells.length) return undefined;
  const own = new Set(analyze(text));
  let best: { cell: ValueSpan; weight: number } | undefined;
  headers.forEach((header, i) => {
    // A column the question names, of a row that does not say it itself: the row's name is in it, the header's is not.
    const weight = Math.max(0, ...asked.filter((c) => presence(c, header) >= PRESENT && presence(c, own) < PRESENT).map((c) => c.weight));
    if (weight > 0 && (!best || weight > best.weight)) best = { cell: cells[i] as ValueSpan, weight };
  });
  return best?.cell;
}

/** The cells of a table row, trimmed, by offsets into it. */
function cellSpans(row: string): ValueSpan[] {
  const spans: ValueSpan[] = [];
  let start = 0;
  for (const cell of row.split(CELL_SEPARATOR)) {
    const lead = cell.length - cell.trimStart().length;
    spans.push({ start: start + lead, end: start + cell.trimEnd().length });
    start += cell.length + CELL_SEPARATOR.length;
  }
  return spans;
}
