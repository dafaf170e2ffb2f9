import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../contract/api.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { artifactPath, openPage, type OpenedPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/testbed.ts';

const e2e = useServerAndBrowser();

const SAMPLES = join(PROJECT_ROOT, 'tests', 'fixtures', 'samples');

/** Files picked in the file dialog: a Korean file name, Markdown with a date, HTML, and one the server refuses. */
const PICKED = [
  { name: '청년 창업 공고 2025.txt', mimeType: 'text/plain', buffer: Buffer.from('청년 창업 공간은 판교 창업존에서 무료로 제공한다. 입주 기간은 최대 2년이다.') },
  {
    name: 'office-move.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: 사무실 이전 안내\ndate: 2025-03-02\n---\n서기 지원센터 사무실은 4월 1일부터 성남시 분당구 판교역로 235로 이전한다.'),
  },
  {
    name: 'export-voucher.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<html><head><title>수출 바우처 안내</title></head><body><article><h1>수출 바우처 안내</h1><p>수출 바우처는 기업당 최대 1억 원까지 지원한다.</p></article></body></html>'),
  },
  { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000') },
];

let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  opened = await openPage(e2e.browser, { locale: 'ko-KR' });
  page = opened.page;
});

afterAll(async () => {
  await opened?.context.close();
});

/** The ids the server lists now. */
async function listedIds(): Promise<string[]> {
  const res = await fetch(`${e2e.server.url}/api/documents`);
  return ((await res.json()) as { documents: DocumentSummary[] }).documents.map((d) => d.id);
}

/** The upload item of a file, once it has an outcome. */
async function outcomeOf(name: string): Promise<{ outcome: string | null; status: string }> {
  const item = page.locator('#uploads > li', { hasText: name });
  await item.locator(':scope:not([data-outcome="waiting"]):not([data-outcome="uploading"]):not([data-outcome="processing"])').waitFor({ timeout: 30_000 });
  return { outcome: await item.getAttribute('data-outcome'), status: (await item.locator('.upload-status').textContent()) ?? '' };
}

async function signIn(token: string): Promise<void> {
  await page.getByLabel('관리자 토큰').fill(token);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** Drops files on the drop zone as a browser does when files are dragged onto it from the desktop. */
async function dropFiles(files: Array<{ name: string; type: string; base64: string }>): Promise<void> {
  // Run in the page, as source: this file is compiled without the browser's types.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    for (const file of ${JSON.stringify(files)}) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    return transfer;
  })()`);
  await page.locator('#drop-zone').dispatchEvent('dragenter', { dataTransfer });
  expect(await page.locator('#drop-zone.dragging').count()).toBe(1);
  await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
}

describe('the documents page', () => {
  it('is linked from the chat page', async () => {
    await page.goto(e2e.server.url + '/');
    await page.getByRole('link', { name: '문서 관리' }).click();
    await page.waitForURL(`${e2e.server.url}/documents`);
    expect(await page.getByRole('heading', { name: '관리자 로그인' }).isVisible()).toBe(true);
    expect(await page.locator('#manager').isVisible()).toBe(false);
  });

  it('refuses a wrong token with a readable message, and keeps nothing of it', async () => {
    await signIn('wrong-token-0123456789');
    const error = page.getByRole('alert');
    await error.filter({ hasText: '관리자 토큰이 맞지 않습니다' }).waitFor();
    expect(await page.locator('#manager').isVisible()).toBe(false);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    // The field keeps the focus, so the token can be typed again at once.
    expect(await page.locator('#token:focus').count()).toBe(1);

    await signIn('토큰 아님');
    await error.filter({ hasText: '관리자 토큰이 맞지 않습니다' }).waitFor();
    await signIn('');
    await error.filter({ hasText: '관리자 토큰을 입력하세요' }).waitFor();
  });

  it('signs in with the admin token, kept in the tab only, and lists the collection', async () => {
    await signIn(e2e.server.adminToken);
    await page.locator('#manager').waitFor({ state: 'visible' });
    await page.locator('#documents tr').first().waitFor();
    expect(await page.locator('#documents tr').count()).toBe(5);
    expect(await page.evaluate('sessionStorage.getItem("seogi.adminToken")')).toBe(e2e.server.adminToken);
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('localStorage.getItem("seogi.adminToken")')).toBeNull();
    expect(page.url()).toBe(`${e2e.server.url}/documents`);
    expect(await page.locator('#list-count').textContent()).toBe('문서 5개');
    expect(await page.locator('#sign-out').isVisible()).toBe(true);
    // The seed with a date shows it in Korean, and every row has a format, a passage count, a size and when it was added.
    const dated = page.locator('#documents tr', { hasText: '산업통상자원부, 산업계의 인공지능(AI) 투자 지원을 위한 금융상품 나온다' });
    expect(await dated.locator('time[datetime="2024-09-24"]').textContent()).toBe('2024. 9. 24.');
    const cells = await dated.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^(텍스트|HTML|Markdown)$/);
    expect(Number(cells[2])).toBeGreaterThan(0);
    expect(cells[3]).toMatch(/^\d+(\.\d)? KB$/);
    expect(cells[4]).toMatch(/^\d{4}\. \d{1,2}\. \d{1,2}\. /);
  });

  it('uploads several picked files, each with its own outcome, and lists the ones added', async () => {
    await page.locator('#files').setInputFiles(PICKED);
    expect(await outcomeOf('청년 창업 공고 2025.txt')).toEqual({ outcome: 'added', status: '추가됨 (ID: 청년-창업-공고-2025)' });
    expect((await outcomeOf('office-move.md')).outcome).toBe('added');
    expect((await outcomeOf('export-voucher.html')).outcome).toBe('added');
    const refused = await outcomeOf('setup.exe');
    expect(refused.outcome).toBe('refused');
    expect(refused.status).toMatch(/^거부됨: "setup\.exe" is not a \.txt, \.md/);

    await page.locator('#list-count', { hasText: '문서 8개' }).waitFor();
    const row = page.locator('#documents tr', { hasText: '사무실 이전 안내' });
    expect(await row.locator('.doc-id').textContent()).toBe('office-move');
    expect(await row.locator('td').first().textContent()).toBe('Markdown');
    expect(await row.locator('time[datetime="2025-03-02"]').textContent()).toBe('2025. 3. 2.');
    expect(await listedIds()).toEqual(expect.arrayContaining(['청년-창업-공고-2025', 'office-move', 'export-voucher']));
  });

  it('says a file dropped again is already present, and names the document that has its text', async () => {
    const [txt] = PICKED;
    await dropFiles([
      { name: txt!.name, type: 'text/plain', base64: txt!.buffer.toString('base64') },
      { name: '청년 창업 공고 사본.txt', type: 'text/plain', base64: txt!.buffer.toString('base64') },
    ]);
    const again = page.locator('#uploads > li').nth(PICKED.length);
    await again.locator(':scope[data-outcome="present"]').waitFor();
    expect(await again.locator('.upload-status').textContent()).toContain('이미 있음');
    const copy = await outcomeOf('청년 창업 공고 사본.txt');
    expect(copy.outcome).toBe('duplicate');
    expect(copy.status).toContain('이미 있음');
    expect(copy.status).toContain('"청년-창업-공고-2025"');
    expect(await listedIds()).not.toContain('청년-창업-공고-사본');
    await page.screenshot({ path: artifactPath('documents-desktop.png'), fullPage: true });
  });

  it('searches the list', async () => {
    const search = page.getByLabel('목록 검색');
    await search.fill('청년 창업');
    expect(await page.locator('#documents tr .doc-id').allTextContents()).toEqual(['청년-창업-공고-2025']);
    expect(await page.locator('#list-count').textContent()).toBe('문서 8개 중 1개');
    await search.fill('없는 문서 이름');
    expect(await page.locator('#documents tr').count()).toBe(0);
    expect(await page.locator('#list-status').textContent()).toBe('검색어와 맞는 문서가 없습니다.');
    await search.fill('');
    expect(await page.locator('#documents tr').count()).toBe(8);
  });

  it('answers about an uploaded document on the chat page, citing it with its date', async () => {
    await page.goto(`${e2e.server.url}/?q=${encodeURIComponent('서기 지원센터 사무실은 어디로 이전해?')}`);
    const reply = page.locator('.turn').first().locator('.reply[aria-busy="false"]');
    await reply.waitFor();
    expect(await reply.locator('.answer-text').textContent()).toContain('판교역로 235');
    const citation = reply.locator('.citation').first();
    expect(await citation.locator('.citation-title').textContent()).toContain('사무실 이전 안내');
    expect(await citation.locator('time[datetime="2025-03-02"]').textContent()).toBe('2025. 3. 2.');
    await citation.getByRole('button', { name: '문서에서 보기' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('mark.passage').waitFor();
    expect(await dialog.locator('.document-meta time').textContent()).toBe('2025. 3. 2.');
    await page.keyboard.press('Escape');
  });

  it('deletes a document after a confirmation, and the chat page no longer cites it', async () => {
    await page.goto(`${e2e.server.url}/documents`);
    // Still signed in: the token lives in this tab's session storage.
    await page.locator('#documents tr', { hasText: '사무실 이전 안내' }).waitFor();
    const remove = page.getByRole('button', { name: '“사무실 이전 안내” 삭제' });

    await remove.click();
    const confirm = page.getByRole('dialog', { name: '문서를 삭제할까요?' });
    expect(await confirm.isVisible()).toBe(true);
    expect(await confirm.locator('#confirm-text').textContent()).toContain('(ID: office-move)');
    expect(await page.locator('#confirm-cancel:focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await confirm.isVisible()).toBe(false);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('“사무실 이전 안내” 삭제');
    expect(await listedIds()).toContain('office-move');

    await remove.click();
    await confirm.getByRole('button', { name: '삭제' }).click();
    await page.locator('#documents tr', { hasText: '사무실 이전 안내' }).waitFor({ state: 'detached' });
    expect(await page.locator('#announcer').textContent()).toBe('“사무실 이전 안내”을(를) 삭제했습니다.');
    expect(await page.locator('#list-count').textContent()).toBe('문서 7개');
    expect(await listedIds()).not.toContain('office-move');

    await page.goto(`${e2e.server.url}/?q=${encodeURIComponent('서기 지원센터 사무실은 어디로 이전해?')}`);
    const reply = page.locator('.turn').first().locator('.reply[aria-busy="false"]');
    await reply.waitFor();
    expect((await reply.locator('.citation-title').allTextContents()).some((title) => title.includes('사무실 이전 안내'))).toBe(false);
    expect(await reply.textContent()).not.toContain('판교역로 235');
  });

  it('uploads a PDF and an HWP notice, answers from them, and speaks English when asked', async () => {
    await page.goto(`${e2e.server.url}/documents`);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { name: 'Add documents' }).isVisible()).toBe(true);
    await page.locator('#files').setInputFiles([join(SAMPLES, 'voucher-2025.pdf'), join(SAMPLES, 'notice-bid-2024-08.hwp'), join(SAMPLES, 'scanned-faq.pdf')]);
    expect((await outcomeOf('voucher-2025.pdf')).status).toBe('Added (id: voucher-2025)');
    expect((await outcomeOf('notice-bid-2024-08.hwp')).status).toBe('Added (id: notice-bid-2024-08)');
    const scan = await outcomeOf('scanned-faq.pdf');
    expect(scan.outcome).toBe('refused');
    expect(scan.status).toContain('Refused: ');
    expect(scan.status).toContain('run OCR first');
    await page.locator('#list-count', { hasText: '9 documents' }).waitFor();
    expect(await page.locator('#documents tr', { hasText: 'voucher-2025' }).locator('td').first().textContent()).toBe('PDF');
    expect(await page.locator('#documents tr', { hasText: 'notice-bid-2024-08' }).locator('td').first().textContent()).toBe('HWP');

    await page.goto(`${e2e.server.url}/?q=${encodeURIComponent('계약기간은?')}`);
    const reply = page.locator('.turn').first().locator('.reply[aria-busy="false"]');
    await reply.waitFor();
    expect((await reply.locator('.answer-text').textContent())?.replace(/\s+/g, '')).toContain('2025년1월1일~2025년12월31일');
    // The HWP notice is laid out without pages: its citation names none.
    expect(await reply.locator('.citation').first().locator('.citation-page').count()).toBe(0);
    await page.goto(`${e2e.server.url}/?q=${encodeURIComponent('제조 AI 바우처 신청 기간은 언제까지야?')}`);
    const voucher = page.locator('.turn').first().locator('.reply[aria-busy="false"]');
    await voucher.waitFor();
    expect((await voucher.textContent())?.replace(/\s+/g, '')).toContain('3월28일');
    expect(await voucher.locator('.citation-title').first().textContent()).toContain('바우처');
    // A PDF's citation names its page.
    expect((await voucher.locator('.citation-page').first().textContent())?.replace(/\s+/g, ' ')).toMatch(/p\. 1$/);
  });

  it('deletes the HWP notice, and signing out forgets the token', async () => {
    await page.goto(`${e2e.server.url}/documents`);
    const row = page.locator('#documents tr', { hasText: 'notice-bid-2024-08' });
    await row.getByRole('button').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await listedIds()).not.toContain('notice-bid-2024-08');

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.locator('#manager').isVisible()).toBe(false);
    expect(await page.evaluate('sessionStorage.getItem("seogi.adminToken")')).toBeNull();
    expect(await page.locator('#token:focus').count()).toBe(1);
    // Chromium logs each refusal the page asked for (401, 409, 415, 422) as a failed resource; nothing else may fail.
    expect(opened.errors.filter((error) => !/Failed to load resource: the server responded with a status of (401|409|415|422)/.test(error))).toEqual([]);
  });

  it('fits a phone without sideways scrolling of the page; the table scrolls in its own box', async () => {
    const phone = await openPage(e2e.browser, { locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    try {
      await phone.page.goto(`${e2e.server.url}/documents`);
      await phone.page.getByLabel('관리자 토큰').fill(e2e.server.adminToken);
      await phone.page.getByLabel('관리자 토큰').press('Enter');
      await phone.page.locator('#documents tr').first().waitFor();
      expect(await phone.page.locator('html').evaluate((html): number => html.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await phone.page.getByRole('button', { name: '파일 선택' }).isVisible()).toBe(true);
      await phone.page.screenshot({ path: artifactPath('documents-phone.png'), fullPage: true });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
