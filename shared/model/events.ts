import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { evidenceInputSchema } from './evidence';
import { storedReportSchema } from './report';
import { verdictSchema } from './verdict';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

const claimId = z.string().min(1).max(200);
const editor = z.string().trim().min(1, 'editor name is required').max(120);

export const settingsSchema = z.object({
  editorName: editor.nullable(),
  /** The newsroom that publishes fact-checks (ClaimReview `author`). */
  organizationName: z.string().trim().max(200).nullable(),
  organizationUrl: z.string().max(2000).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const quoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

/** Every kind of event and what it carries. Adding a kind is a schema change of the log. */
export const eventPayloadSchemas = {
  'report.imported': z.object({ report: storedReportSchema }),
  'report.removed': z.object({ reportId: z.string(), reason: z.string().max(2000).nullable() }),
  'settings.changed': z.object({ changes: settingsSchema.partial() }),
  'claim.statusChanged': z.object({
    claimId,
    reportId: z.string(),
    from: verdictSchema,
    to: verdictSchema,
    note: z.string().max(20_000).nullable(),
    /** Anchors the claim in its text, so the decision survives an update of the article. */
    selector: quoteSelectorSchema,
  }),
  'evidence.added': z.object({ claimId, evidenceId: z.string(), evidence: evidenceInputSchema }),
  'evidence.edited': z.object({ claimId, evidenceId: z.string(), evidence: evidenceInputSchema }),
  'evidence.removed': z.object({ claimId, evidenceId: z.string(), reason: z.string().max(2000).nullable() }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export const EVENT_TYPES = Object.keys(eventPayloadSchemas) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

interface EventBase<T extends EventType> {
  id: string;
  /** 1, 2, 3… with no gaps: a missing number is a missing event. */
  seq: number;
  /** ISO date-time. */
  at: string;
  editor: string;
  type: T;
  payload: EventPayload<T>;
  prevHash: string;
  /** SHA-256 (hex) of `eventHashInput(event)`. */
  hash: string;
}
export type LogEvent = { [T in EventType]: EventBase<T> }[EventType];
/** An event before it is sealed into the chain. */
export type DraftEvent = { [T in EventType]: Pick<EventBase<T>, 'type' | 'payload'> }[EventType];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const eventEnvelope = z.object({
  id: z.string().min(1),
  seq: z.number().int().positive(),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time'),
  editor,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  payload: z.unknown(),
  prevHash: hex64,
  hash: hex64,
});

/** Validates one stored event, payload included. */
export const logEventSchema = eventEnvelope.superRefine((event, ctx) => {
  const result = eventPayloadSchemas[event.type].safeParse(event.payload);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['payload', ...issue.path] } as never);
  }
}) as unknown as z.ZodType<LogEvent>;

/** The exact text whose SHA-256 is the event's hash: every field but the hash itself. */
export function eventHashInput(event: Omit<LogEvent, 'hash'>): string {
  const { id, seq, at, editor: who, type, payload, prevHash } = event;
  return canonicalJson({ id, seq, at, editor: who, type, payload, prevHash });
}

export type ChainCheck =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; seq: number; index: number; reason: string };

/**
 * Checks that events form one unbroken chain: numbered 1..n in order, each pointing at the hash
 * of the one before, each hash matching its content. `sha256` is passed in so this stays pure.
 */
export function checkChain(events: readonly LogEvent[], sha256: (text: string) => string, startAfter?: { seq: number; hash: string }): ChainCheck {
  let prevHash = startAfter?.hash ?? GENESIS_HASH;
  let expectedSeq = (startAfter?.seq ?? 0) + 1;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const fail = (reason: string): ChainCheck => ({ ok: false, count: events.length, seq: event.seq, index, reason });
    if (event.seq !== expectedSeq) return fail(`event #${expectedSeq} is missing (found #${event.seq} in its place)`);
    if (event.prevHash !== prevHash) return fail(`event #${event.seq} does not follow event #${event.seq - 1}: its prevHash does not match`);
    const { hash, ...rest } = event;
    if (sha256(eventHashInput(rest)) !== hash) return fail(`event #${event.seq} (${event.type}, ${event.at}) was altered: its content does not match its hash`);
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, count: events.length, headHash: prevHash };
}
