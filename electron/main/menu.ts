import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { DESKTOP_CHANNELS, type MenuCommand } from '../../shared/contract/desktop';

/**
 * The View menu, without the developer tools in a packaged app: there they would hand whoever sits
 * at the machine a console inside the window, with the contract's every call at hand.
 */
export function viewMenu(developer: boolean): MenuItemConstructorOptions {
  return {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(developer ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
}

/** `developer` is true only when running from a checkout (not `app.isPackaged`). */
export function installMenu(window: BrowserWindow, developer: boolean): void {
  const send = (command: MenuCommand) => () => window.webContents.send(DESKTOP_CHANNELS.menuCommand, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Report…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: 'Export Verification Log…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Claims',
      submenu: [
        { label: 'Next Claim', accelerator: 'J', registerAccelerator: false, click: send('next-claim') },
        { label: 'Previous Claim', accelerator: 'K', registerAccelerator: false, click: send('previous-claim') },
        { label: 'Find Claim', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    viewMenu(developer),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: send('help') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
