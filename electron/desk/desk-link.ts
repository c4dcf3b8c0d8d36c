import type { DeskStatus } from '../../shared/contract/channels';
import type { IsnadStore } from '../store/store';
import { readDeskProgress, type DeskConfig } from './desk-config';
import { connectDesk, type DeskConnection } from './desk-connection';
import { syncDesk } from './desk-sync';

/** Waits between attempts to reach a server that is down: soon at first, then every half minute. */
const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * The app's live link to a shared story. It syncs when it connects, whenever a colleague's event
 * is announced on the story's subjects, and after each change made here; syncs never overlap,
 * and one asked for during another runs right after it. With no server the folder works alone:
 * the link keeps trying, and the next sync sends exactly what is missing.
 */
export class DeskLink {
  private connection: DeskConnection | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retrySync: NodeJS.Timeout | null = null;
  private readonly offCommit: () => void;
  readonly status: DeskStatus;

  constructor(
    private readonly store: IsnadStore,
    private readonly config: DeskConfig,
  ) {
    this.status = { story: config.story, server: config.server, state: 'offline', pending: 0, refused: [], received: 0, lastSync: null, problem: null };
    this.offCommit = store.onCommit(() => this.requestSync());
  }

  async start(): Promise<void> {
    const progress = await readDeskProgress(this.store.dataDir);
    this.status.lastSync = progress.lastSync;
    this.status.refused = progress.refused.slice(-5).map(({ editor, reason, streamSeq }) => ({ editor, reason, streamSeq }));
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const connection = await connectDesk(this.config, { reconnect: true });
      if (this.stopped) {
        await connection.close();
        return;
      }
      this.connection = connection;
      this.attempt = 0;
      this.status.problem = null;
      // Any event on the story's subjects, from anyone: a cue to sync, not the event itself (the
      // sync reads the stream, which holds what was missed while this was away).
      connection.nc.subscribe(`isnad.${this.config.story}.>`, { callback: () => this.requestSync() });
      void (async () => {
        for await (const change of connection.nc.status()) {
          if (change.type === 'disconnect') this.setState('offline');
          if (change.type === 'reconnect') this.requestSync();
        }
      })();
      void connection.nc.closed().then(() => {
        if (this.connection === connection) this.connection = null;
        this.setState('offline');
        this.retry();
      });
      this.requestSync();
    } catch (error) {
      this.status.problem = (error as Error).message;
      this.setState('offline');
      this.retry();
    }
  }

  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  /** Asks for a sync; coalesced with one that is running. */
  requestSync(): void {
    if (this.stopped || !this.connection) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runSyncs().finally(() => {
      this.running = null;
    });
  }

  private async runSyncs(): Promise<void> {
    do {
      this.again = false;
      const connection = this.connection;
      if (!connection || this.stopped) return;
      this.setState('syncing');
      try {
        const report = await syncDesk(this.store, this.config, connection, { progress: (pending) => (this.status.pending = pending) });
        this.status.received += report.added;
        this.status.lastSync = new Date().toISOString();
        this.status.problem = null;
        if (report.refused.length > 0) this.status.refused = [...this.status.refused, ...report.refused.map(({ editor, reason, streamSeq }) => ({ editor, reason, streamSeq }))].slice(-5);
        this.setState(report.refused.length > 0 ? 'refused' : 'up-to-date');
      } catch (error) {
        // Lost mid-way: what was exchanged is kept, the rest goes with the next sync, tried again soon.
        this.status.problem = (error as Error).message;
        this.setState('offline');
        this.retrySync ??= setTimeout(() => {
          this.retrySync = null;
          this.requestSync();
        }, RETRY_MS[1]);
      }
    } while (this.again && !this.stopped);
  }

  private setState(state: DeskStatus['state']): void {
    this.status.state = state;
    if (state !== 'syncing') this.status.pending = 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.offCommit();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.retrySync) clearTimeout(this.retrySync);
    await this.running?.catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }
}
