import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTerms } from './search-terms.ts';

const df = (counts: Record<string, number>) => (term: string) => counts[term] ?? 0;

describe('searchTerms', () => {
  it('returns a query within the bound as it is', () => {
    const query = new Map([['로봇', 1], ['없는말', 1], ['robot', 0.5]]);
    expect(searchTerms(query, df({ 로봇: 3 }), 3)).toBe(query);
  });

  it('leaves out terms no chunk has before any other', () => {
    const query = new Map([['로봇', 1], ['없는말', 1], ['기업', 1], ['robot', 0.5]]);
    expect([...searchTerms(query, df({ 로봇: 3, 기업: 9, robot: 2 }), 3)]).toEqual([['로봇', 1], ['기업', 1], ['robot', 0.5]]);
  });

  it("keeps the user's own words, then the rarest, in query order", () => {
    const query = new Map([['기업', 1], ['robot', 0.5], ['금리', 1], ['로봇', 1], ['rate', 0.5]]);
    const counts = df({ 기업: 90, robot: 1, 금리: 12, 로봇: 5, rate: 2 });
    expect([...searchTerms(query, counts, 3).keys()]).toEqual(['기업', '금리', '로봇']);
    expect([...searchTerms(query, counts, 2).keys()]).toEqual(['금리', '로봇']);
    expect([...searchTerms(query, counts, 4).keys()]).toEqual(['기업', 'robot', '금리', '로봇']);
  });

  it(`walks at most ${MAX_SEARCH_TERMS} terms by default`, () => {
    const query = new Map(Array.from({ length: 1000 }, (_, i) => [`t${i}`, 1] as const));
    const kept = searchTerms(query, (term) => Number(term.slice(1)) + 1);
    expect(kept.size).toBe(MAX_SEARCH_TERMS);
    expect(kept.has('t0')).toBe(true);
    expect(kept.has(`t${MAX_SEARCH_TERMS}`)).toBe(false);
  });
});
