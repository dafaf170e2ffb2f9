import { describe, expect, it } from 'vitest';
import { locatePassage, segmentText } from './segments.ts';

// Passage 001_4867c593fb02ccbe#4 of the seed collection, which starts at offset 1561 of its document.
const ANSWER_SENTENCE = '신한, 기업, 하나 등 3개 시중은행은 AI 자율제조 기술을 보유한 기업들을 위해 0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.';
const NEXT_SENTENCE = ' 이 프로그램은 AI 자율제조 관련 연구개발(R·D)을 추진하거나 AI 자율제조를 생산현장에 적용하는 기업들에 제공될 예정이다.';
const PASSAGE = ANSWER_SENTENCE + NEXT_SENTENCE;
const START = 1561;

describe('segmentText', () => {
  it('marks a highlight given in document offsets by slicing at h.start - citation.start', () => {
    const segments = segmentText(PASSAGE, [{ start: START, end: START + ANSWER_SENTENCE.length }], START);
    expect(segments).toEqual([
      { text: ANSWER_SENTENCE, marked: true },
      { text: NEXT_SENTENCE, marked: false },
    ]);
  });

  it('marks a sentence in the middle, with unmarked text on both sides', () => {
    const from = START + PASSAGE.indexOf('3개 시중은행은');
    const to = from + '3개 시중은행은'.length;
    const segments = segmentText(PASSAGE, [{ start: from, end: to }], START);
    expect(segments.map((s) => [s.text, s.marked])).toEqual([
      ['신한, 기업, 하나 등 ', false],
      ['3개 시중은행은', true],
      [PASSAGE.slice(PASSAGE.indexOf('3개 시중은행은') + '3개 시중은행은'.length), false],
    ]);
  });

  it('merges overlapping highlights, clips those that reach outside the passage and drops empty ones', () => {
    const segments = segmentText(
      PASSAGE,
      [
        { start: START + 10, end: START + 30 },
        { start: START - 5, end: START + 12 },
        { start: START + 40, end: START + 40 },
        { start: START + PASSAGE.length - 3, end: START + PASSAGE.length + 50 },
      ],
      START,
    );
    expect(segments.map((s) => [s.text.length, s.marked])).toEqual([
      [30, true],
      [PASSAGE.length - 33, false],
      [3, true],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(PASSAGE);
  });

  it('returns the whole text unmarked when there are no highlights', () => {
    expect(segmentText(PASSAGE, [], START)).toEqual([{ text: PASSAGE, marked: false }]);
  });
});

describe('locatePassage', () => {
  const documentText = `머리말\n\n${PASSAGE}\n\n맺음말`;
  const at = documentText.indexOf(PASSAGE);

  it('trusts the cited offsets when the document holds the passage there', () => {
    expect(locatePassage(documentText, { text: PASSAGE, start: at, end: at + PASSAGE.length })).toEqual({
      start: at,
      end: at + PASSAGE.length,
      shift: 0,
    });
  });

  it('finds the passage where it moved to when the document changed since the answer', () => {
    expect(locatePassage(documentText, { text: PASSAGE, start: START, end: START + PASSAGE.length })).toEqual({
      start: at,
      end: at + PASSAGE.length,
      shift: at - START,
    });
  });

  it('clamps the offsets to the text when the passage is gone', () => {
    expect(locatePassage('짧은 문서', { text: PASSAGE, start: 3, end: 300 })).toEqual({ start: 3, end: 5, shift: 0 });
  });
});
