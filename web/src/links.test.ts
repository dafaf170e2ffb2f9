import { describe, expect, it } from 'vitest';
import { deepLink, MAX_QUESTION_LENGTH, questionFromSearch } from './links.ts';

describe('questionFromSearch', () => {
  it('reads a Korean question from ?q=, decoded and trimmed', () => {
    expect(questionFromSearch('?q=%20%EB%A1%9C%EB%B4%87%20%EA%B8%B0%EC%97%85%20%EC%9A%B0%EB%8C%80%EA%B8%88%EB%A6%AC%EB%8A%94%3F%20')).toBe('로봇 기업 우대금리는?');
  });

  it('reads + as a space, as forms encode it', () => {
    expect(questionFromSearch('?q=what+rate+cut+for+robot+firms%3F')).toBe('what rate cut for robot firms?');
  });

  it('returns undefined without a question or with a blank one', () => {
    expect(questionFromSearch('')).toBeUndefined();
    expect(questionFromSearch('?lang=en')).toBeUndefined();
    expect(questionFromSearch('?q=%20%20')).toBeUndefined();
  });

  it('cuts a question longer than the box accepts', () => {
    expect(questionFromSearch(`?q=${'가'.repeat(MAX_QUESTION_LENGTH + 5)}`)).toHaveLength(MAX_QUESTION_LENGTH);
  });
});

describe('deepLink', () => {
  it('builds a /?q= link on the page origin that reads back to the same question', () => {
    const link = deepLink('http://127.0.0.1:3000/?q=old#turn-1', 'AI 팩토리를 몇 개로 늘리나요?');
    expect(link).toBe('http://127.0.0.1:3000/?q=AI+%ED%8C%A9%ED%86%A0%EB%A6%AC%EB%A5%BC+%EB%AA%87+%EA%B0%9C%EB%A1%9C+%EB%8A%98%EB%A6%AC%EB%82%98%EC%9A%94%3F');
    expect(questionFromSearch(new URL(link).search)).toBe('AI 팩토리를 몇 개로 늘리나요?');
  });
});
