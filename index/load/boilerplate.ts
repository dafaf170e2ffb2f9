import type { Block } from './block.ts';
import { findPageFurniture } from './page-furniture.ts';

/** Why a block is not document content. */
export type BoilerplateReason =
  /** Menus, buttons, share rows, ad markers and sidebar headings. */
  | 'chrome'
  /** Page widgets and notices: reading time, the AI-summary notice, "breaking news" call-to-action lines. */
  | 'notice'
  /** Reporter lines and publication stamps. */
  | 'byline'
  | 'copyright'
  /** "출처: …", "자료 제공 : …" lines naming where the text comes from. */
  | 'credit'
  /** A lone photo caption (`▲ …`) or photo credit (`[사진=…]`). */
  | 'caption'
  /** A markdown image left in the text. */
  | 'image'
  /** A line that is mostly links. */
  | 'links'
  /** Unrelated headlines above the article. */
  | 'before-article'
  /** What follows the article's copyright line, and unrelated lists below it. */
  | 'after-article'
  /** Page numbers and running headers and footers of a document laid out in pages (see findPageFurniture). */
  | 'page-furniture';

/** A block with the verdict of {@link classifyBlocks}. */
export interface BlockVerdict {
  block: Block;
  /** Why the block is boilerplate; `undefined` when it is content. */
  reason?: BoilerplateReason;
}

/** Options of {@link classifyBlocks}; every field has a default. */
export interface BoilerplateOptions {
  /**
   * Page-chrome phrases: a block made only of these (and separators like `•`, `|`, `>`) is chrome.
   * Default {@link DEFAULT_CHROME_PHRASES}.
   */
  chromePhrases?: readonly string[];
  /**
   * Words that are chrome when alone in a block only if the page shows other chrome, because a clean document can
   * use them as headings (a printer manual's "인쇄"). Three or more of them together are always chrome.
   * Default {@link DEFAULT_AMBIGUOUS_CHROME_PHRASES}.
   */
  ambiguousChromePhrases?: readonly string[];
  /**
   * Sidebar headings, chrome themselves: after the article has started, what follows one of them is dropped up to
   * the next paragraph that is about the article. Default {@link DEFAULT_SIDEBAR_HEADINGS}.
   */
  sidebarHeadings?: readonly string[];
  /** Whole-block notices (tested on blocks up to `maxLineLength`). Default {@link DEFAULT_NOTICE_PATTERNS}. */
  noticePatterns?: readonly RegExp[];
  /** Longest block, in characters, that a line rule (byline, copyright, credit, notice…) may remove. Default `200`. */
  maxLineLength?: number;
  /** Shortest block, in characters, that counts as prose (the article body is made of prose). Default `30`. */
  minProseLength?: number;
  /** Share of link characters from which a block that is not prose is a link line. Default `0.5`. */
  maxLinkDensity?: number;
  /**
   * Characters of prose that must come before a copyright notice or sidebar heading for it to end the article.
   * Default `200`.
   */
  minArticleChars?: number;
  /**
   * Share of a block's word pieces (Hangul syllable pairs, Latin words) that must occur in the article body for a
   * headline above or a line below the body to belong to the article. Default `0.5`.
   */
  minRelatedness?: number;
}

/**
 * Labels of Korean news-page menus, buttons and widgets; never a block of a document on their own. Spacing and case
 * are ignored when matching.
 */
export const DEFAULT_CHROME_PHRASES: readonly string[] = [
  '본문 바로가기', '주메뉴 바로가기', '바로가기', '전체메뉴', '글자크기 설정', '글자크기', '기사 읽어주기', '읽어주기',
  '다시듣기', '뉴스듣기', '기사듣기', '음성으로 듣기', '폰트 확대', '폰트 축소', '프린트하기', '인쇄하기', '위로가기',
  '맨위로', '불러오는 중', 'bar_progress', '언어변환', '숏뉴스', '댓글쓰기', '댓글보기', '더보기', '이전기사',
  '다음기사', '기사 목록', '페이스북', '트위터', '카카오톡', '카카오스토리', '네이버밴드', 'URL 복사', '링크 복사',
  '스크랩', '구독하기', '기사 공유하기', 'ADVERTISEMENT',
];

/** Short words that are chrome on a news page but can be a heading of a clean document. */
export const DEFAULT_AMBIGUOUS_CHROME_PHRASES: readonly string[] = [
  '닫기', '인쇄', '프린트', 'AD', '광고', '밴드', '블로그', '공유', '공유하기', '댓글', '목록', '검색', '메뉴', '홈',
  '로그인', '회원가입', 'SNS', 'TOP',
];

/** Headings of the lists of other stories that news pages put beside or below an article; chrome as well. */
export const DEFAULT_SIDEBAR_HEADINGS: readonly string[] = [
  '최신기사', '최신뉴스', '많이 본 기사', '많이 본 뉴스', '인기기사', '인기뉴스', 'PHOTO NEWS', '포토뉴스',
  '실시간 핫이슈', '맞춤콘텐츠', '당신이 궁금할 이슈 콘텐츠', '놓칠 수 없는 이슈 픽', '이 시각 주요뉴스', '관련기사',
  '관련뉴스', '뉴스댓글',
];

/** Notices news pages print around an article. */
export const DEFAULT_NOTICE_PATTERNS: readonly RegExp[] = [
  // Reading-time widget: "시계아이콘00분 58초 소요".
  /^(?:시계아이콘)?\s*\d{1,2}\s*분\s*(?:\d{1,2}\s*초\s*)?소요$/,
  // The notice in front of machine-written summaries.
  /(?:AI|인공지능)\s*요약.*(?:본문|전체\s*내용).*확인/,
  // "신속 뉴스 바로가기 👉 …", "실시간 뉴스 속보는, …".
  /^[^.!?]{0,20}(?:뉴스|속보)\s*(?:바로\s*가기|속보는)/,
];

const COPYRIGHT =
  /저작권자|무단\s*전재|재배포\s*금지|all\s+rights\s+reserved|copyright\s*(?:ⓒ|©|\(c\)|\d{4})|^[<[(]?\s*[ⓒ©]/i;
// A full copyright notice ends the article; a bare "ⓒ 뉴스1" is a photo credit that can sit between paragraphs.
const COPYRIGHT_NOTICE = /저작권자|무단\s*전재|재배포\s*금지|all\s+rights\s+reserved|copyright/i;
const CREDIT = /^[[(<]?\s*(?:출처|자료\s*제공|자료\s*출처|기사\s*원문|원문\s*보기|source|via)\s*[:：]/i;
const REPORTER =
  /^[[(]?(?:[가-힣]{1,8}\s*=\s*)?[가-힣]{2,4}\s?(?:기자|특파원|선임기자|수석기자|객원기자|인턴기자|통신원)[\])]?(?=$|[\s/|·,]|[\w.+-]+@)/;
const DATE_STAMP = /(?:기사승인|기사입력|입력|승인|수정|등록|발행|게재|송고|업데이트)\s*[:：]?\s*\d{2,4}\s*[-./년]\s*\d{1,2}/;
const EMAIL_ONLY = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const CAPTION = /^[▲△]\s*\S/;
const PHOTO_CREDIT = /^[[(]?\s*(?:사진|그래픽|이미지)\s*[=:：]/;
const IMAGE_ONLY = /^(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;
const SENTENCE_END = /[.!?。][”’"'」』)\]]*$/;
const SENTENCE_BREAK = /[.!?。][”’"'」』)\]]*(?=\s)/g;
// Separators and bullets that chrome rows put between labels.
const CHROME_SEPARATORS = /[\s•·|/\\>:+\-–—*▶▷→.…,]/g;

/**
 * Reasons that only news pages produce: one of them anywhere makes the ambiguous rules apply, one of them above or
 * below the article body makes the position rules apply there. Copyright and credit lines are not among them
 * because clean documents have them too.
 */
const PAGE_EVIDENCE = new Set<BoilerplateReason>(['chrome', 'notice', 'byline']);

interface Judged {
  block: Block;
  reason?: BoilerplateReason;
  /** The reason holds only if the page shows page chrome elsewhere. */
  ambiguous?: boolean;
}

function isEvidence(j: Judged): boolean {
  return j.reason !== undefined && !j.ambiguous && PAGE_EVIDENCE.has(j.reason);
}

/**
 * Judges every block of a document: page numbers and running headers of paged documents, page chrome, bylines, copyright and credit lines, notices and link lines are
 * recognised line by line; then position decides the rest. The article body runs from the first to the last prose
 * block; everything after a copyright line that follows the body is dropped; headline-like blocks above the body and
 * lines below it are kept only when they share vocabulary with the body and are not repeated page furniture.
 * Position rules apply only where the page shows chrome, so a clean document (a manual with short lines and headings)
 * keeps everything that is not itself boilerplate.
 */
export function classifyBlocks(blocks: readonly Block[], options: BoilerplateOptions = {}): BlockVerdict[] {
  const settings = resolveOptions(options);
  const furniture = findPageFurniture(blocks);
  const judged: Judged[] = blocks.map((block, i) =>
    furniture.has(i) ? { block, reason: 'page-furniture' } : { block, ...judgeLine(blocks, i, settings) },
  );
  const hasEvidence = judged.some(isEvidence);
  for (const j of judged) {
    if (j.ambiguous && !hasEvidence) {
      delete j.reason;
      delete j.ambiguous;
    }
  }
  cutAfterCopyright(judged, settings);
  dropSidebars(judged, settings);
  trimAroundBody(judged, settings);
  return judged.map(({ block, reason }) => (reason ? { block, reason } : { block }));
}

/** The content blocks of a document, in order: {@link classifyBlocks} without the verdicts. */
export function removeBoilerplate(blocks: readonly Block[], options: BoilerplateOptions = {}): Block[] {
  return classifyBlocks(blocks, options)
    .filter((verdict) => verdict.reason === undefined)
    .map((verdict) => verdict.block);
}

/** Whether a block reads as running text: long enough and ending a sentence, or holding several sentences. */
export function isProse(text: string, minProseLength = 30): boolean {
  if (text.length < minProseLength) return false;
  return SENTENCE_END.test(text) || (text.match(SENTENCE_BREAK)?.length ?? 0) >= 2;
}

interface Settings extends Required<BoilerplateOptions> {
  /** Compacted chrome phrases (see {@link compactLabel}), and their lengths, longest first. */
  chrome: { strong: Set<string>; ambiguous: Set<string>; lengths: number[] };
  /** Compacted sidebar headings. */
  sidebars: Set<string>;
}

function resolveOptions(options: BoilerplateOptions): Settings {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: Required<BoilerplateOptions> = {
    chromePhrases: DEFAULT_CHROME_PHRASES,
    ambiguousChromePhrases: DEFAULT_AMBIGUOUS_CHROME_PHRASES,
    sidebarHeadings: DEFAULT_SIDEBAR_HEADINGS,
    noticePatterns: DEFAULT_NOTICE_PATTERNS,
    maxLineLength: 200,
    minProseLength: 30,
    maxLinkDensity: 0.5,
    minArticleChars: 200,
    minRelatedness: 0.5,
    ...given,
  };
  const sidebars = new Set(resolved.sidebarHeadings.map(compactLabel));
  const strong = new Set([...resolved.chromePhrases.map(compactLabel), ...sidebars]);
  const ambiguous = new Set(resolved.ambiguousChromePhrases.map(compactLabel));
  const lengths = [...new Set([...strong, ...ambiguous].map((phrase) => phrase.length))].sort((a, b) => b - a);
  return { ...resolved, chrome: { strong, ambiguous, lengths }, sidebars };
}

function judgeLine(blocks: readonly Block[], i: number, settings: Settings): Omit<Judged, 'block'> {
  const block = blocks[i] as Block;
  const text = block.text;
  const prose = isProse(text, settings.minProseLength);
  const chrome = matchChrome(text, settings.chrome);
  if (chrome) return chrome === 'strong' ? { reason: 'chrome' } : { reason: 'chrome', ambiguous: true };
  if (IMAGE_ONLY.test(text)) return { reason: 'image' };
  if (text.length <= settings.maxLineLength) {
    if (settings.noticePatterns.some((pattern) => pattern.test(text))) return { reason: 'notice' };
    if (COPYRIGHT.test(text)) return { reason: 'copyright' };
    if (CREDIT.test(text)) return { reason: 'credit' };
    if (!prose && (REPORTER.test(text) || DATE_STAMP.test(text) || EMAIL_ONLY.test(text))) return { reason: 'byline' };
    if (PHOTO_CREDIT.test(text)) return { reason: 'caption', ambiguous: true };
  }
  if (isLoneCaption(blocks, i)) return { reason: 'caption', ambiguous: true };
  if (!prose && block.linkChars / text.length >= settings.maxLinkDensity) {
    // A URL shown as its own link text is an address, never a sentence; other link lines may be a clean
    // document's list of references.
    const showsUrl = block.links.some((link) => /^https?:\/\//i.test(link.text));
    return showsUrl ? { reason: 'links' } : { reason: 'links', ambiguous: true };
  }
  return {};
}

/**
 * Whether the block is nothing but chrome phrases. Unambiguous when one of them is unambiguous or there are three or
 * more; a block of separators only is ambiguous.
 */
function matchChrome(text: string, chrome: Settings['chrome']): 'strong' | 'ambiguous' | undefined {
  const { strong, ambiguous, lengths } = chrome;
  const compact = compactLabel(text);
  if (compact === '') return 'ambiguous';
  if (compact.length > 60) return undefined;
  // cover[i]: fewest phrases that cover compact[0..i), preferring covers that include an unambiguous phrase.
  const cover: ({ count: number; strong: boolean } | undefined)[] = [{ count: 0, strong: false }];
  for (let end = 1; end <= compact.length; end++) {
    for (const length of lengths) {
      const before = end - length >= 0 ? cover[end - length] : undefined;
      const piece = compact.slice(end - length, end);
      if (!before || (!strong.has(piece) && !ambiguous.has(piece))) continue;
      const candidate = { count: before.count + 1, strong: before.strong || strong.has(piece) };
      const current = cover[end];
      if (!current || (candidate.strong && !current.strong)) cover[end] = candidate;
    }
  }
  const whole = cover[compact.length];
  if (!whole) return undefined;
  return whole.strong || whole.count >= 3 ? 'strong' : 'ambiguous';
}

function compactLabel(text: string): string {
  return text.replace(CHROME_SEPARATORS, '').toLowerCase();
}

/** A short `▲` line standing alone is a photo caption; a run of them is a list written by the author. */
function isLoneCaption(blocks: readonly Block[], i: number): boolean {
  const text = blocks[i]?.text ?? '';
  if (!CAPTION.test(text) || text.length > 80 || SENTENCE_END.test(text)) return false;
  return !CAPTION.test(blocks[i - 1]?.text ?? '') && !CAPTION.test(blocks[i + 1]?.text ?? '');
}

/** Drops everything after the first copyright notice that follows the article. */
function cutAfterCopyright(judged: Judged[], settings: Settings): void {
  const cut = judged.findIndex(
    (j, i) =>
      j.reason === 'copyright' &&
      COPYRIGHT_NOTICE.test(j.block.text) &&
      proseCharsBefore(judged, i, settings) >= settings.minArticleChars,
  );
  if (cut < 0) return;
  for (const j of judged.slice(cut + 1)) j.reason ??= 'after-article';
}

/** After a sidebar heading that follows the article, drops blocks up to the next prose about the article. */
function dropSidebars(judged: Judged[], settings: Settings): void {
  for (let i = 0; i < judged.length; i++) {
    const heading = judged[i] as Judged;
    if (heading.reason !== 'chrome' || !settings.sidebars.has(compactLabel(heading.block.text))) continue;
    if (proseCharsBefore(judged, i, settings) < settings.minArticleChars) continue;
    const article = vocabulary(judged.slice(0, i).filter((j) => j.reason === undefined));
    for (const j of judged.slice(i + 1)) {
      if (j.reason !== undefined) continue;
      const aboutArticle = relatedness(j.block.text, article) >= settings.minRelatedness;
      if (aboutArticle && isProse(j.block.text, settings.minProseLength)) break;
      j.reason = 'after-article';
    }
  }
}

/** Drops unrelated or repeated headline-like blocks above the body and lines below it, where the page shows chrome. */
function trimAroundBody(judged: Judged[], settings: Settings): void {
  const content = judged.map((j, i) => i).filter((i) => judged[i]?.reason === undefined);
  const prose = content.filter((i) => isProse(judged[i]?.block.text ?? '', settings.minProseLength));
  const first = prose[0];
  const last = prose[prose.length - 1];
  if (first === undefined || last === undefined) return;
  const showsChrome = (from: number, to: number): boolean => judged.slice(from, to).some(isEvidence);
  const chromeAbove = showsChrome(0, first);
  const chromeBelow = showsChrome(last + 1, judged.length);
  // Most documents show no page chrome at all, and the body's vocabulary is the costly part.
  if (!chromeAbove && !chromeBelow) return;
  const body = vocabulary(content.filter((i) => i >= first && i <= last).map((i) => judged[i] as Judged));
  const counts = new Map<string, number>();
  for (const j of judged) counts.set(j.block.text, (counts.get(j.block.text) ?? 0) + 1);
  const belongs = (j: Judged): boolean =>
    counts.get(j.block.text) === 1 && relatedness(j.block.text, body) >= settings.minRelatedness;

  if (chromeAbove) {
    const above = content.filter((i) => i < first).reverse();
    const stop = above.findIndex((i) => !belongs(judged[i] as Judged));
    if (stop >= 0) for (const i of above.slice(stop)) (judged[i] as Judged).reason = 'before-article';
  }
  if (chromeBelow) {
    const below = content.filter((i) => i > last);
    const stop = below.findIndex((i) => !belongs(judged[i] as Judged));
    if (stop >= 0) for (const i of below.slice(stop)) (judged[i] as Judged).reason = 'after-article';
  }
}

function proseCharsBefore(judged: Judged[], end: number, settings: Settings): number {
  return judged
    .slice(0, end)
    .filter((j) => j.reason === undefined && isProse(j.block.text, settings.minProseLength))
    .reduce((sum, j) => sum + j.block.text.length, 0);
}

function vocabulary(judged: Judged[]): Set<string> {
  return new Set(judged.flatMap((j) => wordPieces(j.block.text)));
}

/** Share of the text's distinct word pieces found in `vocabulary`; 0 for text without letters. */
function relatedness(text: string, vocab: Set<string>): number {
  const pieces = new Set(wordPieces(text));
  if (pieces.size === 0) return 0;
  let found = 0;
  for (const piece of pieces) if (vocab.has(piece)) found++;
  return found / pieces.size;
}

/**
 * Hangul words as syllable pairs (so inflected forms and compounds still match), other words whole, lower-cased;
 * pure numbers are left out because dates and counts say nothing about the topic.
 */
function wordPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{L}/u.test(word)) continue;
    if (!/\p{Script=Hangul}/u.test(word)) {
      pieces.push(word);
      continue;
    }
    const chars = [...word];
    if (chars.length === 1) pieces.push(word);
    for (let k = 0; k + 1 < chars.length; k++) {
      const pair = `${chars[k]}${chars[k + 1]}`;
      if (/\p{L}/u.test(pair)) pieces.push(pair);
    }
  }
  return pieces;
}
