import { notification, type Notification } from '../shared/contract/notifications';
import type { LogEvent } from '../shared/model/events';
import type { IsnadStore } from './store/store';

export type NotificationListener = (notification: Notification) => void;

/**
 * Where the contract's notifications start on the Node side: the store's changes (made here, or a
 * colleague's from the desk) and, in the desktop app, the menu. The Electron shell passes each to
 * its window; the browser mode's server streams them to every open page.
 */
export class NotificationHub {
  private readonly listeners = new Set<NotificationListener>();

  subscribe(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(sent: Notification): void {
    // One window gone or failing must not keep the others from hearing it.
    for (const listener of [...this.listeners]) {
      try {
        listener(sent);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}

/** Tells the hub of every change of the store's record, saying whose it is. Returns the unsubscribe. */
export function notifyStoreChanges(store: IsnadStore, hub: NotificationHub): () => void {
  const changed = (colleague: boolean) => (events: readonly LogEvent[]) => {
    if (events.length === 0) return;
    hub.publish(notification('story:changed', { events: events.length, editors: [...new Set(events.map((e) => e.editor))].slice(0, 100), colleague }));
  };
  const offCommit = store.onCommit(changed(false));
  const offAdded = store.onAdded(changed(true));
  return () => {
    offCommit();
    offAdded();
  };
}
