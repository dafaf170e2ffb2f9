import { describe, expect, it } from 'vitest';
import { RecentKeys } from './recent-keys.ts';

describe('RecentKeys', () => {
  it('reports a key as new once and as a repeat afterwards', () => {
    const seen = new RecentKeys();
    expect(seen.firstSeen('event:Ev01')).toBe(true);
    expect(seen.firstSeen('event:Ev01')).toBe(false);
    expect(seen.firstSeen('event:Ev02')).toBe(true);
  });

  it('treats a request as a repeat when any of its keys was seen', () => {
    const seen = new RecentKeys();
    expect(seen.firstSeen('event:Ev01', 'message:C1:1.000')).toBe(true);
    expect(seen.firstSeen('event:Ev02', 'message:C1:1.000')).toBe(false);
  });

  it('forgets a key once its time to live has passed', () => {
    let now = 1_000_000;
    const seen = new RecentKeys({ ttlMs: 60_000, now: () => now });
    seen.firstSeen('event:Ev01');
    now += 59_999;
    expect(seen.firstSeen('event:Ev01')).toBe(false);
    now += 60_000;
    expect(seen.firstSeen('event:Ev01')).toBe(true);
  });

  it('drops expired keys so memory does not grow with traffic', () => {
    let now = 0;
    const seen = new RecentKeys({ ttlMs: 10, now: () => now });
    for (let i = 0; i < 100; i++) {
      seen.firstSeen(`event:${i}`);
      now += 1;
    }
    expect(seen.size).toBe(10);
  });

  it('forgets the oldest keys beyond the maximum', () => {
    const seen = new RecentKeys({ maxKeys: 3 });
    for (const id of ['a', 'b', 'c', 'd']) seen.firstSeen(id);
    expect(seen.size).toBe(3);
    expect(seen.firstSeen('b')).toBe(false);
    expect(seen.firstSeen('a')).toBe(true);
  });
});
