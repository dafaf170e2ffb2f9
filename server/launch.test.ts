import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../index/config.ts';
import { SERVER_BUILD, SERVER_NODE_ARGS, SERVER_START_ARGS } from './launch.ts';

const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('SERVER_START_ARGS', () => {
  it('is what package.json runs for npm start, in place of the shell so that signals reach the server', () => {
    expect(scripts.start).toBe(`exec node ${SERVER_START_ARGS.join(' ')}`);
  });

  it('runs the server compiled before start, into a git-ignored folder', () => {
    expect(scripts.prestart).toContain('npm run build:server');
    expect(scripts['build:server']).toBe('tsx server/build.ts');
    const ignored = readFileSync(join(PROJECT_ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain(`${SERVER_BUILD.split('/')[0]}/`);
  });
});

describe('SERVER_NODE_ARGS', () => {
  it('runs the same server from its sources, with the same flags', () => {
    expect(SERVER_NODE_ARGS.slice(-3)).toEqual(['--import', 'tsx', 'server/main.ts']);
    expect(SERVER_NODE_ARGS.slice(0, -3)).toEqual(SERVER_START_ARGS.slice(0, -1));
  });
});
