import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ChannelInput } from '../../../shared/contract/channels';
import { importExportFile, ImportRefusedError } from '../../export/import-export-file';
import { checkOutputPath, OutputFileError, writeExportFile } from '../../export/write-export-file';
import { CliError, type CliCommand, type CliIo } from '../cli-io';
import { existingDataDir, withDataDir } from '../open-data-dir';
import { DATA_OPTIONS, oneOf, parseCommandArgs, USAGE_EXIT } from './command-args';
import { say } from '../terminal-text';

export const EXPORT_USAGE = `usage: npm run --silent cli -- export --format F --out FILE [--data-dir DIR] [--report ID | --claims ID,ID…] [--force]
       npm run --silent cli -- export --import FILE --data-dir DIR
  Writes the verification work as F, one of ${EXPORT_FORMATS.join(', ')}:
    json         the full hash-chained log plus reports, versions, claims, links, statuses and evidence
    csv          one row per claim, for spreadsheets (UTF-8 with BOM)
    md           a readable report of each claim group, its verdicts and evidence
    claimreview  schema.org ClaimReview JSON-LD for each claim with a verdict
    annotations  W3C Web Annotations JSON-LD for each claim with a status or evidence
  --report ID       only that report's claims;  --claims ID,ID  only those claims (a claim group)
  Every export covers the whole story: each report and version, and the links between all of
  them (the engine's and the editors'), whichever reports were compared last.
  --force           replace FILE if it exists (otherwise an existing FILE is never touched)
  --import FILE     restore a JSON export into DIR, which must hold no log yet (the result is identical),
                    or whose log is damaged: the export must then hold every event that survives
                    there; the damaged files are set aside and the restore recorded (needs --editor)`;

type Scope = ChannelInput<'export:build'>['scope'];

function idList(value: string, option: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new CliError(`--${option} needs at least one id`, USAGE_EXIT);
  return ids;
}

function scopeOf(report: string | undefined, claims: string | undefined): Scope {
  if (report !== undefined && claims !== undefined) throw new CliError('give either --report or --claims, not both', USAGE_EXIT);
  if (report !== undefined) return { kind: 'report', reportId: report };
  if (claims !== undefined) return { kind: 'claims', claimIds: idList(claims, 'claims') };
  return { kind: 'all' };
}

/** Turns the file layer's refusals into one-line CLI errors; anything else stays unexpected. */
async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OutputFileError || error instanceof ImportRefusedError) throw new CliError(error.message);
    if ((error as Error).name === 'DataDirBusyError') throw new CliError((error as Error).message);
    throw error;
  }
}

async function importFile(file: string, dataDirOption: string | undefined, editor: string | undefined, io: CliIo): Promise<number> {
  // Never the default folder: restoring history is too weighty to aim at a folder by omission.
  if (dataDirOption === undefined) throw new CliError('--import needs --data-dir DIR: an empty data folder to restore into', USAGE_EXIT);
  const dataDir = await existingDataDir(dataDirOption);
  const result = await asCliError(() => importExportFile(resolve(file), dataDir, editor ?? null));
  if (result.setAside.length > 0) say(io, `set aside the damaged log (${result.setAside.join(', ')}) in log/set-aside/; the restore is recorded in the log`);
  say(io, `imported ${result.count} events into ${dataDir}, chain intact (head ${result.headHash})`);
  return 0;
}

export const exportCommand: CliCommand = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    options: {
      ...DATA_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      claims: { type: 'string' },
      force: { type: 'boolean' },
      import: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    say(io, EXPORT_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (see --help)`, USAGE_EXIT);
  if (values.import !== undefined) {
    const clash = (['format', 'out', 'report', 'claims', 'force'] as const).find((name) => values[name] !== undefined);
    if (clash) throw new CliError(`--import cannot be combined with --${clash}`, USAGE_EXIT);
    return importFile(values.import, values['data-dir'], values.editor, io);
  }

  const format = oneOf(values.format, EXPORT_FORMATS, 'format');
  if (format === undefined) throw new CliError(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`, USAGE_EXIT);
  if (values.out === undefined) throw new CliError('--out FILE is required', USAGE_EXIT);
  const scope = scopeOf(values.report, values.claims);
  const out = resolve(values.out);
  const overwrite = values.force === true;

  // Checked before the store is opened, so a bad path fails at once and changes nothing.
  await asCliError(() => checkOutputPath(out, overwrite));
  const file = await withDataDir(values['data-dir'], values.editor, (call) => call('export:build', { format, scope }));
  await asCliError(() => writeExportFile(out, file.content, overwrite));
  say(io, `wrote ${out} (${format}, ${Buffer.byteLength(file.content, 'utf8')} bytes)`);
  return 0;
};
