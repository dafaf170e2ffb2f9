import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { loadSeedText, varyNumbers } from './seed-text.ts';

const seed = await loadSeedText();

describe('loadSeedText', () => {
  it('gives the cleaned sentences of the seed articles', () => {
    expect(seed.sentences).toContain('AI 자율제조 프로젝트란 제조 공정에 인공지능(AI)을 도입해 제품의 품질·생산성·친환경성 등을 획기적으로 높이는 사업이다.');
    expect(seed.sentences).toContain('상품에 가입한 기업은 시중은행으로부터 낮은 금리로 대출을 받을 수 있다.');
  });

  it('gives the titles but keeps headlines and short fragments out of the sentences', () => {
    expect(seed.titles).toEqual([
      'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
      '산업통상자원부, 산업계의 인공지능(AI) 투자 지원을 위한 금융상품 나온다',
      "중기부, '인공지능(AI) 창업기업(스타트업 ) 육성을 통한 인공지능(AI) 활용·확산 방안' 발표",
      '2030년까지 제조업 AI 도입률 40%로 확대…AI 팩토리 500개로',
      'AI 도입률 제조업 40% 확대의 놀라운 이야기!',
    ]);
    expect(seed.sentences).not.toContain(seed.titles[1]);
    expect(seed.sentences.every((s) => s.length >= 20)).toBe(true);
  });

  it('fails with the folder named when no sentence is long enough', async () => {
    await expect(loadSeedText({ minSentenceChars: 10_000 })).rejects.toThrow(/No sentence of at least 10000 characters in .*seeds/);
  });
});

describe('varyNumbers', () => {
  it('replaces every number with another of as many digits and leaves the words alone', () => {
    expect(varyNumbers('3조 5000억 원, 2030년까지 40%', createRandom(42))).toBe('6조 5861억 원, 5268년까지 52%');
  });

  it('never gives a multi-digit number a leading zero', () => {
    const random = createRandom(5);
    for (let i = 0; i < 200; i++) expect(varyNumbers('금리 10%', random)).toMatch(/^금리 [1-9]\d%$/);
  });
});
