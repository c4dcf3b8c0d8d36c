import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Editors' signing keys made by tests go to a temporary folder, never the user's own.
const keysDir = process.env.ISNAD_KEYS_DIR ?? mkdtempSync(join(tmpdir(), 'isnad-test-keys-'));

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    // Store tests use real files and the e2e tests a real browser: give them room on 2 cores.
    testTimeout: 30_000,
    env: { ISNAD_KEYS_DIR: keysDir },
    hookTimeout: 60_000,
  },
});
