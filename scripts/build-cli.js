import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the command line (electron/cli/main.ts) into build/cli with esbuild, as the main process
 * is built. Plain JavaScript, because bin/isnad.js calls it on a fresh clone, before anything
 * else is built and without tsx.
 *
 * - ES modules with code splitting: each command's `import()` in run-cli.ts becomes its own
 *   chunk, so `help` loads a few kilobytes and `compare` loads the engine but not the article
 *   extractor (markdown-it, htmlparser2), which only imports of HTML or Markdown need.
 * - The extractor runs in a worker thread started from build/cli/extract-worker.js; everything is bundled,
 *   so a command reads a handful of files instead of hundreds.
 * - build/cli/inputs.json lists the sources the bundle was built from and when the build
 *   started: the launcher rebuilds when one of them is newer.
 * - Files are written under temporary names and renamed, the entry last, so a second `isnad`
 *   started during a rebuild runs either the old bundle or the new one, never half of one.
 */

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CLI_DIR = join(ROOT, 'build', 'cli');
export const CLI_ENTRY = join(CLI_DIR, 'main.js');
export const CLI_INPUTS = join(CLI_DIR, 'inputs.json');
/** Packages that must stay in node_modules (none today: every dependency bundles). */
const EXTERNAL = [];

/**
 * True when the bundle in `outdir` is missing or one of the sources it was built from changed
 * (or is gone) since the build started. Synchronous and cheap: it runs on every start.
 * @param {string} [outdir]
 * @returns {boolean}
 */
export function isCliBuildStale(outdir = CLI_DIR) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(outdir, 'inputs.json'), 'utf8'));
    statSync(join(outdir, 'main.js'));
  } catch {
    return true;
  }
  for (const input of built.inputs) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs > built.builtFrom) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * @param {{ outdir?: string }} [options] outdir: where to write (tests build into a temporary folder)
 * @returns {Promise<{ outdir: string, entry: string, metafile: import('esbuild').Metafile }>}
 */
export async function buildCli(options = {}) {
  const outdir = options.outdir ?? CLI_DIR;
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    // The article extractor runs in a worker thread, started from its own entry.
    entryPoints: { main: 'electron/cli/main.ts', 'extract-worker': 'electron/reports/extract-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    // CommonJS packages bundled into ES modules still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __isnadCreateRequire } from 'node:module'; const require = __isnadCreateRequire(import.meta.url);" },
    chunkNames: 'chunk-[hash]',
    entryNames: '[name]',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  await mkdir(outdir, { recursive: true });
  const entry = join(outdir, 'main.js');
  const written = new Set(result.outputFiles.map((file) => file.path));
  const ordered = result.outputFiles.filter((file) => file.path !== entry).concat(result.outputFiles.filter((file) => file.path === entry));
  for (const file of ordered) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  inputs.push('scripts/build-cli.js', 'package.json', 'package-lock.json');
  const temporary = `${join(outdir, 'inputs.json')}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ builtFrom: startedAt, inputs }, null, 1));
  await rename(temporary, join(outdir, 'inputs.json'));
  written.add(join(outdir, 'inputs.json'));
  // Chunks of earlier builds: their names carry their content's hash, so they are never reused.
  for (const name of await readdir(outdir)) {
    const path = join(outdir, name);
    if (!written.has(path) && !name.endsWith('.tmp')) await rm(path, { force: true });
  }
  return { outdir, entry, metafile: result.metafile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = await buildCli();
  console.log(`built ${relative(ROOT, entry)}`);
}
