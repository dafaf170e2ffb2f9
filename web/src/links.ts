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
