import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../config.ts';
import { loadDocuments } from '../load/index.ts';
import { measureSegmenterWork } from './segmenter-work.ts';
import { joinNumberedBreaks, SEGMENT_WINDOW, splitSentences, type SentenceSpan } from './sentences.ts';

const seeds = await loadDocuments(join(PROJECT_ROOT, 'seeds'));
const wholeTextSegmenter = new Intl.Segmenter('ko', { granularity: 'sentence' });

/**
 * The sentences as one pass of the segmenter over the whole text finds them, with dotted numbers joined again: what the
 * windows must reproduce.
 */
function sentencesOfWholeText(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const { segment, index } of wholeTextSegmenter.segment(text)) {
    const body = segment.trim();
    if (body === '') continue;
    const start = index + segment.length - segment.trimStart().length;
    spans.push({ start, end: start + body.length });
  }
  return joinNumberedBreaks(text, spans);
}

const sentence = (i: number) => `이것은 ${i + 1}번째 문장으로 길이를 채우기 위한 예시입니다.`;
const sentences = (count: number, separator = ' ') => Array.from({ length: count }, (_, i) => sentence(i)).join(separator);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('splitSentences', () => {
  it('trims each sentence and offsets its span', () => {
    const text = '  첫 문장입니다.  둘째 문장? 셋째!\n\n넷째 문단';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      '첫 문장입니다.',
      '둘째 문장?',
      '셋째!',
      '넷째 문단',
    ]);
    expect(splitSentences('가. 나.', 100)).toEqual([
      { start: 100, end: 102 },
      { start: 103, end: 105 },
    ]);
  });

  it('keeps a dotted date in one sentence, and an item\'s number with its item', () => {
    const text = '⑤입찰서 제출 기간 : 2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00\n\n2. 입찰참가자격 : 아래 자격을 모두 갖춘 자';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      '⑤입찰서 제출 기간 : 2024. 12. 13(수) 10:10 ~ 2024. 12. 20(금) 17:00',
      '2. 입찰참가자격 : 아래 자격을 모두 갖춘 자',
    ]);
    const closing = '시행일은 2025. 1. 1. 입니다. 위와 같이 공고함\n2024. 12. 13.\n강남세움복지관장';
    expect(splitSentences(closing).map(({ start, end }) => closing.slice(start, end))).toEqual([
      '시행일은 2025. 1. 1. 입니다.',
      '위와 같이 공고함',
      '2024. 12. 13.',
      '강남세움복지관장',
    ]);
  });

  it('leaves apart a sentence ending in a figure and one that follows it on the next line or in words', () => {
    const text = '매출은 2024년에 100억 원으로 늘었다. 12개 기업이 참여했다.\n참여 기업 수: 12.\n3개 기관이 함께했다. 순위는 3. 다음은 B.';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      '매출은 2024년에 100억 원으로 늘었다.',
      '12개 기업이 참여했다.',
      '참여 기업 수: 12.',
      '3개 기관이 함께했다.',
      '순위는 3.',
      '다음은 B.',
    ]);
    expect(splitSentences('총 12,000. 3개 더.', 10)).toEqual([
      { start: 10, end: 19 },
      { start: 20, end: 25 },
    ]);
  });

  it('finds the sentences one pass over the whole text finds, across window edges', () => {
    const seedText = seeds.map((doc) => doc.text).join('\n\n');
    expect(seedText.length).toBeGreaterThan(3 * SEGMENT_WINDOW);
    expect(splitSentences(seedText)).toEqual(sentencesOfWholeText(seedText));
    expect(splitSentences(seedText.replace(/\n+/g, ' '))).toEqual(sentencesOfWholeText(seedText.replace(/\n+/g, ' ')));

    // Whether a period ends a sentence can depend on what follows it ("e.g. abc" does not end), so windows that end
    // anywhere among such pieces must still agree with the whole text.
    const pieces = ['다. ', 'e.g. ', 'U.S. ', '"인용." ', '(괄호.) ', '… ', 'abc ', 'Mr. Smith ', '3.5% ', '? ', '😀', '\r\n', '\n\n', '.)', '。', '2024. ', '12. ', '1.', '13(수) '];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 40; round++) {
      let text = '';
      while (text.length < 3 * SEGMENT_WINDOW) text += pieces[Math.floor(random() * pieces.length)];
      expect(splitSentences(text)).toEqual(sentencesOfWholeText(text));
    }
  });

  it('finds a sentence many windows long whole, and the sentences after it', () => {
    const long = '가나다 '.repeat(5 * SEGMENT_WINDOW).trim();
    const text = `${long}. 짧은 문장입니다. 또 하나.`;
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([`${long}.`, '짧은 문장입니다.', '또 하나.']);
  });

  it('keeps the segmenter\'s work proportional to the length of the text', () => {
    const work = measureSegmenterWork();
    const small = sentences(2_000);
    expect(splitSentences(small)).toHaveLength(2_000);
    const smallWork = work();
    const large = sentences(20_000);
    expect(splitSentences(large)).toHaveLength(20_000);
    const largeWork = work() - smallWork;
    // One pass over the whole text would cost sentences × length: 100 times more for 10 times the text.
    expect(largeWork / smallWork).toBeLessThan(12);
    expect(largeWork / large.length).toBeLessThan(SEGMENT_WINDOW / 10);
  });

  it('keeps the work linear when one very long sentence comes before many short ones', () => {
    const work = measureSegmenterWork();
    const text = `${'가'.repeat(200_000)}. ${sentences(2_000)}`;
    expect(splitSentences(text)).toHaveLength(2_001);
    expect(work() / text.length).toBeLessThan(SEGMENT_WINDOW / 10);
  });
});
