import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';
import { adminAuth } from '../middleware/admin-auth/index.ts';
import { jsonBody } from '../middleware/json-body/index.ts';
import { ADMIN_SECURITY_SCHEME } from '../openapi/document.ts';
import { errorResponses } from '../openapi/responses.ts';
import {
  documentDetailSchema,
  documentListSchema,
  documentParamsSchema,
  documentSummarySchema,
  documentUploadSchema,
  newDocumentJsonSchema,
} from '../openapi/schemas.ts';
import type { NewDocument } from '../service.ts';
import { requireService, type ServiceGetter } from './require-service.ts';
import { validationHook } from './validation.ts';

/** Options of {@link documentRoutes}. */
export interface DocumentRoutesOptions {
  service: ServiceGetter;
  /** Bearer token of the routes that change the collection. Default none: they answer 403. */
  adminToken?: string;
  /** Largest document upload (JSON or multipart body), in bytes. Required. */
  maxUploadBytes: number;
}

const listDocuments = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['Documents'],
  summary: 'List the documents',
  responses: {
    200: { description: 'Every document of the collection.', content: { 'application/json': { schema: documentListSchema } } },
    ...errorResponses('RATE_LIMITED', 'NOT_READY'),
  },
});

const getDocument = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags: ['Documents'],
  summary: 'Read a document',
  description:
    "The cleaned text that citations' `start`/`end` offsets point into, with the document's metadata. Ids of files in " +
    'sub-folders of DOCS_DIR contain `/`: send it encoded as `%2F`.',
  request: { params: documentParamsSchema },
  responses: {
    200: { description: 'The document.', content: { 'application/json': { schema: documentDetailSchema } } },
    ...errorResponses('INVALID_ID', 'DOCUMENT_NOT_FOUND', 'RATE_LIMITED', 'NOT_READY'),
  },
});

const admin = [{ [ADMIN_SECURITY_SCHEME]: [] }];
/** What the admin guard refuses: a header that isn't `Bearer <token>`, a wrong token, a server without one. */
const ADMIN_ERRORS = ['INVALID_REQUEST', 'UNAUTHORIZED', 'ADMIN_DISABLED'] as const;
/** The service's refusals of a change: another writer, or storage that can't be written. */
const CHANGE_ERRORS = ['INDEX_BUSY', 'STORAGE_UNAVAILABLE', 'DISK_FULL', 'STORE_UNAVAILABLE'] as const;

const ADD_DOCUMENT_ERRORS = [
  ...ADMIN_ERRORS,
  'INVALID_JSON',
  'INVALID_DOCUMENT',
  'DOCUMENT_EMPTY',
  'DOCUMENT_EXISTS',
  'DUPLICATE_CONTENT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_FORMAT',
  'UNREADABLE_DOCUMENT',
  'NO_TEXT_LAYER',
  'ENCRYPTED_DOCUMENT',
  'RATE_LIMITED',
  'NOT_READY',
  ...CHANGE_ERRORS,
] as const;

const DELETE_DOCUMENT_ERRORS = [...ADMIN_ERRORS, 'INVALID_ID', 'DOCUMENT_NOT_FOUND', 'RATE_LIMITED', 'NOT_READY', ...CHANGE_ERRORS] as const;

const addDocument = createRoute({
  method: 'post',
  path: '/api/documents',
  tags: ['Documents'],
  summary: 'Add a document',
  description:
    'Adds a document as JSON (`text` or `html`) or as an uploaded file: text (.txt, .md, .html in UTF-8, UTF-16 or ' +
    'CP949/EUC-KR), PDF with a text layer, HWP, HWPX or DOCX, its format read from its content. It is written to DOCS_DIR and ' +
    'committed to the index before the response, and questions asked afterwards see it. Adding the same content under ' +
    'the same id again answers 200 with the document already there, so an add whose answer was lost can be retried; ' +
    'the same text under another id answers 409 `DUPLICATE_CONTENT`, naming the document that has it. Without an ' +
    '`id`, an upload is named after its file (`공고문 2025.txt` → `공고문-2025`).',
  security: admin,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: newDocumentJsonSchema },
        'multipart/form-data': { schema: documentUploadSchema },
      },
    },
  },
  responses: {
    201: { description: 'The document was added.', content: { 'application/json': { schema: documentSummarySchema } } },
    200: {
      description: 'The same document (same id and content) was already added: a retry.',
      content: { 'application/json': { schema: documentSummarySchema } },
    },
    ...errorResponses(...ADD_DOCUMENT_ERRORS),
  },
});

const ADMIN_CHECK_ERRORS = [...ADMIN_ERRORS, 'RATE_LIMITED'] as const;

/** `GET`, `POST /api/documents`, `GET`, `DELETE /api/documents/{id}`, and `GET /api/admin/check`. */
export function documentRoutes(options: DocumentRoutesOptions): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const guard = adminAuth(options.adminToken ? { token: options.adminToken } : {});

  const checkAdmin = createRoute({
    method: 'get',
    path: '/api/admin/check',
    tags: ['Documents'],
    summary: 'Check the admin token',
    description:
      'Answers 204 when the bearer token is the server\'s ADMIN_TOKEN, so a client (the documents page) can sign in ' +
      'without changing anything; 401 for a wrong token, 403 when changes are disabled.',
    security: admin,
    middleware: [guard] as const,
    responses: { 204: { description: 'The token is right.' }, ...errorResponses(...ADMIN_CHECK_ERRORS) },
  });
  app.openapi(checkAdmin, (c) => c.body(null, 204));

  app.openapi(listDocuments, async (c) => c.json({ documents: await requireService(options.service).listDocuments() }, 200));

  app.openapi(getDocument, async (c) => {
    const { id } = c.req.valid('param');
    const document = await requireService(options.service).getDocument(id);
    if (!document) throw documentNotFound(id);
    return c.json(document, 200);
  });

  // Documented with the body required, but registered with it optional: zod-openapi then runs the JSON and the form
  // validator each only for its own media type (jsonBody already refuses a request without a body).
  app.openAPIRegistry.registerPath(addDocument);
  const acceptEither = {
    ...addDocument,
    hide: true,
    middleware: [guard, jsonBody({ maxBytes: options.maxUploadBytes, otherTypes: ['multipart/form-data'] })],
    request: { body: { ...addDocument.request.body, required: false } },
  };
  app.openapi(acceptEither, async (c) => {
    const isForm = (c.req.header('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data');
    // Each validator leaves `{}` for the media type not sent; the types don't tell the two apart.
    const input: NewDocument = isForm ? await fromUpload(c.req.valid('form') as UploadedDocument) : (c.req.valid('json') as JsonDocument);
    const { document, created } = await requireService(options.service).addDocument(input);
    const location = { Location: `/api/documents/${encodeURIComponent(document.id)}` };
    return created ? c.json(document, 201, location) : c.json(document, 200, location);
  });

  const deleteDocument = createRoute({
    method: 'delete',
    path: '/api/documents/{id}',
    tags: ['Documents'],
    summary: 'Delete a document',
    description: 'Removes the document from the index and its file from DOCS_DIR before the response.',
    security: admin,
    middleware: [guard] as const,
    request: { params: documentParamsSchema },
    responses: { 204: { description: 'The document was deleted.' }, ...errorResponses(...DELETE_DOCUMENT_ERRORS) },
  });

  app.openapi(deleteDocument, async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await requireService(options.service).deleteDocument(id);
    if (!deleted) throw documentNotFound(id);
    return c.body(null, 204);
  });

  return app;
}

type JsonDocument = ReturnType<typeof newDocumentJsonSchema.parse>;
type UploadedDocument = ReturnType<typeof documentUploadSchema.parse>;

async function fromUpload(form: UploadedDocument): Promise<NewDocument> {
  // Browsers send a bare name, other clients may send a path: only the last part names the file.
  const filename = form.file.name.split(/[\\/]/).pop() ?? '';
  const bytes = new Uint8Array(await form.file.arrayBuffer());
  return { ...(form.id && { id: form.id }), ...(form.title && { title: form.title }), ...(form.source && { source: form.source }), bytes, filename };
}

function documentNotFound(id: string): ApiError {
  return new ApiError('DOCUMENT_NOT_FOUND', `There is no document "${printable(id)}"; GET /api/documents lists them.`);
}

/** A user-given name as it may appear in a message: control characters removed, length bounded. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120);
}
