import { describe, expect, it } from 'vitest';
import { migrate, migrateEvent, NewerSchemaError } from '.';

describe('migrations', () => {
  it('brings a store file of schema 1 to the current schema, unchanged in content', () => {
    const segment = { kind: 'isnad-log-segment', schemaVersion: 1, firstSeq: 1, events: [] };
    expect(migrate(segment)).toEqual({ ...segment, schemaVersion: 3 });
  });

  it('refuses a file from a newer Isnad with a clear error', () => {
    expect(() => migrate({ schemaVersion: 4 })).toThrow(NewerSchemaError);
    expect(() => migrate({ schemaVersion: 4 })).toThrow(/written by a newer version of Isnad/);
  });

  it('runs before validation: an unknown event type or a newer event version is "newer", not corrupt', () => {
    expect(migrateEvent({ seq: 1, type: 'claim.annotated', payload: {} })).toEqual({ kind: 'newer', reason: 'an event of type "claim.annotated"' });
    expect(migrateEvent({ v: 4, seq: 1, type: 'settings.changed', payload: {} })).toMatchObject({ kind: 'newer', reason: expect.stringMatching(/event version 4/) });
  });

  it('reads a schema 1 event as it was stored, so its hash still holds', () => {
    const event = { id: 'e1', seq: 1, type: 'settings.changed', payload: { changes: {} }, hash: 'x' };
    const migrated = migrateEvent(event);
    expect(migrated).toEqual({ kind: 'current', event });
    expect(migrated.kind === 'current' && migrated.event).toBe(event);
  });
});
