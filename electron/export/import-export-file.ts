import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXPORT_KIND, EXPORT_SCHEMA_VERSION } from '../../shared/export/json-export';
import { checkChain, logEventSchema, type LogEvent } from '../../shared/model/events';
import { formatZodError } from '../../shared/model/format-error';
import { SEGMENT_FILE_PATTERN } from '../../shared/model/store-files';
import { sha256Hex } from '../crypto/sha256';
import { lockDataDir } from '../store/data-dir-lock';
import { EventLog } from '../store/event-log';
import { IsnadStore } from '../store/store';

/** The file cannot be imported, or not into that folder. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

const exportHeadSchema = z.object({
  kind: z.literal(EXPORT_KIND),
  schemaVersion: z.number().int().positive(),
  log: z.object({ events: z.array(z.unknown()), headHash: z.string(), count: z.number() }),
});

/** Reads a JSON export and returns its events, only if they form one unbroken, untouched chain. */
export async function readExportedLog(path: string): Promise<LogEvent[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportRefusedError(`${path}: no such file`);
    throw new ImportRefusedError(code ? `cannot read ${path}: ${code}` : `${path} is not valid JSON (${(error as Error).message})`);
  }
  const head = exportHeadSchema.safeParse(json);
  if (!head.success) throw new ImportRefusedError(`${path} is not an Isnad JSON export: ${formatZodError(head.error)}`);
  const { schemaVersion, log } = head.data;
  if (schemaVersion > EXPORT_SCHEMA_VERSION) throw new ImportRefusedError(`${path} was exported by a newer Isnad (export version ${schemaVersion}); update Isnad to import it`);
  const events: LogEvent[] = [];
  for (const [index, raw] of log.events.entries()) {
    const parsed = logEventSchema.safeParse(raw);
    if (!parsed.success) throw new ImportRefusedError(`${path}: log entry ${index + 1} is malformed: ${formatZodError(parsed.error)}`);
    events.push(parsed.data);
  }
  if (events.length === 0) throw new ImportRefusedError(`${path} holds no events to import`);
  const chain = checkChain(events, sha256Hex);
  if (!chain.ok) throw new ImportRefusedError(`${path} fails verification, so it is not imported: ${chain.reason}`);
  // The summary is not covered by the hashes, but a file whose summary disagrees with its events was edited.
  if (log.headHash !== chain.headHash || log.count !== chain.count) {
    throw new ImportRefusedError(`${path}: its log summary (${log.count} events, ${log.headHash.slice(0, 12)}…) does not match its events (${chain.count}, ${chain.headHash.slice(0, 12)}…)`);
  }
  return events;
}

/**
 * Restores a JSON export into an empty data folder, event for event: the same ids, times, editors
 * and hashes, so the folder then verifies and exports exactly as the original did. The events are
 * written through the store's own log layer (segments, atomic writes), never re-sealed.
 */
export async function importExportFile(path: string, dataDir: string): Promise<{ count: number; headHash: string }> {
  const events = await readExportedLog(path);
  const unlock = await lockDataDir(dataDir);
  try {
    const segments = (await readdir(join(dataDir, 'log')).catch(() => [])).filter((name) => SEGMENT_FILE_PATTERN.test(name));
    if (segments.length > 0) {
      throw new ImportRefusedError(`${dataDir} already holds a verification log; import only into an empty data folder, so no history is mixed or lost`);
    }
    const { log, loaded } = await EventLog.open(dataDir);
    if (loaded.events.length > 0) throw new ImportRefusedError(`${dataDir} already holds a verification log`);
    await log.append(events);
    await log.settle();
  } finally {
    await unlock();
  }
  // Open it as the app will (this also writes the manifest) and prove the log reads back whole.
  const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
  try {
    const head = events.at(-1)!;
    if (!store.writable || store.events.length !== events.length || store.state.headHash !== head.hash) {
      throw new Error(`the imported log in ${dataDir} does not read back as written: ${store.warnings.map((w) => w.message).join(' ')}`);
    }
    return { count: store.events.length, headHash: store.state.headHash };
  } finally {
    await store.close();
  }
}
