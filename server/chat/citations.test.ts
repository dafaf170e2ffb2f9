import { describe, expect, it } from 'vitest';
import { citationQuote, truncate } from './citations.ts';
import { SEED_PASSAGE, seedCitation } from './testing/answers.ts';

describe('citationQuote', () => {
  it('quotes the answering sentence of a passage, by its offsets into the document', () => {
    expect(citationQuote(seedCitation())).toBe(SEED_PASSAGE.sentence);
  });

  it('joins several answering sentences with an ellipsis', () => {
    const citation = seedCitation();
    const [sentence] = citation.highlights;
    if (!sentence) throw new Error('the seed citation has a highlight');
    const heading = { start: citation.start, end: citation.start + '신규 자금 공급 방안'.length };
    expect(citationQuote({ ...citation, highlights: [heading, sentence] })).toBe(`신규 자금 공급 방안 … ${SEED_PASSAGE.sentence}`);
  });

  it('quotes the beginning of the passage, on one line, when no sentence answers', () => {
    expect(citationQuote(seedCitation({ highlights: [] }), 30)).toBe('신규 자금 공급 방안 AI 분야를 위해 신규 자금 공…');
  });
});

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('로봇 기업 우대금리', 10)).toBe('로봇 기업 우대금리');
  });

  it('never splits a surrogate pair', () => {
    // 📈 is two UTF-16 code units; a cut between them would leave half a character.
    expect(truncate('금리📈인하', 4)).toBe('금리…');
    expect(truncate('금리📈인하', 5)).toBe('금리📈…');
  });
});
