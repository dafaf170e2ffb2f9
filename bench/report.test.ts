import { describe, expect, it } from 'vitest';
import { figure, formatMarkdownTable, formatTable, formatValue } from './report.ts';

describe('figure', () => {
  it('passes a value on the right side of its target, the bound included', () => {
    expect(figure({ part: 'http', id: 'a', label: 'a', value: 50, unit: 'ms', target: { op: '<=', value: 50 } }).pass).toBe(true);
    expect(figure({ part: 'http', id: 'a', label: 'a', value: 50.5, unit: 'ms', target: { op: '<=', value: 50 } }).pass).toBe(false);
    expect(figure({ part: 'scale', id: 'r', label: 'r', value: 0.94, unit: '', target: { op: '>=', value: 0.95 } }).pass).toBe(false);
  });

  it('leaves pass out when there is no target', () => {
    expect(figure({ part: 'scale', id: 'd', label: 'd', value: 3, unit: 'MiB' })).not.toHaveProperty('pass');
  });
});

describe('formatValue', () => {
  it('rounds to what is worth reading and groups thousands', () => {
    expect(formatValue(2307.4, 'req/s')).toBe('2,307 req/s');
    expect(formatValue(26.04, 'ms')).toBe('26.0 ms');
    expect(formatValue(3.8312, 's')).toBe('3.83 s');
    expect(formatValue(0.96234, '')).toBe('0.962');
    expect(formatValue(0, '')).toBe('0');
  });
});

const figures = [
  figure({ part: 'http', id: 'http.ask.p99', label: 'POST /api/ask latency p99', value: 715, unit: 'ms', target: { op: '<=', value: 50 } }),
  figure({ part: 'embedding', id: 'e', label: '임베딩 batch 16', value: 3229, unit: 'sentences/s', note: 'seogi-static' }),
];

describe('formatTable', () => {
  it('aligns the columns, counting Hangul as two columns wide', () => {
    expect(formatTable(figures).split('\n')).toEqual([
      'Part       Measure                                     Value  Target   Result',
      '---------  ------------------------------  -----------------  -------  ------',
      'http       POST /api/ask latency p99                  715 ms  ≤ 50 ms  FAIL',
      'embedding  임베딩 batch 16 (seogi-static)  3,229 sentences/s',
    ]);
  });
});

describe('formatMarkdownTable', () => {
  it('writes a row per figure with its target and result', () => {
    expect(formatMarkdownTable(figures).split('\n')).toEqual([
      '| Part | Measure | Value | Target | Result |',
      '| --- | --- | ---: | ---: | --- |',
      '| http | POST /api/ask latency p99 | 715 ms | ≤ 50 ms | FAIL |',
      '| embedding | 임베딩 batch 16 (seogi-static) | 3,229 sentences/s |  |  |',
    ]);
  });
});
