import type { Lang } from '../../contract/api.ts';

/** Said instead of an answer while the index is still loading; the person can simply ask again. */
export function notReadyText(lang: Lang): string {
  return lang === 'ko'
    ? '서기가 아직 문서 색인을 불러오는 중입니다. 잠시 후 다시 물어봐 주세요.'
    : 'Seogi is still loading its document index. Please ask again in a minute.';
}

/** How to use the command, with an example, when it was sent without a question. */
export function usageText(command: string): string {
  return (
    `Ask a question about the documents: \`${command} 로봇 기업 우대금리는?\` or \`${command} what rate cut for robot firms?\`\n` +
    `문서에 대해 질문하세요. 예: \`${command} 로봇 기업 우대금리는?\``
  );
}

/** Sent at once when the answer will follow separately. */
export function workingText(lang: Lang): string {
  return lang === 'ko' ? '문서에서 찾는 중입니다…' : 'Looking it up in the documents…';
}

/** Said when answering failed; the details go to the server log. */
export function failedText(lang: Lang): string {
  return lang === 'ko'
    ? '답을 만드는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.'
    : 'Something went wrong while answering. Please try again in a moment.';
}

/** Heading of the cited passages. */
export function sourcesHeading(lang: Lang, abstained: boolean): string {
  if (abstained) return lang === 'ko' ? '관련 있을 수 있는 문단' : 'Possibly related';
  return lang === 'ko' ? '출처' : 'Sources';
}
