/** The longest question a deep link may carry; longer ones are cut, as the box accepts no more either. */
export const MAX_QUESTION_LENGTH = 1000;

/** The question of a deep link `/?q=<question>`, or undefined when there is none. */
export function questionFromSearch(search: string): string | undefined {
  const question = new URLSearchParams(search).get('q')?.trim();
  return question ? question.slice(0, MAX_QUESTION_LENGTH) : undefined;
}

/** The address that opens the page at `base` and asks `question`, for a support agent to share. */
export function deepLink(base: string, question: string): string {
  const url = new URL('/', base);
  url.searchParams.set('q', question);
  return url.href;
}

/**
 * `source` when it is an http(s) address, else undefined. A document's source comes from its own text, so a
 * `javascript:` or `data:` link in it must not become a clickable link.
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
