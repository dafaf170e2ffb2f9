import { z } from '@hono/zod-openapi';
import type { DocumentFormat } from '../../contract/api.ts';
import { DOCUMENT_ID } from '../../contract/document-id.ts';

/**
 * The zod schemas of the HTTP API: requests are validated with them and `/openapi.json` is generated from them, so the
 * documentation cannot drift from what the server accepts.
 */

export const MAX_QUESTION_CHARS = 1000;
export const MAX_TOP_K = 20;
export const DEFAULT_TOP_K = 5;
export const MAX_HISTORY_TURNS = 10;
/** Earlier answers are sent back verbatim by chat clients; this bounds one of them. */
export const MAX_HISTORY_ANSWER_CHARS = 10_000;
export const MAX_DOCUMENT_ID_CHARS = 200;

const question = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`);

const topK = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_TOP_K, `must be at most ${MAX_TOP_K}`);

export const langSchema = z.enum(['ko', 'en']).openapi('Lang', { description: 'Korean or English.' });

export const historyTurnSchema = z
  .strictObject({
    question,
    answer: z.string().max(MAX_HISTORY_ANSWER_CHARS, `must be at most ${MAX_HISTORY_ANSWER_CHARS} characters`).optional(),
  })
  .openapi('HistoryTurn', { description: 'An earlier turn of the conversation.' });

export const askRequestSchema = z
  .strictObject({
    question: question.openapi({ example: '로봇 기업 우대금리는 얼마인가요?' }),
    topK: topK.default(DEFAULT_TOP_K).openapi({ description: 'How many passages to cite at most.' }),
    history: z
      .array(historyTurnSchema)
      .max(MAX_HISTORY_TURNS, `must hold at most ${MAX_HISTORY_TURNS} turns`)
      .optional()
      .openapi({ description: 'Earlier turns, oldest first; a follow-up question leans on them.' }),
    lang: langSchema
      .optional()
      .openapi({ description: 'Language the client displays. The answer follows the language of the question.' }),
  })
  .openapi('AskRequest', {
    example: { question: 'What rate cut do robot firms get?', topK: 5, history: [] },
  });

/** Not strict: links may carry tracking parameters of their own. */
export const askQuerySchema = z.object({
  q: question.openapi({ param: { name: 'q', in: 'query' }, example: 'AI 팩토리 목표는?' }),
  topK: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(topK)
    .optional()
    .openapi({ param: { name: 'topK', in: 'query' }, type: 'integer', minimum: 1, maximum: MAX_TOP_K, default: DEFAULT_TOP_K, example: 3 }),
});

const offset = z.number().int().min(0);

export const citationSchema = z
  .object({
    n: z.number().int().min(1).openapi({ description: 'Number of the `[n]` marker in the answer.' }),
    docId: z.string(),
    title: z.string(),
    source: z.string().nullable().openapi({ description: 'Link to the original document, or null.' }),
    date: z
      .string()
      .nullable()
      .openapi({ description: "The document's own date (publication, notice), ISO YYYY-MM-DD when readable; null when it states none." }),
    page: z
      .number()
      .int()
      .min(1)
      .nullable()
      .openapi({ description: 'The page the quoted sentence (else the passage) is on, for a document laid out in pages (PDF); null otherwise.' }),
    chunkId: z.string(),
    text: z.string().openapi({ description: 'The passage: the document text from `start` to `end`.' }),
    start: offset,
    end: offset,
    score: z.number(),
    highlights: z
      .array(z.object({ start: offset, end: offset }))
      .openapi({ description: 'The answering sentences inside the passage, as document offsets.' }),
  })
  .openapi('Citation');

export const shortAnswerSchema = z
  .object({
    text: z.string().openapi({ description: 'The span, e.g. "최대 -1.2%p", "2,000억원" or a list of names.' }),
    n: z.number().int().min(1).openapi({ description: 'Number of the citation whose passage holds it.' }),
    start: offset.openapi({ description: 'Offset of the span in the document text.' }),
    end: offset,
  })
  .openapi('ShortAnswer', { description: 'The part of the first answer sentence that answers the question by itself.' });

export const answerSchema = z
  .object({
    answer: z.string().openapi({ description: 'Extracted sentences with `[n]` markers, or the not-found message.' }),
    short: shortAnswerSchema.nullable().openapi({
      description: 'When the question asks for a figure, a date, a name or a list: the span that answers it. Else null.',
    }),
    abstained: z.boolean().openapi({ description: "True when the documents don't cover the question." }),
    citations: z.array(citationSchema).openapi({ description: 'The passages the answer cites, numbered from 1 in the order it cites them.' }),
    related: z.array(citationSchema).openapi({
      description:
        'Other passages retrieved for the question, which the answer does not cite (numbered after the citations). ' +
        'When abstained: the closest passages, possibly related.',
    }),
    usedHistory: z.boolean().openapi({
      description: 'True when the question was read as a follow-up that takes its topic from the earlier turns in `history`.',
    }),
    lang: langSchema,
    tookMs: z.number(),
  })
  .openapi('Answer', {
    example: {
      answer: '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다. [1]',
      short: { text: '최대 -1.2%p', n: 1, start: 566, end: 575 },
      abstained: false,
      citations: [
        {
          n: 1,
          docId: '000_b1883f170ede4282',
          title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
          source: 'https://newsdao.kr/4601',
          date: null,
          page: null,
          chunkId: '000_b1883f170ede4282#1',
          text: '…',
          start: 424,
          end: 841,
          score: 0.7972,
          highlights: [{ start: 524, end: 600 }],
        },
      ],
      related: [],
      usedHistory: false,
      lang: 'ko',
      tookMs: 3.1,
    },
  });

/**
 * Ids of existing documents come from file paths, so they may hold any printable character and `/` between folder
 * names; what is refused is anything that could address a file outside the collection or corrupt a log line.
 */
export const documentIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_DOCUMENT_ID_CHARS, `must be at most ${MAX_DOCUMENT_ID_CHARS} characters`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\\\u0000-\u001f\u007f]+$/, 'must not contain control characters or backslashes')
  .refine((id) => id.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), {
    message: 'must not contain empty, "." or ".." path segments',
  })
  .openapi({ param: { name: 'id', in: 'path' }, example: '003_9ee0d488b8985d82' });

export const documentParamsSchema = z.object({ id: documentIdSchema });

/** Ids given to new documents: the file name they are stored under in DOCS_DIR, by the service's own rule. */
export const newDocumentIdSchema = z
  .string()
  .regex(DOCUMENT_ID, 'must be 1–100 letters, digits, "_", "-" or "." (not starting with ".")')
  // The source alone: OpenAPI patterns carry no flags.
  .openapi({ pattern: DOCUMENT_ID.source });

const title = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');

/** `javascript:` and other schemes are refused: the web page renders sources as links. */
const source = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000, 'must be at most 2000 characters');

/** Inline rather than a named component: a named enum made nullable where it is used would list null among its values. */
const documentFormat = z.enum(['text', 'markdown', 'html', 'pdf', 'hwp', 'hwpx', 'docx'] satisfies DocumentFormat[]);

/** Null when the document's file is no longer in DOCS_DIR (removed while the server runs). */
const GONE = 'Null when the file is no longer in DOCS_DIR.';

export const documentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    date: z
      .string()
      .nullable()
      .openapi({ description: "The document's own date (publication, notice) as written, ISO YYYY-MM-DD when readable." }),
    chunks: z.number().int().min(0),
    format: documentFormat.nullable().openapi({ description: `How its file is written, read from its content. ${GONE}` }),
    size: z.number().int().min(0).nullable().openapi({ description: `Bytes of its file in DOCS_DIR. ${GONE}` }),
    addedAt: z.iso.datetime().nullable().openapi({
      description:
        'When it was added: the time its file in DOCS_DIR was last written (ISO 8601, UTC) — the time of the upload for a ' +
        `document added through the API, the file's modification time for one put in DOCS_DIR. ${GONE}`,
    }),
  })
  .openapi('DocumentSummary', {
    example: {
      id: '000_b1883f170ede4282',
      title: 'AI 로봇 자율주행 3조 5000억 원 클라우드 혜택!',
      source: 'https://newsdao.kr/4601',
      date: '2025-06-18',
      chunks: 3,
      format: 'html',
      size: 48213,
      addedAt: '2025-06-18T09:30:00.000Z',
    },
  });

export const documentListSchema = z.object({ documents: z.array(documentSummarySchema) }).openapi('DocumentList');

export const documentDetailSchema = documentSummarySchema
  .extend({ text: z.string().openapi({ description: 'The cleaned text; citation offsets point into it.' }) })
  .openapi('DocumentDetail');

export const newDocumentJsonSchema = z
  .strictObject({
    id: newDocumentIdSchema.optional().openapi({ description: 'Default: derived from the title.', example: 'ai-voucher-2025' }),
    title: title.optional(),
    source: source.optional(),
    text: z.string().optional().openapi({ description: 'Plain text or Markdown.' }),
    html: z.string().optional().openapi({ description: 'An HTML page; cleaned like an indexed HTML file.' }),
  })
  .refine((d) => (d.text === undefined) !== (d.html === undefined), {
    message: 'send exactly one of "text" and "html"',
    path: ['text'],
  })
  .openapi('NewDocument', {
    example: {
      id: 'ai-voucher-2025',
      title: 'AI 바우처 지원사업 공고',
      source: 'https://example.com/notice/1',
      text: '중소기업은 최대 3억 원의 AI 바우처를 받을 수 있다.',
    },
  });

/** A multipart upload: the file and the same optional metadata as the JSON form. */
export const documentUploadSchema = z
  .strictObject({
    file: z
      .instanceof(File, { message: 'must be a file (a form field with a file name)' })
      .openapi({ type: 'string', format: 'binary', description: 'A text (.txt, .md, .html), PDF, HWP, HWPX or DOCX file.' }),
    id: newDocumentIdSchema.optional().openapi({ description: 'Default: derived from the file name.' }),
    title: title.optional(),
    source: source.optional(),
  })
  .openapi('DocumentUpload');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'INVALID_REQUEST' }),
      message: z.string().openapi({ example: 'The request is not valid: question: must not be empty' }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'The failing fields.' }),
    }),
  })
  .openapi('Error');

export const healthSchema = z.object({ status: z.literal('ok') }).openapi('Health');

export const readySchema = z
  .object({
    status: z.literal('ready'),
    documents: z.number().int(),
    chunks: z.number().int(),
    model: z.string(),
    generation: z.string(),
    writable: z.boolean().openapi({
      description: 'Whether documents can be changed here: false while another process (`npm run index`) writes the index, or INDEX_DIR or DOCS_DIR can\'t be written.',
    }),
    readOnly: z.string().optional().openapi({ description: 'Why documents can\'t be changed, when `writable` is false.' }),
  })
  .openapi('Ready', { example: { status: 'ready', documents: 5, chunks: 17, model: 'seogi-static', generation: '000001-4f2a', writable: true } });
