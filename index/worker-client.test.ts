import { afterAll, describe, expect, it } from 'vitest';
import { WorkerClient } from './worker-client.ts';

interface EchoRequest {
  id: number;
  text?: string;
  exitCode?: number;
}
interface EchoReply {
  id: number;
  reversed: string;
}

const client = new WorkerClient<EchoRequest, EchoReply>(new URL('../tests/support/echo-worker.ts', import.meta.url).href, {
  task: 'Echoing',
  worker: 'The echo worker',
});
afterAll(() => client.close());

describe('WorkerClient', () => {
  it('resolves each request with the reply of its own id, in any number at once', async () => {
    const replies = await Promise.all(['가나다', 'abc', '서기'].map((text) => client.request({ text })));
    expect(replies.map((r) => r.reversed)).toEqual(['다나가', 'cba', '기서']);
  });

  it('rejects the requests waiting on a worker that stops, and starts a new one for the next', async () => {
    await expect(client.request({ exitCode: 3 })).rejects.toThrow('The echo worker stopped (exit code 3).');
    expect((await client.request({ text: '다시' })).reversed).toBe('시다');
  });
});
