import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { VerifyReport } from '../../../shared/contract/channels';
import { checkLog } from '../../../shared/model/log-check';
import { nodeLogCrypto } from '../../crypto/ed25519';
import { knownEvents, readLog } from '../../store/log-reader';
import { continueWithGap as recordGap } from '../../store/recovery';
import { verifyAgainstExport, verifyDataDir, verifyExportFile } from '../../store/verify-log';
import { CliError, type CliIo } from '../cli-io';
import { existingDataDir, withStore } from '../open-data-dir';
import { excerpt, formatTable, parseCommandArgs, positiveInteger, USAGE_EXIT, withSubcommands } from './command-args';
import { describeEvent } from './describe-event';
import { say, printJson } from '../terminal-text';

/**
 * `verify` and `show` read the files and never open the store: no lock is taken and nothing is
 * moved, so they run beside the app and leave a damaged folder exactly as it was found.
 */
export const logCommand = withSubcommands('log', {
  verify: {
    usage: `verify [--data-dir DIR | FILE] [--against EXPORT] [--json]
  Checks a data folder's log, or an exported JSON log FILE: every event present and chained, each
  hash and signature, and the head checkpoint (folder) or the export's own count and head hash.
  --against EXPORT also checks that the folder holds every event the export attests.
  Prints "OK: …" and exits 0, or names every problem and the missing ranges, and exits 1.`,
    run: verify,
  },
  show: {
    usage: `show [--data-dir DIR] [--json] [--limit N]
  Lists the events of the log, oldest first; --limit N shows only the newest N.`,
    run: show,
  },
  continue: {
    usage: `continue --data-dir DIR --editor NAME [--reason TEXT]
  After damage: records what was lost as a gap in the log and lets changes go on. Damaged files
  are set aside in log/set-aside/ under their own names; nothing new takes their names or numbers.
  The other way forward is a restore: export --import FILE --data-dir DIR.`,
    run: continueWithGap,
  },
});

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { 'data-dir': { type: 'string' }, against: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new CliError(`expected at most one FILE, got ${positionals.length}`, USAGE_EXIT);
  const file = positionals[0];
  if (file !== undefined && values['data-dir'] !== undefined) throw new CliError('give either --data-dir DIR or a FILE, not both', USAGE_EXIT);
  const isExport = file !== undefined && !(await isFolder(file));
  if (isExport && values.against !== undefined) throw new CliError('--against checks a data folder: give --data-dir DIR, not a FILE', USAGE_EXIT);

  let result: VerifyReport;
  try {
    if (isExport) result = await verifyExportFile(resolve(file));
    else {
      const dataDir = await existingDataDir(file ?? values['data-dir']);
      result = values.against !== undefined ? await verifyAgainstExport(dataDir, resolve(values.against)) : await verifyDataDir(dataDir);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }

  if (values.json) printJson(io, result);
  else for (const line of verifyLines(result)) say(io, line);
  return result.ok ? 0 : 1;
}

/** The report in words: OK (with gaps and signers) or BROKEN with every problem. */
export function verifyLines(result: VerifyReport): string[] {
  const lines: string[] = [];
  const gaps = result.gaps.map((gap) => `#${gap.from}–#${gap.to} (recorded by ${gap.editor} as event #${gap.seq}: ${gap.reason})`);
  if (result.ok) {
    const what = gaps.length > 0 ? `chain intact except the recorded gap${gaps.length === 1 ? '' : 's'} ${gaps.join('; ')}` : 'chain intact';
    lines.push(`OK: ${result.count} events, ${what} (head ${result.headHash})`);
  } else {
    lines.push(`BROKEN: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.count} events read`);
    for (const problem of result.problems) lines.push(`  ${problem.message}`);
    if (gaps.length > 0) lines.push(`  recorded gaps: ${gaps.join('; ')}`);
  }
  const signed = result.signers.map((signer) => `${signer.editor} (key ${signer.keyId.slice(0, 16)}…, ${signer.events} events)`);
  if (signed.length > 0) lines.push(`signed by: ${signed.join('; ')}`);
  if (result.unverifiable > 0) lines.push(`unverifiable: ${result.unverifiable} events after lost history are signed by keys registered in the lost part: their chain is checked, their signatures cannot be`);
  if (result.unsigned > 0) lines.push(`unsigned: ${result.unsigned} events written before Isnad signed events, checked by hash only`);
  if (result.attested) {
    lines.push(`checked against: ${result.attested.source} (${result.attested.count !== null ? `${result.attested.count} events, ` : ''}${result.attested.headSeq !== null ? `head #${result.attested.headSeq} ` : 'head '}${result.attested.headHash.slice(0, 16)}…)`);
  }
  return lines;
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
  const dataDir = await existingDataDir(values['data-dir']);
  let read;
  try {
    read = await readLog(dataDir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const check = checkLog(read.entries, nodeLogCrypto, { unreadable: read.unreadable, head: read.head.head });
  for (const problem of check.problems) say(io, `warning: ${problem.message}`, 'err');
  if (check.problems.length > 0) say(io, 'warning: the history is damaged; every readable event is listed. Run "log verify" for details', 'err');
  const events = knownEvents(read.entries);

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

async function continueWithGap(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { 'data-dir': { type: 'string' }, editor: { type: 'string' }, reason: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, USAGE_EXIT);
  // Never the default folder or an anonymous editor: accepting a loss is a decision on the record.
  if (values['data-dir'] === undefined) throw new CliError('log continue needs --data-dir DIR', USAGE_EXIT);
  if (values.editor === undefined) throw new CliError('log continue needs --editor NAME: the gap is recorded with the editor who accepted it', USAGE_EXIT);
  const reason = values.reason ?? 'the damaged part of the log could not be restored';
  const result = await withStore(values['data-dir'], async (store) => {
    try {
      return await recordGap(store, values.editor!, reason);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  });
  for (const gap of result.gaps) say(io, `recorded a gap: events #${gap.from}–#${gap.to} are lost`);
  if (result.setAside.length > 0) say(io, `set aside in log/set-aside/: ${result.setAside.join(', ')}`);
  say(io, 'changes are enabled again; "log verify" reports the gap');
  return 0;
}
