import type { Settings } from '../../../shared/model/events';
import { CliError, type CliIo } from '../cli-io';
import { withDataDir } from '../open-data-dir';
import { DATA_OPTIONS, parseCommandArgs, USAGE_EXIT, withSubcommands } from './command-args';
import { oneLine, printJson, say } from '../terminal-text';

export const settingsCommand = withSubcommands('settings', {
  show: {
    usage: `show [--data-dir DIR] [--json]
  Prints the editor name and the organization that signs the fact-checks.`,
    run: show,
  },
  set: {
    usage: `set [--data-dir DIR] [--editor-name NAME] [--organization-name NAME] [--organization-url URL]
  Changes the settings; the change is recorded in the log. An empty NAME or URL clears an organization field.`,
    run: set,
  },
});

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, json: { type: 'boolean' } }, allowPositionals: true });
  noPositionals(positionals);
  const snapshot = await withDataDir(values['data-dir'], values.editor, (call) => call('app:load', {}));
  if (values.json) printJson(io, snapshot.settings);
  else say(io, formatSettings(snapshot.settings));
  return 0;
}

async function set(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: {
      ...DATA_OPTIONS,
      'editor-name': { type: 'string' },
      'organization-name': { type: 'string' },
      'organization-url': { type: 'string' },
    },
    allowPositionals: true,
  });
  noPositionals(positionals);
  const changes: Partial<Settings> = {};
  if (values['editor-name'] !== undefined) changes.editorName = values['editor-name'];
  // The organization is optional, so an empty value means "none"; the editor name never is.
  if (values['organization-name'] !== undefined) changes.organizationName = values['organization-name'].trim() || null;
  if (values['organization-url'] !== undefined) changes.organizationUrl = values['organization-url'].trim() || null;
  if (Object.keys(changes).length === 0) {
    throw new CliError('nothing to change: give --editor-name, --organization-name or --organization-url', USAGE_EXIT);
  }
  const settings = await withDataDir(values['data-dir'], values.editor, (call) => call('settings:update', changes));
  say(io, formatSettings(settings));
  return 0;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, USAGE_EXIT);
}

function formatSettings(settings: Settings): string {
  return [
    `editor name:        ${oneLine(settings.editorName ?? '(not set)')}`,
    `organization name:  ${oneLine(settings.organizationName ?? '(not set)')}`,
    `organization URL:   ${oneLine(settings.organizationUrl ?? '(not set)')}`,
  ].join('\n');
}
