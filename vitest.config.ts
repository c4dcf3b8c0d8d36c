import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    // Store tests use real files and the e2e tests a real browser: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
