/** How the Slack bot is set up. */
export interface SlackOptions {
  /** `SLACK_SIGNING_SECRET`: the app's signing secret, which every request from Slack is signed with. */
  signingSecret: string;
  /** `SLACK_BOT_TOKEN` (`xoxb-…`): needed to answer mentions and direct messages. Default none: those are only logged. */
  botToken?: string;
  /** Base URL of Slack's Web API: `https://slack.com/api` in production, a loopback server in tests. */
  apiBaseUrl: string;
  /** Whether slash-command answers are seen by everyone in the channel or only by the asker. */
  responseType: 'ephemeral' | 'in_channel';
  /**
   * A slash command is answered in its own response when the answer is ready within this many ms; otherwise it is
   * acknowledged at once and the answer posted to `response_url` (Slack allows 3 s). 0 always acknowledges first.
   * Default 2500.
   */
  inlineBudgetMs?: number;
}
