/**
 * Names shared by main and the preload for what only the desktop app has. Kept free of
 * dependencies: the sandboxed preload bundles everything it imports.
 */
export const DESKTOP_CHANNELS = { saveFile: 'file:save', notification: 'app:notification' } as const;

/**
 * Commands from the application menu, sent from main to the window as the contract's `menu:command`
 * notification (notifications.ts): main sends only these (menu.ts), the preload passes on only
 * these, and the renderer handles each one (the workbench: next-claim, previous-claim, find, undo;
 * the app: import, export, help).
 */
export const MENU_COMMANDS = ['import', 'export', 'help', 'next-claim', 'previous-claim', 'find', 'undo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
