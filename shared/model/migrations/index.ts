import { EVENT_SCHEMA_VERSION, EVENT_TYPES, type EventType } from '../events';
import { STORE_SCHEMA_VERSION } from '../store-files';

type Doc = Record<string, unknown>;

/**
 * Pure, numbered migrations of a stored document (manifest, segment), from version N to N + 1.
 * 1 → 2: the head checkpoint and signed events arrived; the layout of the files themselves did
 * not change, so old segments are read as they are and keep their unsigned events.
 * 2 → 3: the log became a DAG (version 3 events name their parents). A segment may now hold
 * version 3 events after the chain of older ones; the chain itself is kept as written, each old
 * event read with the one before it as its one parent (`eventParents`), so an old folder goes on
 * in place and still verifies.
 */
const MIGRATIONS: Record<number, (doc: Doc) => Doc> = {
  1: (doc) => doc,
  2: (doc) => doc,
};

/**
 * Migrations of one event's payload, by event schema version, from N to N + 1. They change how an
 * event is read, never what it is checked against: the hash stays the hash of the stored bytes.
 * 1 → 2 added the envelope fields `v`, `key` and `sig`; 2 → 3 replaced `prevHash` by `parents` in
 * the envelope; payloads did not change.
 */
const EVENT_MIGRATIONS: Record<number, (type: EventType, payload: unknown) => unknown> = {
  1: (_type, payload) => payload,
  2: (_type, payload) => payload,
};

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`this data was written by a newer version of Isnad (schema version ${found}; this one reads up to ${STORE_SCHEMA_VERSION}): update Isnad to open it`);
    this.name = 'NewerSchemaError';
  }
}

/** Brings a document up to the current schema version, or throws if it is newer than we know. */
export function migrate<T extends { schemaVersion: number }>(doc: T): T {
  if (doc.schemaVersion > STORE_SCHEMA_VERSION) throw new NewerSchemaError(doc.schemaVersion);
  let current = doc as unknown as Doc & { schemaVersion: number };
  while (current.schemaVersion < STORE_SCHEMA_VERSION) {
    const step = MIGRATIONS[current.schemaVersion];
    if (!step) throw new Error(`no migration from schema version ${current.schemaVersion}`);
    current = { ...step(current), schemaVersion: current.schemaVersion + 1 };
  }
  return current as unknown as T;
}

export type MigratedEvent =
  | { kind: 'current'; event: Doc }
  /** Written by a newer Isnad: readable by it, not by us. Never "corrupt". */
  | { kind: 'newer'; reason: string };

/**
 * Runs before validation, so an old event is upgraded and a newer one is recognised as newer
 * rather than called malformed. Returns the event as this version reads it.
 */
export function migrateEvent(raw: unknown): MigratedEvent {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'current', event: raw as Doc };
  const doc = raw as Doc;
  const version = typeof doc.v === 'number' ? doc.v : 1;
  if (version > EVENT_SCHEMA_VERSION) return { kind: 'newer', reason: `event version ${version} (this Isnad reads up to ${EVENT_SCHEMA_VERSION})` };
  if (typeof doc.type === 'string' && !(EVENT_TYPES as string[]).includes(doc.type)) return { kind: 'newer', reason: `an event of type "${doc.type.slice(0, 60)}"` };
  let payload = doc.payload;
  for (let step = version; step < EVENT_SCHEMA_VERSION; step++) payload = EVENT_MIGRATIONS[step]!(doc.type as EventType, payload);
  return { kind: 'current', event: payload === doc.payload ? doc : { ...doc, payload } };
}
