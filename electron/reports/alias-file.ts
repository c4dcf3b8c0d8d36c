import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AliasTable } from '../../shared/engine/types';
import { formatZodError } from '../../shared/model/format-error';

const aliasFileSchema = z.array(z.array(z.string().trim().min(1).max(200)).min(2, 'each group names at least two aliases'));

/**
 * The editor's own entity aliases, `<data dir>/aliases.json`: a list of groups of names for the
 * same entity, added to the built-in ones. A bad file is reported, not fatal: matching still works.
 */
export async function readAliasFile(path: string): Promise<{ aliases: AliasTable; warning: string | null }> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { aliases: [], warning: null };
    return { aliases: [], warning: `${path} could not be read: ${(error as Error).message}` };
  }
  try {
    const parsed = aliasFileSchema.safeParse(JSON.parse(source));
    if (parsed.success) return { aliases: parsed.data, warning: null };
    return { aliases: [], warning: `${path} was ignored: ${formatZodError(parsed.error)}. Expected e.g. [["UK", "Britain", "United Kingdom"]]` };
  } catch (error) {
    return { aliases: [], warning: `${path} was ignored: not valid JSON (${(error as Error).message})` };
  }
}
