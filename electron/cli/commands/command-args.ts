import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type CliCommand, type CliIo } from '../cli-io';
import { say } from '../terminal-text';

/** Options every data command takes: which folder, and whose name goes on the record. */
export const DATA_OPTIONS = {
  'data-dir': { type: 'string' },
  editor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Exit code for a command line that cannot be understood, as opposed to a refused change (1). */
export const USAGE_EXIT = 2;

/**
 * `parseArgs` in strict mode, its errors turned into a CliError: an unknown or misspelt option must
 * stop the command before it touches the store, with one line saying what was wrong.
 */
export function parseCommandArgs<const T extends Omit<ParseArgsConfig, 'strict' | 'args'>>(
  args: string[],
  config: T,
): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    // A value that starts with '-' (`--note -5 dead`): Node explains in three lines; one is enough.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (ambiguous) throw new CliError(`the value of ${ambiguous[1]} starts with "-"; write it as ${ambiguous[1]}="-…" (see --help)`, USAGE_EXIT);
    // Node's advice on positionals that start with '-' only lengthens the one line for a typo.
    throw new CliError(`${message.replace(/\. To specify a positional argument.*$/s, '').replace(/\s*\n\s*/g, ' ')} (see --help)`, USAGE_EXIT);
  }
}

/** A string option that must be one of a fixed list (a status, a kind, a stance). */
export function oneOf<V extends string>(value: string | undefined, allowed: readonly V[], option: string): V | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`, USAGE_EXIT);
  }
  return value as V;
}

/** A blank option clears the field: the contract wants null, not an empty string, for "none". */
export function orNull(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value.trim() === '' ? null : value;
}

/** The positional arguments, checked against their names: a missing or extra one is one clear line. */
export function namedPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length !== names.length) {
    throw new CliError(`expected ${names.map((name) => `<${name}>`).join(' ')}, got ${positionals.length} argument(s)`, USAGE_EXIT);
  }
  return positionals;
}

export function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--${option} must be a positive whole number (got "${value}")`, USAGE_EXIT);
  return Number(value);
}

export interface Subcommand {
  usage: string;
  run: CliCommand;
}

/**
 * A command made of subcommands (`claims list`, `claims show`…): prints the list on --help or
 * when none is given, refuses an unknown one, and gives each subcommand its own --help.
 */
export function withSubcommands(name: string, subcommands: Record<string, Subcommand>): CliCommand {
  const usage = [
    `usage: isnad ${name} <subcommand> …`,
    ...Object.values(subcommands).map((s) => `  ${s.usage.split('\n')[0]}`),
    `Run "${name} <subcommand> --help" for details.`,
  ].join('\n');
  return async (args: string[], io: CliIo) => {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      say(io, usage);
      return sub === undefined ? USAGE_EXIT : 0;
    }
    const subcommand = Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    if (!subcommand) throw new CliError(`unknown subcommand "${sub}"; expected one of ${Object.keys(subcommands).join(', ')}`, USAGE_EXIT);
    if (rest.includes('--help') || rest.includes('-h')) {
      say(io, `usage: isnad ${name} ${subcommand.usage}`);
      return 0;
    }
    return subcommand.run(rest, io);
  };
}

/** Left-aligned columns, for output a person reads; --json is the form for scripts. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** One line of free text, cut to fit a table column. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
