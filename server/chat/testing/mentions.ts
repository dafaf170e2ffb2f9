/**
 * The words of a Mattermost post that its server would take for mentions (`@channel`, `@all`, `@here`, `@someone`),
 * found the way its mention parser reads a post (`StandardMentionParser.ProcessText` in mattermost/server): Markdown
 * escapes undone, the text split into words of letters, digits and `: . - _ @`, `:emoji:` words skipped, leading
 * `:.-_` trimmed, trailing `.-:_` stripped one at a time, and a word with `.`, `-` or `:` in it split there too. Every
 * such word starting with `@` and a name is one a user or group of that name would be notified by.
 *
 * A test oracle, to show that a post pings no one; Markdown code spans, which Mattermost skips, are not modelled.
 */
export function mattermostMentions(markdown: string): string[] {
  const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const found = new Set<string>();
  const consider = (word: string) => {
    if (/^@[\p{L}\p{N}._-]/u.test(word)) found.add(word.toLowerCase());
  };
  for (const raw of text.split(/[^\p{L}\p{N}:._@-]+/u)) {
    if (raw === '' || (raw.length > 1 && raw.startsWith(':') && raw.endsWith(':'))) continue;
    const word = raw.replace(/^[:._-]+/, '');
    for (let stripped = word; stripped !== ''; stripped = stripped.slice(0, -1)) {
      consider(stripped);
      if (!/[.:_-]$/.test(stripped)) break;
    }
    if (/[.:-]/.test(word)) for (const part of word.split(/[.:-]/)) consider(part);
  }
  return [...found];
}

/**
 * What in Slack mrkdwn can notify people: the special mentions `<!channel>`, `<!here>`, `<!everyone>`, user and group
 * mentions `<@U…>`, `<!subteam^…>`, and, in a text object Slack parses automatically (not `verbatim`), a plain
 * `@channel`, `@here` or `@name` starting a word.
 */
export function slackPings(mrkdwn: string, verbatim: boolean): string[] {
  const tokens = [...mrkdwn.matchAll(/<[@!][^>]*>/g)].map((m) => m[0]);
  if (!verbatim) tokens.push(...[...mrkdwn.matchAll(/(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+/gu)].map((m) => m[0]));
  return tokens;
}
