import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type Reply } from '../../shared/contract/channels';
import type { Dispatch } from '../handlers/dispatch';
import { isAppUrl } from './app-url';

/** Calls are answered only for our own page's main frame: not an iframe, not another origin. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** The only caller of ipcMain.handle for the contract: one handler per channel, all through dispatch. */
export function registerContract(dispatch: Dispatch): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Reply<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, code: 'untrusted-sender', error: 'calls are accepted only from the Isnad window' };
      return dispatch(channel, input);
    });
  }
}

/** Electron-only calls (dialogs), guarded the same way. */
export function handleTrusted<T>(channel: string, handler: (input: unknown, event: IpcMainInvokeEvent) => Promise<Reply<T>>): void {
  ipcMain.handle(channel, async (event, input: unknown): Promise<Reply<T>> => {
    if (!isTrustedSender(event)) return { ok: false, code: 'untrusted-sender', error: 'calls are accepted only from the Isnad window' };
    return handler(input, event);
  });
}
