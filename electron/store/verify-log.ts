import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkChain, logEventSchema, type LogEvent } from '../../shared/model/events';
import { formatZodError } from '../../shared/model/format-error';
import { SEGMENT_FILE_PATTERN } from '../../shared/model/store-files';
import { sha256Hex } from '../crypto/sha256';

export type LogVerification =
  | { ok: true; count: number; headHash: string; files: number }
  | { ok: false; count: number; seq: number | null; file: string; reason: string; files: number };

/**
 * Checks the hash chain as it is on disk, reading only: nothing is moved or locked, so it can run
 * beside the app. Stops at the first broken entry and names it.
 */
export async function verifyDataDir(dataDir: string): Promise<LogVerification> {
  const dir = join(dataDir, 'log');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => SEGMENT_FILE_PATTERN.test(name)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${dataDir} holds no Isnad log (no ${dir})` : `cannot read ${dir}: ${code}`);
  }
  const events: LogEvent[] = [];
  const origin: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const result = parseEvents(await readFile(path, 'utf8'), (json) => (json as { events?: unknown }).events);
    if (!result.ok) return { ok: false, count: events.length, seq: result.seq, file: path, reason: result.reason, files: names.length };
    for (const event of result.events) {
      events.push(event);
      origin.push(path);
    }
  }
  return checkEvents(events, (index) => origin[index] ?? dir, names.length);
}

/** Checks an exported log file (JSON export): its `events` array must form an unbroken chain. */
export async function verifyExportFile(path: string): Promise<LogVerification> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${code}`);
  }
  const result = parseEvents(source, (json) => (json as { log?: { events?: unknown } }).log?.events ?? (json as { events?: unknown }).events);
  if (!result.ok) return { ok: false, count: 0, seq: result.seq, file: path, reason: result.reason, files: 1 };
  return checkEvents(result.events, () => path, 1);
}

function checkEvents(events: LogEvent[], fileOf: (index: number) => string, files: number): LogVerification {
  const chain = checkChain(events, sha256Hex);
  if (chain.ok) return { ok: true, count: chain.count, headHash: chain.headHash, files };
  return { ok: false, count: chain.count, seq: chain.seq, file: fileOf(chain.index), reason: chain.reason, files };
}

type Parsed = { ok: true; events: LogEvent[] } | { ok: false; seq: number | null; reason: string };

function parseEvents(source: string, pick: (json: unknown) => unknown): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, seq: null, reason: `not valid JSON (${(error as Error).message})` };
  }
  const list = json !== null && typeof json === 'object' ? pick(json) : undefined;
  if (!Array.isArray(list)) return { ok: false, seq: null, reason: 'no list of events found' };
  const events: LogEvent[] = [];
  for (const [index, raw] of list.entries()) {
    const parsed = logEventSchema.safeParse(raw);
    if (!parsed.success) {
      const seq = typeof (raw as { seq?: unknown })?.seq === 'number' ? (raw as { seq: number }).seq : null;
      return { ok: false, seq, reason: `entry ${index + 1}${seq ? ` (event #${seq})` : ''} is malformed: ${formatZodError(parsed.error)}` };
    }
    events.push(parsed.data);
  }
  return { ok: true, events };
}
