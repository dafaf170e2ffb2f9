import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IndexStoreError } from './errors.ts';
import { INDEX_FORMAT_VERSION, MANIFEST_FILE, readManifest, withCheckedMeta } from './manifest.ts';
import type { Manifest } from './manifest.ts';
import { thrownBy, useTempDir } from './test-support.ts';

const valid = {
  formatVersion: INDEX_FORMAT_VERSION,
  generation: '00000004-0a1b2c3d',
  createdAt: '2025-03-14T09:26:53.589Z',
  files: {
    'chunks.json': { bytes: 1234, sha256: 'ab'.repeat(32) },
    'onnx/model.onnx': { bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  },
  meta: { documentCount: 5, model: 'seogi-static-256' },
} satisfies Manifest<unknown>;

const metaSchema = z.object({ documentCount: z.number().int(), model: z.string() });

describe('readManifest', () => {
  const tempDir = useTempDir('seogi-manifest-');

  function writeManifest(content: unknown): string {
    const dir = tempDir();
    writeFileSync(join(dir, MANIFEST_FILE), typeof content === 'string' ? content : JSON.stringify(content));
    return dir;
  }

  function codeOfReading(dir: string): unknown {
    const error = thrownBy(() => readManifest(dir));
    expect(error).toBeInstanceOf(IndexStoreError);
    return (error as IndexStoreError).code;
  }

  it('returns the recorded generation, files and metadata of a valid manifest', () => {
    expect(readManifest(writeManifest(valid))).toEqual(valid);
  });

  it('reports INDEX_MISSING when nothing was ever committed, even if the folder does not exist', () => {
    expect(codeOfReading(tempDir())).toBe('INDEX_MISSING');
    expect(codeOfReading(join(tempDir(), 'not-built-yet'))).toBe('INDEX_MISSING');
  });

  it('reports INDEX_CORRUPT for a manifest that is not valid JSON', () => {
    expect(codeOfReading(writeManifest(JSON.stringify(valid).slice(0, 60)))).toBe('INDEX_CORRUPT');
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['no format version', { ...valid, formatVersion: undefined }],
    ['a format version given as text', { ...valid, formatVersion: '1' }],
    ['a generation that escapes its folder', { ...valid, generation: '../../etc' }],
    ['a creation time that is not a date', { ...valid, createdAt: 'yesterday' }],
    ['files given as a list', { ...valid, files: [valid.files['chunks.json']] }],
    ['a file name that escapes the generation', { ...valid, files: { '../chunks.json': valid.files['chunks.json'] } }],
    ['a negative size', { ...valid, files: { 'chunks.json': { bytes: -1, sha256: 'ab'.repeat(32) } } }],
    ['a checksum that is not sha256 hex', { ...valid, files: { 'chunks.json': { bytes: 1, sha256: 'AB'.repeat(32) } } }],
  ])('reports INDEX_CORRUPT for a manifest with %s', (_case, content) => {
    expect(codeOfReading(writeManifest(content))).toBe('INDEX_CORRUPT');
  });

  it('reports INDEX_VERSION for a manifest of another format version, whatever its shape', () => {
    expect(codeOfReading(writeManifest({ ...valid, formatVersion: INDEX_FORMAT_VERSION + 1 }))).toBe('INDEX_VERSION');
    expect(codeOfReading(writeManifest({ ...valid, formatVersion: 2 }))).toBe('INDEX_VERSION');
    expect(codeOfReading(writeManifest({ formatVersion: 0, layout: 'flat' }))).toBe('INDEX_VERSION');
  });

  it('reads a manifest of format 3, whose index differs only in how it stores the graph', () => {
    expect(readManifest(writeManifest({ ...valid, formatVersion: 3 }))).toEqual({ ...valid, formatVersion: 3 });
  });

  it('tells the user to rebuild the index', () => {
    const error = thrownBy(() => readManifest(writeManifest({ ...valid, formatVersion: INDEX_FORMAT_VERSION + 1 })));
    expect((error as Error).message).toContain('npm run index');
  });
});

describe('withCheckedMeta', () => {
  it('returns the manifest with its metadata typed by the caller schema', () => {
    const manifest = withCheckedMeta(valid, metaSchema, '/data');
    expect(manifest.meta.documentCount).toBe(5);
    expect(manifest).toEqual(valid);
  });

  it.each([
    ['a field of the wrong type', { documentCount: '5', model: 'seogi-static-256' }],
    ['a missing field', { documentCount: 5 }],
    ['no metadata at all', undefined],
  ])('reports INDEX_MISMATCH for metadata with %s', (_case, meta) => {
    const error = thrownBy(() => withCheckedMeta({ ...valid, meta }, metaSchema, '/data'));
    expect(error).toBeInstanceOf(IndexStoreError);
    expect(error).toMatchObject({ code: 'INDEX_MISMATCH' });
  });
});
