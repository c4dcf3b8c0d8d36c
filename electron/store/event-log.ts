import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { formatZodError } from '../../shared/model/format-error';
import { checkChain, type ChainCheck, type LogEvent } from '../../shared/model/events';
import { migrate } from '../../shared/model/migrations';
import { SEGMENT_FILE_PATTERN, STORE_SCHEMA_VERSION, segmentFileName, segmentSchema, type Segment } from '../../shared/model/store-files';
import { AtomicJsonFile, UnreadableFileError } from './atomic-json-file';
import { sha256Hex } from '../crypto/sha256';
import { fileTimestamp, moveAside } from './move-aside';

/** A segment is closed once it holds this many events or this many characters of JSON. */
export const SEGMENT_MAX_EVENTS = 500;
export const SEGMENT_MAX_CHARS = 1_000_000;

interface OpenSegment {
  db: Low<Segment>;
  /** Rough JSON size, to close the segment before rewriting it gets slow. */
  chars: number;
  dirty: boolean;
}

export interface LogLoadResult {
  events: LogEvent[];
  chain: ChainCheck;
  /** Files moved aside because they could not be read, each with the reason. */
  movedAside: { from: string; to: string; reason: string }[];
}

function parseSegment(value: unknown): Segment {
  const parsed = segmentSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not a valid log segment: ${formatZodError(parsed.error)}`);
  return migrate(parsed.data as Segment);
}

/**
 * The append-only event log, stored as segments in `log/`. Knows files, not meaning: the store
 * decides what to append; this keeps it durable and in order.
 */
export class EventLog {
  private segments: OpenSegment[] = [];
  private pendingFlush: Promise<void> | null = null;
  private lastFlush: Promise<void> = Promise.resolve();

  private constructor(readonly dir: string) {}

  static async open(dataDir: string): Promise<{ log: EventLog; loaded: LogLoadResult }> {
    const log = new EventLog(join(dataDir, 'log'));
    await mkdir(log.dir, { recursive: true });
    const loaded = await log.load();
    return { log, loaded };
  }

  /**
   * Reads every segment in order. The first one that cannot be read is moved aside, and so is
   * every later one (they no longer chain onto what remains); nothing is deleted or rewritten.
   */
  private async load(): Promise<LogLoadResult> {
    const names = (await readdir(this.dir)).filter((name) => SEGMENT_FILE_PATTERN.test(name)).sort();
    const events: LogEvent[] = [];
    const movedAside: LogLoadResult['movedAside'] = [];
    const stamp = fileTimestamp();
    for (let i = 0; i < names.length; i++) {
      const path = join(this.dir, names[i]!);
      const db = new Low<Segment>(new AtomicJsonFile(path, parseSegment), emptySegment(1));
      try {
        await db.read();
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        movedAside.push({ from: path, to: await moveAside(path, 'corrupt', stamp), reason: error.reason });
        for (const later of names.slice(i + 1)) {
          const laterPath = join(this.dir, later);
          movedAside.push({ from: laterPath, to: await moveAside(laterPath, 'orphaned', stamp), reason: `follows the unreadable ${names[i]}` });
        }
        break;
      }
      events.push(...db.data.events);
      this.segments.push({ db, chars: db.data.events.reduce((sum, event) => sum + estimateChars(event), 100), dirty: false });
    }
    return { events, chain: checkChain(events, sha256Hex), movedAside };
  }

  /** Adds sealed events to the newest segment (opening a new one when it is full); returns once they are on disk. */
  append(events: readonly LogEvent[]): Promise<void> {
    for (const event of events) {
      let segment = this.segments.at(-1);
      if (!segment || segment.db.data.events.length >= SEGMENT_MAX_EVENTS || segment.chars >= SEGMENT_MAX_CHARS) {
        const path = join(this.dir, segmentFileName(event.seq));
        segment = { db: new Low<Segment>(new AtomicJsonFile(path, parseSegment), emptySegment(event.seq)), chars: 100, dirty: true };
        this.segments.push(segment);
      }
      segment.db.data.events.push(event);
      segment.chars += estimateChars(event);
      segment.dirty = true;
    }
    return this.flush();
  }

  /**
   * Group commit: events appended while a write is under way share the next write, so a burst of
   * changes costs a few file writes, not one per change. Segments are written oldest first, so
   * after a crash the files on disk always hold a prefix of the log.
   */
  private flush(): Promise<void> {
    if (this.pendingFlush) return this.pendingFlush;
    const next = this.lastFlush
      .catch(() => undefined)
      .then(async () => {
        this.pendingFlush = null;
        for (const segment of this.segments) {
          if (!segment.dirty) continue;
          segment.dirty = false;
          try {
            await segment.db.write();
          } catch (error) {
            segment.dirty = true;
            throw error;
          }
        }
      });
    this.pendingFlush = next;
    this.lastFlush = next;
    return next;
  }

  /** Resolves when everything appended so far is on disk. */
  async settle(): Promise<void> {
    await this.lastFlush;
    if (this.pendingFlush) await this.pendingFlush;
  }
}

function emptySegment(firstSeq: number): Segment {
  return { kind: 'isnad-log-segment', schemaVersion: STORE_SCHEMA_VERSION, firstSeq, events: [] };
}

function estimateChars(event: LogEvent): number {
  // Reports dominate size; everything else is a few hundred characters.
  return event.type === 'report.imported' ? event.payload.report.text.length * 1.2 + 600 : 600;
}

