import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { StoreWarning } from '../../shared/contract/channels';
import { eventHashInput, logEventSchema, type DraftEvent, type LogEvent } from '../../shared/model/events';
import { formatZodError } from '../../shared/model/format-error';
import { migrate } from '../../shared/model/migrations';
import { applyEvent, emptyState, type WorkbenchState } from '../../shared/model/state';
import { manifestSchema, STORE_SCHEMA_VERSION, type Manifest } from '../../shared/model/store-files';
import { GENESIS_HASH } from '../../shared/model/events';
import { sha256Hex } from '../crypto/sha256';
import { AtomicJsonFile, TEMP_SUFFIX, UnreadableFileError } from './atomic-json-file';
import { lockDataDir } from './data-dir-lock';
import { EventLog } from './event-log';
import { moveAside } from './move-aside';
import { seedSampleReports } from './seed';

export interface StoreOptions {
  dataDir: string;
  /** Folder of sample report files to import on first run; null for an empty store. */
  sampleReportsDir: string | null;
  now?: () => Date;
}

/** The store refuses changes: its history was found altered, or a write failed. */
export class StoreReadOnlyError extends Error {
  constructor(reason: string) {
    super(`changes are disabled: ${reason}`);
    this.name = 'StoreReadOnlyError';
  }
}

function parseManifest(value: unknown): Manifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not an Isnad data file: ${formatZodError(parsed.error)}`);
  return migrate(parsed.data);
}

/**
 * The data folder, opened by its one writer. Holds the log in memory and the state derived from
 * it; every change goes through `commit`, which seals events into the hash chain, applies them
 * and returns once they are on disk.
 */
export class IsnadStore {
  readonly state: WorkbenchState = emptyState(GENESIS_HASH);
  readonly events: LogEvent[] = [];
  readonly warnings: StoreWarning[] = [];
  private readOnlyReason: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly log: EventLog,
    private readonly unlock: () => Promise<void>,
    private readonly now: () => Date,
  ) {}

  static async open(options: StoreOptions): Promise<IsnadStore> {
    const { dataDir } = options;
    await mkdir(dataDir, { recursive: true });
    const unlock = await lockDataDir(dataDir);
    try {
      return await IsnadStore.openLocked(options, unlock);
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  private static async openLocked(options: StoreOptions, unlock: () => Promise<void>): Promise<IsnadStore> {
    const { dataDir } = options;
    const warnings: StoreWarning[] = [];
    // We hold the lock, so any temp file is a leftover of a crashed write, never one in progress.
    await removeStaleTempFiles(dataDir);
    await removeStaleTempFiles(join(dataDir, 'log'));

    const manifestPath = join(dataDir, 'isnad.json');
    const manifestDb = new Low<Manifest>(new AtomicJsonFile(manifestPath, parseManifest), newManifest(options.now?.() ?? new Date()));
    let hadManifest = false;
    let manifestMovedAside = false;
    try {
      const existing = await manifestDb.adapter.read();
      if (existing) manifestDb.data = existing;
      hadManifest = existing !== null;
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const to = await moveAside(manifestPath, 'corrupt');
      manifestMovedAside = true;
      warnings.push({ code: 'corrupt-file', message: `isnad.json could not be read (${error.reason}). It was moved aside to ${to}, untouched; a new one was made.` });
    }

    const { log, loaded } = await EventLog.open(dataDir);
    for (const moved of loaded.movedAside) {
      warnings.push({
        code: 'corrupt-file',
        message: `${moved.from} could not be read (${moved.reason}). It was moved aside to ${moved.to}, untouched; history after it is not shown until it is restored.`,
      });
    }

    const store = new IsnadStore(dataDir, log, unlock, options.now ?? (() => new Date()));
    store.warnings.push(...warnings);
    const valid = loaded.chain.ok ? loaded.events : loaded.events.slice(0, loaded.chain.index);
    for (const event of valid) {
      applyEvent(store.state, event);
      store.events.push(event);
    }
    if (!loaded.chain.ok) {
      store.readOnlyReason = `the history was altered at event #${loaded.chain.seq}`;
      store.warnings.push({
        code: 'log-broken',
        message: `The verification history is broken: ${loaded.chain.reason}. Isnad shows the ${valid.length} events before it and refuses changes until the log is restored from a backup or export.`,
      });
    }

    if (!hadManifest) await manifestDb.write();
    const firstRun = !hadManifest && !manifestMovedAside && loaded.events.length === 0 && loaded.movedAside.length === 0;
    if (firstRun && options.sampleReportsDir) {
      const { drafts, problems } = await seedSampleReports(options.sampleReportsDir);
      for (const problem of problems) store.warnings.push({ code: 'sample-report', message: problem });
      if (drafts.length > 0) await store.commit(drafts, 'Isnad (sample reports)');
    }
    return store;
  }

  get writable(): boolean {
    return this.readOnlyReason === null;
  }

  /** Seals drafts into the chain, applies them, and resolves once they are durable. */
  async commit(drafts: readonly DraftEvent[], editor: string): Promise<LogEvent[]> {
    if (this.readOnlyReason !== null) throw new StoreReadOnlyError(this.readOnlyReason);
    const at = this.now().toISOString();
    const sealed: LogEvent[] = [];
    let { headSeq: seq, headHash: prevHash } = this.state;
    // Validate the whole batch before applying any of it: a bad event must change nothing.
    for (const draft of drafts) {
      const unsigned = { id: randomUUID(), seq: ++seq, at, editor, type: draft.type, payload: draft.payload, prevHash } as Omit<LogEvent, 'hash'>;
      const event = { ...unsigned, hash: sha256Hex(eventHashInput(unsigned)) } as LogEvent;
      const checked = logEventSchema.safeParse(event);
      if (!checked.success) throw new Error(`invalid ${draft.type} event: ${formatZodError(checked.error)}`);
      sealed.push(event);
      prevHash = event.hash;
    }
    for (const event of sealed) {
      applyEvent(this.state, event);
      this.events.push(event);
    }
    try {
      await this.log.append(sealed);
    } catch (error) {
      // Memory is now ahead of the disk; refuse further changes rather than build on events that may be lost.
      this.readOnlyReason = `a write to ${this.dataDir} failed (${(error as Error).message}); restart Isnad`;
      throw new StoreReadOnlyError(this.readOnlyReason);
    }
    return sealed;
  }

  /** Resolves once every committed change is on disk. */
  settle(): Promise<void> {
    return this.log.settle();
  }

  async close(): Promise<void> {
    await this.log.settle().catch(() => undefined);
    await this.unlock();
  }
}

function newManifest(now: Date): Manifest {
  return { kind: 'isnad-store', schemaVersion: STORE_SCHEMA_VERSION, createdAt: now.toISOString() };
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => name.endsWith(TEMP_SUFFIX)).map((name) => rm(join(dir, name), { force: true })));
}
