import { extname } from 'node:path';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { DOCUMENT_EXTENSIONS } from '../../index/load/index.ts';
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
import { ServiceError, type NewDocument } from '../service.ts';
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

const statusOfServiceError = {
  DOCUMENT_EXISTS: 409,
  DOCUMENT_EMPTY: 400,
  INVALID_DOCUMENT: 400,
  INDEX_BUSY: 503,
  STORAGE_UNAVAILABLE: 503,
  DISK_FULL: 503,
} as const;
/** Another process writing the index (`npm run index`) usually takes seconds to minutes; storage takes a person. */
const RETRY_SECONDS: Partial<Record<keyof typeof statusOfServiceError, number>> = { INDEX_BUSY: 30, STORAGE_UNAVAILABLE: 60, DISK_FULL: 60 };

const listDocuments = createRoute({
  method: 'get',
  path: '/api/documents',
  tags: ['Documents'],
  summary: 'List the documents',
  responses: {
    200: { description: 'Every document of the collection.', content: { 'application/json': { schema: documentListSchema } } },
    ...errorResponses(429, 503),
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
    ...errorResponses(400, 404, 429, 503),
  },
});

const admin = [{ [ADMIN_SECURITY_SCHEME]: [] }];

const addDocument = createRoute({
  method: 'post',
  path: '/api/documents',
  tags: ['Documents'],
  summary: 'Add a document',
  description:
    'Adds a document as JSON (`text` or `html`) or as an uploaded .txt/.md/.html file. It is written to DOCS_DIR and ' +
    'committed to the index before the response, and questions asked afterwards see it. Adding the same content under ' +
    'the same id again answers 200 with the document already there, so an add whose answer was lost can be retried.',
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
    ...errorResponses(400, 401, 403, 409, 413, 415, 429, 503),
  },
});

/** `GET`, `POST /api/documents` and `GET`, `DELETE /api/documents/{id}`. */
export function documentRoutes(options: DocumentRoutesOptions): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  const guard = adminAuth(options.adminToken ? { token: options.adminToken } : {});

  app.openapi(listDocuments, (c) => c.json({ documents: requireService(options.service).listDocuments() }, 200));

  app.openapi(getDocument, (c) => {
    const { id } = c.req.valid('param');
    const document = requireService(options.service).getDocument(id);
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
    const { document, created } = await withServiceErrors(() => requireService(options.service).addDocument(input));
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
    responses: { 204: { description: 'The document was deleted.' }, ...errorResponses(400, 401, 403, 404, 429, 503) },
  });

  app.openapi(deleteDocument, async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await withServiceErrors(() => requireService(options.service).deleteDocument(id));
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
  // The file types the loader reads from DOCS_DIR; the service cleans an upload like an indexed file of its type.
  if (!DOCUMENT_EXTENSIONS.includes(extname(filename).toLowerCase())) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `"${printable(filename)}" is not a .txt, .md or .html file; upload one of those.`);
  }
  let text: string;
  try {
    text = utf8.decode(await form.file.arrayBuffer());
  } catch {
    throw new ApiError(400, 'INVALID_DOCUMENT', `"${printable(filename)}" is not UTF-8 text; save it as UTF-8 and upload it again.`);
  }
  return { ...(form.id && { id: form.id }), ...(form.title && { title: form.title }), ...(form.source && { source: form.source }), text, filename };
}

/** Runs a change, turning the service's refusals into 4xx answers. */
async function withServiceErrors<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ServiceError) {
      const retry = RETRY_SECONDS[error.code];
      const headers: Record<string, string> = retry === undefined ? {} : { 'Retry-After': String(retry) };
      throw new ApiError(statusOfServiceError[error.code], error.code, error.message, undefined, headers);
    }
    throw error;
  }
}

function documentNotFound(id: string): ApiError {
  return new ApiError(404, 'DOCUMENT_NOT_FOUND', `There is no document "${printable(id)}"; GET /api/documents lists them.`);
}

/** A user-given name as it may appear in a message: control characters removed, length bounded. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120);
}
