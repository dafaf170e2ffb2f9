import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-link.ts';

describe('safeHttpUrl', () => {
  it('keeps http and https links, normalised', () => {
    expect(safeHttpUrl('https://newsdao.kr/4601')).toBe('https://newsdao.kr/4601');
    expect(safeHttpUrl('http://korea.kr')).toBe('http://korea.kr/');
    expect(safeHttpUrl('http://example.com/a b')).toBe('http://example.com/a%20b');
  });

  it('refuses script, data and relative links, and missing ones', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHttpUrl('/etc/passwd')).toBeUndefined();
    expect(safeHttpUrl('newsdao.kr/4601')).toBeUndefined();
    expect(safeHttpUrl(null)).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
  });
});
