/** U+2060 WORD JOINER: invisible, zero-width, and neither a letter nor a digit, so it ends a word for a mention parser. */
export const WORD_JOINER = '\u2060';

/** An `@` that starts a word and is followed by what could start a name. */
const MENTION_START = /(?<![\p{L}\p{N}])@(?=[\p{L}\p{N}._-])/gu;

/**
 * Keeps `@channel`, `@all`, `@here`, `@everyone`, `@username` and `@group` in text from documents or users from
 * notifying anyone, while they still show as written: an invisible word joiner goes between the `@` and the name.
 *
 * Mattermost's server finds mentions by splitting a post into words of letters, digits and `. - _ : @` and looking
 * each word up, so `@⁠channel` is the word `@` and the word `channel`: no mention. Slack needs `<!channel>` or `<@U…>`
 * (which escaping already breaks) or, where it parses text itself, a word starting with `@` and the name. An `@`
 * inside a word, as in an e-mail address, notifies no one in either tool and is left alone, so addresses still work.
 *
 * @example
 * neutralizeMentions('@channel 공지, hong@asiae.co.kr') // '@\u2060channel 공지, hong@asiae.co.kr'
 */
export function neutralizeMentions(text: string): string {
  return text.replace(MENTION_START, `@${WORD_JOINER}`);
}
