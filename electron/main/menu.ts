import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/desktop-channels';
import { notification, type Notification } from '../../shared/contract/notifications';

const LABELS = {
  en: {
    file: 'File',
    import: 'Import Report…',
    export: 'Export Verification Log…',
    edit: 'Edit',
    undo: 'Undo',
    claims: 'Claims',
    next: 'Next Claim',
    previous: 'Previous Claim',
    find: 'Find Claim',
    shortcuts: 'Keyboard Shortcuts',
    view: 'View',
  },
  ar: {
    file: 'ملف',
    import: 'استيراد تقرير…',
    export: 'تصدير سجل التحقق…',
    edit: 'تحرير',
    undo: 'تراجع',
    claims: 'الادعاءات',
    next: 'الادعاء التالي',
    previous: 'الادعاء السابق',
    find: 'البحث عن ادعاء',
    shortcuts: 'اختصارات لوحة المفاتيح',
    view: 'عرض',
  },
} as const;

/**
 * The View menu, without the developer tools in a packaged app: there they would hand whoever sits
 * at the machine a console inside the window, with the contract's every call at hand.
 */
export function viewMenu(developer: boolean, label = 'View'): MenuItemConstructorOptions {
  return {
    label,
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

/**
 * The application menu, in Arabic when the system's language is (as the window is). Each command
 * goes to the window as a typed event of the contract; the renderer handles every one of them.
 * Undo is the renderer's: it takes back the editor's last decision, or, in a text field, typing.
 */
/** `developer` is true only when running from a checkout (not `app.isPackaged`); `notify` sends a notification to the window. */
export function installMenu(notify: (sent: Notification) => void, developer: boolean): void {
  const labels = app.getLocale().toLowerCase().startsWith('ar') ? LABELS.ar : LABELS.en;
  const send = (command: MenuCommand) => () => notify(notification('menu:command', command));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: labels.file,
      submenu: [
        { label: labels.import, accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: labels.export, accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: labels.claims,
      submenu: [
        { label: labels.next, accelerator: 'J', registerAccelerator: false, click: send('next-claim') },
        { label: labels.previous, accelerator: 'K', registerAccelerator: false, click: send('previous-claim') },
        { label: labels.find, accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    viewMenu(developer, labels.view),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: labels.shortcuts, accelerator: '?', registerAccelerator: false, click: send('help') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
