import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { VerifyReport } from '../../../shared/contract/channels';
import { checkChain, type LogEvent } from '../../../shared/model/events';
import { formatZodError } from '../../../shared/model/format-error';
import { SEGMENT_FILE_PATTERN, segmentSchema } from '../../../shared/model/store-files';
import { sha256Hex } from '../../crypto/sha256';
import { verifyDataDir, verifyExportFile } from '../../store/verify-log';
import { CliError, type CliIo } from '../cli-io';
import { existingDataDir } from '../open-data-dir';
import { excerpt, formatTable, parseCommandArgs, positiveInteger, USAGE_EXIT, withSubcommands } from './command-args';
import { describeEvent } from './describe-event';
import { say, printJson } from '../terminal-text';

/**
 * Both subcommands read the files and never open the store: no lock is taken and nothing is moved
 * aside, so they run beside the app and leave a damaged folder exactly as it was found.
 */
export const logCommand = withSubcommands('log', {
  verify: {
    usage: `verify [--data-dir DIR | FILE] [--json]
  Checks the hash chain of a data folder's log, or of an exported JSON log FILE.
  Prints "OK: N events, chain intact (head HASH)" and exits 0, or names the first broken entry and exits 1.`,
    run: verify,
  },
  show: {
    usage: `show [--data-dir DIR] [--json] [--limit N]
  Lists the events of the log, oldest first; --limit N shows only the newest N.`,
    run: show,
  },
});

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new CliError(`expected at most one FILE, got ${positionals.length}`, USAGE_EXIT);
  const file = positionals[0];
  if (file !== undefined && values['data-dir'] !== undefined) throw new CliError('give either --data-dir DIR or a FILE, not both', USAGE_EXIT);

  let result: VerifyReport;
  try {
    if (file !== undefined && !(await isFolder(file))) result = await verifyExportFile(resolve(file));
    else result = await verifyDataDir(await existingDataDir(file ?? values['data-dir']));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }

  if (values.json) printJson(io, result);
  else if (result.ok) say(io, `OK: ${result.count} events, chain intact (head ${result.headHash})`);
  else say(io, `BROKEN: ${result.seq === null ? 'unreadable entry' : `event #${result.seq}`} in ${result.file}: ${result.reason}`);
  return result.ok ? 0 : 1;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, USAGE_EXIT);
  const limit = positiveInteger(values.limit, 'limit');
  const events = await readLogEvents(await existingDataDir(values['data-dir']));

  const chain = checkChain(events, sha256Hex);
  if (!chain.ok) say(io, `warning: the history is broken at event #${chain.seq} (${chain.reason}); run "log verify" for details`, 'err');

  const shown = limit === undefined ? events : events.slice(-limit);
  if (values.json) {
    printJson(io, shown);
    return 0;
  }
  const rows = shown.map((event) => [String(event.seq), event.at, excerpt(event.editor, 30), event.type, excerpt(describeEvent(event), 100)]);
  say(io, formatTable(['SEQ', 'AT', 'EDITOR', 'TYPE', 'WHAT'], rows));
  say(io, `${shown.length} of ${events.length} events`);
  return 0;
}

/** Every event in the folder's segments, in order. A segment that cannot be read stops the listing. */
async function readLogEvents(dataDir: string): Promise<LogEvent[]> {
  const dir = join(dataDir, 'log');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => SEGMENT_FILE_PATTERN.test(name)).sort();
  } catch {
    throw new CliError(`${dataDir} holds no Isnad log (no ${dir})`);
  }
  const events: LogEvent[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new CliError(`${path} cannot be read (${(error as Error).message}); run "log verify" for details`);
    }
    const segment = segmentSchema.safeParse(json);
    if (!segment.success) throw new CliError(`${path} is not a valid log segment (${formatZodError(segment.error)})`);
    events.push(...(segment.data.events as LogEvent[]));
  }
  return events;
}
