import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { evidenceInputSchema } from './evidence';
import { storedReportSchema } from './report';
import { verdictSchema } from './verdict';
import { claimReshapeSchema, linkRelationSchema, versionChangeSchema } from './story-events';

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
  /**
   * One verdict for several claims of one claim group ("apply to the group"), in one event: each
   * claim named with its report, its status before and its selector, as a status change would.
   */
  'group.statusChanged': z.object({
    /** The claim group the editor applied it to (its id when applied). */
    group: claimId,
    to: verdictSchema,
    note: z.string().max(20_000).nullable(),
    claims: z
      .array(z.object({ claimId, reportId: z.string(), from: verdictSchema, selector: quoteSelectorSchema }))
      .min(1)
      .max(10_000)
      .refine((claims) => new Set(claims.map((c) => c.claimId)).size === claims.length, 'each claim once'),
  }),
  'evidence.added': z.object({ claimId, evidenceId: z.string(), evidence: evidenceInputSchema }),
  'evidence.edited': z.object({ claimId, evidenceId: z.string(), evidence: evidenceInputSchema }),
  'evidence.removed': z.object({ claimId, evidenceId: z.string(), reason: z.string().max(2000).nullable() }),
  /**
   * A report is an updated version of another: each of its claims against the previous version's,
   * as the import found them. Recorded after the decisions it carried over, so the claims it flags
   * "changed since verified" stay flagged until an editor acts on them.
   */
  'report.versioned': z.object({ reportId: z.string(), replaces: z.string(), changes: z.array(versionChangeSchema).max(100_000) }),
  /** An editor links two claims (or confirms or changes the engine's link); recomputing never overrides it. */
  'claim.linked': z.object({ a: claimId, b: claimId, relation: linkRelationSchema, note: z.string().max(2000).nullable() }),
  /** An editor says two claims are not linked, whatever the engine finds. */
  'claim.unlinked': z.object({ a: claimId, b: claimId, note: z.string().max(2000).nullable() }),
  /** An editor splits a claim in two at a point (a UTF-16 offset into the report's text). */
  'claim.split': claimReshapeSchema.extend({ claimId, at: z.number().int().positive() }),
  /** An editor merges two adjacent claims of one report into one. */
  'claim.merged': claimReshapeSchema.extend({ a: claimId, b: claimId }),
  /** An editor draws a claim the engine did not make, from a span of the text. */
  'claim.drawn': claimReshapeSchema,
  /** An editor moves a claim's boundaries. */
  'claim.resized': claimReshapeSchema.extend({ claimId }),
  /** A reviewer's (or anyone's) remark on a claim: changes nothing in the verification. */
  'claim.commented': z.object({ claimId, reportId: z.string(), text: z.string().trim().min(1, 'a comment needs text').max(20_000) }),
  /**
   * Who works on a shared story, by signing key: editors decide, reviewers read and comment. The
   * first list is made by whoever starts it; later ones only by an editor of the list before.
   */
  'story.members': z.object({
    members: z.array(z.object({ keyId: z.string().regex(/^[0-9a-f]{64}$/), editor, role: z.enum(['editor', 'reviewer']) })).min(1).max(1000),
  }),
  /** An editor's Ed25519 public key, signed by that key. Later events name it by `keyId`. */
  'key.registered': z.object({ keyId: z.string().regex(/^[0-9a-f]{64}$/), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'not a base64 Ed25519 key'), editor }),
  /**
   * The editor chose to continue after damage: events `from`..`to` are lost, and the files that held
   * them were set aside under their own names. `log verify` then reports the gap instead of "intact".
   */
  'log.gap': z.object({
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    reason: z.string().max(2000),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative().nullable(), sha256: z.string().nullable() })).max(10_000),
  }),
  /** The log was restored from a JSON export, after damage; the damaged files were set aside. */
  'log.restored': z.object({
    count: z.number().int().nonnegative(),
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    export: z.string().max(2000),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative().nullable(), sha256: z.string().nullable() })).max(10_000),
  }),
} as const;

export type EventType = keyof typeof eventPayloadSchemas;
export const EVENT_TYPES = Object.keys(eventPayloadSchemas) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

/**
 * Schema version of an event. 1: unsigned, hash-chained (no `v` field). 2: `v`, `key` and `sig`.
 * 3: `parents` (the heads its editor had seen) instead of `prevHash`, and `seq` left out of the
 * hash: an event is the same wherever it is stored, so it can be replicated (the log is a DAG).
 * The hash is always taken over the event as stored, so a migration may change how an old event
 * is read, never the bytes it is checked against.
 */
export const EVENT_SCHEMA_VERSION = 3;

/** Most parents an event may name: concurrent heads are merged by the next event, so a few suffice. */
export const MAX_PARENTS = 64;

interface EventBase<T extends EventType> {
  /** Absent on version 1 events. */
  v?: number;
  id: string;
  /**
   * 1, 2, 3… with no gaps: a missing number is a missing event. The event's place in this folder's
   * log; from version 3 on it is not part of the hash, as another folder holds the event elsewhere.
   */
  seq: number;
  /** ISO date-time. */
  at: string;
  editor: string;
  type: T;
  payload: EventPayload<T>;
  /** Versions 1 and 2: the hash of the event before, in one chain. */
  prevHash?: string;
  /** Version 3 on: hashes of the heads its editor had seen (sorted, none for a first event). */
  parents?: string[];
  /** Id (SHA-256 of the raw public key) of the editor's key that signed the event; version 2 on. */
  key?: string;
  /** SHA-256 (hex) of `eventHashInput(event)`. */
  hash: string;
  /** Base64 Ed25519 signature of `eventSigningText(hash)`; version 2 on. */
  sig?: string;
}
export type LogEvent = { [T in EventType]: EventBase<T> }[EventType];
/** An event before it is sealed into the chain. */
export type DraftEvent = { [T in EventType]: Pick<EventBase<T>, 'type' | 'payload'> }[EventType];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const eventEnvelope = z.object({
  v: z.number().int().min(2).max(EVENT_SCHEMA_VERSION).optional(),
  id: z.string().min(1),
  seq: z.number().int().positive(),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time'),
  editor,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  payload: z.unknown(),
  prevHash: hex64.optional(),
  parents: z.array(hex64).max(MAX_PARENTS).optional(),
  key: hex64.optional(),
  hash: hex64,
  sig: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a base64 Ed25519 signature').optional(),
});

/** Validates one stored event, payload included. */
export const logEventSchema = eventEnvelope.superRefine((event, ctx) => {
  if (event.v !== undefined && (event.key === undefined || event.sig === undefined)) ctx.addIssue({ code: 'custom', message: `a version ${event.v} event must carry its key and signature`, path: ['sig'] });
  const dag = (event.v ?? 1) >= 3;
  if (dag && (event.parents === undefined || event.prevHash !== undefined)) ctx.addIssue({ code: 'custom', message: `a version ${event.v} event names its parents, not a prevHash`, path: ['parents'] });
  if (!dag && (event.prevHash === undefined || event.parents !== undefined)) ctx.addIssue({ code: 'custom', message: `a version ${event.v ?? 1} event names the hash before it (prevHash), not parents`, path: ['prevHash'] });
  if (event.parents && !event.parents.every((parent, i, all) => i === 0 || all[i - 1]! < parent)) ctx.addIssue({ code: 'custom', message: 'parents must be sorted and distinct', path: ['parents'] });
  const result = eventPayloadSchemas[event.type].safeParse(event.payload);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['payload', ...issue.path] } as never);
  }
}) as unknown as z.ZodType<LogEvent>;

/**
 * The exact text whose SHA-256 is the event's hash: every stored field but the hash and the
 * signature (and, from version 3 on, the local `seq`), so an event of any version, even one this
 * Isnad cannot read, can be checked.
 */
export function eventHashInput(event: object): string {
  const { hash: _hash, sig: _sig, ...rest } = event as Record<string, unknown>;
  if (typeof rest.v === 'number' && rest.v >= 3) delete rest.seq;
  return canonicalJson(rest);
}

/** The events an event follows: its parents, or for a version 1 or 2 event the one before it in the chain. */
export function eventParents(event: { prevHash?: string; parents?: readonly string[] }): readonly string[] {
  if (event.parents) return event.parents;
  return event.prevHash === undefined || event.prevHash === GENESIS_HASH ? [] : [event.prevHash];
}

/** What an editor's key signs: the event hash, so the signature covers everything the hash does. */
export function eventSigningText(hash: string): string {
  return `isnad-event:${hash}`;
}
