import type { Answer, Citation } from '../../../contract/api.ts';
import { safeHttpUrl } from '../../../contract/safe-link.ts';
import { citationQuote, DEFAULT_QUOTE_CHARS, SHORT_ANSWER_CHARS, shownPassages, truncate } from '../citations.ts';
import { neutralizeMentions } from '../mentions.ts';
import { sourcesHeading } from '../messages.ts';

/** Block Kit's limit on the text of one section block. */
export const SECTION_TEXT_LIMIT = 3000;
/** Block Kit's limit on the blocks of one message. */
export const MESSAGE_BLOCK_LIMIT = 50;

/** A Block Kit text object. */
export interface SlackText {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  /**
   * `true`: Slack keeps the text as sent, apart from mrkdwn and `<…>` links, rather than parsing URLs, channel names
   * and mentions in it by itself. Seogi sets it on every mrkdwn object, since the text is mostly from documents.
   */
  verbatim?: boolean;
}

/** The Block Kit blocks Seogi sends. */
export type SlackBlock = { type: 'section'; text: SlackText } | { type: 'context'; elements: SlackText[] };

/** A message body as Slack's chat.postMessage, slash-command responses and response_url all accept it. */
export interface SlackMessage {
  /** Notification and fallback text (mrkdwn). */
  text: string;
  blocks?: SlackBlock[];
}

/** Options of {@link answerMessage}. */
export interface AnswerMessageOptions {
  /** Longest quote of a cited passage, in characters. Default 200. */
  quoteChars?: number;
}

/**
 * Escapes the three characters Slack's mrkdwn gives a meaning to (`<` and `>` delimit links and mentions, `&` starts
 * an entity), so document text can't turn into a link or a `<!channel>` or `<@U…>` mention. Document text in a
 * message also goes through {@link neutralizeMentions}, and its text objects are `verbatim`, so a plain `@channel` or
 * `@here` notifies no one either.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders an answer as Block Kit: the short answer in bold when there is one, a section with the answer, then one
 * section per cited passage (number, title linked to the source, a short quote); passages the answer does not cite are
 * left out. Every section stays within 3000 characters and the message within 50 blocks; passages that don't fit are
 * counted in a last line.
 */
export function answerMessage(answer: Answer, options: AnswerMessageOptions = {}): SlackMessage {
  const quoteChars = options.quoteChars ?? DEFAULT_QUOTE_CHARS;
  const answerText = escapedWithin(answer.answer, SECTION_TEXT_LIMIT);
  const short = answer.short ? `*${escapedWithin(answer.short.text, SHORT_ANSWER_CHARS)}* [${answer.short.n}]` : undefined;
  const blocks: SlackBlock[] = [...(short ? [section(short)] : []), section(answerText)];
  const passages = shownPassages(answer);
  if (passages.length > 0) {
    blocks.push(context(`*${sourcesHeading(answer.lang, answer.abstained)}*`));
    // Room for the passages, keeping one block for the "and N more" line when they don't all fit.
    const room = MESSAGE_BLOCK_LIMIT - blocks.length;
    const shown = passages.length <= room ? passages : passages.slice(0, room - 1);
    for (const citation of shown) blocks.push(section(citationText(citation, quoteChars)));
    const hidden = passages.length - shown.length;
    if (hidden > 0) blocks.push(context(answer.lang === 'ko' ? `출처 ${hidden}개 더 있음` : `…and ${hidden} more sources`));
  }
  return { text: short ? `${short}\n${answerText}` : answerText, blocks };
}

/** A message of the bot's own words (already mrkdwn), without blocks. */
export function textMessage(text: string): SlackMessage {
  return { text };
}

/** Titles are cut to this many characters, so the quote always keeps most of its section's room. */
const TITLE_CHARS = 200;
/** A longer source URL is left out rather than risk a section over the limit. */
const URL_CHARS = 1000;

/** `*[n]* <source|title>` and the quote on the next line, as a block quote. */
function citationText(citation: Citation, quoteChars: number): string {
  const title = escapedWithin(citation.title, TITLE_CHARS);
  const url = safeHttpUrl(citation.source);
  // `|` ends a link target in mrkdwn, so one inside the URL is percent-encoded.
  const target = url && url.length <= URL_CHARS ? escapeSlackText(url).replace(/\|/g, '%7C') : undefined;
  const heading = `*[${citation.n}]* ${target ? `<${target}|${title}>` : title}\n>`;
  return heading + escapedWithin(citationQuote(citation, quoteChars), SECTION_TEXT_LIMIT - heading.length);
}

/**
 * Makes document text inert (escaped, its mentions neutralized) and cuts it to `maxChars`, dropping an entity the cut
 * would split (`&am…`).
 */
function escapedWithin(text: string, maxChars: number): string {
  return truncate(escapeSlackText(neutralizeMentions(text)), maxChars).replace(/&[a-z]{0,3}…$/, '…');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', verbatim: true, text } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text }] };
}
