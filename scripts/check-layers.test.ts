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
      expect(problems[0]).toMatch(/shared\/a\.ts imports "node:fs\/promises": node:fs is not on shared\/'s list of packages/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('allow each layer only the packages it lists, tests included', async () => {
    const root = await mkdtemp(join(tmpdir(), 'isnad-layers-'));
    try {
      for (const dir of ['shared', 'electron/store', 'electron/reports', 'renderer']) await mkdir(join(root, dir), { recursive: true });
      // A browser-only package in shared/, and React in a shared/ test: both refused.
      await writeFile(join(root, 'shared', 'a.ts'), "import { useVirtualizer } from '@tanstack/react-virtual';\nimport { Readability } from '@mozilla/readability';\nimport { z } from 'zod';\n");
      await writeFile(join(root, 'shared', 'a.test.ts'), "import { describe } from 'vitest';\nimport { createHash } from 'node:crypto';\nimport { render } from 'react-dom';\n");
      // lowdb outside the store, the Electron binary outside the shell.
      await writeFile(join(root, 'electron', 'reports', 'b.ts'), "import { Low } from 'lowdb';\nimport { app } from 'electron';\nimport { Parser } from 'htmlparser2';\n");
      await writeFile(join(root, 'electron', 'store', 'c.ts'), "import { Low } from 'lowdb';\n");
      await writeFile(join(root, 'renderer', 'd.tsx'), "import { readFile } from 'node:fs';\nimport { useState } from 'react';\n");
      const problems = await checkLayers(root);
      expect(problems).toHaveLength(6);
      expect(problems).toEqual(expect.arrayContaining([
        expect.stringMatching(/^electron\/reports\/b\.ts imports "lowdb": lowdb is for electron\/store\/ only/),
        expect.stringMatching(/^electron\/reports\/b\.ts imports "electron": electron is for electron\/\(main\|preload\)\/ only/),
        expect.stringMatching(/^renderer\/d\.tsx imports "node:fs": node:fs is not on renderer\/'s list of packages/),
        expect.stringMatching(/^shared\/a\.test\.ts imports "react-dom": react-dom is not on shared\/'s list of packages for tests/),
        expect.stringMatching(/^shared\/a\.ts imports "@tanstack\/react-virtual"/),
        expect.stringMatching(/^shared\/a\.ts imports "@mozilla\/readability"/),
      ]));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
