import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The layering rule of docs/architecture.md, checked on the import lines of every source file:
 * shared/ imports nothing platform-specific; electron/ and renderer/ never import each other.
 */
const RULES: { layer: string; forbidden: RegExp; why: string }[] = [
  { layer: 'shared', forbidden: /^(electron|react|react-dom|lowdb|node:.*|fs|path|crypto|os|jsdom)(\/.*)?$/, why: 'shared/ runs anywhere: no Electron, React, lowdb or Node modules' },
  { layer: 'shared', forbidden: /(^|\/)(electron|renderer)\//, why: 'shared/ must not import electron/ or renderer/' },
  { layer: 'electron', forbidden: /(^|\/)renderer\//, why: 'electron/ and renderer/ meet only in shared/' },
  { layer: 'renderer', forbidden: /(^|\/)electron\/|^electron$|^lowdb|^node:/, why: 'renderer/ runs in a browser and meets electron/ only in shared/' },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

export async function checkLayers(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const layer of ['shared', 'electron', 'renderer']) {
    for await (const file of sourceFiles(join(root, layer))) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        const target = specifier.startsWith('.') ? relative(root, resolve(file, '..', specifier)).split(sep).join('/') + '/' : specifier;
        for (const rule of RULES) {
          if (rule.layer === layer && rule.forbidden.test(target)) problems.push(`${relative(root, file)} imports "${specifier}": ${rule.why}`);
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
