import type { DocumentFormat, Lang } from '../../../contract/api.ts';

/** Every string the documents page shows, in one language. */
export interface DocumentsMessages {
  lang: Lang;
  appName: string;
  pageTitle: string;
  skipToMain: string;
  backToChat: string;
  switchTo: string;
  switchToLabel: string;
  signInTitle: string;
  signInHelp: string;
  tokenLabel: string;
  signIn: string;
  signOut: string;
  checking: string;
  signedIn: string;
  signedOut: string;
  emptyToken: string;
  wrongToken: string;
  /** The server has no ADMIN_TOKEN; its own message, which says how to set one, follows. */
  adminDisabled: string;
  networkError: string;
  serverError: string;
  uploadTitle: string;
  dropHint: string;
  chooseFiles: string;
  formatsHint: string;
  uploadsTitle: string;
  clearFinished: string;
  waiting: string;
  uploading: (percent: number) => string;
  processing: string;
  added: (id: string) => string;
  alreadyPresent: string;
  duplicate: string;
  refused: string;
  failed: string;
  /** Screen-reader announcement of one upload's outcome. */
  announceUpload: (file: string, outcome: string) => string;
  listTitle: string;
  searchLabel: string;
  searchPlaceholder: string;
  count: (shown: number, total: number) => string;
  loadingList: string;
  listError: string;
  retry: string;
  noDocuments: string;
  noMatches: string;
  columnTitle: string;
  columnFormat: string;
  columnDate: string;
  columnChunks: string;
  columnSize: string;
  columnAdded: string;
  columnActions: string;
  formats: Record<DocumentFormat, string>;
  unknown: string;
  remove: string;
  removeLabel: (title: string) => string;
  confirmTitle: string;
  confirmText: (title: string, id: string) => string;
  cancel: string;
  confirmRemove: string;
  removed: (title: string) => string;
  alreadyGone: (title: string) => string;
}

export const DOCUMENTS_MESSAGES: Record<Lang, DocumentsMessages> = {
  ko: {
    lang: 'ko',
    appName: '서기',
    pageTitle: '문서 관리',
    skipToMain: '본문으로 건너뛰기',
    backToChat: '질문하기',
    switchTo: 'English',
    switchToLabel: 'Switch the interface to English',
    signInTitle: '관리자 로그인',
    signInHelp:
      '문서를 추가하거나 삭제하려면 서버를 시작할 때 설정한 관리자 토큰(ADMIN_TOKEN)을 입력하세요. 토큰은 이 탭에만 보관되고, 탭을 닫으면 지워집니다.',
    tokenLabel: '관리자 토큰',
    signIn: '로그인',
    signOut: '로그아웃',
    checking: '토큰을 확인하는 중…',
    signedIn: '로그인했습니다.',
    signedOut: '로그아웃했습니다. 토큰은 이 탭에서 지워졌습니다.',
    emptyToken: '관리자 토큰을 입력하세요.',
    wrongToken: '관리자 토큰이 맞지 않습니다. 서버를 시작할 때 설정한 ADMIN_TOKEN을 그대로 입력하세요.',
    adminDisabled: '이 서버에서는 문서를 바꿀 수 없습니다.',
    networkError: '서버에 연결할 수 없습니다. 서버가 켜져 있는지 확인한 뒤 다시 시도해 주세요.',
    serverError: '서버에서 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
    uploadTitle: '문서 추가',
    dropHint: '파일을 여기에 끌어다 놓거나',
    chooseFiles: '파일 선택',
    formatsHint: '여러 파일을 한꺼번에 올릴 수 있습니다. 문서 ID는 파일 이름에서 만들어집니다.',
    uploadsTitle: '올린 파일',
    clearFinished: '끝난 항목 지우기',
    waiting: '기다리는 중',
    uploading: (percent) => `올리는 중 ${percent}%`,
    processing: '색인하는 중…',
    added: (id) => `추가됨 (ID: ${id})`,
    alreadyPresent: '이미 있음: 같은 이름과 내용의 문서가 이미 있습니다.',
    duplicate: '이미 있음',
    refused: '거부됨',
    failed: '실패',
    announceUpload: (file, outcome) => `${file}: ${outcome}`,
    listTitle: '등록된 문서',
    searchLabel: '목록 검색',
    searchPlaceholder: '제목, ID, 형식, 날짜로 찾기',
    count: (shown, total) => (shown === total ? `문서 ${total}개` : `문서 ${total}개 중 ${shown}개`),
    loadingList: '목록을 불러오는 중…',
    listError: '목록을 불러오지 못했습니다.',
    retry: '다시 시도',
    noDocuments: '등록된 문서가 없습니다. 위에서 파일을 올려 보세요.',
    noMatches: '검색어와 맞는 문서가 없습니다.',
    columnTitle: '제목',
    columnFormat: '형식',
    columnDate: '문서 날짜',
    columnChunks: '문단 수',
    columnSize: '크기',
    columnAdded: '추가한 때',
    columnActions: '관리',
    formats: { text: '텍스트', markdown: 'Markdown', html: 'HTML', pdf: 'PDF', hwp: 'HWP', hwpx: 'HWPX', docx: 'Word' },
    unknown: '—',
    remove: '삭제',
    removeLabel: (title) => `“${title}” 삭제`,
    confirmTitle: '문서를 삭제할까요?',
    confirmText: (title, id) => `“${title}”(ID: ${id})을(를) 색인과 문서 폴더에서 지웁니다. 되돌릴 수 없습니다.`,
    cancel: '취소',
    confirmRemove: '삭제',
    removed: (title) => `“${title}”을(를) 삭제했습니다.`,
    alreadyGone: (title) => `“${title}”은(는) 이미 삭제되었습니다.`,
  },
  en: {
    lang: 'en',
    appName: 'Seogi',
    pageTitle: 'Documents',
    skipToMain: 'Skip to the content',
    backToChat: 'Ask questions',
    switchTo: '한국어',
    switchToLabel: '화면을 한국어로 바꾸기',
    signInTitle: 'Sign in as administrator',
    signInHelp:
      'To add or delete documents, enter the admin token the server was started with (ADMIN_TOKEN). It is kept in this tab only and forgotten when the tab closes.',
    tokenLabel: 'Admin token',
    signIn: 'Sign in',
    signOut: 'Sign out',
    checking: 'Checking the token…',
    signedIn: 'Signed in.',
    signedOut: 'Signed out. The token was removed from this tab.',
    emptyToken: 'Enter the admin token.',
    wrongToken: 'That is not the admin token. Enter the ADMIN_TOKEN the server was started with, exactly.',
    adminDisabled: 'Documents cannot be changed on this server.',
    networkError: 'Could not reach the server. Check that it is running, then try again.',
    serverError: 'The server failed to handle the request. Please try again in a moment.',
    uploadTitle: 'Add documents',
    dropHint: 'Drop files here, or',
    chooseFiles: 'Choose files',
    formatsHint: 'You can upload several files at once. Each document’s id is made from its file name.',
    uploadsTitle: 'Uploads',
    clearFinished: 'Clear finished',
    waiting: 'Waiting',
    uploading: (percent) => `Uploading ${percent}%`,
    processing: 'Indexing…',
    added: (id) => `Added (id: ${id})`,
    alreadyPresent: 'Already present: a document with this name and content is already there.',
    duplicate: 'Already present',
    refused: 'Refused',
    failed: 'Failed',
    announceUpload: (file, outcome) => `${file}: ${outcome}`,
    listTitle: 'Documents in the collection',
    searchLabel: 'Search the list',
    searchPlaceholder: 'Find by title, id, format, date',
    count: (shown, total) => (shown === total ? `${total} ${total === 1 ? 'document' : 'documents'}` : `${shown} of ${total} documents`),
    loadingList: 'Loading the list…',
    listError: 'Could not load the list.',
    retry: 'Try again',
    noDocuments: 'No documents yet. Upload some files above.',
    noMatches: 'No document matches the search.',
    columnTitle: 'Title',
    columnFormat: 'Format',
    columnDate: 'Date',
    columnChunks: 'Passages',
    columnSize: 'Size',
    columnAdded: 'Added',
    columnActions: 'Actions',
    formats: { text: 'Text', markdown: 'Markdown', html: 'HTML', pdf: 'PDF', hwp: 'HWP', hwpx: 'HWPX', docx: 'Word' },
    unknown: '—',
    remove: 'Delete',
    removeLabel: (title) => `Delete “${title}”`,
    confirmTitle: 'Delete this document?',
    confirmText: (title, id) => `“${title}” (id: ${id}) will be removed from the index and the documents folder. This cannot be undone.`,
    cancel: 'Cancel',
    confirmRemove: 'Delete',
    removed: (title) => `Deleted “${title}”.`,
    alreadyGone: (title) => `“${title}” was already deleted.`,
  },
};
