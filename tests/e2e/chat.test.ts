import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, type OpenedPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/testbed.ts';

const e2e = useServerAndBrowser();

/** Opens the page, runs `body`, and fails when the page threw or logged an error (a CSP violation, say). */
async function withPage(options: Parameters<typeof openPage>[1], body: (opened: OpenedPage) => Promise<void>, path = '/'): Promise<void> {
  const opened = await openPage(e2e.browser, options);
  try {
    await opened.page.goto(e2e.server.url + path);
    await body(opened);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.context.close();
  }
}

/** The questions the page sent to `POST /api/ask`, as parsed JSON bodies. */
function recordAsks(page: Page): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/ask') bodies.push(request.postDataJSON() as Record<string, unknown>);
  });
  return bodies;
}

/** Waits for the answer of turn `index` (0-based) and returns its reply element. */
async function replyOf(page: Page, index: number) {
  const reply = page.locator('.turn').nth(index).locator('.reply[aria-busy="false"]');
  await reply.waitFor();
  return reply;
}

async function typeQuestion(page: Page, question: string): Promise<void> {
  await page.getByRole('textbox').fill(question);
  await page.getByRole('textbox').press('Enter');
}

describe('the chat page', () => {
  it('answers the English example question with the 1.2%p rate cut, citing the newsdao article', async () => {
    await withPage({ locale: 'en-US' }, async ({ page }) => {
      await page.getByRole('button', { name: 'what rate cut for robot firms?' }).click();
      const reply = await replyOf(page, 0);
      const answer = reply.locator('.answer-text');
      expect(await answer.textContent()).toContain('1.2%p');

      // The marker right after the sentence that states the rate names the citation that backs it.
      const n = await answer.evaluate((p) => {
        const nodes = [...p.childNodes];
        // Node types: 3 is text, 1 an element (this function runs in the page, where the names aren't typed here).
        const at = nodes.findIndex((node) => node.nodeType === 3 && node.textContent?.includes('1.2%p'));
        const marker = nodes.slice(at + 1).find((node) => node.nodeType === 1 && node.matches('button.marker'));
        return marker?.dataset.n as string | undefined;
      });
      expect(n).toMatch(/^\d+$/);
      const citation = page.locator(`#turn-1-cite-${n}`);
      const link = citation.locator('a.source-link');
      expect(await link.getAttribute('href')).toBe('https://newsdao.kr/4601');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await citation.locator('mark').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('1.2%p')]));

      // Pressing the marker moves the focus to its citation.
      await answer.locator(`button.marker[data-n="${n}"]`).click();
      expect(await page.locator(':focus').getAttribute('id')).toBe(`turn-1-cite-${n}`);
    });
  });

  it('shows the short answer first and in bold, then only the cited passage, with the others folded away', async () => {
    await withPage({ locale: 'ko-KR' }, async ({ page }) => {
      await typeQuestion(page, '카이스트 간담회에 참석한 기업은?');
      const reply = await replyOf(page, 0);
      const first = reply.locator('p').first();
      expect(await first.getAttribute('class')).toBe('short-answer');
      expect(await first.locator('strong').textContent()).toBe('포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드');
      expect(await reply.locator('.answer-text').textContent()).toContain('업계에서는 포스코, LG전자, GS칼텍스, 현대자동차, 구글 클라우드 등이 참석했다.');
      // Sources: the one passage the answer cites, numbered 1.
      expect(await reply.locator('.sources-title').allTextContents()).toEqual(['출처']);
      const sources = reply.locator(':scope > ol.citations > .citation');
      expect(await sources.count()).toBe(1);
      expect(await sources.locator('.citation-n').textContent()).toBe('1');
      // The other passages found are folded under "관련 문단 더 보기" until opened.
      const more = reply.locator('details.more-passages');
      const summary = (await more.locator('summary').textContent()) ?? '';
      expect(summary).toMatch(/^관련 문단 더 보기 \(\d+\)$/);
      const count = Number(/\((\d+)\)/.exec(summary)?.[1]);
      expect(await more.locator('.citation').first().isVisible()).toBe(false);
      await more.locator('summary').click();
      expect(await more.locator('.citation').count()).toBe(count);
      expect(await more.locator('.citation').first().isVisible()).toBe(true);
      expect(await more.locator('.citation-n').first().textContent()).toBe('2');
    });
  });

  it('shows a citation in its document, scrolled to the passage, and returns the focus when closed', async () => {
    await withPage(
      { locale: 'en-US', viewport: { width: 1280, height: 600 } },
      async ({ page }) => {
        const reply = await replyOf(page, 0);
        const last = reply.locator('.citations').first().locator('.citation').last();
        const passage = (await last.locator('.passage').textContent()) ?? '';
        const open = last.getByRole('button', { name: 'Show in document' });
        await open.click();
        const dialog = page.getByRole('dialog');
        const mark = dialog.locator('mark.passage');
        await mark.waitFor();
        // The card shows blank lines between blocks as single line breaks; the dialog shows the document as it is.
        expect((await mark.textContent())?.replace(/\n{2,}/g, '\n')).toBe(passage);
        const inView = await mark.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const frame = element.closest('.document-text')!.getBoundingClientRect();
          return box.top < frame.bottom && box.bottom > frame.top;
        });
        expect(inView).toBe(true);
        expect(await page.locator(':focus').textContent()).toBe('Close');
        await page.keyboard.press('Escape');
        expect(await dialog.isVisible()).toBe(false);
        expect(await open.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
      },
      `/?q=${encodeURIComponent('How many AI unicorns does the SME ministry want?')}`,
    );
  });

  it('asks a Korean question and a follow-up in one thread, sending the first turn as history', async () => {
    await withPage({ locale: 'ko-KR' }, async ({ page }) => {
      const asks = recordAsks(page);
      await typeQuestion(page, 'AI 팩토리 목표는?');
      const first = await replyOf(page, 0);
      expect(await first.locator('.answer-text').textContent()).toContain('40%');
      expect(await first.locator('.citation').count()).toBeGreaterThan(0);

      const responses = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/ask');
      await typeQuestion(page, '예산은 얼마인가요?');
      const api = (await (await responses).json()) as { answer: string };
      const second = await replyOf(page, 1);

      expect(asks).toHaveLength(2);
      expect(asks[0]).not.toHaveProperty('history');
      expect(asks[1]).toMatchObject({ question: '예산은 얼마인가요?', history: [{ question: 'AI 팩토리 목표는?' }] });
      const history = asks[1]?.history as Array<{ answer: string }>;
      expect(history[0]?.answer).toMatch(/40%.*\[\d+\]/);
      // The page shows the API's answer, each [n] drawn as a marker.
      const shownText = await second.locator('.answer-text').evaluate((p) => [...p.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent as string).join(''));
      expect(shownText).toBe(
        api.answer.replace(/ ?\[\d+\]/g, ''),
      );
      expect(await page.locator('.turn .bubble').allTextContents()).toEqual(['AI 팩토리 목표는?', '예산은 얼마인가요?']);
    });
  });

  it('keeps Shift+Enter as a new line and sends with Enter', async () => {
    await withPage({ locale: 'ko-KR' }, async ({ page }) => {
      const asks = recordAsks(page);
      const box = page.getByRole('textbox', { name: '질문' });
      await box.fill('AI 유니콘');
      await box.press('Shift+Enter');
      await box.pressSequentially('목표는?');
      expect(await box.inputValue()).toBe('AI 유니콘\n목표는?');
      expect(asks).toHaveLength(0);
      await box.press('Enter');
      await replyOf(page, 0);
      expect(asks).toEqual([{ question: 'AI 유니콘\n목표는?', lang: 'ko' }]);
      expect(await box.inputValue()).toBe('');
      expect(await page.locator('#question:focus').count()).toBe(1);
    });
  });

  it('asks the question of a deep link when the page opens', async () => {
    await withPage(
      { locale: 'ko-KR' },
      async ({ page }) => {
        const reply = await replyOf(page, 0);
        expect(await page.locator('.turn .bubble').textContent()).toBe('AI 유니콘 목표는?');
        expect(await reply.locator('.answer-text').textContent()).toContain('유니콘을 5개');
        expect(await page.locator('#intro').isHidden()).toBe(true);
        // Screen readers hear the answer: the live region holds its sentences.
        expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');
        expect(await page.locator('#announcer').textContent()).toContain('유니콘을 5개');
      },
      `/?q=${encodeURIComponent('AI 유니콘 목표는?')}`,
    );
  });

  it('copies a link to an answer that asks the same question when opened', async () => {
    await withPage({ locale: 'en-US' }, async ({ context, page }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.url });
      await typeQuestion(page, 'AI 유니콘 목표는?');
      const reply = await replyOf(page, 0);
      await reply.getByRole('button', { name: 'Copy link' }).click();
      await reply.locator('.copy-status', { hasText: 'Link copied.' }).waitFor();
      const link = await page.evaluate('navigator.clipboard.readText()');
      expect(link).toBe(`${e2e.server.url}/?q=AI+%EC%9C%A0%EB%8B%88%EC%BD%98+%EB%AA%A9%ED%91%9C%EB%8A%94%3F`);

      const shared = await context.newPage();
      await shared.goto(String(link));
      const sharedReply = await replyOf(shared, 0);
      expect(await sharedReply.locator('.answer-text').textContent()).toBe(await reply.locator('.answer-text').textContent());
    });
  });

  it('says plainly that an out-of-scope question is not in the documents', async () => {
    await withPage({ locale: 'ko-KR' }, async ({ page }) => {
      await typeQuestion(page, '제주도 여행 코스 추천해줘');
      const reply = await replyOf(page, 0);
      expect(await reply.locator('.not-found-title').textContent()).toBe('문서에서 찾지 못했습니다');
      expect(await reply.locator('[id$="-cite-heading"]').count()).toBe(0);
      const related = await reply.locator('.citation').count();
      expect(await reply.locator('.sources-title').allTextContents()).toEqual(related > 0 ? ['관련 있을 수 있는 문단'] : []);
    });
  });

  it('tells when the server is unreachable and answers on retry', async () => {
    await withPage({ locale: 'en-US' }, async (opened) => {
      const { page } = opened;
      await page.route('**/api/ask', (route) => route.abort('connectionrefused'), { times: 1 });
      await typeQuestion(page, 'how many AI unicorns?');
      const failed = await replyOf(page, 0);
      expect(await failed.locator('.error').textContent()).toContain('Could not reach the server');
      // The refused request is logged by the browser itself; it is the situation under test, not a fault of the page.
      opened.errors.splice(0);
      await failed.getByRole('button', { name: 'Try again' }).click();
      const reply = await replyOf(page, 0);
      expect(await reply.locator('.answer-text').textContent()).toContain('유니콘을 5개');
      expect(await page.locator('.turn').count()).toBe(1);
    });
  });

  it('shows the server’s reason when it refuses a question, with a retry', async () => {
    await withPage({ locale: 'en-US' }, async (opened) => {
      const { page } = opened;
      // A real refusal: a history turn longer than the API accepts can't be typed, so send one through the route.
      await page.route('**/api/ask', (route) => route.continue({ postData: JSON.stringify({ question: 'x', history: 'not a list' }) }), { times: 1 });
      await typeQuestion(page, 'how many AI unicorns?');
      const failed = await replyOf(page, 0);
      expect(await failed.locator('.error p').first().textContent()).toBe('This question could not be processed.');
      expect(await failed.locator('.error-detail').textContent()).toContain('history');
      opened.errors.splice(0);
      await failed.getByRole('button', { name: 'Try again' }).click();
      expect(await (await replyOf(page, 0)).locator('.answer-text').textContent()).toContain('유니콘을 5개');
    });
  });

  it('starts a new conversation without the earlier turns', async () => {
    await withPage({ locale: 'ko-KR' }, async ({ page }) => {
      const asks = recordAsks(page);
      await typeQuestion(page, 'AI 팩토리 목표는?');
      await replyOf(page, 0);
      await page.getByRole('button', { name: '새 대화' }).click();
      expect(await page.locator('.turn').count()).toBe(0);
      expect(await page.locator('#intro').isVisible()).toBe(true);
      expect(await page.locator('#question:focus').count()).toBe(1);
      await page.getByRole('button', { name: 'AI 팩토리를 몇 개로 확대하나요?' }).click();
      await replyOf(page, 0);
      expect(asks[1]).toEqual({ question: 'AI 팩토리를 몇 개로 확대하나요?', lang: 'ko' });
    });
  });

  it('speaks the browser’s language, switches on request and remembers the choice', async () => {
    await withPage({ locale: 'en-US' }, async ({ page }) => {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('#intro-title').textContent()).toBe('Ask about your documents');
      expect(await page.getByRole('textbox', { name: 'Your question' }).count()).toBe(1);
      await page.locator('#language-switch').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      expect(await page.locator('#intro-title').textContent()).toBe('무엇이든 물어보세요');
      expect(await page.getByRole('button', { name: '보내기' }).count()).toBe(1);
      await page.reload();
      expect(await page.locator('#intro-title').textContent()).toBe('무엇이든 물어보세요');
    });
  });
});
