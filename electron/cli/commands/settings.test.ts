import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEvent, Settings } from '../../../shared/model/events';
import { expectRefusal as expectRefusalIn, runCommand, type CommandRun } from './cli-test-kit';
import { logCommand } from './log';
import { settingsCommand } from './settings';

let dataDir: string;
const settings = (...args: string[]) => runCommand(settingsCommand, [...args, '--data-dir', dataDir]);
const expectRefusal = (run: () => Promise<CommandRun>, code: number, message: RegExp) => expectRefusalIn(dataDir, run, code, message);

async function current(): Promise<Settings> {
  const run = await settings('show', '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as Settings;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('settings', () => {
  it('starts with nothing set, and records each change in the log under the new name', async () => {
    const first = await settings('show');
    expect(first.out).toContain('editor name:        (not set)');

    const run = await settings('set', '--editor-name', 'Standards editor', '--organization-name', 'Isnad Desk', '--organization-url', 'https://isnad.example');
    expect(run.code).toBe(0);
    expect(run.out).toContain('editor name:        Standards editor');
    expect(await current()).toEqual({ editorName: 'Standards editor', organizationName: 'Isnad Desk', organizationUrl: 'https://isnad.example' });

    const events = JSON.parse((await runCommand(logCommand, ['show', '--json', '--limit', '1', '--data-dir', dataDir])).out) as LogEvent[];
    expect(events[0]).toMatchObject({ type: 'settings.changed', editor: 'Standards editor' });
  });

  it('clears the organization with an empty value', async () => {
    await settings('set', '--editor-name', 'Standards editor', '--organization-name', 'Isnad Desk');
    await settings('set', '--organization-name', '');
    expect((await current()).organizationName).toBeNull();
  });

  it('refuses bad values and an empty change, changing nothing', async () => {
    await settings('show');
    await expectRefusal(() => settings('set'), 2, /nothing to change/);
    await expectRefusal(() => settings('set', '--editor-name', '  '), 1, /editor name is required/);
    await expectRefusal(() => settings('set', '--editor-name', 'Standards editor', '--organization-url', 'javascript:alert(1)'), 1, /http or https/);
    await expectRefusal(() => settings('set', '--organization-name', 'Desk'), 1, /no editor name: pass --editor NAME/);
    await expectRefusal(() => settings('set', '--editor', 'x', 'extra'), 2, /unexpected argument "extra"/);
    await expectRefusal(() => settings('set', '--org', 'Desk'), 2, /Unknown option '--org'/);
  });

  it('prints help for each subcommand', async () => {
    for (const sub of ['show', 'set']) {
      const run = await runCommand(settingsCommand, [sub, '--help']);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(new RegExp(`^usage: isnad settings ${sub}`));
    }
  });
});
