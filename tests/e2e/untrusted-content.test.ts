import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/testbed.ts';

const e2e = useServerAndBrowser();

// Each payload sets the flag and opens a dialog if it ever runs.
const SCRIPT_TAG = '<script>window.__seogiPwned = true; alert("script")</script>';
const IMG_TAG = '<img src=x onerror="window.__seogiPwned = true; alert(\'img\')">';
const TITLE = `해바라기 농장 보안 점검 ${IMG_TAG}`;
const TEXT = [
  `해바라기 농장의 보안 점검 결과, 게시판 글에 들어 있던 스크립트 태그 ${SCRIPT_TAG} 는 실행되지 않고 글자 그대로 보여야 합니다.`,
  `해바라기 농장의 두 번째 점검 항목은 이미지 태그 ${IMG_TAG} 로, 이것도 화면에 글자로만 나타나야 합니다.`,
  '해바라기 농장은 점검 결과를 매달 직원들에게 알립니다.',
].join('\n\n');

beforeAll(async () => {
  const response = await fetch(`${e2e.server.url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'sunflower-probe', title: TITLE, source: 'https://example.com/sunflower', text: TEXT }),
  });
  if (response.status !== 201) throw new Error(`Adding the probe document failed: ${response.status} ${await response.text()}`);
});

describe('content from documents', () => {
  it('is shown as text: a document with script and img tags runs nothing, in the answer and in the document view', async () => {
    const { context, page, errors } = await openPage(e2e.browser, { locale: 'ko-KR' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`${e2e.server.url}/?q=${encodeURIComponent('해바라기 농장 보안 점검 결과는?')}`);
      const reply = page.locator('.turn .reply[aria-busy="false"]');
      await reply.waitFor();
      const shown = (await reply.textContent()) ?? '';
      expect(shown).toContain(SCRIPT_TAG);
      expect(await reply.locator('.citation-title').first().textContent()).toContain(TITLE);

      await reply.locator('.citation').first().getByRole('button', { name: '문서에서 보기' }).click();
      const documentText = page.locator('.document-text mark.passage');
      await documentText.waitFor();
      expect(await page.locator('.document-text').textContent()).toContain(IMG_TAG);
      expect(await page.locator('#document-title').textContent()).toBe(TITLE);

      expect(dialogs).toEqual([]);
      expect(await page.evaluate('typeof window.__seogiPwned')).toBe('undefined');
      // Only the page's own script exists, and no image element came out of the document.
      expect(await page.locator('script').evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src') as string))).toEqual(['app.js']);
      expect(await page.locator('main img, dialog img').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
