import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

/**
 * Bundles the Electron main process and the preload into build/electron. Main loads the runtime
 * dependencies from node_modules (electron-builder packs them), so jsdom and friends keep their
 * own file layout. The preload runs sandboxed, where only `electron` can be required, so
 * everything it uses is bundled into it.
 */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'] as string[],
  sourcemap: true,
  logLevel: 'warning',
  // app-context.ts reads import.meta only when __dirname is missing, which in CommonJS it never is.
  logOverride: { 'empty-import-meta': 'silent' },
} as const;

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'build/electron/main.cjs', external: ['electron', ...Object.keys(dependencies)] }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'build/electron/preload.cjs' }),
  // The worker that reads HTML and Markdown imports (electron/reports/extract-in-worker.ts) starts
  // from its own file beside main.cjs; its parsers are bundled in.
  build({ ...common, entryPoints: ['electron/reports/extract-worker.ts'], outfile: 'build/electron/extract-worker.cjs' }),
]);
console.log('built build/electron/main.cjs, preload.cjs and extract-worker.cjs');
