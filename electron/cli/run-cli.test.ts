import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { captureIo } from './commands/cli-test-kit';
import { runCli } from './run-cli';

describe('runCli', () => {
  it('prints the version', async () => {
    const io = captureIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.outLines).toEqual([`isnad ${version}`]);
  });

  it('prints the usage for help, and exits 2 without a command', async () => {
    const help = captureIo();
    expect(await runCli(['help'], help)).toBe(0);
    expect(help.outLines[0]).toMatch(/^usage: isnad <command>/);
    expect(await runCli([], captureIo())).toBe(2);
  });

  it('refuses an unknown command in one message, even one named like an object property', async () => {
    for (const name of ['comapre', 'toString', 'constructor']) {
      const io = captureIo();
      expect(await runCli([name], io)).toBe(2);
      expect(io.errLines[0]).toMatch(new RegExp(`^isnad ${name}: unknown command "${name}"`));
    }
  });

  it('loads and runs a command when it is asked for', async () => {
    const io = captureIo();
    expect(await runCli(['compare', '--help'], io)).toBe(0);
    expect(io.outLines.join('\n')).toMatch(/usage: compare/);
  });
});
