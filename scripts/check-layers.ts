import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The layering rule of docs/architecture.md, checked on the import lines of every file, tests
 * included: which packages each layer may import (an allowlist: a package not listed fails, so
 * shared/ cannot take up a browser-only or Node-only library unnoticed), and which folders.
 */
type Allowed = { packages: readonly string[]; only?: Record<string, string> };
const NODE = 'node:*';
export const ALLOWED: Record<'shared' | 'electron' | 'renderer', { source: Allowed; tests: Allowed }> = {
  shared: {
    source: { packages: ['zod', 'diff'] },
    tests: { packages: ['vitest', 'csv-parse', 'node:crypto'] },
  },
  electron: {
    source: {
      packages: [NODE, 'zod', 'lowdb', 'electron', 'htmlparser2', 'linkedom', '@mozilla/readability', 'markdown-it', '@nats-io/transport-node', '@nats-io/jetstream'],
      // The Electron binary only where the shell needs it; lowdb only behind the store; NATS only in the desk.
      only: { electron: 'electron/(main|preload)/', lowdb: 'electron/store/', '@nats-io/transport-node': 'electron/desk/', '@nats-io/jetstream': 'electron/desk/' },
    },
    tests: { packages: ['vitest', 'csv-parse', 'ajv', 'yaml', 'typescript', '@nats-io/transport-node', '@nats-io/jetstream'] },
  },
  renderer: {
    source: { packages: ['react', 'react-dom', 'react-intl', '@tanstack/react-virtual', '@fontsource/noto-sans', '@fontsource/noto-naskh-arabic', 'zod'] },
    tests: { packages: ['vitest', 'typescript', '@formatjs/icu-messageformat-parser', 'node:fs', 'node:path'] },
  },
};

/** Tests and what only tests use: `*.test.ts`, test kits, `testing/` folders. */
function isTestFile(path: string): boolean {
  return /\.test\.tsx?$|test-kit\.ts$|(^|\/)testing\//.test(path);
}

/** `node:fs/promises` → `node:fs`, `@scope/name/x` → `@scope/name`, `name/x` → `name`. */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.split('/')[0]!;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function packageProblem(layer: keyof typeof ALLOWED, file: string, specifier: string): string | null {
  const name = packageOf(specifier);
  const test = isTestFile(file);
  const lists = test ? [ALLOWED[layer].source, ALLOWED[layer].tests] : [ALLOWED[layer].source];
  const listed = lists.some((list) => list.packages.includes(name) || (name.startsWith('node:') && list.packages.includes(NODE)));
  if (!listed) return `${file} imports "${specifier}": ${name} is not on ${layer}/'s list of packages${test ? ' for tests' : ''} (scripts/check-layers.ts)`;
  const only = ALLOWED[layer].source.only?.[name];
  if (only && !test && !new RegExp(`^${only}`).test(file)) return `${file} imports "${specifier}": ${name} is for ${only} only`;
  return null;
}

/**
 * Which folders a layer's code may import. Tests may reach further (the engine's tests read the
 * fixtures through electron/'s readers), but not to a package their layer does not list.
 */
const RULES: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'shared', forbidden: /(^|\/)(electron|renderer)\//, why: 'shared/ must not import electron/ or renderer/' },
  { layer: 'electron', forbidden: /(^|\/)renderer\//, why: 'electron/ and renderer/ meet only in shared/' },
  { layer: 'renderer', forbidden: /(^|\/)electron\//, why: 'renderer/ runs in a browser and meets electron/ only in shared/' },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield path;
  }
}

export async function checkLayers(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const layer of ['shared', 'electron', 'renderer'] as const) {
    for await (const file of sourceFiles(join(root, layer))) {
      const source = await readFile(file, 'utf8');
      const path = relative(root, file).split(sep).join('/');
      for (const match of source.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (!specifier.startsWith('.')) {
          const problem = packageProblem(layer, path, specifier);
          if (problem) problems.push(problem);
          continue;
        }
        if (isTestFile(path)) continue;
        const target = relative(root, resolve(file, '..', specifier)).split(sep).join('/') + '/';
        for (const rule of RULES) {
          if (rule.layer === layer && rule.forbidden.test(target)) problems.push(`${path} imports "${specifier}": ${rule.why}`);
        }
      }
    }
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = await checkLayers(resolve(import.meta.dirname, '..'));
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'layers: OK' : `layers: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
