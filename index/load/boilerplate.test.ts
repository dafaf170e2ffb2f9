import { describe, expect, it } from 'vitest';
import { classifyBlocks, isProse, removeBoilerplate } from './boilerplate.ts';
import type { Block, Link } from './block.ts';

const block = (text: string, links: Link[] = []): Block => ({
  text,
  kind: 'paragraph',
  links,
  linkChars: links.reduce((sum, link) => sum + link.text.length, 0),
});
const kept = (texts: string[]): string[] => removeBoilerplate(texts.map((text) => block(text))).map((b) => b.text);
const reasons = (texts: string[]) => classifyBlocks(texts.map((text) => block(text))).map((verdict) => verdict.reason);

const HEADLINE = '서울시, 공공도서관 전자책 대출 무료로';
const ARTICLE = [
  '서울시는 내년부터 모든 공공도서관에서 전자책 대출 서비스를 무료로 제공한다고 밝혔다.',
  '시는 이를 위해 전자책 구매 예산을 두 배로 늘리고 도서관 앱도 새로 만든다.',
  '전자책 대출 서비스는 내년 1월부터 25개 자치구 공공도서관에서 차례로 시작된다.',
  '도서관 회원이면 누구나 한 번에 다섯 권까지 전자책을 빌릴 수 있다.',
  '서울시 관계자는 “전자책 대출 서비스가 시민들의 독서 습관을 바꿀 것”이라고 말했다.',
];

describe('classifyBlocks', () => {
  it('drops menu, button and share rows made of known labels and separators', () => {
    expect(reasons(['본문 바로가기', '폰트 확대 폰트 축소 프린트하기', '페이스북 트위터 밴드 블로그', '뉴스댓글 >', ...ARTICLE])).toEqual([
      'chrome',
      'chrome',
      'chrome',
      'chrome',
      ...ARTICLE.map(() => undefined),
    ]);
  });

  it('drops ambiguous words like 닫기 and AD only on a page that shows other chrome', () => {
    expect(kept(['닫기', 'AD', '• -', ...ARTICLE])).toEqual(['닫기', 'AD', '• -', ...ARTICLE]);
    expect(kept(['본문 바로가기', '닫기', ...ARTICLE.slice(0, 2), 'AD', ...ARTICLE.slice(2)])).toEqual(ARTICLE);
  });

  it('recognises bylines, publication stamps, copyright and credit lines, notices and images', () => {
    expect(
      reasons([
        ...ARTICLE,
        '최선경 기자 / 기사승인 : 2024-09-24 16:40:08',
        '세종=이은주 기자 golden@asiae.co.kr',
        '입력 2024.09.24 16:40',
        '시계아이콘00분 58초 소요',
        '숏 뉴스 AI 요약 기술은 핵심만 전달합니다. 전체 내용의 이해를 위해 기사 본문을 확인해주세요.',
        '자료 제공 : 정책브리핑 korea.kr',
        '![사진](https://example.com/a.jpg)',
        '<ⓒ투자가를 위한 경제콘텐츠 플랫폼, 아시아경제(www.asiae.co.kr) 무단전재 배포금지>',
      ]),
    ).toEqual([
      ...ARTICLE.map(() => undefined),
      'byline',
      'byline',
      'byline',
      'notice',
      'notice',
      'credit',
      'image',
      'copyright',
    ]);
  });

  it('keeps a sentence that merely mentions a reporter or a date', () => {
    const sentence = '김기자는 2024.09.24 입력 마감 전에 기사를 보냈다고 말했다.';
    expect(kept([sentence])).toEqual([sentence]);
  });

  it('cuts everything after a copyright notice that follows the article', () => {
    const page = [
      HEADLINE,
      ...ARTICLE,
      '[저작권자ⓒ 서울일보. 무단전재-재배포 금지]',
      '부산시, 해수욕장 개장 앞두고 안전 점검',
      '부산시는 다음 달 해수욕장 개장을 앞두고 안전 점검에 나섰다고 밝혔다.',
    ];
    expect(reasons(page).slice(-3)).toEqual(['copyright', 'after-article', 'after-article']);
    expect(kept(page)).toEqual([HEADLINE, ...ARTICLE]);
  });

  it('does not cut at a copyright line that opens a document', () => {
    const manual = ['Copyright © 2025 Seogi. All rights reserved.', '설치', ...ARTICLE];
    expect(kept(manual)).toEqual(['설치', ...ARTICLE]);
  });

  it('does not cut at a bare photo credit between paragraphs', () => {
    const page = ['본문 바로가기', ...ARTICLE.slice(0, 4), 'ⓒ 뉴스1', ARTICLE[4] ?? ''];
    expect(reasons(page).slice(-2)).toEqual(['copyright', undefined]);
  });

  it('drops unrelated and repeated headlines above the article but keeps its headline and sub-headings', () => {
    const page = [
      '부산 해운대 해수욕장 다음달 개장',
      '프로야구 올스타전 투표 시작',
      '부산 해운대 해수욕장 다음달 개장',
      HEADLINE,
      '기사 읽어주기',
      '전자책 구매 예산 두 배로',
      ...ARTICLE,
    ];
    expect(reasons(page).slice(0, 6)).toEqual([
      'before-article',
      'before-article',
      'before-article',
      undefined,
      'chrome',
      undefined,
    ]);
  });

  it('keeps headlines above the body when the page shows no chrome there', () => {
    const page = ['프로야구 올스타전 투표 시작', HEADLINE, ...ARTICLE];
    expect(kept(page)).toEqual(page);
  });

  it('drops a list of other stories after a sidebar heading even without a copyright line', () => {
    const page = [
      HEADLINE,
      '기사 읽어주기',
      ...ARTICLE,
      '많이 본 기사',
      '제주 감귤 수확 시작... 작황 양호',
      '제주도는 올해 감귤 수확을 시작했으며 작황이 양호하다고 밝혔다.',
    ];
    expect(kept(page)).toEqual([HEADLINE, ...ARTICLE]);
  });

  it('drops a lone ▲ caption but keeps a run of ▲ lines written as a list', () => {
    const page = ['본문 바로가기', '▲ 3대 금융 상품 개요', ...ARTICLE, '▲ 보험 상품 출시', '▲ 대출 지원 확대'];
    expect(kept(page)).toEqual([...ARTICLE, '▲ 보험 상품 출시', '▲ 대출 지원 확대']);
  });

  it('drops a line whose link text is a bare URL, and other link lines only on a page with chrome', () => {
    const url = { href: 'https://newsdao.kr', text: 'https://newsdao.kr' };
    const docs = { href: 'https://example.com/docs', text: '자세한 설명' };
    const clean = [...ARTICLE.map((text) => block(text)), block('자세한 설명', [docs]), block(`뉴스 ${url.text}`, [url])];
    expect(classifyBlocks(clean).map((verdict) => verdict.reason).slice(-2)).toEqual([undefined, 'links']);
    const page = [block('본문 바로가기'), ...clean];
    expect(classifyBlocks(page).map((verdict) => verdict.reason).slice(-2)).toEqual(['links', 'links']);
  });

  it('keeps every block of a clean document of short lines and headings', () => {
    const manual = [
      '서기 사용 설명서',
      '설치',
      'Node 20을 설치합니다',
      'npm install 을 실행합니다',
      '인쇄',
      '결과 화면은 브라우저에서 인쇄할 수 있습니다.',
      '목록',
      '- 문서 폴더',
      '- 색인 폴더',
    ];
    expect(kept(manual)).toEqual(manual);
  });

  it('follows its options', () => {
    const page = [HEADLINE, ...ARTICLE, '[저작권자ⓒ 서울일보. 무단전재-재배포 금지]', '다른 기사 제목'];
    const blocks = page.map((text) => block(text));
    expect(removeBoilerplate(blocks, { minArticleChars: 10_000 }).map((b) => b.text)).toContain('다른 기사 제목');
    expect(removeBoilerplate(blocks, { chromePhrases: ['다른 기사 제목'] }).map((b) => b.text)).not.toContain(
      '다른 기사 제목',
    );
  });
});

describe('isProse', () => {
  it('takes sentences for prose and headlines or teasers for not', () => {
    expect(isProse(ARTICLE[0] ?? '')).toBe(true);
    expect(isProse(HEADLINE)).toBe(false);
    expect(isProse('평균 27.9년… 부처별 최대 13년 11개월차 행복도시건설청 17년 4개월로 가장 빨라')).toBe(false);
    expect(isProse('짧은 문장이다.')).toBe(false);
  });
});
