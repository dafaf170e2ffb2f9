import { describe, expect, it } from 'vitest';
import { assertFileName, isFileName } from './file-name.ts';

describe('assertFileName', () => {
  it('accepts plain relative paths, nested or not', () => {
    for (const name of ['chunks.json', 'onnx/model.onnx', 'a/b/c.bin', '..hidden', 'model..onnx']) {
      expect(isFileName(name), name).toBe(true);
      expect(() => assertFileName(name)).not.toThrow();
    }
  });

  it.each([
    ['/etc/passwd', /absolute/],
    ['C:/model.onnx', /absolute/],
    ['../outside.json', /`\.\.` segment/],
    ['onnx/../../outside.json', /`\.\.` segment/],
    ['onnx\\model.onnx', /backslash/],
    ['chunks\0.json', /NUL/],
    ['', /empty/],
    ['onnx//model.onnx', /empty or `\.` segment/],
    ['./chunks.json', /empty or `\.` segment/],
    ['onnx/', /empty or `\.` segment/],
  ])('refuses %j and says why', (name, reason) => {
    expect(isFileName(name)).toBe(false);
    expect(() => assertFileName(name)).toThrow(reason);
    expect(() => assertFileName(name)).toThrow(JSON.stringify(name));
  });
});
