import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.ts';

const texts = (html: string): string[] => htmlToText(html).blocks.map((block) => block.text);

describe('htmlToText', () => {
  const page = `<!doctype html>
    <html><head><title> 기사 제목 | 신문 </title>
    <meta property="og:title" content="기사 제목">
    <meta name="date" content="2024-09-24">
    <link rel="canonical" href="https://news.example.kr/1">
    <style>p { color: red }</style><script>document.write("스크립트")</script></head>
    <body>
      <nav><ul><li><a href="/">홈</a></li><li><a href="/it">IT</a></li></ul></nav>
      <header><h1>기사 <em>제목</em></h1></header>
      <p>첫 문단의 <a href="https://example.com/a">링크 글</a>은 남습니다.<br>줄바꿈 뒤 문장.</p>
      <img src="photo.jpg" alt="사진 설명">
      <ul><li>항목 하나</li><li>항목 둘</li></ul>
      <div hidden>숨긴 글</div>
      <noscript>자바스크립트를 켜세요</noscript>
      <aside>곁다리</aside>
      <footer>바닥글</footer>
    </body></html>`;

  it('breaks at block elements and <br>, dropping script, style, nav, aside, footer, images and hidden parts', () => {
    expect(texts(page)).toEqual(['기사 제목', '첫 문단의 링크 글은 남습니다.', '줄바꿈 뒤 문장.', '항목 하나', '항목 둘']);
  });

  it('marks headings and list items', () => {
    expect(htmlToText(page).blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'item',
      'item',
    ]);
  });

  it('records links and how much of a block is link text', () => {
    const first = htmlToText(page).blocks[1];
    expect(first?.links).toEqual([{ href: 'https://example.com/a', text: '링크 글' }]);
    expect(first?.linkChars).toBe('링크 글'.length);
  });

  it('reads the page title, meta tags and canonical link without putting them in the text', () => {
    const { pageTitle, meta } = htmlToText(page);
    expect(pageTitle).toBe('기사 제목 | 신문');
    expect(meta).toEqual({ 'og:title': '기사 제목', date: '2024-09-24', canonical: 'https://news.example.kr/1' });
  });

  it('decodes entities and collapses whitespace, no-break spaces included', () => {
    expect(texts('<p>A&nbsp;&nbsp;B &amp; C &lt;D&gt; &#44032;&#xAC01; &ldquo;인용&rdquo;</p><p>&nbsp;</p>')).toEqual([
      'A B & C <D> 가각 “인용”',
    ]);
  });

  it('separates markdown-style paragraphs written between tags by blank lines', () => {
    const html = '<h2>소제목</h2>\n첫 문단 첫 줄\n이어지는 줄\n\n둘째 문단\n\n<p>태그 문단</p>';
    expect(texts(html)).toEqual(['소제목', '첫 문단 첫 줄 이어지는 줄', '둘째 문단', '태그 문단']);
  });

  it('keeps characters of sentences exactly as written', () => {
    const sentence = '최대 -1.2%p까지 ‘우대’ 금리·子펀드 “보증・보험”';
    expect(texts(`<p>${sentence}</p>`)).toEqual([sentence]);
  });

  it('reads markup nested thousands of elements deep', () => {
    const deep = (inner: string, tag = 'div') => `${`<${tag}>`.repeat(2000)}${inner}${`</${tag}>`.repeat(2000)}`;
    const html =
      `<html><head><title>깊은 제목</title></head><body>${deep('text<meta name="date" content="2024-09-24">')}` +
      `<p><a href="/deep">${deep('링크 끝', 'span')}</a></p></body></html>`;
    const extracted = htmlToText(html);
    expect(extracted.blocks.map((block) => block.text)).toEqual(['text', '링크 끝']);
    expect(extracted.blocks[1]?.links).toEqual([{ href: '/deep', text: '링크 끝' }]);
    expect(extracted.pageTitle).toBe('깊은 제목');
    expect(extracted.meta).toEqual({ date: '2024-09-24' });
  });

  it('turns the bare nesting of the issue into its one line of text', () => {
    expect(texts(`${'<div>'.repeat(2000)}text${'</div>'.repeat(2000)}`)).toEqual(['text']);
  });
});
