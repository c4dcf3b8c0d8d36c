import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseGoldCase, runGold, type GoldCase } from '../../shared/engine/gold';
import { scoreGoldCase, type GoldResult } from '../../shared/engine/gold-score';
import { readReportFile } from './read-report-file';

/**
 * The gold set on disk: every `*.json` case under a folder (the dev and test splits in their own
 * subfolders), read through the same report validators as an import.
 */

export interface GoldFile {
  path: string;
  gold: GoldCase;
}

async function caseFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory() && e.name !== 'reports').map((e) => caseFiles(join(dir, e.name))),
  );
  return [...entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(dir, e.name)), ...nested.flat()].sort();
}

export async function loadGoldFiles(dir: string): Promise<GoldFile[]> {
  const paths = await caseFiles(dir);
  return Promise.all(paths.map(async (path) => ({ path, gold: parseGoldCase(JSON.parse(await readFile(path, 'utf8')), relative(dir, path)) })));
}

/** Runs the engine on each case and scores it. */
export async function runGoldFiles(files: readonly GoldFile[]): Promise<GoldResult[]> {
  const results: GoldResult[] = [];
  for (const { path, gold } of files) {
    const [a, b] = await Promise.all([readReportFile(join(dirname(path), gold.a)), readReportFile(join(dirname(path), gold.b))]);
    results.push(scoreGoldCase(gold, runGold(a, b)));
  }
  return results;
}
