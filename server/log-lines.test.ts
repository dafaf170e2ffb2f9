import { describe, expect, it } from 'vitest';
import { batchedLines } from './log-lines.ts';

describe('batchedLines', () => {
  it('writes the lines of one event-loop turn together, as JSON lines, after the turn', async () => {
    const writes: string[] = [];
    const write = batchedLines({ write: (chunk: string) => writes.push(chunk) > 0 });
    write({ msg: 'request', status: 200 });
    write({ msg: 'request', status: 404 });
    expect(writes).toEqual([]);
    await new Promise((done) => setImmediate(done));
    expect(writes).toEqual(['{"msg":"request","status":200}\n{"msg":"request","status":404}\n']);
    write({ msg: 'request', status: 503 });
    await new Promise((done) => setImmediate(done));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe('{"msg":"request","status":503}\n');
  });
});
