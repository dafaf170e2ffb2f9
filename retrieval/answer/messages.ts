/** The answer given when the documents don't cover a question, in the question's language. */
export const NOT_FOUND: Record<'ko' | 'en', string> = {
  ko: '문서에서 찾지 못했습니다. 이 질문에 답하는 내용이 문서에 없습니다.',
  en: 'Not found in the documents: none of them answers this question.',
};
