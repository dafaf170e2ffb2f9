import { describe, expect, it } from 'vitest';
import { analyzePassage } from './passage-analysis.ts';
import { proximity as proximityOf } from './proximity.ts';

const proximity = (stems: string[], text: string) =>
  proximityOf(stems, analyzePassage({ chunkId: 'c', docId: 'd', start: 0, end: text.length, text }).positions);

describe('proximity', () => {
  it('counts question word pairs that stand together in the passage', () => {
    expect(proximity(['ai', '혁신펀드'], 'AI혁신펀드(900억원, ~26) 등')).toBe(1);
    expect(proximity(['ai', '혁신펀드'], 'AI 기술에 투자하는 산업기술 혁신펀드의 子펀드')).toBe(0);
  });

  it('allows one word between the pair, in the question order only', () => {
    expect(proximity(['ai', '코리아', '펀드'], 'AI 코리아 펀드를 조성')).toBe(1);
    expect(proximity(['ai', '코리아', '펀드'], '스타트업 코리아 펀드(2조원)')).toBe(0.5);
    expect(proximity(['코리아', '펀드'], '펀드 코리아')).toBe(0);
  });

  it('has nothing to say about a one-word question', () => {
    expect(proximity(['펀드'], '펀드')).toBeUndefined();
  });
});
