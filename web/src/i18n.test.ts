import { describe, expect, it } from 'vitest';
import { EXAMPLES, MESSAGES, pickLanguage } from './i18n.ts';

describe('pickLanguage', () => {
  it('follows the first preferred language the interface speaks', () => {
    expect(pickLanguage(null, ['en-US', 'ko'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'ko-KR', 'en'])).toBe('ko');
  });

  it('prefers the language chosen with the switch over the browser', () => {
    expect(pickLanguage('en', ['ko-KR'])).toBe('en');
    expect(pickLanguage('ko', ['en-GB'])).toBe('ko');
  });

  it('ignores a saved value that is not a language of the interface, and falls back to Korean', () => {
    expect(pickLanguage('de', ['ja-JP'])).toBe('ko');
  });
});

describe('MESSAGES', () => {
  it('has the plain not-found wording in both languages', () => {
    expect(MESSAGES.ko.notFound).toBe('문서에서 찾지 못했습니다');
    expect(MESSAGES.en.notFound).toBe('Not found in the documents');
  });

  it('offers example questions in Korean and in English', () => {
    expect(EXAMPLES.filter((e) => e.lang === 'ko').length).toBeGreaterThanOrEqual(1);
    expect(EXAMPLES.filter((e) => e.lang === 'en').length).toBeGreaterThanOrEqual(1);
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
    expect(EXAMPLES.length).toBeLessThanOrEqual(4);
  });
});
