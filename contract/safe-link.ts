/**
 * A citation's `source` when it is an http(s) address, else undefined. A document's source comes from its own text,
 * so a `javascript:` or `data:` link in it must become neither a clickable link on the page nor one in a chat message.
 * Shared by the page and the chat bots, so it lives in `contract/`: pure, and free of Node-only code.
 */
export function safeHttpUrl(source: string | null | undefined): string | undefined {
  if (!source) return undefined;
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
