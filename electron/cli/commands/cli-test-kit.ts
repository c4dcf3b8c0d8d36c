import { expect } from 'vitest';
import { verifyDataDir } from '../../store/verify-log';
import type { CliCommand, CliIo } from '../cli-io';
import { CliError } from '../cli-io';
import { setWarningSink } from '../open-data-dir';

/* Helpers for the command tests: they run the command functions on real data folders. */

/** What a command printed and how it ended, for tests. */
export interface CommandRun {
  code: number;
  out: string;
  err: string;
}

/** A CliIo that keeps what is written, one entry per line written. */
export function captureIo(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (text) => outLines.push(text), err: (text) => errLines.push(text) };
}

/**
 * Runs a command as `run-cli.ts` does: a CliError (bad input, a refusal) becomes one line on
 * stderr and its exit code; anything else escapes and fails the test, as it should.
 */
export async function runCommand(command: CliCommand, args: string[]): Promise<CommandRun> {
  const io = captureIo();
  let code: number;
  const previous = setWarningSink((text) => io.err(text));
  try {
    code = await command(args, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(error.message);
    code = error.exitCode;
  } finally {
    setWarningSink(previous);
  }
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
}

/** Events in a data folder's log, read from the files as `log verify` does. */
export async function eventCount(dataDir: string): Promise<number> {
  const verified = await verifyDataDir(dataDir);
  if (!verified.ok) throw new Error(verified.problems.map((problem) => problem.message).join('; '));
  return verified.count;
}

/** A refusal: its exit code, one line on stderr with no stack trace, and the log untouched. */
export async function expectRefusal(dataDir: string, run: () => Promise<CommandRun>, code: number, message: RegExp): Promise<void> {
  const before = await eventCount(dataDir);
  const result = await run();
  expect(result.code).toBe(code);
  expect(result.err.split('\n')).toHaveLength(1);
  expect(result.err).toMatch(message);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(await eventCount(dataDir)).toBe(before);
}
