import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { DESKTOP_CHANNELS, type MenuCommand } from '../../shared/contract/desktop';

export function installMenu(window: BrowserWindow): void {
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
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: send('help') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
