import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../contract/api.ts';
import { filterDocuments, sortForList } from './list.ts';
import { DOCUMENTS_MESSAGES } from './messages.ts';

const doc = (overrides: Partial<DocumentSummary>): DocumentSummary => ({
  id: 'doc',
  title: 'Doc',
  source: null,
  date: null,
  chunks: 1,
  format: 'text',
  size: 10,
  addedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const NOTICE = doc({ id: '공고문-2025', title: '2025년 창업 지원 공고', format: 'hwp', date: '2025-03-02', addedAt: '2025-03-02T01:00:00.000Z' });
const FAQ = doc({ id: 'faq', title: 'Voucher FAQ', format: 'markdown', addedAt: '2025-02-01T00:00:00.000Z' });
const NEWS = doc({ id: '003_9ee0d488b8985d82', title: '제조업 AI 도입률 40%로 확대', format: 'html', date: '2024-09-24', addedAt: '2025-02-01T00:00:00.000Z' });
const ALL = [FAQ, NEWS, NOTICE];

describe('filterDocuments', () => {
  const ko = DOCUMENTS_MESSAGES.ko;

  it('matches every word of the query in the title, id, format or date, in any case', () => {
    expect(filterDocuments(ALL, '공고', ko)).toEqual([NOTICE]);
    expect(filterDocuments(ALL, 'voucher faq', ko)).toEqual([FAQ]);
    expect(filterDocuments(ALL, 'HWP', ko)).toEqual([NOTICE]);
    expect(filterDocuments(ALL, '2024-09', ko)).toEqual([NEWS]);
    expect(filterDocuments(ALL, '9ee0d4', ko)).toEqual([NEWS]);
    expect(filterDocuments(ALL, '공고 markdown', ko)).toEqual([]);
  });

  it('finds a format by the name the page shows', () => {
    expect(filterDocuments(ALL, '텍스트', ko)).toEqual([]);
    expect(filterDocuments([...ALL, doc({ id: 'memo' })], '텍스트', ko).map((d) => d.id)).toEqual(['memo']);
    expect(filterDocuments([...ALL, doc({ id: 'memo' })], 'text', DOCUMENTS_MESSAGES.en).map((d) => d.id)).toEqual(['memo']);
  });

  it('finds composed titles from decomposed Hangul, and keeps all for an empty query', () => {
    expect(filterDocuments(ALL, '창업'.normalize('NFD'), ko)).toEqual([NOTICE]);
    expect(filterDocuments(ALL, '   ', ko)).toEqual(ALL);
  });
});

describe('sortForList', () => {
  it('puts the most recently added first, then sorts by title', () => {
    expect(sortForList(ALL).map((d) => d.id)).toEqual(['공고문-2025', 'faq', '003_9ee0d488b8985d82']);
  });
});
