import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ALIASES } from '../shared/engine';
import { readDeskConfig } from './desk/desk-config';
import { DeskLink } from './desk/desk-link';
import { NotificationHub, notifyStoreChanges } from './app-notifications';
import { ClaimCatalog } from './handlers/claim-catalog';
import { createDispatcher, type Dispatch, type TypedDispatch } from './handlers/dispatch';
import { createHandlers } from './handlers';
import { readAliasFile } from './reports/alias-file';
import type { KeyVault } from './store/editor-keys';
import { IsnadStore } from './store/store';

export interface AppContext {
  store: IsnadStore;
  /** For calls from outside the process: a name and input checked at run time. */
  dispatch: Dispatch;
  /** For calls named in code: typed by the channel. */
  call: TypedDispatch;
  /** The contract's notifications: the record changed (here or by a colleague); the shell adds the menu's. */
  notifications: NotificationHub;
  close(): Promise<void>;
}

/** The folder holding fixtures/ in a checkout; the packaged app passes its resources folder instead. */
export function projectRoot(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  // Source runs from electron/, the bundles from build/electron/ (the app) and build/cli/ (the CLI).
  return resolve(here, here.endsWith(join('build', 'electron')) || here.endsWith(join('build', 'cli')) ? '../..' : '..');
}

export function defaultSampleReportsDir(): string {
  return join(projectRoot(), 'fixtures', 'reports');
}

/**
 * Opens a data folder and wires the handlers onto it: the same for Electron, the browser mode and
 * the CLI, so each of them runs the very same code against the store.
 */
export interface AppContextOptions {
  dataDir: string;
  sampleReportsDir: string | null;
  /** Records events under this name instead of the one in settings (the CLI's --editor). */
  editor?: string | null;
  onUnexpected?: (channel: string, error: unknown) => void;
  /** Where editors' signing keys are kept; the desktop app passes its OS-keychain vault. */
  keys?: KeyVault;
  /** Re-check the log behind the state checkpoint after opening (see StoreOptions). */
  backgroundCheck?: boolean;
  /** Run the live link to the folder's shared story, if it has one (the app and the browser mode). */
  desk?: boolean;
}

export async function openAppContext(options: AppContextOptions): Promise<AppContext> {
  const store = await IsnadStore.open({ dataDir: options.dataDir, sampleReportsDir: options.sampleReportsDir, keys: options.keys, backgroundCheck: options.backgroundCheck });
  const userAliases = await readAliasFile(join(options.dataDir, 'aliases.json'));
  if (userAliases.warning) store.warnings.push({ code: 'aliases', message: userAliases.warning });
  const aliases = [...DEFAULT_ALIASES, ...userAliases.aliases];
  const catalog = new ClaimCatalog(
    () => aliases,
    (reportId) => store.state.claimEdits.get(reportId) ?? [],
  );
  // On a shared story the editor working here is the one who joined: the editor name in settings
  // is a shared setting, changed by whichever colleague set it last.
  const deskConfig = await readDeskConfig(options.dataDir).catch((error: Error) => {
    store.warnings.push({ code: 'desk', message: `${error.message}; the folder works alone until then` });
    return null;
  });
  const desk = deskConfig && options.desk ? new DeskLink(store, deskConfig) : null;
  const editor = options.editor ?? deskConfig?.editor ?? null;
  const notifications = new NotificationHub();
  const offStore = notifyStoreChanges(store, notifications);
  const { dispatch, call } = createDispatcher(createHandlers({ store, catalog, editor, desk }), options.onUnexpected);
  await desk?.start();
  return {
    store,
    dispatch,
    call,
    notifications,
    close: async () => {
      offStore();
      await desk?.stop();
      await store.close();
    },
  };
}
