import type { Answer, Citation } from '../../../contract/api.ts';
import { safeHttpUrl } from '../../../contract/safe-link.ts';
import { citationQuote, DEFAULT_QUOTE_CHARS, SHORT_ANSWER_CHARS, shownPassages, truncate } from '../citations.ts';
import { neutralizeMentions } from '../mentions.ts';
import { sourcesHeading } from '../messages.ts';

/** Mattermost's limit on the length of a post, in characters. */
export const MATTERMOST_POST_LIMIT = 16_383;

/** Options of {@link answerMarkdown}. */
export interface AnswerMarkdownOptions {
  /** Longest quote of a cited passage, in characters. Default 200. */
  quoteChars?: number;
  /** Longest message, in characters. Default 16000, under Mattermost's limit of 16383. */
  maxChars?: number;
}

/**
 * Makes document text show as written and do nothing else in a post: backslash-escapes the characters Markdown gives
 * a meaning to (CommonMark lets any ASCII punctuation be escaped), and keeps `@channel`, `@all`, `@here` and
 * `@username` from notifying anyone ({@link neutralizeMentions}).
 */
export function escapeMarkdown(text: string): string {
  return neutralizeMentions(text).replace(/[\\`*_[\]~|#<>]/g, '\\$&');
}

/**
 * Renders an answer as Mattermost Markdown: the short answer in bold when there is one, the answer, then each cited
 * passage with its number, its title linked to the source and a short quote; passages the answer does not cite are
 * left out. Passages that would make the post longer than `maxChars` are counted in a last line.
 */
export function answerMarkdown(answer: Answer, options: AnswerMarkdownOptions = {}): string {
  const quoteChars = options.quoteChars ?? DEFAULT_QUOTE_CHARS;
  const maxChars = options.maxChars ?? 16_000;
  // Escaping at most doubles the text, so half the room keeps the answer itself within the post.
  const short = answer.short ? [`**${escapeMarkdown(truncate(answer.short.text, SHORT_ANSWER_CHARS))}** \\[${answer.short.n}\\]`, ''] : [];
  const lines = [...short, escapeMarkdown(truncate(answer.answer, Math.floor(maxChars / 2)))];
  const passages = shownPassages(answer);
  if (passages.length === 0) return lines.join('\n');
  lines.push('', `**${sourcesHeading(answer.lang, answer.abstained)}**`);
  let length = lines.join('\n').length;
  const more = (n: number) => (answer.lang === 'ko' ? `출처 ${n}개 더 있음` : `…and ${n} more sources`);
  for (const [i, citation] of passages.entries()) {
    const entry = citationMarkdown(citation, quoteChars);
    const hidden = passages.length - i;
    // Keeps room for the "and N more" line, should a later passage not fit either.
    if (length + entry.length + 2 + more(hidden).length + 1 > maxChars) {
      lines.push('', more(hidden));
      break;
    }
    lines.push('', entry);
    length += entry.length + 2;
  }
  return lines.join('\n');
}

/** `**[n]** [title](source)` and the quote on the next line, as a block quote. */
function citationMarkdown(citation: Citation, quoteChars: number): string {
  const title = escapeMarkdown(truncate(citation.title, 200));
  const url = safeHttpUrl(citation.source);
  // A parenthesis would end the Markdown link target early (URL parsing already encoded spaces).
  const heading = url ? `[${title}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : title;
  return `**[${citation.n}]** ${heading}\n> ${escapeMarkdown(citationQuote(citation, quoteChars))}`;
}
