import { z } from 'zod';
import type { IsnadApi, Reply } from './channels';

import type { Notification } from './notifications';

export { DESKTOP_CHANNELS, MENU_COMMANDS, type MenuCommand } from './desktop-channels';

export const saveFileInputSchema = z.object({
  fileName: z.string().min(1).max(255).regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'not a valid file name'),
  mimeType: z.string().max(100),
  content: z.string().max(200_000_000),
});
export type SaveFileInput = z.infer<typeof saveFileInputSchema>;

/** What only the desktop app offers beside the contract: native dialogs and the menu. */
export interface DesktopApi {
  /** Asks where to save (the system dialog confirms any overwrite) and writes the file. */
  saveFile(input: SaveFileInput): Promise<Reply<{ saved: boolean; path: string | null }>>;
  /** Subscribes to the contract's notifications (menu commands, changes of the story); returns the unsubscribe function. */
  onNotification(listener: (notification: Notification) => void): () => void;
}

/** What the preload puts on `window.isnad`. */
export type PreloadApi = IsnadApi & { desktop: DesktopApi };
