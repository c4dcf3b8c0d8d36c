import { build } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into build/electron. The preload runs
 * sandboxed, where only `electron` can be required, so everything else is bundled into it.
 */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
} as const;

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'build/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'build/electron/preload.cjs' }),
]);
console.log('built build/electron/main.cjs and build/electron/preload.cjs');
