import type { ServerResponse } from 'node:http';
import type { Notification } from '../../shared/contract/notifications';

/** The source of notifications a stream relays (the app context's hub). */
export interface NotificationSource {
  subscribe(listener: (notification: Notification) => void): () => void;
}

/** Pages open at once on one folder: a handful; past this a new stream is refused. */
export const MAX_STREAMS = 16;
/** A comment line this often keeps the connection from looking idle (the server cuts idle ones). */
const KEEP_ALIVE_MS = 25_000;

/** One event of a text/event-stream: the notification's name, and its payload as JSON on one line. */
export function eventStreamText(sent: Notification): string {
  return `event: ${sent.name}\ndata: ${JSON.stringify(sent.payload)}\n\n`;
}

/**
 * The browser mode's notifications: each page opens one stream (`GET /api/notifications`, with the
 * token), and every notification of the source is written to it until the page goes.
 */
export class NotificationStreams {
  private open = 0;

  constructor(private readonly source: NotificationSource) {}

  /** False when too many streams are open already: the caller refuses the request. */
  serve(response: ServerResponse, headers: Record<string, string>): boolean {
    if (this.open >= MAX_STREAMS) return false;
    this.open++;
    response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // Sent at once, so the page knows the stream is open before anything happens.
    response.write(': open\n\n');
    const unsubscribe = this.source.subscribe((sent) => response.write(eventStreamText(sent)));
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    response.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      this.open--;
    });
    return true;
  }
}
