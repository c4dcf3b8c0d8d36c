import { version } from '../../package.json';
import { CliError, type CliCommand, type CliIo } from './cli-io';
import { say } from './terminal-text';

/**
 * Each command is loaded when it is run, not before: `help` must not pay for the article extractor,
 * the Markdown parser or the claim engine, which only some commands use. In the built CLI each
 * of these imports is its own chunk (scripts/build-cli.js).
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  compare: async () => (await import('./commands/compare')).compareCommand,
  reports: async () => (await import('./commands/reports')).reportsCommand,
  claims: async () => (await import('./commands/claims')).claimsCommand,
  evidence: async () => (await import('./commands/evidence')).evidenceCommand,
  settings: async () => (await import('./commands/settings')).settingsCommand,
  log: async () => (await import('./commands/log')).logCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  desk: async () => (await import('./commands/desk')).deskCommand,
};

export const USAGE = `usage: isnad <command> …   (in a clone: npx isnad …, or npm run --silent cli -- …)
  compare <fileA> <fileB> [--json]     claims both reports make or contradict, and how they differ
  reports …                            list the stored reports, import one from a file, remove one
  claims …                             list claims with their statuses, set a status, show a claim's history
  evidence …                           add, edit or remove evidence on a claim
  settings …                           show or change the editor name and organization
  log verify [--data-dir DIR | FILE]   check the tamper-evident history of a data folder or an export
  log continue --data-dir DIR          after damage, record the lost range as a gap and go on
  export --import FILE --data-dir DIR  restore a history from a JSON export
  export --format F --out FILE         write the verification log (json, csv, md, claimreview, annotations)
  desk join|status|sync                share a story with colleagues through a NATS JetStream server
  help, --version
Run a command with --help for its options. Data commands take --data-dir DIR (default: the app's data folder).`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    say(io, USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    say(io, `isnad ${version}`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) throw new CliError(`unknown command "${name}"\n${USAGE}`, 2);
    return await (await load())(rest, io);
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
