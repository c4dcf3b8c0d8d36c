/** Where a CLI command writes. Tests pass their own to capture the output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * A failure the user caused or can fix (a missing file, bad input). The CLI prints its message as
 * one line on stderr, without a stack trace, and exits with `exitCode`.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A CLI subcommand: takes the arguments after its name, returns the process exit code. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
