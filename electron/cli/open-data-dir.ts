import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChannelName, ChannelResult, ChannelInput } from '../../shared/contract/channels';
import { defaultSampleReportsDir, openAppContext, type AppContext } from '../app-context';
import { defaultDataDir } from '../default-data-dir';
import { IsnadStore } from '../store/store';
import { CliError } from './cli-io';

/** Resolves --data-dir (or the default) and insists that it exists: a typo must not start an empty store. */
export async function existingDataDir(given: string | undefined): Promise<string> {
  const dataDir = resolve(given ?? defaultDataDir());
  try {
    if (!(await stat(dataDir)).isDirectory()) throw new CliError(`${dataDir} is not a folder`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      given === undefined
        ? `no Isnad data folder at ${dataDir}: start Isnad once, or pass --data-dir DIR`
        : `the data folder ${dataDir} does not exist (create it first to start a new store there)`,
    );
  }
  return dataDir;
}

let warn: (text: string) => void = (text) => process.stderr.write(`${text}\n`);

/** Where the store's warnings go (stderr; tests capture them). Returns the previous sink. */
export function setWarningSink(sink: (text: string) => void): (text: string) => void {
  const previous = warn;
  warn = sink;
  return previous;
}

/**
 * Opens the store as its one writer for the length of one command, then lets it go. Whatever the
 * store found (damage, a newer version, a gap) is printed on stderr by every command, every time;
 * a command that would write is then refused by the store and exits non-zero.
 */
export async function withDataDir<T>(given: string | undefined, editor: string | undefined, work: (call: Caller) => Promise<T>): Promise<T> {
  const dataDir = await existingDataDir(given);
  let context: AppContext;
  try {
    // A command is over in moments; the full check is "log verify".
    context = await openAppContext({ dataDir, sampleReportsDir: defaultSampleReportsDir(), editor: editor ?? null, backgroundCheck: false });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  try {
    for (const warning of context.store.warnings) warn(`warning: ${warning.message}`);
    return await work(caller(context));
  } finally {
    await context.close();
  }
}

/** The store itself, for the commands that repair it (log continue). */
export async function withStore<T>(given: string, work: (store: IsnadStore) => Promise<T>): Promise<T> {
  const dataDir = await existingDataDir(given);
  let store: IsnadStore;
  try {
    store = await IsnadStore.open({ dataDir, sampleReportsDir: null, backgroundCheck: false });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export type Caller = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelResult<C>>;

/** Calls a channel through the same dispatch as the app; a refusal becomes a CliError. */
function caller(context: AppContext): Caller {
  return async (channel, input) => {
    const reply = await context.call(channel, input);
    if (!reply.ok && reply.code === 'no-editor') {
      throw new CliError('every change is recorded with its editor, and this data folder has no editor name: pass --editor NAME, or set one with "settings set --editor-name NAME"');
    }
    if (!reply.ok) throw new CliError(reply.error);
    return reply.value;
  };
}
