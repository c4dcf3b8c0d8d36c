import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEvent } from '../../shared/model/events';
import { HEAD_FILE, segmentFileName, STORE_SCHEMA_VERSION, type HeadCheckpoint } from '../../shared/model/store-files';
import { writeFileAtomic } from './atomic-json-file';

/** A segment is closed once it holds this many events or this many characters of JSON. */
export const SEGMENT_MAX_EVENTS = 500;
export const SEGMENT_MAX_CHARS = 1_000_000;

/** Waits between attempts of a failed write: a transient fault (EMFILE, EAGAIN) gets time to pass. */
const RETRY_DELAYS_MS = [25, 150, 600];

interface OpenSegment {
  path: string;
  firstSeq: number;
  /** Events as stored, oldest first; only the newest segment ever grows. */
  events: object[];
  /** Rough JSON size, to close the segment before rewriting it gets slow. */
  chars: number;
}

export type WriteFile = (path: string, content: string, options?: { durable?: boolean }) => Promise<void>;

export interface LogHead {
  seq: number;
  hash: string;
}

/** A write failed on every attempt; nothing of it is acknowledged, and nothing after it was written. */
export class LogWriteError extends Error {
  constructor(readonly cause: Error) {
    super(`the change was not saved: writing the log failed (${(cause as NodeJS.ErrnoException).code ?? cause.message}) after ${RETRY_DELAYS_MS.length + 1} attempts`);
    this.name = 'LogWriteError';
  }
}

/**
 * The append-only event log, stored as segments in `log/`, plus the head checkpoint written after
 * every commit in two places. Knows files, not meaning: the store decides what to append; this
 * keeps it durable and in order. It never reads: the log reader does that.
 */
export class EventLog {
  private segments: OpenSegment[] = [];
  private durable: LogHead;
  private appended: LogHead;
  private waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private running: Promise<void> | null = null;
  /** Called when a write needed more than one attempt, or a head checkpoint could not be written. */
  onTrouble: (message: string) => void = () => undefined;

  private constructor(
    readonly dataDir: string,
    head: LogHead,
    private readonly writeFile: WriteFile,
  ) {
    this.durable = head;
    this.appended = head;
  }

  /** `tail` is the newest segment as read (its stored events), so appending continues in it. */
  static async open(dataDir: string, head: LogHead, tail: { path: string; firstSeq: number; events: object[] } | null, writeFile: WriteFile = writeFileAtomic): Promise<EventLog> {
    await mkdir(join(dataDir, 'log'), { recursive: true });
    const log = new EventLog(dataDir, head, writeFile);
    if (tail) log.segments.push({ ...tail, chars: tail.events.reduce<number>((sum, event) => sum + estimateChars(event as LogEvent), 100) });
    return log;
  }

  /** The last event appended, durable or not: the next event chains onto it. */
  get head(): LogHead {
    return this.appended;
  }

  /** The last event known to be on disk. */
  get durableHead(): LogHead {
    return this.durable;
  }

  /**
   * Adds sealed events to the newest segment (opening a new one when it is full); resolves once
   * they are on disk. If the write fails for good, these events and every one appended after them
   * are taken back out and their promises rejected: the log on disk and in memory stay the same.
   */
  append(events: readonly LogEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    for (const event of events) {
      let segment = this.segments.at(-1);
      if (!segment || segment.events.length >= SEGMENT_MAX_EVENTS || segment.chars >= SEGMENT_MAX_CHARS) {
        segment = { path: join(this.dataDir, 'log', segmentFileName(event.seq)), firstSeq: event.seq, events: [], chars: 100 };
        this.segments.push(segment);
      }
      segment.events.push(event);
      segment.chars += estimateChars(event);
    }
    const last = events.at(-1)!;
    this.appended = { seq: last.seq, hash: last.hash };
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ seq: last.seq, resolve, reject }));
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return done;
  }

  /**
   * Group commit: events appended while a write is under way share the next write, so a burst of
   * changes costs a few file writes, not one per change. Segments are written oldest first, then
   * the head checkpoints, so after a crash the files on disk always hold a prefix of the log.
   */
  private async run(): Promise<void> {
    while (this.appended.seq > this.durable.seq) {
      const target = this.appended;
      try {
        await this.retrying('the log', () => this.writeSegments(target.seq));
      } catch (error) {
        this.rollBack(new LogWriteError(error as Error));
        continue;
      }
      this.durable = target;
      await this.retrying('the head checkpoint', () => this.writeHeads(target)).catch((error: Error) =>
        this.onTrouble(`the head checkpoint could not be written (${(error as NodeJS.ErrnoException).code ?? error.message}); it is written again with the next change`),
      );
      const ready = this.waiters.filter((waiter) => waiter.seq <= target.seq);
      this.waiters = this.waiters.filter((waiter) => waiter.seq > target.seq);
      for (const waiter of ready) waiter.resolve();
    }
  }

  private async writeSegments(upTo: number): Promise<void> {
    for (const segment of this.segments) {
      const lastSeq = segment.firstSeq + segment.events.length - 1;
      if (lastSeq <= this.durable.seq) continue;
      // Only up to the target: an event appended meanwhile is not on disk before it is acknowledged.
      const events = segment.events.slice(0, Math.max(0, upTo - segment.firstSeq + 1));
      if (events.length === 0) continue;
      await this.writeFile(segment.path, JSON.stringify({ kind: 'isnad-log-segment', schemaVersion: STORE_SCHEMA_VERSION, firstSeq: segment.firstSeq, events }));
    }
  }

  private async writeHeads(head: LogHead): Promise<void> {
    const checkpoint: HeadCheckpoint = { kind: 'isnad-head', seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    const text = JSON.stringify(checkpoint);
    // Both after the segments, side by side: either one alone is enough to catch a cut log. Not
    // fsynced: a head that lags after a crash is allowed (the log may run past it, never stop short
    // of it), and it is what keeps a change at one fsync.
    const options = { durable: false };
    await Promise.all([this.writeFile(join(this.dataDir, 'log', HEAD_FILE), text, options), this.writeFile(join(this.dataDir, HEAD_FILE), text, options)]);
  }

  private async retrying(what: string, write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        if (attempt > 0) this.onTrouble(`writing ${what} failed ${attempt} time${attempt === 1 ? '' : 's'} and then succeeded; nothing was lost`);
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Takes every event that is not on disk back out, and fails the changes that held them. */
  private rollBack(error: LogWriteError): void {
    for (const segment of this.segments) {
      const keep = Math.max(0, this.durable.seq - segment.firstSeq + 1);
      if (segment.events.length > keep) segment.events.length = keep;
    }
    this.segments = this.segments.filter((segment, index) => segment.events.length > 0 || index === 0);
    if (this.segments[0]?.events.length === 0) this.segments = [];
    for (const segment of this.segments) segment.chars = segment.events.reduce<number>((sum, event) => sum + estimateChars(event as LogEvent), 100);
    this.appended = this.durable;
    const failed = this.waiters;
    this.waiters = [];
    for (const waiter of failed) waiter.reject(error);
  }

  /** Resolves when everything appended so far is on disk (or has failed). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }
}

function estimateChars(event: LogEvent): number {
  // Reports dominate size; everything else is a few hundred characters.
  return event.type === 'report.imported' ? event.payload.report.text.length * 1.2 + 800 : 800;
}
