import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
// Where the binary is installed, running the script would open the app: this test is for machines
// that cannot fetch it (CI, this project's sandboxes), which is the case it covers.
const installed = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

describe('npm start without Electron’s binary', () => {
  it.skipIf(installed)('ends with one line that points to the browser mode, and no stack trace', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'isnad-electron-cache-'));
    try {
      const result = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'start-electron.js')], {
        cwd: ROOT,
        // A download host that refuses, and an empty cache, so the download fails on any machine.
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache },
      }).then(
        () => ({ code: 0, stdout: '', stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^npm start: Electron's binary is not installed and could not be downloaded \(.+\).*npm run web$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});
