import type { Lang } from '../../contract/api.ts';

/** The languages of the interface: those of the API. */
export type { Lang };

/** An example question shown on the first screen. */
export interface Example {
  question: string;
  lang: Lang;
}

/** Every string the interface shows, in one language. */
export interface Messages {
  /** The language these messages are in, for dates and numbers. */
  lang: Lang;
  appName: string;
  tagline: string;
  introTitle: string;
  introText: string[];
  examplesTitle: string;
  questionLabel: string;
  placeholder: string;
  keyboardHint: string;
  send: string;
  newConversation: string;
  /** The link to the documents page. */
  manageDocuments: string;
  /** Screen-reader label before a document's own date. */
  documentDate: string;
  /** Screen-reader label before the page a citation is on ("p. 2"). */
  page: string;
  /** Name of the other language, on the switch. */
  switchTo: string;
  switchToLabel: string;
  you: string;
  assistant: string;
  searching: string;
  sources: string;
  sourceN: (n: number) => string;
  originalArticle: string;
  opensInNewTab: string;
  noOriginal: string;
  showInDocument: string;
  notFound: string;
  /** Under the not-found title; `related` tells whether possibly related passages follow. */
  notFoundHint: (related: boolean) => string;
  possiblyRelated: string;
  /** Summary of the folded list of passages found but not cited. */
  morePassages: (count: number) => string;
  /** Screen-reader label before the short answer. */
  inShort: string;
  networkError: string;
  serverError: string;
  rejectedError: string;
  retry: string;
  copyLink: string;
  linkCopied: string;
  linkToAnswer: string;
  close: string;
  loadingDocument: string;
  documentError: string;
  /** Screen-reader summary of an answer: its sentences and how many sources back them. */
  announceAnswer: (text: string, sources: number) => string;
}

/** Questions that the default collection answers, two in Korean and two in English. */
export const EXAMPLES: readonly Example[] = [
  { question: '로봇 기업에 주는 우대금리는 얼마인가요?', lang: 'ko' },
  { question: 'what rate cut for robot firms?', lang: 'en' },
  { question: 'AI 팩토리를 몇 개로 확대하나요?', lang: 'ko' },
  { question: 'How many AI unicorns does the SME ministry want?', lang: 'en' },
];

export const MESSAGES: Record<Lang, Messages> = {
  ko: {
    lang: 'ko',
    appName: '서기',
    tagline: '문서에서 답을 찾고 출처를 함께 보여 드립니다',
    introTitle: '무엇이든 물어보세요',
    introText: [
      '서기는 등록된 문서(기사·공고)에서 질문에 답하는 문장을 찾아 보여 드립니다. 문장 끝의 번호를 누르면 그 문장이 나온 문단과 원문 기사를 확인할 수 있습니다.',
      '문서에 없는 내용은 지어내지 않고 “문서에서 찾지 못했습니다”라고 알려 드립니다. 한국어나 영어로 질문할 수 있습니다.',
    ],
    examplesTitle: '이런 질문을 해 보세요',
    questionLabel: '질문',
    placeholder: '질문을 입력하세요',
    keyboardHint: 'Enter: 보내기 · Shift+Enter: 줄바꿈',
    send: '보내기',
    newConversation: '새 대화',
    manageDocuments: '문서 관리',
    documentDate: '문서 날짜',
    page: '쪽',
    switchTo: 'English',
    switchToLabel: 'Switch the interface to English',
    you: '내 질문',
    assistant: '서기의 답변',
    searching: '문서를 찾는 중…',
    sources: '출처',
    sourceN: (n) => `출처 ${n}`,
    originalArticle: '원문 기사',
    opensInNewTab: '(새 탭에서 열림)',
    noOriginal: '원문 링크 없음',
    showInDocument: '문서에서 보기',
    notFound: '문서에서 찾지 못했습니다',
    notFoundHint: (related) =>
      `등록된 문서에는 이 질문에 답하는 내용이 없습니다. 다른 말로 물어보세요.${related ? ' 아래 문단이 관련 있을 수 있습니다.' : ''}`,
    possiblyRelated: '관련 있을 수 있는 문단',
    morePassages: (count) => `관련 문단 더 보기 (${count})`,
    inShort: '핵심 답',
    networkError: '서버에 연결할 수 없습니다. 네트워크와 서버가 켜져 있는지 확인한 뒤 다시 시도해 주세요.',
    serverError: '서버에서 답변을 만들지 못했습니다. 잠시 후 다시 시도해 주세요.',
    rejectedError: '이 질문을 처리할 수 없습니다.',
    retry: '다시 시도',
    copyLink: '링크 복사',
    linkCopied: '링크를 복사했습니다.',
    linkToAnswer: '이 답변의 링크',
    close: '닫기',
    loadingDocument: '문서를 불러오는 중…',
    documentError: '문서를 불러오지 못했습니다.',
    announceAnswer: (text, sources) => `답변: ${text} (출처 ${sources}개)`,
  },
  en: {
    lang: 'en',
    appName: 'Seogi',
    tagline: 'Answers from your documents, with their sources',
    introTitle: 'Ask about your documents',
    introText: [
      'Seogi finds the sentences in your documents (articles, notices) that answer a question. Press the number after a sentence to see the passage it comes from and the original article.',
      'It never makes things up: when the documents don’t say, it tells you “Not found in the documents”. Ask in Korean or English.',
    ],
    examplesTitle: 'Try asking',
    questionLabel: 'Your question',
    placeholder: 'Type a question',
    keyboardHint: 'Enter to send · Shift+Enter for a new line',
    send: 'Send',
    newConversation: 'New conversation',
    manageDocuments: 'Documents',
    documentDate: 'Document date',
    page: 'Page',
    switchTo: '한국어',
    switchToLabel: '화면을 한국어로 바꾸기',
    you: 'Your question',
    assistant: 'Seogi’s answer',
    searching: 'Searching the documents…',
    sources: 'Sources',
    sourceN: (n) => `Source ${n}`,
    originalArticle: 'Original article',
    opensInNewTab: '(opens in a new tab)',
    noOriginal: 'No link to the original',
    showInDocument: 'Show in document',
    notFound: 'Not found in the documents',
    notFoundHint: (related) =>
      `None of the documents answers this question. Try asking in other words.${related ? ' The passages below may be related.' : ''}`,
    possiblyRelated: 'Possibly related',
    morePassages: (count) => `More passages (${count})`,
    inShort: 'In short',
    networkError: 'Could not reach the server. Check that the network and the server are up, then try again.',
    serverError: 'The server failed to answer. Please try again in a moment.',
    rejectedError: 'This question could not be processed.',
    retry: 'Try again',
    copyLink: 'Copy link',
    linkCopied: 'Link copied.',
    linkToAnswer: 'Link to this answer',
    close: 'Close',
    loadingDocument: 'Loading the document…',
    documentError: 'Could not load the document.',
    announceAnswer: (text, sources) => `Answer: ${text} (${sources} ${sources === 1 ? 'source' : 'sources'})`,
  },
};

/**
 * The interface language: the one the person chose before (`saved`), else the first of the browser's preferred
 * languages that the interface speaks, else Korean, the language of the collection's readers.
 */
export function pickLanguage(saved: string | null, preferred: readonly string[]): Lang {
  if (saved === 'ko' || saved === 'en') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'ko';
}
