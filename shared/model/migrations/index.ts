import { STORE_SCHEMA_VERSION } from '../store-files';

/**
 * Pure, numbered migrations of a stored document, from version N to N + 1. Version 1 is the first
 * released layout, so the list starts empty; a change of layout adds `2: (doc) => …` here with a
 * test, and bumps STORE_SCHEMA_VERSION.
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`this data was written by a newer Isnad (schema version ${found}; this one reads up to ${STORE_SCHEMA_VERSION}): update Isnad to open it`);
    this.name = 'NewerSchemaError';
  }
}

/** Brings a document up to the current schema version, or throws if it is newer than we know. */
export function migrate<T extends { schemaVersion: number }>(doc: T): T {
  if (doc.schemaVersion > STORE_SCHEMA_VERSION) throw new NewerSchemaError(doc.schemaVersion);
  let current = doc as unknown as Record<string, unknown> & { schemaVersion: number };
  while (current.schemaVersion < STORE_SCHEMA_VERSION) {
    const step = MIGRATIONS[current.schemaVersion];
    if (!step) throw new Error(`no migration from schema version ${current.schemaVersion}`);
    current = { ...step(current), schemaVersion: current.schemaVersion + 1 };
  }
  return current as unknown as T;
}
