import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGenerationId, listGenerationFolders, nextGenerationId, removeGenerationFolders } from './generations.ts';
import { useTempDir } from './test-support.ts';

describe('nextGenerationId', () => {
  it('starts at counter 1 when there is no generation yet', () => {
    expect(nextGenerationId([])).toMatch(/^00000001-[0-9a-f]{8}$/);
  });

  it('counts past every existing folder, half-written ones included, and ignores foreign names', () => {
    const id = nextGenerationId(['00000003-0a1b2c3d', '00000007-ffffffff.tmp', 'notes.txt', '00000009-xyz']);
    expect(id).toMatch(/^00000008-[0-9a-f]{8}$/);
    expect(isGenerationId(id)).toBe(true);
  });

  it('sorts newer ids after older ones', () => {
    const older = nextGenerationId(['00000009-00000000']);
    const newer = nextGenerationId([older]);
    expect([newer, older].sort()).toEqual([older, newer]);
  });

  it('never accepts a name that could leave the generations folder', () => {
    expect(isGenerationId('../00000001-0a1b2c3d')).toBe(false);
    expect(isGenerationId('00000001-0a1b2c3d/..')).toBe(false);
  });
});

describe('generation folders', () => {
  const tempDir = useTempDir('seogi-generations-');

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await listGenerationFolders(join(tempDir(), 'generations'))).toEqual([]);
  });

  it('removes exactly the folders the predicate selects', async () => {
    const dir = tempDir();
    for (const name of ['00000001-00000000', '00000002-00000000.tmp', '00000003-00000000']) {
      mkdirSync(join(dir, name, 'onnx'), { recursive: true });
    }
    await removeGenerationFolders(dir, (name) => name !== '00000003-00000000');
    expect(readdirSync(dir)).toEqual(['00000003-00000000']);
  });
});
