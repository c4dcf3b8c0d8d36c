import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop';
import type { Notification } from '../../shared/contract/notifications';
import { defaultSampleReportsDir, openAppContext, projectRoot, type AppContext } from '../app-context';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { denyAllPermissions, lockNavigation } from './harden';
import { handleTrusted, registerContract } from './ipc';
import { keychainVault } from './keychain-vault';
import { installMenu } from './menu';
import { saveWithDialog } from './save-dialog';
import { createMainWindow } from './window';

/**
 * The Electron shell, and the only code that needs the Electron binary: window, menu, dialogs.
 * Everything behind it (store, handlers) is the same code the browser mode and the CLI run.
 */
registerAppScheme();
lockNavigation();

let context: AppContext | null = null;

async function start(): Promise<void> {
  const root = app.isPackaged ? process.resourcesPath : projectRoot();
  const samples = app.isPackaged ? join(process.resourcesPath, 'fixtures', 'reports') : defaultSampleReportsDir();
  try {
    context = await openAppContext({
    desk: true,
      dataDir: app.getPath('userData'),
      sampleReportsDir: samples,
      keys: keychainVault(join(app.getPath('userData'), 'keys')),
      onUnexpected: (channel, error) => console.error(channel, error),
    });
  } catch (error) {
    dialog.showErrorBox('Isnad cannot open its data', `${(error as Error).message}\n\nData folder: ${app.getPath('userData')}`);
    app.exit(1);
    return;
  }
  denyAllPermissions(session.defaultSession);
  serveAppScheme(app.isPackaged ? join(app.getAppPath(), 'build', 'renderer') : join(root, 'build', 'renderer'));
  registerContract(context.dispatch);
  const window = createMainWindow(__dirname);
  handleTrusted(DESKTOP_CHANNELS.saveFile, (input) => saveWithDialog(window, input));
  // The contract's notifications reach the window on one channel: the menu's commands, and the
  // record's changes (a colleague's events from the desk, say), which the window reads again.
  const notify = (sent: Notification) => {
    if (!window.isDestroyed()) window.webContents.send(DESKTOP_CHANNELS.notification, sent);
  };
  const offNotifications = context.notifications.subscribe(notify);
  window.on('closed', offNotifications);
  installMenu(notify, !app.isPackaged);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

// A second Isnad hands over to the first and stops here: app.quit() alone only asks to quit, and
// start() would still open the data folder (held by the first) and build a window meanwhile.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!context) return;
    event.preventDefault();
    const closing = context;
    context = null;
    void closing.close().finally(() => app.quit());
  });
}
