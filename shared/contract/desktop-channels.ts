/**
 * Names shared by main and the preload for what only the desktop app has. Kept free of
 * dependencies: the sandboxed preload bundles everything it imports.
 */
export const DESKTOP_CHANNELS = { saveFile: 'file:save', menuCommand: 'menu:command' } as const;

/** Commands from the application menu, sent from main to the window. */
export const MENU_COMMANDS = ['import', 'export', 'help', 'next-claim', 'previous-claim', 'find'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
