import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../index/config.ts';
import { SERVER_NODE_ARGS } from './launch.ts';

describe('SERVER_NODE_ARGS', () => {
  it('is what package.json runs for npm start, in place of the shell so that signals reach the server', () => {
    const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`exec node ${SERVER_NODE_ARGS.join(' ')}`);
  });
});
