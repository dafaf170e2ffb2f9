/* global document, location */
// Renders /openapi.json as a readable reference. Served by the API itself, so it works offline; everything taken
// from the spec is inserted as text, never as HTML.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

function refName(ref) {
  return ref.split('/').pop();
}

function resolve(spec, schema) {
  let current = schema ?? {};
  for (let i = 0; i < 10 && current.$ref; i++) current = spec.components?.schemas?.[refName(current.$ref)] ?? {};
  return current;
}

/** A one-line type, e.g. `string (1–1000 chars)`, `integer 1–20, default 5`, `array of Citation`. */
function typeLabel(spec, schema) {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.allOf) return schema.allOf.map((s) => typeLabel(spec, s)).join(' & ');
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).map((s) => typeLabel(spec, s)).join(' | ');
  let label = schema.type ?? 'object';
  if (label === 'array') label = `array of ${typeLabel(spec, schema.items)}`;
  if (schema.format) label += ` (${schema.format})`;
  if (schema.enum) label += `: ${schema.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  const bounds = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    bounds.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) bounds.push(`${schema.minimum ?? '−∞'}–${schema.maximum ?? '∞'}`);
  if (schema.maxItems !== undefined) bounds.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) bounds.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) bounds.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.nullable) bounds.push('nullable');
  return bounds.length > 0 ? `${label}, ${bounds.join(', ')}` : label;
}

function propertiesTable(spec, schema) {
  const resolved = resolve(spec, schema);
  const properties = Object.entries(resolved.properties ?? {});
  if (properties.length === 0) return el('p', { class: 'type' }, typeLabel(spec, schema));
  const required = new Set(resolved.required ?? []);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Type'), el('th', {}, 'Description'))),
    el(
      'tbody',
      {},
      properties.map(([name, property]) =>
        el(
          'tr',
          {},
          el('td', {}, el('code', {}, name), required.has(name) ? el('span', { class: 'required' }, ' required') : null),
          el('td', { class: 'type' }, typeLabel(spec, property)),
          el('td', {}, property.description ?? resolve(spec, property).description ?? ''),
        ),
      ),
    ),
  );
}

function exampleOf(spec, media) {
  if (media.example !== undefined) return media.example;
  const schema = resolve(spec, media.schema);
  return schema.example;
}

function exampleBlock(value) {
  return value === undefined ? null : el('pre', {}, el('code', {}, JSON.stringify(value, null, 2)));
}

function curlFor(method, path, operation, spec) {
  const parts = ['curl'];
  if (method !== 'get') parts.push(`-X ${method.toUpperCase()}`);
  if (operation.security?.length) parts.push('-H "Authorization: Bearer $ADMIN_TOKEN"');
  let url = `${location.origin}${path}`;
  for (const parameter of operation.parameters ?? []) {
    const example = parameter.example ?? parameter.schema?.example ?? 'value';
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(example));
  }
  const query = (operation.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(p.example ?? p.schema?.example ?? 'value')}`);
  if (query.length > 0) url += `?${query.join('&')}`;
  parts.push(`'${url}'`);
  const json = operation.requestBody?.content?.['application/json'];
  if (json) {
    const example = exampleOf(spec, json);
    parts.push("-H 'Content-Type: application/json'");
    if (example !== undefined) parts.push(`-d '${JSON.stringify(example)}'`);
  }
  return parts.join(' ');
}

function operationSection(spec, path, method, operation) {
  const id = `${method}-${path.replace(/[^\w]+/g, '-')}`;
  const section = el(
    'section',
    { class: 'operation', id },
    el('h3', {}, el('span', { class: `method ${method}` }, method.toUpperCase()), ' ', el('code', {}, path)),
    operation.summary ? el('p', { class: 'summary' }, operation.summary) : null,
    operation.description ? el('p', {}, operation.description) : null,
    operation.security?.length ? el('p', { class: 'auth' }, 'Needs Authorization: Bearer <ADMIN_TOKEN>.') : null,
  );
  const parameters = operation.parameters ?? [];
  if (parameters.length > 0) {
    section.append(
      el('h4', {}, 'Parameters'),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'In'), el('th', {}, 'Type'), el('th', {}, 'Description'))),
        el(
          'tbody',
          {},
          parameters.map((p) =>
            el(
              'tr',
              {},
              el('td', {}, el('code', {}, p.name), p.required ? el('span', { class: 'required' }, ' required') : null),
              el('td', {}, p.in),
              el('td', { class: 'type' }, typeLabel(spec, p.schema)),
              el('td', {}, p.description ?? p.schema?.description ?? ''),
            ),
          ),
        ),
      ),
    );
  }
  for (const [mediaType, media] of Object.entries(operation.requestBody?.content ?? {})) {
    section.append(el('h4', {}, 'Request body ', el('code', {}, mediaType)), propertiesTable(spec, media.schema), exampleBlock(exampleOf(spec, media)));
  }
  section.append(el('h4', {}, 'Responses'));
  const responses = el('dl', { class: 'responses' });
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const media = response.content?.['application/json'];
    responses.append(
      el('dt', {}, el('span', { class: `status s${status[0]}` }, status)),
      el('dd', {}, response.description ?? '', media ? el('span', { class: 'type' }, ` — ${typeLabel(spec, media.schema)}`) : null),
    );
  }
  section.append(responses, el('h4', {}, 'Try it'), el('pre', {}, el('code', {}, curlFor(method, path, operation, spec))));
  return { section, id };
}

function render(spec) {
  const main = document.getElementById('reference');
  main.replaceChildren();
  const nav = document.getElementById('operations');
  nav.replaceChildren();
  document.title = `${spec.info.title} — API reference`;
  main.append(
    el('h1', {}, spec.info.title, ' ', el('small', {}, `v${spec.info.version} · OpenAPI ${spec.openapi}`)),
    spec.info.description ? el('p', {}, spec.info.description) : null,
    el('p', {}, 'Machine-readable: ', el('a', { href: '/openapi.json' }, '/openapi.json')),
  );
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const { section, id } = operationSection(spec, path, method, item[method]);
      main.append(section);
      nav.append(el('li', {}, el('a', { href: `#${id}` }, `${method.toUpperCase()} ${path}`)));
    }
  }
  main.append(el('h2', { id: 'schemas' }, 'Schemas'));
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    main.append(
      el('section', { class: 'schema', id: `schema-${name}` }, el('h3', {}, name), schema.description ? el('p', {}, schema.description) : null, propertiesTable(spec, schema), exampleBlock(schema.example)),
    );
  }
  nav.append(el('li', {}, el('a', { href: '#schemas' }, 'Schemas')));
}

fetch('/openapi.json')
  .then((response) => {
    if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
    return response.json();
  })
  .then(render)
  .catch((error) => {
    document.getElementById('reference').replaceChildren(el('p', { class: 'error' }, `Could not load the API description: ${error.message}`));
  });
