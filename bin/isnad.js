#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_ENTRY, isCliBuildStale } from '../scripts/build-cli.js';

/**
 * The `isnad` command (package.json "bin": `npx isnad …`, and `npm run cli -- …`, in a clone).
 * It runs the built CLI, build/cli/main.js, and builds it first when it is missing or older than
 * one of its sources, so a fresh clone and an edited one both run what is in the tree. The check
 * compares the times of the files the bundle was built from: a few milliseconds, where compiling
 * the TypeScript on every start took seconds.
 */
if (isCliBuildStale()) {
  try {
    await buildCli();
  } catch (error) {
    const noEsbuild = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('esbuild');
    process.stderr.write(
      noEsbuild
        ? 'isnad: the command line is not built and esbuild is missing: run `npm install` in the Isnad folder first.\n'
        : `isnad: could not build the command line: ${error?.message ?? error}\n`,
    );
    process.exit(1);
  }
}
await import(pathToFileURL(CLI_ENTRY).href);
