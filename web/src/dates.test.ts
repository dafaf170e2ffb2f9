import { describe, expect, it } from 'vitest';
import { displayDate, displaySize, displayTime } from './dates.ts';

describe('displayDate', () => {
  it('shows an ISO date in the reader\'s language, the same day whatever the time zone', () => {
    expect(displayDate('2025-03-02', 'ko')).toBe('2025. 3. 2.');
    expect(displayDate('2025-03-02', 'en')).toBe('Mar 2, 2025');
  });

  it('shows a date it cannot read as the document wrote it', () => {
    expect(displayDate('2024년 하반기', 'ko')).toBe('2024년 하반기');
    expect(displayDate('2025-13-45', 'en')).toBe('2025-13-45');
  });
});

describe('displayTime', () => {
  it('shows a moment to the minute in the given time zone', () => {
    expect(displayTime('2025-03-02T09:14:00.000Z', 'en', 'UTC')).toBe('Mar 2, 2025, 9:14 AM');
    // The word for PM depends on the runtime's locale data; the day and the hour in Seoul do not.
    expect(displayTime('2025-03-02T09:14:00.000Z', 'ko', 'Asia/Seoul')).toMatch(/^2025\. 3\. 2\. .*6:14$/);
  });
});

describe('displaySize', () => {
  it('uses bytes, KB and MB with one decimal at most', () => {
    expect(displaySize(512, 'en')).toBe('512 B');
    expect(displaySize(3828, 'en')).toBe('3.7 KB');
    expect(displaySize(5 * 1024 * 1024, 'ko')).toBe('5 MB');
    expect(displaySize(1_234_567, 'en')).toBe('1.2 MB');
  });
});
