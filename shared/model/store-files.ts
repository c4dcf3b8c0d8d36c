import { z } from 'zod';
import type { LogEvent } from './events';

/**
 * The on-disk layout of a data folder:
 *   isnad.json        the manifest: what this folder is and its schema version
 *   log/NNNNNNNNNN.json  the event log, in segments named by their first event's number
 *   log/head.json     the head checkpoint: seq and hash of the last event, written on every commit
 *   head.json         the same checkpoint, kept in a second place
 *   log/set-aside/    damaged segments, under their own names, after "continue with a recorded gap"
 *                     or a restore: their names and sequence numbers stay taken
 *   state.json        the state derived from the log, bound to the log head it was derived from
 * Only the newest segment is ever rewritten, so the cost of a change does not grow with history.
 */
export const STORE_SCHEMA_VERSION = 3;

export const manifestSchema = z.object({
  kind: z.literal('isnad-store'),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const segmentSchema = z.object({
  kind: z.literal('isnad-log-segment'),
  schemaVersion: z.number().int().positive(),
  firstSeq: z.number().int().positive(),
  /** Each event is migrated, then validated, one by one (see migrateEvent). */
  events: z.array(z.unknown()),
});
export type Segment = { kind: 'isnad-log-segment'; schemaVersion: number; firstSeq: number; events: LogEvent[] };

export function segmentFileName(firstSeq: number): string {
  return `${String(firstSeq).padStart(10, '0')}.json`;
}

export const SEGMENT_FILE_PATTERN = /^\d{10}\.json$/;

/** The head checkpoint: where the log ended at the last commit. A log that ends before it was cut. */
export const headCheckpointSchema = z.object({
  kind: z.literal('isnad-head'),
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
});
export type HeadCheckpoint = z.infer<typeof headCheckpointSchema>;

export const HEAD_FILE = 'head.json';
export const SET_ASIDE_DIR = 'set-aside';
export const STATE_FILE = 'state.json';
