import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { StoreDamage, StoreWarning } from '../../shared/contract/channels';
import { agreedOrder } from '../../shared/model/event-dag';
import { EVENT_SCHEMA_VERSION, eventHashInput, eventParents, eventSigningText, GENESIS_HASH, logEventSchema, type DraftEvent, type LogEvent } from '../../shared/model/events';
import { formatZodError } from '../../shared/model/format-error';
import type { LogEntry } from '../../shared/model/log-check';
import { migrate } from '../../shared/model/migrations';
import { applyEvents, deriveState, emptyState, type WorkbenchState } from '../../shared/model/state';
import { roleProblem } from '../../shared/model/story-roles';
import { manifestSchema, STORE_SCHEMA_VERSION, type Manifest } from '../../shared/model/store-files';
import { sha256Hex } from '../crypto/sha256';
import { AtomicJsonFile, TEMP_SUFFIX, UnreadableFileError, writeFileAtomic } from './atomic-json-file';
import { lockDataDir } from './data-dir-lock';
import { EditorKeys, fileKeyVault, type KeyVault } from './editor-keys';
import { EventLog, LogWriteError, type WriteFile } from './event-log';
import { knownEvents, readEventsAt, readLog } from './log-reader';
import { checkSealed, describeDamage, openLog } from './open-log';
import { moveAside } from './move-aside';
import { seedSampleReports } from './seed';
import { writeStateCheckpoint } from './state-checkpoint-file';

export interface StoreOptions {
  dataDir: string;
  /** Folder of sample report files to import on first run; null for an empty store. */
  sampleReportsDir: string | null;
  now?: () => Date;
  /** Where editors' signing keys are kept (default: a 0600 file per editor outside the data folder). */
  keys?: KeyVault;
  /** How log files are written; tests pass one that fails, to play a full disk or EMFILE. */
  writeFile?: WriteFile;
  /** Save the derived state after this many new events (and on close). */
  checkpointEvery?: number;
  /**
   * After a fast open, re-check in the background the part of the log the state checkpoint vouched
   * for (default true; the CLI, whose commands are short, turns it off: `log verify` checks all).
   */
  backgroundCheck?: boolean;
}

/** The store refuses changes: its history is damaged or from a newer Isnad, or the log on disk is in doubt. */
export class StoreReadOnlyError extends Error {
  constructor(reason: string) {
    super(`changes are disabled: ${reason}`);
    this.name = 'StoreReadOnlyError';
  }
}

/** The story's member list does not let this editor make this change (a reviewer's status change). */
export class StoreRoleError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StoreRoleError';
  }
}

/** A change was not saved, and nothing of it was kept: it can be tried again. */
export class StoreWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreWriteError';
  }
}

function parseManifest(value: unknown): Manifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not an Isnad data file: ${formatZodError(parsed.error)}`);
  return migrate(parsed.data);
}

/**
 * The data folder, opened by its one writer. Holds the state derived from the log; every change
 * goes through `commit`, which signs events into the hash chain, writes them, and applies them once
 * they are on disk. Past events are read from the files when asked for, so memory does not grow
 * with history.
 */
export class IsnadStore {
  readonly state: WorkbenchState = emptyState(GENESIS_HASH);
  readonly warnings: StoreWarning[] = [];
  /** What is wrong with the history, when it is damaged; null when it is whole. */
  damage: StoreDamage | null = null;
  private readOnlyReason: string | null = null;
  /** The log on disk may not be what we wrote: re-checked before the next change. */
  private inDoubt: string | null = null;
  private eventsSinceCheckpoint = 0;
  private checkpointing: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private log: EventLog | null,
    private readonly keys: EditorKeys,
    private readonly unlock: () => Promise<void>,
    private readonly now: () => Date,
    private readonly checkpointEvery: number,
  ) {
    if (log) log.onTrouble = (message) => this.report('write-retried', message);
  }

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
    // The version as stored, before migration: an older one is rewritten as the current one.
    let storedVersion: number | null = null;
    const readManifest = (value: unknown) => {
      const manifest = parseManifest(value);
      storedVersion = (value as { schemaVersion: number }).schemaVersion;
      return manifest;
    };
    const manifestDb = new Low<Manifest>(new AtomicJsonFile(manifestPath, readManifest), newManifest(options.now?.() ?? new Date()));
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

    const opened = await openLog(dataDir);
    const writeFile = options.writeFile ?? writeFileAtomic;
    const log = opened.damage ? null : await EventLog.open(dataDir, { seq: opened.state.headSeq, hash: opened.state.headHash }, opened.tail, writeFile);
    const store = new IsnadStore(dataDir, log, new EditorKeys(options.keys ?? fileKeyVault()), unlock, options.now ?? (() => new Date()), options.checkpointEvery ?? 2000);
    Object.assign(store.state, opened.state);
    store.frontier = new Set(opened.state.heads);
    store.warnings.push(...warnings, ...opened.warnings);
    store.eventsSinceCheckpoint = opened.replayed;
    store.lastStored = opened.last;
    store.writeFile = writeFile;
    if (opened.sealed && !opened.damage && options.backgroundCheck !== false) store.startBackgroundCheck(opened.sealed);
    if (opened.damage) {
      store.damage = opened.damage;
      store.readOnlyReason = opened.damage.newer ? 'this data folder was written by a newer version of Isnad' : 'the verification history is damaged';
      store.warnings.push({ code: 'log-broken', message: describeDamage(opened.damage) });
    }

    if (!hadManifest || storedVersion !== STORE_SCHEMA_VERSION) {
      if (!opened.damage) {
        manifestDb.data = { ...manifestDb.data, schemaVersion: STORE_SCHEMA_VERSION };
        await manifestDb.write();
      }
    }
    const firstRun = !hadManifest && !manifestMovedAside && opened.state.eventCount === 0 && opened.segments === 0;
    if (firstRun && options.sampleReportsDir) {
      const { drafts, problems } = await seedSampleReports(options.sampleReportsDir);
      for (const problem of problems) store.warnings.push({ code: 'sample-report', message: problem });
      if (drafts.length > 0) await store.commit(drafts, 'Isnad (sample reports)');
    }
    return store;
  }

  get writable(): boolean {
    return this.readOnlyReason === null && this.inDoubt === null;
  }

  get eventCount(): number {
    return this.state.eventCount;
  }

  private report(code: string, message: string): void {
    const existing = this.warnings.findIndex((warning) => warning.code === code);
    if (existing >= 0) this.warnings.splice(existing, 1);
    this.warnings.push({ code, message });
  }

  /** Signs drafts into the chain, writes them, and applies them once they are durable. */
  async commit(drafts: readonly DraftEvent[], editor: string): Promise<LogEvent[]> {
    this.committing++;
    try {
      return await this.commitNow(drafts, editor);
    } finally {
      this.committing--;
      this.lastCommit = performance.now();
    }
  }

  private async commitNow(drafts: readonly DraftEvent[], editor: string): Promise<LogEvent[]> {
    if (this.readOnlyReason !== null || !this.log) throw new StoreReadOnlyError(this.readOnlyReason ?? 'the verification history is damaged');
    // In call order: the key lookup is asynchronous, and changes must be sealed in the order made.
    const ready = this.order.then(async () => {
      if (this.inDoubt !== null) await this.recheck();
      return this.keys.forEditor(editor);
    });
    this.order = ready.then(
      () => undefined,
      () => undefined,
    );
    const key = await ready;
    const log = this.log;
    if (!log) throw new StoreReadOnlyError(this.readOnlyReason ?? 'the verification history is damaged');
    for (const draft of drafts) {
      const denied = roleProblem(this.state.members, { type: draft.type, key: key.id, editor });
      if (denied) throw new StoreRoleError(denied);
    }
    const all: DraftEvent[] = [...drafts];
    // The key registration is an ordinary event, signed by the key it registers.
    if (!this.state.keys.has(key.id) && !this.pendingKeys.has(key.id)) {
      all.unshift({ type: 'key.registered', payload: { keyId: key.id, publicKey: key.publicKey, editor } });
    }
    const at = this.now().toISOString();
    const sealed: LogEvent[] = [];
    let { seq } = log.head;
    // The first event follows every head this editor has seen; each next one follows the one before.
    let parents = [...this.frontier].sort();
    // Validate the whole batch before writing any of it: a bad event must change nothing.
    for (const draft of all) {
      const unsigned = { v: EVENT_SCHEMA_VERSION, id: randomUUID(), seq: ++seq, at, editor, key: key.id, type: draft.type, payload: draft.payload, parents };
      const hash = sha256Hex(eventHashInput(unsigned));
      const event = { ...unsigned, hash, sig: key.sign(eventSigningText(hash)) } as LogEvent;
      const checked = logEventSchema.safeParse(event);
      if (!checked.success) throw new Error(`invalid ${draft.type} event: ${formatZodError(checked.error)}`);
      sealed.push(event);
      parents = [hash];
    }
    if (sealed[0]?.type === 'key.registered') this.pendingKeys.add(key.id);
    try {
      await this.appendToLog(log, sealed);
    } catch (error) {
      this.pendingKeys.delete(key.id);
      if (!(error instanceof LogWriteError)) throw error;
      await this.recheck().catch(() => undefined);
      throw new StoreWriteError(`${error.message}; nothing of it was kept${this.inDoubt ? `, and changes stay disabled until the log on disk can be checked (${this.inDoubt})` : ', so it can be tried again'}`);
    }
    this.pendingKeys.delete(key.id);
    await this.integrate(sealed);
    for (const listener of this.commitListeners) listener(sealed);
    return sealed;
  }

  /** Appends to the log and moves the heads the next event follows; on failure they are the applied ones again. */
  private async appendToLog(log: EventLog, events: readonly LogEvent[]): Promise<void> {
    for (const event of events) {
      this.inFlight.add(event.hash);
      for (const parent of eventParents(event)) this.frontier.delete(parent);
      this.frontier.add(event.hash);
    }
    try {
      await log.append(events);
    } catch (error) {
      this.frontier = new Set(this.state.heads);
      for (const event of events) this.inFlight.delete(event.hash);
      throw error;
    }
  }

  /**
   * Applies events once they are on disk, one batch at a time. An event that sorts before what is
   * applied (a colleague's, made concurrently) sends the state back to a derivation from the whole
   * log, so every replica with the same events has the same state.
   */
  private integrate(events: readonly LogEvent[]): Promise<void> {
    const run = this.applying.then(async () => {
      if (!applyEvents(this.state, events)) {
        await this.log?.settle();
        const derived = deriveState(knownEvents((await readLog(this.dataDir)).entries));
        Object.assign(this.state, derived);
        this.replays++;
        this.saveCheckpointSoon();
        return;
      }
      this.eventsSinceCheckpoint += events.length;
      if (this.eventsSinceCheckpoint >= this.checkpointEvery) this.saveCheckpointSoon();
    });
    const settled = run.finally(() => {
      for (const event of events) this.inFlight.delete(event.hash);
    });
    this.applying = settled.catch(() => undefined);
    return settled;
  }

  /**
   * Adds events that came from colleagues, already verified (`checkIncoming`): in an order where
   * parents come first, numbered after this folder's last event. Events held already are skipped.
   * Resolves once they are on disk and applied.
   */
  async addVerified(events: readonly LogEvent[]): Promise<LogEvent[]> {
    if (this.readOnlyReason !== null || !this.log) throw new StoreReadOnlyError(this.readOnlyReason ?? 'the verification history is damaged');
    await this.order;
    const log = this.log;
    const fresh = agreedOrder(events.filter((event) => !this.state.dag.has(event.hash) && !this.inFlight.has(event.hash)), this.state.dag).map(({ event }) => event);
    const unique = [...new Map(fresh.map((event) => [event.hash, event])).values()];
    if (unique.length === 0) return [];
    let { seq } = log.head;
    const stored = unique.map((event) => ({ ...event, seq: ++seq }) as LogEvent);
    try {
      await this.appendToLog(log, stored);
    } catch (error) {
      if (!(error instanceof LogWriteError)) throw error;
      await this.recheck().catch(() => undefined);
      throw new StoreWriteError(`${error.message}; the colleagues' events were not kept, and are fetched again with the next sync`);
    }
    await this.integrate(stored);
    for (const listener of this.addedListeners) listener(stored);
    return stored;
  }

  private readonly commitListeners = new Set<(events: readonly LogEvent[]) => void>();
  private readonly addedListeners = new Set<(events: readonly LogEvent[]) => void>();

  /** Called after colleagues' events are on disk and applied (`addVerified`). Returns the unsubscribe. */
  onAdded(listener: (events: readonly LogEvent[]) => void): () => void {
    this.addedListeners.add(listener);
    return () => this.addedListeners.delete(listener);
  }

  /** Called after each change made here is on disk and applied (a desk shares it). Returns the unsubscribe. */
  onCommit(listener: (events: readonly LogEvent[]) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Times the state was derived again from the whole log because events arrived out of order. */
  replays = 0;
  private frontier = new Set<string>();
  /** Appended and not yet applied: a second arrival of one of them is not stored again. */
  private readonly inFlight = new Set<string>();
  private applying: Promise<void> = Promise.resolve();
  private readonly pendingKeys = new Set<string>();
  private background: Promise<void> = Promise.resolve();
  /** Changes in progress, and when the last one ended: the background check gives way to them. */
  private committing = 0;
  private lastCommit = Number.NEGATIVE_INFINITY;
  private closing = false;
  private order: Promise<void> = Promise.resolve();
  private lastStored: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  private writeFile: WriteFile = writeFileAtomic;

  /**
   * After a failed write: is the log on disk still exactly what was acknowledged? Its newest
   * segment must end at the durable head. Until this succeeds, changes are refused.
   */
  private async recheck(): Promise<void> {
    const head = this.log!.durableHead;
    try {
      const read = await readLog(this.dataDir, Math.max(1, head.seq));
      const last = read.entries.at(-1);
      const ok = read.unreadable.length === 0 && (head.seq === 0 ? read.entries.length === 0 : last?.stored.seq === head.seq && last.stored.hash === head.hash);
      this.inDoubt = ok ? null : `the log on disk no longer ends at event #${head.seq}`;
    } catch (error) {
      this.inDoubt = `it could not be read back (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    if (this.inDoubt) throw new StoreReadOnlyError(`a write to ${this.dataDir} failed and ${this.inDoubt}; Isnad checks again with the next change`);
  }

  /** The last event stored, trusted or not: what a recorded gap chains onto. */
  get lastStoredEvent(): { seq: number; hash: string } {
    return this.lastStored;
  }

  /** The last event appended, or null while the store is read-only. */
  get head(): { seq: number; hash: string } | null {
    return this.log?.head ?? null;
  }

  /**
   * Lets changes go on after damage or a restore: the log resumes after event `afterSeq` (which may
   * be past every event on disk, keeping numbers taken), chained onto `follows`. For recovery.ts.
   */
  async resumeAfter(afterSeq: number, follows: string): Promise<void> {
    await this.log?.settle();
    this.log = await EventLog.open(this.dataDir, { seq: afterSeq, hash: follows }, null, this.writeFile);
    this.log.onTrouble = (message) => this.report('write-retried', message);
    this.frontier = new Set(this.state.heads);
    this.damage = null;
    this.readOnlyReason = null;
    this.warnings.splice(0, this.warnings.length, ...this.warnings.filter((warning) => warning.code !== 'log-broken'));
  }

  /** Saves the derived state now (after a recovery, so the next open starts from it). */
  saveCheckpointNow(): Promise<void> {
    return this.saveCheckpoint();
  }

  addWarning(warning: StoreWarning): void {
    this.warnings.push(warning);
  }

  /** The events with these sequence numbers, read from the files. */
  async readEvents(seqs: readonly number[]): Promise<LogEvent[]> {
    if (seqs.length === 0) return [];
    await this.settle();
    return readEventsAt(this.dataDir, seqs);
  }

  /** The id of the key an editor signs with here (made on first use). */
  async keyIdOf(editor: string): Promise<string> {
    return (await this.keys.forEditor(editor)).id;
  }

  /** The events stored after `seq`, exactly as stored (what their hashes and signatures cover). */
  async storedAfter(seq: number): Promise<LogEntry['stored'][]> {
    await this.settle();
    await this.applying;
    return (await readLog(this.dataDir, seq + 1)).entries.map((entry) => entry.stored).filter((stored) => stored.seq > seq);
  }

  /** Every readable event of the log, oldest first. */
  async allEvents(): Promise<LogEvent[]> {
    await this.settle();
    return knownEvents((await readLog(this.dataDir)).entries);
  }

  private saveCheckpointSoon(): void {
    this.eventsSinceCheckpoint = 0;
    this.checkpointing = this.checkpointing
      .then(() => this.saveCheckpoint())
      .catch((error: Error) => this.report('checkpoint', `the state checkpoint could not be saved (${error.message}); the next open reads more of the log`));
  }

  private async saveCheckpoint(): Promise<void> {
    if (!this.writable || !this.log) return;
    await this.log.settle();
    await this.applying;
    await writeStateCheckpoint(this.dataDir, this.state);
  }

  private startBackgroundCheck(sealed: { seq: number; hash: string }): void {
    this.background = checkSealed(this.dataDir, sealed, [...this.state.gaps], () => this.closing, () => this.committing > 0 || performance.now() - this.lastCommit < 250)
      .then((damage) => {
        if (!damage || this.closing) return;
        this.damage = damage;
        this.readOnlyReason = 'the verification history is damaged';
        this.report('log-broken', `${describeDamage(damage)} (found by the check Isnad runs after opening)`);
      })
      .catch((error: Error) => this.report('background-check', `the background check of the history could not run (${error.message}); run "log verify"`));
  }

  /** Resolves when the background check of the history has finished. */
  backgroundChecked(): Promise<void> {
    return this.background;
  }

  /** Resolves once every committed change is on disk. */
  async settle(): Promise<void> {
    await this.log?.settle();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.background;
    await this.settle().catch(() => undefined);
    if (this.eventsSinceCheckpoint > 0) this.saveCheckpointSoon();
    await this.checkpointing.catch(() => undefined);
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
