import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LogEvent } from '../../shared/model/events';
import { checkLog } from '../../shared/model/log-check';
import { HEAD_FILE, SEGMENT_FILE_PATTERN, SET_ASIDE_DIR, STATE_FILE } from '../../shared/model/store-files';
import { nodeLogCrypto } from '../crypto/ed25519';
import { sha256Hex } from '../crypto/sha256';
import { lockDataDir } from '../store/data-dir-lock';
import { EventLog, SEGMENT_MAX_EVENTS } from '../store/event-log';
import { knownEvents, readExportLog, readLog } from '../store/log-reader';
import { fileTimestamp } from '../store/move-aside';
import { freeName, recordRestore } from '../store/recovery';
import { IsnadStore } from '../store/store';

/** The file cannot be imported, or not into that folder. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/** Reads a JSON export and returns its events, only if they verify: chain, hashes, signatures and the export's own summary. */
export async function readExportedLog(path: string): Promise<LogEvent[]> {
  let read;
  try {
    read = await readExportLog(path);
  } catch (error) {
    throw new ImportRefusedError((error as Error).message);
  }
  if (read.newer) throw new ImportRefusedError(read.newer);
  if (!read.summary) throw new ImportRefusedError(`${path} is not an Isnad JSON export (it has no log summary)`);
  if (read.malformed.length > 0) throw new ImportRefusedError(`${path}: log ${read.malformed[0]}`);
  if (read.entries.some((entry) => entry.event === null)) throw new ImportRefusedError(`${path} holds events written by a newer version of Isnad; update Isnad to import it`);
  if (read.entries.length === 0) throw new ImportRefusedError(`${path} holds no events to import`);
  const check = checkLog(read.entries, nodeLogCrypto);
  if (check.problems.length > 0) throw new ImportRefusedError(`${path} fails verification, so it is not imported: ${check.problems[0]!.message}`);
  // The summary is not covered by the hashes, but a file whose summary disagrees with its events was cut or edited.
  if (read.summary.headHash !== check.headHash || read.summary.count !== check.count) {
    throw new ImportRefusedError(`${path}: its log summary (${read.summary.count} events, ${read.summary.headHash.slice(0, 12)}…) does not match its events (${check.count}, ${check.headHash.slice(0, 12)}…)`);
  }
  return knownEvents(read.entries);
}

export interface ImportOutcome {
  count: number;
  headHash: string;
  /** Files of a damaged log that were set aside (restore into a damaged folder). */
  setAside: string[];
}

/**
 * Restores a JSON export, event for event: the same ids, times, editors, hashes and signatures, so
 * the folder then verifies exactly as the original did. Into an empty folder; or into a folder whose
 * log is damaged, when the export holds every event that survives there (so nothing is lost): the
 * damaged files are then set aside in log/set-aside/ and the restore is recorded as an event.
 */
export async function importExportFile(path: string, dataDir: string, editor: string | null = null): Promise<ImportOutcome> {
  const events = await readExportedLog(path);
  const unlock = await lockDataDir(dataDir);
  let setAside: { name: string; bytes: number | null; sha256: string | null }[] = [];
  let reservedUpTo = 0;
  try {
    const logDir = join(dataDir, 'log');
    const segments = (await readdir(logDir).catch(() => [] as string[])).filter((name) => SEGMENT_FILE_PATTERN.test(name));
    if (segments.length > 0) ({ files: setAside, reservedUpTo } = await setAsideDamagedLog(dataDir, events, path, editor));
    const log = await EventLog.open(dataDir, { seq: 0, hash: '0'.repeat(64) }, null);
    await log.append(events);
    await log.settle();
  } finally {
    await unlock();
  }
  // Open it as the app will (this also writes the manifest) and prove the log reads back whole.
  const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
  try {
    const head = events.at(-1)!;
    if (!store.writable || store.eventCount !== events.length || store.state.headHash !== head.hash) {
      throw new Error(`the imported log in ${dataDir} does not read back as written: ${store.warnings.map((w) => w.message).join(' ')}`);
    }
    if (setAside.length > 0) {
      await recordRestore(store, editor!, { type: 'log.restored', payload: { count: events.length, headHash: head.hash, export: basename(path), files: setAside } }, reservedUpTo);
    }
    return { count: events.length, headHash: head.hash, setAside: setAside.map((file) => file.name) };
  } finally {
    await store.close();
  }
}

/**
 * A folder that already holds a log takes a restore only if that log is damaged and every event
 * still readable there is in the export, the same event at the same place.
 */
async function setAsideDamagedLog(
  dataDir: string,
  exported: LogEvent[],
  path: string,
  editor: string | null,
): Promise<{ files: { name: string; bytes: number | null; sha256: string | null }[]; reservedUpTo: number }> {
  const read = await readLog(dataDir);
  const check = checkLog(read.entries, nodeLogCrypto, { unreadable: read.unreadable, head: read.head.head });
  if (check.problems.length === 0 && read.newer.length === 0) {
    throw new ImportRefusedError(`${dataDir} already holds a verification log, and it is whole; import only into an empty data folder, so no history is mixed or lost`);
  }
  if (read.newer.length > 0 || check.problems.some((problem) => problem.kind === 'newer')) {
    throw new ImportRefusedError(`${dataDir} was written by a newer version of Isnad; update Isnad instead of restoring over it`);
  }
  if (editor === null) throw new ImportRefusedError('restoring over a damaged log is recorded with its editor: pass --editor NAME');
  const bySeq = new Map(exported.map((event) => [event.seq, event.hash]));
  const distrusted = new Set(check.problems.flatMap((problem) => (problem.to === null ? [problem.from] : Array.from({ length: problem.to - problem.from + 1 }, (_, i) => problem.from + i))));
  const lost = read.entries.filter((entry) => !distrusted.has(entry.stored.seq) && bySeq.get(entry.stored.seq) !== entry.stored.hash);
  if (lost.length > 0) {
    const first = lost[0]!.stored.seq;
    throw new ImportRefusedError(
      `${path} does not hold ${lost.length} event${lost.length === 1 ? '' : 's'} that survive in ${dataDir} (from #${first}); restoring it would lose them. Restore from a newer export, or record the loss with "log continue"`,
    );
  }
  const logDir = join(dataDir, 'log');
  const target = join(logDir, SET_ASIDE_DIR, `before-restore-${fileTimestamp()}`);
  await mkdir(target, { recursive: true });
  const files: { name: string; bytes: number | null; sha256: string | null }[] = [];
  for (const segment of read.segments) {
    const content = await readFile(segment.path).catch(() => null);
    files.push({ name: segment.name, bytes: content?.length ?? null, sha256: content ? sha256Hex(content) : null });
    await rename(segment.path, await freeName(target, segment.name));
  }
  for (const name of [join(logDir, HEAD_FILE), join(dataDir, HEAD_FILE), join(dataDir, STATE_FILE)]) {
    await rename(name, await freeName(target, basename(name) === HEAD_FILE && name.startsWith(logDir) ? 'log-head.json' : basename(name))).catch(() => undefined);
  }
  // The furthest number the damaged log used or may have used: none of them is given out again.
  const reservedUpTo = Math.max(check.headSeq, read.head.head?.seq ?? 0, ...read.unreadable.map((hole) => hole.to ?? hole.from + SEGMENT_MAX_EVENTS - 1));
  return { files, reservedUpTo };
}
