import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXPORT_KIND, EXPORT_SCHEMA_VERSION } from '../../shared/export/json-export';
import { logEventSchema, type LogEvent } from '../../shared/model/events';
import { formatZodError } from '../../shared/model/format-error';
import type { LogEntry, UnreadableRange } from '../../shared/model/log-check';
import { migrate, migrateEvent, NewerSchemaError } from '../../shared/model/migrations';
import { HEAD_FILE, headCheckpointSchema, SEGMENT_FILE_PATTERN, segmentSchema, SET_ASIDE_DIR, type HeadCheckpoint } from '../../shared/model/store-files';

/**
 * The one reader of the log format: segments, head checkpoints and the log of a JSON export are
 * parsed, migrated and validated here, and nowhere else. Migrations run before validation, so a
 * newer event is recognised as newer instead of being called corrupt. Reading never moves, locks
 * or writes anything.
 */

export interface SegmentFile {
  name: string;
  path: string;
  firstSeq: number;
}

export interface SegmentRead {
  entries: LogEntry[];
  /** Parts of the file that could not be read; the whole file when it does not parse. */
  unreadable: UnreadableRange[];
  /** Set when the file itself says it was written by a newer Isnad. */
  newer: string | null;
}

export interface HeadRead {
  /** The furthest head either checkpoint records, with the file it came from. */
  head: (HeadCheckpoint & { file: string }) | null;
  /** A checkpoint file that exists but cannot be read. */
  problems: string[];
}

export interface LogRead {
  entries: LogEntry[];
  unreadable: UnreadableRange[];
  newer: string[];
  segments: SegmentFile[];
  head: HeadRead;
  /** The newest segment's events as stored, so that appending can continue in it. */
  tail: { path: string; firstSeq: number; events: object[] } | null;
}

export async function listSegments(logDir: string): Promise<SegmentFile[]> {
  const names = (await readdir(logDir)).filter((name) => SEGMENT_FILE_PATTERN.test(name)).sort();
  return names.map((name) => ({ name, path: join(logDir, name), firstSeq: Number.parseInt(name, 10) }));
}

/** Names (and so sequence numbers) taken by set-aside files: never used again. */
export async function setAsideNames(logDir: string): Promise<string[]> {
  return (await readdir(join(logDir, SET_ASIDE_DIR)).catch(() => [] as string[])).filter((name) => /^\d{10}\.json/.test(name));
}

/** Turns a list of stored events into entries: each migrated, then validated. */
export function readEventList(list: readonly unknown[], file: string): { entries: LogEntry[]; malformed: { seq: number | null; index: number; reason: string }[] } {
  const entries: LogEntry[] = [];
  const malformed: { seq: number | null; index: number; reason: string }[] = [];
  for (const [index, raw] of list.entries()) {
    const seq = typeof (raw as { seq?: unknown })?.seq === 'number' ? (raw as { seq: number }).seq : null;
    const migrated = migrateEvent(raw);
    if (migrated.kind === 'newer') {
      const stored = storedEnvelope.safeParse(raw);
      if (!stored.success) {
        malformed.push({ seq, index, reason: `entry ${index + 1} is malformed: ${formatZodError(stored.error)}` });
        continue;
      }
      entries.push({ stored: stored.data, event: null, file });
      continue;
    }
    const parsed = logEventSchema.safeParse(migrated.event);
    if (!parsed.success) {
      malformed.push({ seq, index, reason: `entry ${index + 1}${seq !== null ? ` (event #${seq})` : ''} is malformed: ${formatZodError(parsed.error)}` });
      continue;
    }
    // The hash is checked against the event as stored, not as migrated or as validated (which drops unknown fields).
    entries.push({ stored: raw as LogEntry['stored'], event: parsed.data, file });
  }
  return { entries, malformed };
}

const storedEnvelope = z.object({
  seq: z.number().int().positive(),
  prevHash: z.string().optional(),
  parents: z.array(z.string()).optional(),
  hash: z.string(),
  type: z.string(),
  v: z.number().optional(),
  key: z.string().optional(),
  sig: z.string().optional(),
}).passthrough() as unknown as z.ZodType<LogEntry['stored']>;

/** Reads one segment. `nextFirstSeq` bounds the range an unreadable file stands for. */
export async function readSegment(segment: SegmentFile, nextFirstSeq: number | null): Promise<SegmentRead> {
  const to = nextFirstSeq === null ? null : nextFirstSeq - 1;
  const whole = (reason: string): SegmentRead => ({ entries: [], unreadable: [{ from: segment.firstSeq, to, file: segment.path, reason }], newer: null });
  let source: string;
  try {
    source = await readFile(segment.path, 'utf8');
  } catch (error) {
    return whole(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return whole(source.trim() === '' ? 'the file is empty' : `not valid JSON (${(error as Error).message})`);
  }
  const shape = segmentSchema.safeParse(json);
  if (!shape.success) return whole(`not a valid log segment: ${formatZodError(shape.error)}`);
  let migrated;
  try {
    migrated = migrate(shape.data);
  } catch (error) {
    if (error instanceof NewerSchemaError) return { entries: [], unreadable: [], newer: `${segment.path}: ${error.message}` };
    throw error;
  }
  const { entries, malformed } = readEventList(migrated.events, segment.path);
  const unreadable: UnreadableRange[] = [];
  for (const bad of malformed) {
    if (bad.seq !== null) unreadable.push({ from: bad.seq, to: bad.seq, file: segment.path, reason: bad.reason });
    else unreadable.push({ from: segment.firstSeq + bad.index, to: segment.firstSeq + bad.index, file: segment.path, reason: bad.reason });
  }
  return { entries, unreadable, newer: null };
}

/** Both head checkpoints; the furthest one counts (a crash between the two writes leaves one behind). */
export async function readHead(dataDir: string): Promise<HeadRead> {
  const problems: string[] = [];
  let head: HeadRead['head'] = null;
  for (const path of [join(dataDir, 'log', HEAD_FILE), join(dataDir, HEAD_FILE)]) {
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${path} cannot be read (${(error as NodeJS.ErrnoException).code})`);
      continue;
    }
    let parsed;
    try {
      parsed = headCheckpointSchema.safeParse(JSON.parse(source));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      problems.push(`${path} is not a valid head checkpoint`);
      continue;
    }
    if (!head || parsed.data.seq > head.seq) head = { ...parsed.data, file: path };
  }
  return { head, problems };
}

/**
 * Reads the log of a data folder from event `fromSeq` on: segments that end before it are listed
 * but not read (a state checkpoint already covers them).
 */
export async function readLog(dataDir: string, fromSeq = 1): Promise<LogRead> {
  const logDir = join(dataDir, 'log');
  let segments: SegmentFile[];
  try {
    segments = await listSegments(logDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${dataDir} holds no Isnad log (no ${logDir})` : `cannot read ${logDir}: ${code}`);
  }
  const entries: LogEntry[] = [];
  const unreadable: UnreadableRange[] = [];
  const newer: string[] = [];
  let tail: LogRead['tail'] = null;
  for (let i = 0; i < segments.length; i++) {
    const next = segments[i + 1]?.firstSeq ?? null;
    if (next !== null && next - 1 < fromSeq) continue;
    const read = await readSegment(segments[i]!, next);
    for (const entry of read.entries) if (entry.stored.seq >= fromSeq) entries.push(entry);
    unreadable.push(...read.unreadable);
    if (read.newer) newer.push(read.newer);
    if (next === null) tail = { path: segments[i]!.path, firstSeq: segments[i]!.firstSeq, events: read.entries.map((entry) => entry.stored) };
  }
  return { entries, unreadable, newer, segments, head: await readHead(dataDir), tail };
}

export interface ExportRead {
  entries: LogEntry[];
  malformed: string[];
  /** What the export says about itself: its own count and head hash. */
  summary: { count: number; headHash: string } | null;
  newer: string | null;
}

const exportShape = z.object({
  kind: z.literal(EXPORT_KIND),
  schemaVersion: z.number().int().positive(),
  log: z.object({ events: z.array(z.unknown()), headHash: z.string(), count: z.number() }),
});

/** Reads the log of a JSON export (or a bare `{ events: [...] }` list), with the export's own summary. */
export async function readExportLog(path: string): Promise<ExportRead> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${code}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message})`);
  }
  const shape = exportShape.safeParse(json);
  let list: unknown[];
  let summary: ExportRead['summary'] = null;
  if (shape.success) {
    if (shape.data.schemaVersion > EXPORT_SCHEMA_VERSION) {
      return { entries: [], malformed: [], summary: null, newer: `${path} was exported by a newer version of Isnad (export version ${shape.data.schemaVersion}); update Isnad to read it` };
    }
    list = shape.data.log.events;
    summary = { count: shape.data.log.count, headHash: shape.data.log.headHash };
  } else {
    const bare = (json as { events?: unknown } | null)?.events;
    if (!Array.isArray(bare)) throw new Error(`${path} is not an Isnad JSON export: ${formatZodError(shape.error)}`);
    list = bare;
  }
  const { entries, malformed } = readEventList(list, path);
  return { entries, malformed: malformed.map((bad) => bad.reason), summary, newer: null };
}

/** The events of entries this Isnad can read, in order. */
export function knownEvents(entries: readonly LogEntry[]): LogEvent[] {
  const events: LogEvent[] = [];
  for (const entry of entries) if (entry.event) events.push(entry.event);
  return events;
}

/** The events with these sequence numbers, reading only the segments that hold them. */
export async function readEventsAt(dataDir: string, seqs: readonly number[]): Promise<LogEvent[]> {
  const wanted = new Set(seqs);
  const sorted = [...wanted].sort((a, b) => a - b);
  const segments = await listSegments(join(dataDir, 'log'));
  const found: LogEvent[] = [];
  for (let i = 0; i < segments.length; i++) {
    const first = segments[i]!.firstSeq;
    const next = segments[i + 1]?.firstSeq ?? Number.POSITIVE_INFINITY;
    if (!sorted.some((seq) => seq >= first && seq < next)) continue;
    const read = await readSegment(segments[i]!, Number.isFinite(next) ? next : null);
    for (const entry of read.entries) if (entry.event && wanted.has(entry.stored.seq)) found.push(entry.event);
  }
  return found;
}
