import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it('finds front matter and an HTML body in the Jekyll-style seeds despite their .txt extension', () => {
    for (const name of ['000_b1883f170ede4282', '004_b9fdec29fcde720d']) {
      const detected = detectFormat(seed(name), `${name}.txt`);
      expect(detected.bodyFormat).toBe('html');
      expect(detected.frontMatter?.categories).toEqual(['News']);
      expect(detected.body.startsWith('---')).toBe(false);
    }
    expect(detectFormat(seed('000_b1883f170ede4282')).frontMatter?.title).toBe(
      'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
    );
  });

  it('reads the scraped news seeds as plain text, although one of them contains "<ⓒ…>"', () => {
    for (const name of ['001_4867c593fb02ccbe', '002_c75ad4871b78be58', '003_9ee0d488b8985d82']) {
      const detected = detectFormat(seed(name), `${name}.txt`);
      expect(detected).toEqual({ body: seed(name), bodyFormat: 'text' });
    }
  });

  it('reads a .txt file with markdown headings, links and bold as markdown', () => {
    const content = '# 안내\n\n자세한 내용은 [문서](https://example.com)를 보세요.\n\n**중요**: 저장하세요.';
    expect(detectFormat(content, 'guide.txt').bodyFormat).toBe('markdown');
  });

  it('reads a .md file as markdown even without markdown syntax', () => {
    expect(detectFormat('그냥 문장입니다.', 'plain.md').bodyFormat).toBe('markdown');
    expect(detectFormat('그냥 문장입니다.', 'plain.txt').bodyFormat).toBe('text');
  });

  it('reads an HTML document with a doctype as HTML whatever its extension', () => {
    expect(detectFormat('<!DOCTYPE html><html><body>x', 'page.txt').bodyFormat).toBe('html');
    expect(detectFormat('본문만 있는 파일', 'page.html').bodyFormat).toBe('text');
  });

  it('does not take one stray tag in prose for HTML', () => {
    expect(detectFormat('태그 </p> 하나가 들어간 설명입니다.', 'a.txt').bodyFormat).toBe('text');
  });

  it('does not take a leading markdown rule for front matter', () => {
    const content = '---\n\n첫 문단입니다.\n\n---\n\n둘째 문단입니다.';
    const detected = detectFormat(content, 'rules.md');
    expect(detected.frontMatter).toBeUndefined();
    expect(detected.body).toBe(content);
  });

  it('normalises CRLF line endings and a byte-order mark', () => {
    const detected = detectFormat('\uFEFF---\r\ntitle: 제목\r\n---\r\n본문\r\n', 'a.md');
    expect(detected.frontMatter).toEqual({ title: '제목' });
    expect(detected.body).toBe('본문\n');
  });
});

describe('detectFormat for .html files', () => {
  it('treats an .html fragment with a single tag as HTML, so a lone script is not taken for text', () => {
    expect(detectFormat('<script>alert(1)</script>', 'x.html').bodyFormat).toBe('html');
    expect(detectFormat('<script>alert(1)</script>', 'x.txt').bodyFormat).toBe('text');
  });
});
