import { claimsCommand } from './commands/claims';
import { compareCommand } from './commands/compare';
import { evidenceCommand } from './commands/evidence';
import { exportCommand } from './commands/export';
import { logCommand } from './commands/log';
import { reportsCommand } from './commands/reports';
import { settingsCommand } from './commands/settings';
import { CliError, type CliCommand, type CliIo } from './cli-io';
import { say } from './terminal-text';

const COMMANDS: Record<string, CliCommand> = {
  compare: compareCommand,
  reports: reportsCommand,
  claims: claimsCommand,
  evidence: evidenceCommand,
  settings: settingsCommand,
  log: logCommand,
  export: exportCommand,
};

export const USAGE = `usage: npm run --silent cli -- <command> …
  compare <fileA> <fileB> [--json]     claims both reports make, and how they differ
  reports …                            list the stored reports, import one from a file, remove one
  claims …                             list claims with their statuses, set a status, show a claim's history
  evidence …                           add, edit or remove evidence on a claim
  settings …                           show or change the editor name and organization
  log verify [--data-dir DIR | FILE]   check the tamper-evident history of a data folder or an export
  export --format F --out FILE         write the verification log (json, csv, md, claimreview, annotations)
Run a command with --help for its options. Data commands take --data-dir DIR (default: the app's data folder).`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    say(io, USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command "${name}"\n${USAGE}`, 2);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      say(io, `isnad ${name}: ${error.message}`, 'err');
      return error.exitCode;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      say(io, `isnad ${name}: ${(error as Error).message}`, 'err');
      return 2;
    }
    say(io, `isnad ${name}: unexpected failure: ${(error as Error).message}`, 'err');
    return 1;
  }
}
