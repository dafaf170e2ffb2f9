import type { Answer } from '../../contract/api.ts';
import { detectLanguage } from '../../retrieval/analyze/intent.ts';
import { failedText, notReadyText, usageText } from './messages.ts';
import { errorMessage, type ChatRuntime } from './runtime.ts';

/** What a bot says to a question: Seogi's answer, or the bot's own words when there is no answer to give. */
export type ChatReply = { answer: Answer } | { text: string };

/** Options of {@link replyFor}. */
export interface ReplyOptions {
  /** How the person calls the bot (`/seogi`, `@Seogi`), for the usage text sent when there is no question. */
  command: string;
  /** What is being answered, for the log line of a failure ("Slack: answering a mention"). */
  what: string;
}

/**
 * The reply to a question, the same for every bot: the usage text when there is none, a notice while the index is
 * loading, the answer, or an apology when answering failed (logged). The bot's own words are in the language the
 * answer engine reads in the question. Never rejects.
 */
export async function replyFor(runtime: ChatRuntime, question: string, options: ReplyOptions): Promise<ChatReply> {
  if (question === '') return { text: usageText(options.command) };
  const service = runtime.service();
  if (!service) return { text: notReadyText(detectLanguage(question)) };
  try {
    return { answer: await service.ask({ question }) };
  } catch (error) {
    runtime.log(`${options.what} failed: ${errorMessage(error)}`, error);
    return { text: failedText(detectLanguage(question)) };
  }
}
