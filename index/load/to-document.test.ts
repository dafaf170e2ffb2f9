import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, toDocId, toDocument } from './to-document.ts';

const seedsDir = new URL('../../seeds/', import.meta.url);

async function seed(name: string) {
  const relPath = `${name}.txt`;
  const document = await toDocument({ relPath, content: readFileSync(new URL(relPath, seedsDir), 'utf8') });
  return { ...document, blocks: document.text.split(BLOCK_SEPARATOR) };
}

interface SeedExpectation {
  name: string;
  title: string;
  source: string | undefined;
  date: string | undefined;
  /** Number of blocks (headline, sub-headings, paragraphs) of the cleaned text. */
  blocks: number;
  /** At least one distinctive sentence of every heading and paragraph of the article. */
  keeps: string[];
  drops: string[];
}

const SEEDS: SeedExpectation[] = [
  {
    name: '000_b1883f170ede4282',
    title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
    source: 'https://newsdao.kr/4601',
    date: undefined,
    blocks: 12,
    keeps: [
      'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
      'AI정책금융 프로그램',
      "정부가 3조 5000억 원 규모의 'AI정책금융 프로그램'을 신설했습니다.",
      '정부와 금융위원회, 산업은행이 협력하여 AI 산업의 발전을 촉진하고 국민들에게 AI의 혜택을 제공할 계획입니다.',
      '5대 중점전략분야 자금공급 현황',
      '이는 연간목표 대비 53.2%로, 목표집행률 41.7%를 초과 달성했습니다.',
      '신규 자금 공급 방안',
      '최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.',
      '산업은행의 역할',
      '5000억 원 규모의 AI 코리아 펀드를 조성할 예정이며',
      '정책금융의 미래',
      'AI 역량이 국가경쟁력으로 직결되는 시점에서의 투자·금융 지원이 국가의 AI 강국 도약을 위한 중요한 기반이 될 것이라고 강조하였습니다.',
      'J드라마인을 따라서 AI를 위한 3조 5000억 원으로 로봇, 자율주행, 클라우드 분야에서 긍정적인 영향을 줄 것으로 기대됩니다.',
    ],
    drops: ['![', 'feature_text', 'navernews', '모든 분야를 지원하기 위해 3조 5…', '출처', '뉴스다오', '신속 뉴스', 'https://'],
  },
  {
    name: '001_4867c593fb02ccbe',
    title: '산업통상자원부, 산업계의 인공지능(AI) 투자 지원을 위한 금융상품 나온다',
    source: undefined,
    date: '2024-09-24',
    blocks: 11,
    keeps: [
      '산업통상자원부, 산업계의 인공지능(AI) 투자 지원을 위한 금융상품 나온다',
      '산업부, 무보, 시중은행 등 20개 금융기관, 인공지능(AI) 자율제조 금융 협약 체결',
      '[뉴스스텝] 산업계의 인공지능(AI) 투자를 지원하기 위해 보험, 지분투자, 대출 등 전용 금융상품이 출시된다.',
      'AI 자율제조 프로젝트란 제조 공정에 인공지능(AI)을 도입해 제품의 품질·생산성·친환경성 등을 획기적으로 높이는 사업이다.',
      '제조 기업들은 AI의 도입은 선택이 아닌 미래 생존 전략으로 인식하고 있다.',
      '이에 산업부와 금융기관들은 이날 협약을 맺고 AI 자율제조 투자와 관련된 보험, 대출, 지분투자 등 대표적인 금융 3종 상품을 출시했다(붙임 2).',
      '먼저 무역보험공사(이하 무보)는 AI 자율제조 전용 보험상품을(AI Plus+) 출시한다.',
      'AI 자율제조와 관련한 국내 설비투자에 대해서도 보증・보험을 확대 지원하게 된다.',
      '무보는 5년간 최대 10조 원의 무역 금융을 지원할 예정이다.',
      '이 펀드는 산업기술 혁신펀드의 子펀드로서, 20개 내외 유망 스타트업 등의 AI 자율제조 관련 기술개발 자금으로 사용될 예정이다.',
      '0.7%p 우대금리를 적용한 2,000억원 규모의 대출 프로그램을 지원한다.',
      '“AI 자율제조가 대한민국 제조업 혁신의 대전환점이 되도록 정부는 필요한 모든 지원을 아끼지 않겠다”고 포부를 밝혔다.',
    ],
    drops: ['경기도의회', '최신기사', '최신뉴스', '많이 본 기사', 'PHOTO NEWS', '더보기', '뉴스댓글', '저작권자', '기사승인', '최선경', '인쇄', '▲'],
  },
  {
    name: '002_c75ad4871b78be58',
    title: "중기부, '인공지능(AI) 창업기업(스타트업 ) 육성을 통한 인공지능(AI) 활용·확산 방안' 발표",
    source: 'https://korea.kr',
    date: undefined,
    blocks: 14,
    keeps: [
      "중기부, '인공지능(AI) 창업기업(스타트업 ) 육성을 통한 인공지능(AI) 활용·확산 방안' 발표",
      '중소벤처기업부(이하 중기부)는 20일(목) 최상목 권한대행 주재 제3차 국가인공지능위원회에서',
      '중국 스타트업 딥시크가 SW·알고리즘 혁신을 통해 미국 빅테크 수준의 AI모델을 개발해 시장에 충격을 주고있는 상황이다.',
      "'27년까지 중소기업 AI활용률을 50%('24년 28%)로 높이고, 글로벌 AI 유니콘을 5개 육성한다는 목표도 제시하였다.",
      '먼저, 분야별 AI 스타트업 역량 강화를 지원한다.',
      "* 융자 : 최대 100억원('25년 4,666억원), 보증 : 스마트제조 서비스 보증(시설 100억등)",
      '둘째, 개방형 혁신을 통해 스타트업이 개발한 AI서비스의 수요시장 창출을 지원한다.',
      '셋째, AI 스타트업 지원을 강화한다.',
      '* 기술보증 지원(기보, 5.5조원), 중소기업 정책자금(중진공, 4.3조원)',
      "** 스타트업 코리아 펀드(2조원, ~'27), 글로벌 AI펀드(200억원, '25), AI혁신펀드(900억원, ~'26) 등",
      '아울러, AI 관련 해외기관(MIT 등)과의 공동연구를 지원하고 해외진출을 지원할 수 있도록 AI 전문 엑셀러레이터 제도도 도입한다.',
      '* DCP(Deep-tech Challenge Project) : 전략기술 테마별 고위험·고성과 R&D 프로젝트',
      '오영주 장관은 "AI 기술이 TV, 세탁기, 시계와 같은 일상제품에까지 적용되는 시대가 왔으며',
      'AI 국가대표 스타트업을 육성하고, AI 기술과 시장 선점을 위해 노력하겠다"고 밝혔다.',
    ],
    drops: ['은평 국립보건원', '통계청', '성북구', '인천공항공사', '기사 읽어주기', '다시듣기', '폰트 확대', '페이스북 트위터', 'Copyright', '자료 제공', '\u00a0'],
  },
  {
    name: '003_9ee0d488b8985d82',
    title: '2030년까지 제조업 AI 도입률 40%로 확대…AI 팩토리 500개로',
    source: 'https://www.asiae.co.kr',
    date: undefined,
    blocks: 11,
    keeps: [
      '2030년까지 제조업 AI 도입률 40%로 확대…AI 팩토리 500개로',
      '정부, AI 팩토리 구축·확산 지원',
      '최대 10조원 보험·2000억 규모 대출 지원',
      "'AI 대전환 릴레이 현장 간담회'",
      '이를 위해 최대 10조원 규모 전용 보험상품과 2000억원 규모의 대출을 지원한다.',
      '구윤철 부총리 겸 기획재정부 장관은 19일 대전시 유성구 카이스트(KAIST) AI 팩토리 랩(AI Factory Lab)에서',
      '이번 간담회는 지난 12일 ‘AI 로봇·자동차’ 분야에 이어 두 번째로 열렸다.',
      '업계에서는 포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드 등이 참석했다.',
      '정부는 AI 팩토리 선도사업 공장을 2024년 26개에서 2030년 500개로 대폭 확대하고',
      'LAM은 LLM(거대언어모델)과달리 물리 세계를 이해하고 구체적인 행동을 수행하는 거대행동모델을 말한다.',
      '구 부총리는 “세계 최고 제조 역량에 AI를 결합해 A부터 Z까지 한국 제조업을 탈바꿈시키겠다”고 강조했다.',
    ],
    drops: [
      '본문 바로가기', 'bar_progress', '글자크기', '닫기', '시계아이콘', '언어변환', '숏 뉴스', '불러오는 중', '뉴스듣기',
      '소종섭', '이은주', 'golden@', '아시아경제', '맞춤콘텐츠', '실시간 핫이슈', '위로가기',
    ],
  },
  {
    name: '004_b9fdec29fcde720d',
    title: 'AI 도입률 제조업 40% 확대의 놀라운 이야기!',
    source: 'https://newsdao.kr',
    date: undefined,
    blocks: 15,
    keeps: [
      'AI 도입률 제조업 40% 확대의 놀라운 이야기!',
      'AI 자율제조의 도입과 비전',
      '제조업에 인공지능(AI)을 도입해 생산성, 안전성, 환경성을 획기적으로 높이는 AI 자율제조 확산이 본격화되고 있습니다.',
      '과제당 최대 100억 원의 예산을 지원하는 방안이 검토되고 있습니다.',
      'AI 자율제조 얼라이언스 출범',
      '이번 얼라이언스에는 12개 업종의 153개 기업·기관이 참여하고 있으며',
      '대기업이 21%, 중견기업이 23%, 중소기업이 56%를 차지하며',
      'AI 자율제조 도입을 위한 정부 지원',
      '이로 인해 2030년까지 제조업의 생산성을 20% 이상 높 gain 증대할 수 있습니다.',
      '이를 통해 기업들은 생산 과정에서의 불필요한 자원 소비를 줄이고, 환경적 책임을 다할 수 있을 것입니다.',
      'AI를 통한 제조업의 미래',
      '이제 제조업 현장에서 AI 자율제조 도입은 선택이 아닌 필수 전략으로 자리 잡을 것입니다.',
      '얼라이언스에 참여한 기업들은 AI를 통해 생산성과 품질의 개선을 이루어내기 위해 목소리를 높이고 있으며',
      '제조업 혁신의 대전환점을 맞이할 시간입니다. 인공지능을 통한 변화를 위해 지금 당장 동참하세요.',
      '향후 2030년까지 목표 달성을 위한 통합적 계획이 필요할 것입니다.',
    ],
    drops: ['속보', 'newsdao', 'koreablockchain', '<', 'style=', '2028년까지 200개 프로젝트를 통해'],
  },
];

describe('toDocument on the seed articles', () => {
  for (const expected of SEEDS) {
    describe(expected.name, async () => {
      const doc = await seed(expected.name);

      it('keeps a sentence of every heading and paragraph of the article', () => {
        for (const sentence of expected.keeps) expect(doc.text).toContain(sentence);
      });

      it('drops the page boilerplate around the article', () => {
        for (const boilerplate of expected.drops) expect(doc.text).not.toContain(boilerplate);
        expect(doc.text).not.toContain('&nbsp;');
        expect(doc.blocks).not.toContain('AD');
      });

      it('keeps exactly the article blocks, each one line with single spaces', () => {
        expect(doc.blocks).toHaveLength(expected.blocks);
        for (const block of doc.blocks) {
          expect(block).toBe(block.trim());
          expect(block).not.toMatch(/\n|\s{2}/);
        }
      });

      it('reads the title, source and date', () => {
        expect(doc.docId).toBe(expected.name);
        expect(doc.title).toBe(expected.title);
        expect(doc.source).toBe(expected.source);
        expect(doc.date).toBe(expected.date);
        expect(doc.blocks[0]).toBe(expected.title);
      });

      it('hashes the raw file bytes with sha256', () => {
        const bytes = readFileSync(new URL(`${expected.name}.txt`, seedsDir));
        expect(doc.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
      });
    });
  }

  it('returns the same document every time it cleans the same file', async () => {
    for (const { name } of SEEDS) expect(await seed(name)).toEqual(await seed(name));
  });

  it('keeps the dateline of a lead sentence as part of it', async () => {
    const lead = (await seed('001_4867c593fb02ccbe')).blocks[2] ?? '';
    expect(lead.startsWith('[뉴스스텝] 산업계의 인공지능(AI) 투자를 지원하기 위해')).toBe(true);
  });
});

describe('toDocument on other documents', () => {
  it('keeps a clean markdown manual whole, headings and list items included', async () => {
    const content = [
      '# 서기 사용 설명서',
      '',
      '서기는 문서 모음에서 답을 찾아 출처와 함께 보여 줍니다.',
      '',
      '## 인쇄',
      '',
      '1. 결과 화면을 엽니다.',
      '2. 브라우저에서 인쇄합니다.',
      '',
      '- 문서 폴더: `seeds/`',
      '- [자세한 설명](https://example.com/docs)',
    ].join('\n');
    const doc = await toDocument({ relPath: 'guide/manual.md', content });
    expect(doc.docId).toBe('guide/manual');
    expect(doc.title).toBe('서기 사용 설명서');
    expect(doc.text).toBe(
      [
        '서기 사용 설명서',
        '서기는 문서 모음에서 답을 찾아 출처와 함께 보여 줍니다.',
        '인쇄',
        '1. 결과 화면을 엽니다.',
        '2. 브라우저에서 인쇄합니다.',
        '문서 폴더: seeds/',
        '자세한 설명',
      ].join('\n\n'),
    );
    expect(doc.source).toBeUndefined();
  });

  it('keeps a plain-text note of short lines that look like menu words', async () => {
    const content = '창 닫기\n\n닫기\nEsc 키를 누르면 창이 닫힙니다\n\nAD\n광고 차단기와 함께 써도 됩니다\n';
    const doc = await toDocument({ relPath: 'note.txt', content });
    expect(doc.text).toBe(['창 닫기', '닫기', 'Esc 키를 누르면 창이 닫힙니다', 'AD', '광고 차단기와 함께 써도 됩니다'].join('\n\n'));
    expect(doc.title).toBe('창 닫기');
  });

  it('cleans an HTML page: title from the headline, source from the canonical link, date from meta', async () => {
    const content = `<!doctype html><html><head><title>AI 팩토리 확대 - 경제신문</title>
      <meta property="article:published_time" content="2025-09-19T10:00:00+09:00">
      <link rel="canonical" href="https://news.example.kr/article/123"><script>var x = 1;</script></head>
      <body><nav><a href="/">홈</a> <a href="/economy">경제</a></nav>
      <div><a href="#body">본문 바로가기</a></div>
      <article><h1>정부, AI 팩토리 500개로 확대</h1><p>홍길동 기자 hong@example.kr</p>
      <p>정부가 2030년까지 AI 팩토리를 500개로 늘리고 제조기업의 AI 도입률을 40%로 끌어올린다.</p>
      <p>이를 위해 최대 10조원 규모의&nbsp;전용 보험상품과 2000억원 규모의 대출을 지원한다.</p></article>
      <aside><h3>많이 본 기사</h3><ul><li><a href="/1">다른 기사</a></li></ul></aside>
      <footer>Copyright © 경제신문. All rights reserved.</footer></body></html>`;
    const doc = await toDocument({ relPath: 'pages/factory.html', content });
    expect(doc.text).toBe(
      [
        '정부, AI 팩토리 500개로 확대',
        '정부가 2030년까지 AI 팩토리를 500개로 늘리고 제조기업의 AI 도입률을 40%로 끌어올린다.',
        '이를 위해 최대 10조원 규모의 전용 보험상품과 2000억원 규모의 대출을 지원한다.',
      ].join('\n\n'),
    );
    expect(doc.title).toBe('정부, AI 팩토리 500개로 확대');
    expect(doc.source).toBe('https://news.example.kr/article/123');
    expect(doc.date).toBe('2025-09-19');
  });

  it('opens the text with a front-matter title and leaves the other fields out', async () => {
    const content = '---\ntitle: 공지\ndate: 2025-01-02\nexcerpt: 요약문\n---\n본문 첫 문장입니다.\n';
    const doc = await toDocument({ relPath: 'notice.md', content });
    expect(doc.text).toBe('공지\n\n본문 첫 문장입니다.');
    expect(doc.date).toBe('2025-01-02');
  });
});

describe('toDocument on text with control characters and broken surrogates', () => {
  it('removes NUL and BEL and replaces a lone surrogate in a front-matter title and the text', async () => {
    const content = '---\ntitle: "제\u0000목\u0007 하나\uD800"\n---\n본문\u0000 첫\u0007 문장\uD800입니다.\n';
    const doc = await toDocument({ relPath: 'notice.md', content });
    expect(doc.title).toBe('제목 하나\uFFFD');
    expect(doc.text).toBe('제목 하나\uFFFD\n\n본문 첫 문장\uFFFD입니다.');
  });

  it('cleans the headline of plain text, which becomes the title', async () => {
    const content = '메\u0000모\u0007 제목\uD800\n\n첫 문장\u0000입니다\u0007. 둘째\uDC00 문장입니다.\n';
    const doc = await toDocument({ relPath: 'memo.txt', content });
    expect(doc.title).toBe('메모 제목\uFFFD');
    expect(doc.text).toBe('메모 제목\uFFFD\n\n첫 문장입니다. 둘째\uFFFD 문장입니다.');
  });

  it('removes control characters that HTML entities decode to', async () => {
    const content = '<html><head><title>제목</title></head><body><h1>머리&#7;글&#1;</h1><p>본문&#x7F;입니다\u0000.</p></body></html>';
    const doc = await toDocument({ relPath: 'page.html', content });
    expect(doc.title).toBe('머리글');
    expect(doc.text).toBe('머리글\n\n본문입니다.');
  });

  it('removes a right-to-left override from a front-matter title and the text', async () => {
    const content = '---\ntitle: "공고\u202E문 fdp.exe"\n---\n신청서\u202E는 \u2066첨부\u2069 파일입니다.\n';
    const doc = await toDocument({ relPath: 'notice.md', content });
    expect(doc.title).toBe('공고문 fdp.exe');
    expect(doc.text).toBe('공고문 fdp.exe\n\n신청서는 첨부 파일입니다.');
  });

  it('takes a title that shows something when the given one or the headline is invisible characters only', async () => {
    const fromHeadline = await toDocument({ relPath: 'notes/guide.md', content: '# \u200B\u202E\u00AD\n\n본문은 여기에 있습니다. 신청은 3월까지 받습니다.\n' });
    expect(fromHeadline.title).toBe('본문은 여기에 있습니다. 신청은 3월까지 받습니다.');
    expect(fromHeadline.text).toBe('본문은 여기에 있습니다. 신청은 3월까지 받습니다.');
    const fromFrontMatter = await toDocument({ relPath: 'notes/guide.md', content: '---\ntitle: "\u200B\uFEFF\u00AD"\n---\n# 신청 안내\n\n본문입니다.\n' });
    expect(fromFrontMatter.title).toBe('신청 안내');
  });

  it('keeps nothing of a text of invisible characters only', async () => {
    expect((await toDocument({ relPath: 'blank.txt', content: '\u200B\uFEFF\u00AD\u200B\n\u202E' })).text).toBe('');
  });

  it('keeps the hash of the file as it was written', async () => {
    const content = '본문\u0000입니다.';
    expect((await toDocument({ relPath: 'a.txt', content })).hash).toBe(createHash('sha256').update(content, 'utf8').digest('hex'));
  });
});

describe('toDocId', () => {
  it('drops the extension and keeps sub-folders with forward slashes', () => {
    expect(toDocId('000_b1883f170ede4282.txt')).toBe('000_b1883f170ede4282');
    expect(toDocId('reports/2024/summary.v2.md')).toBe('reports/2024/summary.v2');
  });
});
