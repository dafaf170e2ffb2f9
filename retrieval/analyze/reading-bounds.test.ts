import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { splitWords } from '../../index/analyze/words.ts';
import { QueryAnalyzer } from './query.ts';
import { expansionsEach, MAX_CHARS_READ, MAX_EXPANSIONS, MAX_WORDS_READ, readableTail } from './reading-bounds.ts';

const glossary = loadGlossary([join(PROJECT_ROOT, 'seeds', 'glossary.tsv')]);
const analyzer = new QueryAnalyzer(glossary);
/** The same analyser with nothing bounded, to show what the bounds leave out. */
const unbounded = new QueryAnalyzer(glossary, { maxWords: Infinity, maxChars: Infinity, maxExpansions: Infinity });

/** Distinct words of `make`, joined by spaces, up to 1,000 characters: the longest question the API takes. */
function thousandCharacters(make: () => string): string {
  const words = new Set<string>();
  let text = '';
  while (text.length + 12 < 1000) {
    const word = make();
    if (words.has(word)) continue;
    words.add(word);
    text = text === '' ? word : `${text} ${word}`;
  }
  return text;
}

/** A deterministic spread of numbers, so the questions are the same at every run. */
let seed = 7;
const next = (below: number) => (seed = (seed * 48271) % 2147483647) % below;
const syllable = () => String.fromCharCode(0xac00 + next(11172));
const koreanWords = thousandCharacters(() => Array.from({ length: 2 + next(3) }, syllable).join(''));
const koreanForms = glossary.filter((e) => e.category !== 'question').flatMap((e) => e.ko.filter((f) => /^[가-힣]{2,}$/u.test(f)));
/** Glossary forms glued into compounds of three forms each: every word holds several glossary concepts. */
const gluedForms = thousandCharacters(() => Array.from({ length: 3 }, () => koreanForms[next(koreanForms.length)]).join(''));
const expansions = (query: { concepts: ReadonlyArray<{ alternatives: readonly unknown[] }> }) =>
  query.concepts.reduce((n, c) => n + c.alternatives.length - 1, 0);

describe('readableTail', () => {
  it('returns a question within the budget as it is', () => {
    const question = '로봇 기업 우대금리는?';
    expect(readableTail(question, { words: MAX_WORDS_READ, chars: MAX_CHARS_READ })).toBe(question);
  });

  it('keeps the last words, from the start of the first one kept', () => {
    expect(readableTail('안녕하세요. 로봇 기업 우대금리는?', { words: 3, chars: 300 })).toBe('로봇 기업 우대금리는?');
  });

  it('starts at a later word when the words kept run over the characters', () => {
    expect(readableTail('인공지능 자율제조 로봇 기업 우대금리는?', { words: 5, chars: 11 })).toBe('기업 우대금리는?');
  });

  it('cuts a last word longer than the budget to its last characters', () => {
    expect(readableTail('가'.repeat(1000), { words: 32, chars: 300 })).toBe('가'.repeat(300));
  });
});

describe('expansionsEach', () => {
  it('leaves every form when the question has no more than the bound', () => {
    expect(expansionsEach([20, 20, 3], 43)).toBe(Infinity);
  });

  it('shares the bound equally, at least one each, when the question has more', () => {
    expect(expansionsEach([20, 20, 20, 20], 40)).toBe(10);
    expect(expansionsEach(new Array<number>(200).fill(5), 128)).toBe(1);
  });
});

describe('QueryAnalyzer on a question of 1,000 characters', () => {
  it('reads the last words of a question of distinct words, and nothing before them', () => {
    const query = analyzer.analyze(`${koreanWords} 로봇 기업 우대금리는?`);
    expect(splitWords(query.text).length).toBeLessThanOrEqual(MAX_WORDS_READ);
    expect(query.text.length).toBeLessThanOrEqual(MAX_CHARS_READ);
    expect(query.text.endsWith('로봇 기업 우대금리는?')).toBe(true);
    expect(query.concepts.length).toBeLessThanOrEqual(MAX_WORDS_READ);
    expect(unbounded.analyze(`${koreanWords} 로봇 기업 우대금리는?`).concepts.length).toBeGreaterThan(4 * MAX_WORDS_READ);
  });

  it('looks for the concepts of compounds of glossary forms in at most MAX_EXPANSIONS other forms, each keeping one', () => {
    const query = analyzer.analyze(gluedForms);
    expect(expansions(query)).toBeLessThanOrEqual(MAX_EXPANSIONS);
    expect(query.concepts.every((c) => c.alternatives.length >= 2)).toBe(true);
    expect(expansions(unbounded.analyze(gluedForms))).toBeGreaterThan(5 * MAX_EXPANSIONS);
  });

  it('looks for every form of a normal question, as without a bound', () => {
    for (const question of ['what rate cut for robot firms?', 'AI자율제조보험할인', '얼라이언스 참여 기업 중 대기업 비율은?']) {
      expect(analyzer.analyze(question)).toEqual(unbounded.analyze(question));
    }
  });
});

describe('QueryAnalyzer on a long conversation', () => {
  const longFollowUp = () => ({ question: `${gluedForms.slice(0, 980)} 그 규모는?` });

  it('reads ten long follow-ups and the question within one budget of words and characters', () => {
    const query = analyzer.analyze('그 규모는?', Array.from({ length: 10 }, longFollowUp));
    expect(query.usedHistory).toBe(true);
    expect(splitWords(query.denseText).length).toBeLessThanOrEqual(MAX_WORDS_READ);
    expect(query.denseText.length).toBeLessThanOrEqual(MAX_CHARS_READ + 10);
    expect(unbounded.analyze('그 규모는?', Array.from({ length: 10 }, longFollowUp)).denseText.length).toBeGreaterThan(20 * MAX_CHARS_READ);
  });

  it('does not read the turns before a question with a topic of its own', () => {
    const looked: string[] = [];
    const vocabulary = { has: (term: string) => (looked.push(term), true) };
    analyzer.analyze('로봇 기업 우대금리는?', [{ question: '혼천의는 누가 만들었어?' }], vocabulary);
    expect(looked.some((term) => term.includes('혼천'))).toBe(false);
    analyzer.analyze('그럼 대출 규모는?', [{ question: '혼천의는 누가 만들었어?' }], vocabulary);
    expect(looked.some((term) => term.includes('혼천'))).toBe(true);
  });
});
