import { describe, expect, it } from 'vitest';
import { makeBlock } from './block.ts';
import type { Block } from './block.ts';
import { findPageFurniture } from './page-furniture.ts';

const paged = (pages: string[][]): Block[] =>
  pages.flatMap((texts, i) => texts.map((text) => ({ ...(makeBlock(text, 'paragraph') as Block), page: i + 1 })));

describe('findPageFurniture', () => {
  it('finds page numbers and a running header repeated at the top of the pages', () => {
    const blocks = paged([
      ['2025 지원사업 안내 | 1', '첫 쪽 본문입니다.', '- 1 -'],
      ['2025 지원사업 안내 | 2', '둘째 쪽 본문입니다.', '- 2 -'],
      ['2025 지원사업 안내 | 3', '셋째 쪽 본문입니다.', '3 / 3'],
    ]);
    expect([...findPageFurniture(blocks)].sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 6, 8]);
  });

  it('keeps a line said once, and never judges blocks without pages', () => {
    expect(findPageFurniture(paged([['제목', '본문입니다.'], ['다른 본문입니다.', '맺음말']])).size).toBe(0);
    expect(findPageFurniture([makeBlock('1', 'paragraph') as Block]).size).toBe(0);
  });
});
