import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { readServerConfig } from '../../server/config.ts';
import { answerSchema, askRequestSchema, documentSummarySchema, newDocumentJsonSchema, readySchema } from '../../server/openapi/schemas.ts';

/** The OpenAPI 3.0 shapes this test reads. */
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  [key: string]: unknown;
}
interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  security?: Array<Record<string, string[]>>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string }> };
}

/** Each route with its methods and the response codes it documents. */
const EXPECTED: Record<string, Record<string, number[]>> = {
  '/healthz': { get: [200] },
  '/readyz': { get: [200, 503] },
  '/api/ask': { post: [200, 400, 413, 415, 429, 503], get: [200, 400, 429, 503] },
  '/api/documents': { get: [200, 429, 503], post: [200, 201, 400, 401, 403, 409, 413, 415, 422, 429, 503] },
  '/api/documents/{id}': { get: [200, 400, 404, 429, 503], delete: [204, 400, 401, 403, 404, 429, 503] },
  '/api/admin/check': { get: [204, 400, 401, 403, 429] },
  '/slack/commands': { post: [200, 400, 401, 404, 413] },
  '/slack/events': { post: [200, 400, 401, 404, 413] },
  '/mattermost/commands': { post: [200, 400, 401, 404, 413] },
};

const app = createApp({ config: readServerConfig({}), service: () => undefined, log: () => {} });
let spec: OpenApiDocument;
beforeAll(async () => {
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  spec = (await res.json()) as OpenApiDocument;
});

function operations(): Array<[string, string, Operation]> {
  return Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, string, Operation] => [path, method, op]));
}

/** Every `$ref` anywhere in the document. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('/openapi.json', () => {
  it('validates against the OpenAPI 3.0 schema', async () => {
    const result = await new Validator().validate(structuredClone(spec) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is an OpenAPI 3.0 document with a title and version', () => {
    expect(spec.openapi).toBe('3.0.3');
    expect(spec.info).toMatchObject({ title: 'Seogi (서기) API', version: '1.0.0' });
  });

  it('describes every route with its methods and response codes', () => {
    const described = Object.fromEntries(
      Object.entries(spec.paths).map(([path, item]) => [
        path,
        Object.fromEntries(Object.entries(item).map(([method, op]) => [method, Object.keys(op.responses).map(Number)])),
      ]),
    );
    expect(described).toEqual(EXPECTED);
  });

  it('matches the routes the app serves', () => {
    const internal = new Set(['/openapi.json', '/docs', '/docs/reference.js', '/docs/reference.css']);
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !internal.has(r.path))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect([...served].sort()).toEqual(operations().map(([path, method]) => `${method} ${path}`).sort());
  });

  it('resolves every schema reference and security requirement', () => {
    const all = refs(spec);
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(spec.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
    for (const [, , op] of operations()) {
      for (const requirement of op.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(spec.components.securitySchemes[scheme]).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      }
    }
  });

  it('gives every operation a summary, tags, and a description and schema for each response', () => {
    for (const [path, method, op] of operations()) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.tags?.length, `${method} ${path}`).toBe(1);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${method} ${path} ${status}`).toBeTruthy();
        for (const media of Object.values(response.content ?? {})) expect(media.schema).toBeDefined();
        if (Number(status) >= 400) expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('declares each path parameter, required', () => {
    for (const [path, method, op] of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name), `${method} ${path}`).toEqual(inPath);
      for (const p of declared) expect(p.required).toBe(true);
      for (const p of op.parameters ?? []) expect(['path', 'query', 'header', 'cookie']).toContain(p.in);
    }
  });

  it('marks the admin operations as needing the bearer token', () => {
    const secured = operations()
      .filter(([, , op]) => op.security?.some((s) => 'AdminToken' in s))
      .map(([path, method]) => `${method} ${path}`);
    expect(secured.sort()).toEqual(['delete /api/documents/{id}', 'get /api/admin/check', 'post /api/documents']);
  });

  it('documents the limits the server enforces', () => {
    const ask = spec.components.schemas.AskRequest!;
    expect(ask.required).toEqual(['question']);
    expect(ask.additionalProperties).toBe(false);
    expect(ask.properties!.question).toMatchObject({ type: 'string', minLength: 1, maxLength: 1000 });
    expect(ask.properties!.topK).toMatchObject({ type: 'integer', minimum: 1, maximum: 20, default: 5 });
    expect(ask.properties!.history).toMatchObject({ type: 'array', maxItems: 10 });
    const post = spec.paths['/api/documents']!.post!;
    expect(post.requestBody?.required).toBe(true);
    expect(Object.keys(post.requestBody!.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(spec.components.schemas.DocumentUpload!.properties!.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('describes what the documents list tells of each file, and the duplicate refusal', () => {
    const summary = spec.components.schemas.DocumentSummary!;
    expect(summary.required).toEqual(expect.arrayContaining(['format', 'size', 'addedAt', 'date']));
    expect(summary.properties!.addedAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    expect(summary.properties!.size).toMatchObject({ type: 'integer', minimum: 0, nullable: true });
    expect(summary.properties!.format).toMatchObject({ type: 'string', enum: ['text', 'markdown', 'html', 'pdf', 'hwp', 'hwpx', 'docx', null], nullable: true });
    expect(spec.components.schemas.Citation!.required).toContain('date');
    const conflict = spec.paths['/api/documents']!.post!.responses['409']!;
    expect(conflict.description).toContain('`DOCUMENT_EXISTS`');
    expect(conflict.description).toContain('`DUPLICATE_CONTENT`: The same text is already in the collection');
  });

  it('shows examples the schemas accept', () => {
    const examples: Array<[string, { safeParse: (v: unknown) => { success: boolean } }]> = [
      ['AskRequest', askRequestSchema],
      ['Answer', answerSchema],
      ['DocumentSummary', documentSummarySchema],
      ['NewDocument', newDocumentJsonSchema],
      ['Ready', readySchema],
    ];
    for (const [name, schema] of examples) {
      const example = spec.components.schemas[name]!.example;
      expect(example, name).toBeDefined();
      expect(schema.safeParse(example).success, name).toBe(true);
    }
  });
});

describe('/docs', () => {
  it('is a page of the server that renders /openapi.json with its own script and styles, nothing inline', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<script src="/docs/reference.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/docs/reference.css">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son\w+=/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves its script and styles with their content types', async () => {
    const script = await app.request('/docs/reference.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).toContain("fetch('/openapi.json')");
    expect(source).not.toMatch(/innerHTML|eval\(|https?:\/\/(?!www\.w3)/);
    const styles = await app.request('/docs/reference.css');
    expect(styles.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
  });
});
