import type { Block } from './block.ts';

/** A page number standing alone: "3", "- 3 -", "3 / 12", "Page 3 of 12", "3쪽", "(3)". */
const PAGE_NUMBER = /^(?:[-–—(]\s*)?(?:page\s*|p\.\s*)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*(?:쪽|페이지|면))?(?:\s*[-–—)])?$/i;
/** Blocks at each end of a page that may be running headers, footers or page numbers. */
const EDGE_BLOCKS = 2;

/**
 * Indexes of the blocks that are page furniture of a document laid out in pages (blocks with a `page`): page numbers
 * at the top or bottom of a page, and running headers and footers — the same line, numbers aside, at the top or
 * bottom of at least half the pages (two at least). Blocks without a page are never furniture.
 */
export function findPageFurniture(blocks: readonly Block[]): Set<number> {
  const byPage = new Map<number, number[]>();
  blocks.forEach((block, i) => {
    if (block.page !== undefined) byPage.set(block.page, [...(byPage.get(block.page) ?? []), i]);
  });
  const edges = [...byPage].map(([page, indexes]) => ({
    page,
    indexes: [...new Set([...indexes.slice(0, EDGE_BLOCKS), ...indexes.slice(-EDGE_BLOCKS)])],
  }));
  const shape = (i: number): string => (blocks[i] as Block).text.replace(/\d+/g, '#').toLowerCase();
  const pagesWith = new Map<string, number>();
  for (const { indexes } of edges) for (const key of new Set(indexes.map(shape))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const repeatedOn = Math.max(2, Math.ceil(byPage.size / 2));
  const furniture = new Set<number>();
  for (const { indexes } of edges) {
    for (const i of indexes) {
      if (PAGE_NUMBER.test((blocks[i] as Block).text) || (pagesWith.get(shape(i)) ?? 0) >= repeatedOn) furniture.add(i);
    }
  }
  return furniture;
}
