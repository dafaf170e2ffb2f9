import { describe, expect, it } from 'vitest';
import { neutralizeMentions, WORD_JOINER } from './mentions.ts';
import { mattermostMentions } from './testing/mentions.ts';

describe('neutralizeMentions', () => {
  it('puts a word joiner between @ and the name of every mention that starts a word', () => {
    expect(neutralizeMentions('@channel @all @HERE @everyone @kim.reporter @group-ai')).toBe(
      ['@channel', '@all', '@HERE', '@everyone', '@kim.reporter', '@group-ai'].map((m) => m.replace('@', `@${WORD_JOINER}`)).join(' '),
    );
  });

  it('catches mentions after punctuation, which Mattermost splits words at', () => {
    for (const text of ['x.@channel', '(@here)', '_@all_', 'a:@all', '-@channel', '**@channel**', '"@here"', '@_all', '@.here']) {
      expect(mattermostMentions(neutralizeMentions(text))).toEqual([]);
      expect(neutralizeMentions(text).replaceAll(WORD_JOINER, '')).toBe(text);
    }
  });

  it('leaves an @ inside a word alone: e-mail addresses, and Korean text run into a name, notify no one', () => {
    for (const text of ['hong@asiae.co.kr', '공지@channel', 'v1@here']) {
      expect(neutralizeMentions(text)).toBe(text);
      expect(mattermostMentions(text)).toEqual([]);
    }
  });

  it('leaves a lone @ and text without one alone, and changes nothing on a second pass', () => {
    expect(neutralizeMentions('@ 기호, 이메일 @ 주소, 금리 -1.2%p')).toBe('@ 기호, 이메일 @ 주소, 금리 -1.2%p');
    const once = neutralizeMentions('@channel x.@here');
    expect(neutralizeMentions(once)).toBe(once);
  });
});
