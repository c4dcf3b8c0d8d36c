import { MENU_COMMANDS, type MenuCommand } from './desktop-channels';

/**
 * What main (or the browser mode's server) tells the window without being asked, beside the calls
 * of channels.ts: each notification's name picks what it carries. The Electron shell sends them on
 * one IPC channel and the preload passes on only those `parseNotification` accepts; the browser mode
 * streams them (`GET /api/notifications`, text/event-stream). Free of dependencies: the sandboxed
 * preload bundles what it imports.
 */
export interface NotificationPayloads {
  /** A command of the application menu (the desktop app; the browser mode has them as keys). */
  'menu:command': MenuCommand;
  /**
   * The story's record changed: events made here (by this window or another on the same folder)
   * or a colleague's arriving from the desk. The window reads again what it shows.
   */
  'story:changed': { events: number; editors: string[]; colleague: boolean };
}

export type NotificationName = keyof NotificationPayloads;
export type Notification = { [N in NotificationName]: { name: N; payload: NotificationPayloads[N] } }[NotificationName];
export const NOTIFICATION_NAMES: readonly NotificationName[] = ['menu:command', 'story:changed'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const checks: { [N in NotificationName]: (payload: unknown) => payload is NotificationPayloads[N] } = {
  'menu:command': (payload): payload is MenuCommand => typeof payload === 'string' && (MENU_COMMANDS as readonly string[]).includes(payload),
  'story:changed': (payload): payload is NotificationPayloads['story:changed'] =>
    isRecord(payload) &&
    Number.isInteger(payload.events) &&
    (payload.events as number) >= 0 &&
    typeof payload.colleague === 'boolean' &&
    Array.isArray(payload.editors) &&
    payload.editors.length <= 100 &&
    payload.editors.every((editor) => typeof editor === 'string' && editor.length <= 120),
};

/** A notification as the contract allows it, or null for anything else (an unknown name, a wrong payload). */
export function parseNotification(value: unknown): Notification | null {
  if (!isRecord(value) || typeof value.name !== 'string' || !(NOTIFICATION_NAMES as readonly string[]).includes(value.name)) return null;
  const name = value.name as NotificationName;
  return checks[name](value.payload) ? ({ name, payload: value.payload } as Notification) : null;
}

/** One notification, typed by its name: what a sender builds. */
export function notification<N extends NotificationName>(name: N, payload: NotificationPayloads[N]): Notification {
  return { name, payload } as Notification;
}
