import { parseNotification, type Notification } from '../../../shared/contract/notifications';
import { desktop, notificationRequest } from './client';
import { readEventStream } from './event-stream';

export type NotificationListener = (notification: Notification) => void;

/** Waits before opening the stream again after the server went away: soon at first, then every 10 s. */
const RETRY_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * Subscribes to the contract's notifications: through the preload in the desktop app, from the
 * server's stream in the browser mode (opened again when the server comes back). Only what
 * `parseNotification` accepts is passed on. Returns the unsubscribe function.
 */
export function subscribeNotifications(listener: NotificationListener): () => void {
  if (desktop) return desktop.onNotification(listener);
  const stop = new AbortController();
  let attempt = 0;
  const run = async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(...notificationRequest(stop.signal));
        // Refused (a restarted server's new token not taken yet, say): tried again below.
        if (response.ok && response.body) await follow(response.body, listener, () => (attempt = 0));
      } catch {
        // The server is away (restarted, stopped): the page says so on its next call; try again.
      }
      if (stop.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]));
    }
  };
  void run();
  return () => stop.abort();
}

/** Reads one open stream to its end, passing on each notification the contract allows. */
async function follow(body: ReadableStream<Uint8Array>, listener: NotificationListener, opened: () => void): Promise<void> {
  opened();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = readEventStream(buffer + decoder.decode(value, { stream: true }), (name, data) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        return;
      }
      const notification = parseNotification({ name, payload });
      if (notification) listener(notification);
    });
  }
}
