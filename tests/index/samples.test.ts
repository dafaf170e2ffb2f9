import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../index/chunk.ts';
import { PROJECT_ROOT } from '../../index/config.ts';
import { DocumentReadError, NO_TEXT_LAYER_MESSAGE, toDocument } from '../../index/load/index.ts';
import type { DocumentReadErrorCode } from '../../index/load/index.ts';
import { pageAt } from '../../index/pages.ts';
import type { Document } from '../../index/types.ts';

const SAMPLES = join(PROJECT_ROOT, 'tests/fixtures/samples');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(SAMPLES, name)));
const read = (name: string, relPath = name): Promise<Document> => toDocument({ relPath, content: bytes(name) });
/** Text compared the way the samples' README says: whitespace aside, since a PDF may break or space lines its own way. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');
const expected = (name: string): string => squeeze(readFileSync(join(SAMPLES, 'expected', name), 'utf8'));

/** Every chunk is the slice of the text its offsets name. */
function expectExactChunks(document: Document): void {
  const chunks = chunkDocument(document);
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) expect(document.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
}

async function refusal(content: Uint8Array, relPath: string): Promise<DocumentReadErrorCode> {
  const error: unknown = await toDocument({ relPath, content }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DocumentReadError);
  expect((error as DocumentReadError).message).toContain(relPath);
  return (error as DocumentReadError).code;
}

describe('reading the sample documents', () => {
  it('reads the distribution HWP notice from its encrypted sections: every line, the 공고일 as its date', async () => {
    const document = await read('notice-bid-2024-08.hwp');
    expect(squeeze(document.text)).toBe(expected('notice-bid-2024-08.txt'));
    expect(document).toMatchObject({ docId: 'notice-bid-2024-08', format: 'hwp', title: '강남세움복지관 공고 제 2024-08호', date: '2024-12-13' });
    expect(document.text).toContain('②기초금액 : 금72,300,000원(금칠천이백삼십만원)(※부가가치세 포함)');
    // The box around the safety duties is a table whose spanning row keeps its four items apart.
    expect(document.text).toContain('① 재해예방에 필요한 인력･예산･점검등 안전보건관리체계의 구축 및 그 이행\n\n② 재해 발생 시');
    expectExactChunks(document);
  });

  it('reads the HWPX notice without the template title of its metadata, dated by its 공고일', async () => {
    const document = await read('notice-2023-745.hwpx');
    expect(document).toMatchObject({ format: 'hwpx', title: '서울특별시 강남구 공고 제2023-745호', date: '2023-03-24' });
    expect(document.text).toContain('2023년 4월 11일까지 다음 사항을 기재한 의견서를 작성하여');
    expect(document.text).toContain('채용 절차상 서류전형과 면접전형 절차를 반드시 거치도록');
    expect(document.text).not.toContain('본문내용');
    expectExactChunks(document);
  });

  it('reads an HWPX table row by row, without field instructions or shape descriptions', async () => {
    const document = await read('table-exam.hwpx');
    expect(document.text).toContain('이름 | 국어 | 영어 | 수학\n\n개똥이 | 89 | 65 | 78\n\n칠득이 | 77 | 77 | 77');
    expect(document.text).not.toMatch(/Clickhere|HelpState|Direction:|www\.daum\.net|사각형입니다|그림입니다/);
    expect(document.title).toBe('C반 기말고사');
    expectExactChunks(document);
  });

  it('reads the PDF with its CID font: wrapped lines joined, no spaces where the font changes, page 1 recorded', async () => {
    const document = await read('voucher-2025.pdf');
    expect(squeeze(document.text)).toBe(expected('voucher-2025.txt'));
    expect(document.text).toContain('신청 기간은 2025년 3월 4일(화)부터 3월 28일(금) 18시까지입니다. 신청은 중소기업 지원사업 통합관리시스템에서');
    expect(document.text).toContain('중소벤처기업부 공고 제2025-117호');
    // The title is the first heading-like line; the date is the creation date in the document information.
    expect(document).toMatchObject({ format: 'pdf', title: '2025년 제조 AI 바우처 지원사업 공고', date: '2026-11-24', pages: [{ page: 1, start: 0 }] });
    expect(pageAt(document, document.text.indexOf('18시까지입니다'))).toBe(1);
    expectExactChunks(document);
  });

  it('reads a PDF renamed .txt as the PDF it is, not as its syntax', async () => {
    const document = await read('voucher-2025.pdf', 'voucher.txt');
    expect(document.format).toBe('pdf');
    expect(document.title).toBe('2025년 제조 AI 바우처 지원사업 공고');
    expect(document.text).not.toMatch(/%PDF|endobj|\bTf\b/);
  });

  it('reads the DOCX paragraphs and the same text in CP949 alike', async () => {
    const docx = await read('robot-lease-2025.docx');
    const euckr = await read('robot-lease-2025.euckr.txt');
    expect(squeeze(docx.text)).toBe(expected('robot-lease-2025.txt'));
    expect(squeeze(euckr.text)).toBe(expected('robot-lease-2025.txt'));
    expect(docx).toMatchObject({ format: 'docx', title: '2025년 협동로봇 리스 보증 프로그램 안내' });
    expect(euckr).toMatchObject({ format: 'text', title: '2025년 협동로봇 리스 보증 프로그램 안내', docId: 'robot-lease-2025.euckr' });
    expect(docx.text).toContain('보증료는 연 0.5% 고정이며, 스마트공장 인증 기업은 보증료에서 0.2%p를 추가로 감면받습니다.');
    expectExactChunks(docx);
    expectExactChunks(euckr);
  });

  it('hashes the file bytes, so an unchanged file is recognised whatever its format', async () => {
    const first = await read('notice-bid-2024-08.hwp');
    expect((await read('notice-bid-2024-08.hwp')).hash).toBe(first.hash);
    expect(first.hash).not.toBe((await read('voucher-2025.pdf')).hash);
  });
});

describe('refusing what cannot be read', () => {
  it('refuses the scanned PDF: it has no text layer', async () => {
    const error = await toDocument({ relPath: 'scanned-faq.pdf', content: bytes('scanned-faq.pdf') }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NO_TEXT_LAYER' });
    expect((error as Error).message).toContain(NO_TEXT_LAYER_MESSAGE);
  });

  it('refuses cut-short files of every kind as unreadable', async () => {
    for (const name of ['voucher-2025.pdf', 'notice-bid-2024-08.hwp', 'notice-2023-745.hwpx', 'robot-lease-2025.docx']) {
      const whole = bytes(name);
      expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)), name)).toBe('UNREADABLE_DOCUMENT');
    }
  });

  it('refuses a file whose content is not what its name says', async () => {
    const text = new TextEncoder().encode('그냥 글입니다.');
    for (const name of ['fake.pdf', 'fake.hwp', 'fake.hwpx', 'fake.docx']) expect(await refusal(text, name)).toBe('UNREADABLE_DOCUMENT');
  });

  it('refuses a zip without the manifest of HWPX or DOCX', async () => {
    const body = new TextEncoder().encode('<hs:sec><hp:p><hp:run><hp:t>본문</hp:t></hp:run></hp:p></hs:sec>');
    expect(await refusal(zipSync({ 'Contents/section0.xml': body }), 'no-manifest.hwpx')).toBe('UNREADABLE_DOCUMENT');
    expect(await refusal(zipSync({ 'word/document.xml': body }), 'no-manifest.docx')).toBe('UNREADABLE_DOCUMENT');
    expect(await refusal(zipSync({ 'photo.jpg': body }), 'photos.docx')).toBe('UNREADABLE_DOCUMENT');
    expect(await refusal(zipSync({ 'photo.jpg': body }), 'photos.txt')).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses an HWP file protected by a password', async () => {
    const container = CFB.read(bytes('notice-bid-2024-08.hwp'), { type: 'buffer' });
    const header = CFB.find(container, '/FileHeader')?.content as Uint8Array;
    header[36] = (header[36] as number) | 0b10;
    const locked = CFB.write(container, { type: 'buffer' }) as Uint8Array;
    expect(await refusal(new Uint8Array(locked), 'locked.hwp')).toBe('ENCRYPTED_DOCUMENT');
  });

  it('refuses text that is neither UTF-8, UTF-16 nor CP949, and reads UTF-16 with its BOM', async () => {
    expect(await refusal(Uint8Array.from([0x80, 0x81, 0xff, 0x00, 0x01, 0xfe, 0xc0]), 'binary.txt')).toBe('UNREADABLE_DOCUMENT');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from('보증료는 연 0.5%입니다.', 'utf16le'))]);
    expect((await toDocument({ relPath: 'utf16.txt', content: utf16 })).text).toBe('보증료는 연 0.5%입니다.');
  });
});
