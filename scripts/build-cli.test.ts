import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, isCliBuildStale } from './build-cli.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

/** What `help` must not load: each takes from tens of milliseconds to most of a second. */
const HEAVY_INPUTS = [/^shared\/engine\//, /^node_modules\/markdown-it\//, /^node_modules\/htmlparser2\//, /^node_modules\/zod\//];

/**
 * A module hook that writes down every module Node resolves, so the test sees what a command
 * really loads rather than what the bundle says it might.
 */
const HOOKS = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;
const REGISTER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: process.env.MODULE_LOG } });`;

describe('the built CLI', () => {
  let dir: string;
  let outdir: string;
  let metafile: Metafile;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isnad-cli-build-'));
    outdir = join(dir, 'cli');
    ({ metafile } = await buildCli({ outdir }));
    await writeFile(join(dir, 'hooks.mjs'), HOOKS);
    await writeFile(join(dir, 'register.mjs'), REGISTER);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the bundle and returns what it printed and every module it loaded. */
  async function loaded(args: string[]): Promise<{ stdout: string; modules: string[] }> {
    const log = join(dir, `modules-${args[0]}.log`);
    const { stdout } = await run(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(outdir, 'main.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, MODULE_LOG: log },
    });
    return { stdout, modules: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
  }

  /** The output files (chunks) that hold a heavy module. */
  function heavyChunks(): Set<string> {
    const heavy = new Set<string>();
    for (const [file, output] of Object.entries(metafile.outputs)) {
      if (Object.keys(output.inputs).some((input) => HEAVY_INPUTS.some((pattern) => pattern.test(input)))) heavy.add(pathToFileURL(resolve(ROOT, file)).href);
    }
    return heavy;
  }

  it('puts the engine, zod and the article extractor in chunks of their own', () => {
    expect(heavyChunks().size).toBeGreaterThan(0);
    expect(heavyChunks().has(pathToFileURL(join(outdir, 'main.js')).href)).toBe(false);
  });

  it('prints help and the version without loading the article extractor, zod or the engine', async () => {
    const heavy = heavyChunks();
    for (const args of [['help'], ['--version']]) {
      const { stdout, modules } = await loaded(args);
      expect(stdout).toMatch(args[0] === 'help' ? /^usage: isnad <command>/ : /^isnad \d+\.\d+\.\d+/);
      expect(modules.filter((url) => heavy.has(url))).toEqual([]);
      expect(modules.filter((url) => url.includes('/node_modules/'))).toEqual([]);
    }
  });

  it('loads the engine for compare, but not the article extractor', async () => {
    const seeds = ['fixtures/reports/000-alhurra-aleppo.json', 'fixtures/reports/001-aljazeera-mubasher-aleppo.json'];
    const { stdout, modules } = await loaded(['compare', ...seeds]);
    expect(stdout).toMatch(/Only in A/);
    const engineChunk = Object.entries(metafile.outputs).find(([, output]) => Object.keys(output.inputs).some((input) => input.startsWith('shared/engine/')))![0];
    expect(modules).toContain(pathToFileURL(resolve(ROOT, engineChunk)).href);
    expect(modules.filter((url) => /markdown-it|htmlparser2/.test(url))).toEqual([]);
  });

  it('is stale when missing, when a source changed since the build, or when a source is gone', async () => {
    expect(isCliBuildStale(outdir)).toBe(false);
    expect(isCliBuildStale(join(dir, 'nothing-here'))).toBe(true);
    const inputsFile = join(outdir, 'inputs.json');
    const built = JSON.parse(await readFile(inputsFile, 'utf8')) as { builtFrom: number; inputs: string[] };
    expect(built.inputs).toContain('electron/cli/run-cli.ts');
    await writeFile(inputsFile, JSON.stringify({ ...built, builtFrom: 0 }));
    expect(isCliBuildStale(outdir)).toBe(true);
    await writeFile(inputsFile, JSON.stringify({ ...built, inputs: [...built.inputs, 'electron/cli/no-such-file.ts'] }));
    expect(isCliBuildStale(outdir)).toBe(true);
    await writeFile(inputsFile, JSON.stringify(built));
    expect(isCliBuildStale(outdir)).toBe(false);
  });
});

describe('bin/isnad.js', () => {
  it('runs the CLI from the committed launcher', async () => {
    const { stdout } = await run(process.execPath, [fileURLToPath(new URL('../bin/isnad.js', import.meta.url)), '--version'], { cwd: tmpdir() });
    expect(stdout.trim()).toMatch(/^isnad \d+\.\d+\.\d+$/);
  });
});
