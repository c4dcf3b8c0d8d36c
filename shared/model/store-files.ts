import { z } from 'zod';
import { logEventSchema, type LogEvent } from './events';

/**
 * The on-disk layout of a data folder:
 *   isnad.json        the manifest: what this folder is and its schema version
 *   log/NNNNNNNNNN.json  the event log, in segments named by their first event's number
 * Only the newest segment is ever rewritten, so the cost of a change does not grow with history.
 */
export const STORE_SCHEMA_VERSION = 1;

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
  events: z.array(logEventSchema),
});
export type Segment = { kind: 'isnad-log-segment'; schemaVersion: number; firstSeq: number; events: LogEvent[] };

export function segmentFileName(firstSeq: number): string {
  return `${String(firstSeq).padStart(10, '0')}.json`;
}

export const SEGMENT_FILE_PATTERN = /^\d{10}\.json$/;
