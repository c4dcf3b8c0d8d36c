import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers';

describe('layers', () => {
  it('hold in this repository', async () => {
    expect(await checkLayers(resolve(__dirname, '..'))).toEqual([]);
  });

  it('catch a platform import in shared/ and a cross import between electron/ and renderer/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'isnad-layers-'));
    try {
      for (const dir of ['shared', 'electron', 'renderer']) await mkdir(join(root, dir));
      await writeFile(join(root, 'shared', 'a.ts'), "import { readFile } from 'node:fs/promises';\n");
      await writeFile(join(root, 'electron', 'b.ts'), "import { App } from '../renderer/app';\n");
      await writeFile(join(root, 'renderer', 'c.ts'), "import type { IsnadStore } from '../electron/store/store';\n");
      const problems = await checkLayers(root);
      expect(problems).toHaveLength(3);
      expect(problems[0]).toMatch(/shared\/a\.ts imports "node:fs\/promises"/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
