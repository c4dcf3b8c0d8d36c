import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../../shared/contract/trusted-url';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Isnad',
    show: false,
    backgroundColor: '#f7f5f0',
    // Written out in full inside the constructor call, not spread from a constant: the secure
    // values are the defaults, but a reader, Electronegativity (which reads only this literal) and
    // electron/main/security.test.ts (which checks what the constructor receives) all see them.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window of ours: with it off, links
      // go only through the window-open handler (electron/main/harden.ts).
      disableBlinkFeatures: 'Auxclick',
      preload: join(preloadDir, 'preload.cjs'),
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
