import { EVENT_SCHEMA_VERSION, eventHashInput, eventParents, eventSigningText, logEventSchema, type LogEvent } from './events';
import { formatZodError } from './format-error';
import type { LogCrypto } from './log-check';
import { migrateEvent } from './migrations';

/**
 * The check every event from a colleague passes before it is added to a folder: it must be an
 * event of the DAG (version 3 on), well formed, hold the content its hash names, be signed by a
 * key registered for its editor, and follow events this folder holds or that come with it.
 * Nothing that fails is applied; each refusal says why.
 */

export interface RefusedEvent {
  /** The hash the event claims, when it has one. */
  hash: string | null;
  editor: string | null;
  reason: string;
}

export interface IncomingCheck {
  /** Parents first, ready for `IsnadStore.addVerified`. */
  accepted: LogEvent[];
  refused: RefusedEvent[];
  /** Well formed and signed, but following events neither held nor in the batch. */
  waiting: LogEvent[];
}

export interface IncomingContext {
  /** Whether this folder holds an event. */
  holds(hash: string): boolean;
  /** Keys registered in this folder, by id. */
  keys: ReadonlyMap<string, { publicKey: string; editor: string }>;
  /** Refuses an event on the story's rules (a reviewer's status change); null to accept. */
  permits?(event: LogEvent, keys: ReadonlyMap<string, { publicKey: string; editor: string }>): string | null;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

export function checkIncoming(raws: readonly unknown[], context: IncomingContext, crypto: LogCrypto): IncomingCheck {
  const refused: RefusedEvent[] = [];
  const candidates: LogEvent[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const doc = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
    const hash = typeof doc?.hash === 'string' ? doc.hash : null;
    const editor = typeof doc?.editor === 'string' ? doc.editor.slice(0, 120) : null;
    const refuse = (reason: string) => refused.push({ hash, editor, reason });
    if (!doc) {
      refuse('not an event (not a JSON object)');
      continue;
    }
    if (hash !== null && (context.holds(hash) || seen.has(hash))) continue;
    const migrated = migrateEvent(doc);
    if (migrated.kind === 'newer') {
      refuse(`written by a newer version of Isnad (${migrated.reason}); update Isnad to take it`);
      continue;
    }
    if (doc.v !== EVENT_SCHEMA_VERSION) {
      refuse(doc.v === undefined || doc.v === 2 ? 'unsigned or not an event of a shared story (no version 3 envelope)' : `event version ${String(doc.v).slice(0, 20)} is not one a desk shares`);
      continue;
    }
    if ('seq' in doc) {
      refuse('carries a sequence number: an event shared with colleagues has none (each folder numbers its own)');
      continue;
    }
    const parsed = logEventSchema.safeParse({ ...migrated.event, seq: 1 });
    if (!parsed.success) {
      refuse(`malformed: ${formatZodError(parsed.error)}`);
      continue;
    }
    if (crypto.sha256(eventHashInput(doc)) !== hash) {
      refuse('altered: its content does not match its hash');
      continue;
    }
    seen.add(hash);
    // Kept as it came (validation drops unknown fields, and the hash covers them); numbered when stored.
    candidates.push({ ...doc, seq: 0 } as unknown as LogEvent);
  }

  // Parents first: an event is taken once every parent is held or taken, so keys registered in
  // the batch are known before the events they sign.
  const keys = new Map(context.keys);
  const taken = new Set<string>();
  const accepted: LogEvent[] = [];
  const failed = new Set<string>();
  let pending = candidates;
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const next: LogEvent[] = [];
    for (const event of pending) {
      const parents = eventParents(event);
      if (parents.some((parent) => failed.has(parent))) {
        failed.add(event.hash);
        refused.push({ hash: event.hash, editor: event.editor, reason: `follows a refused event (${short(parents.find((parent) => failed.has(parent))!)})` });
        progress = true;
        continue;
      }
      if (!parents.every((parent) => context.holds(parent) || taken.has(parent))) {
        next.push(event);
        continue;
      }
      progress = true;
      const reason = signatureProblem(event, keys, crypto) ?? context.permits?.(event, keys) ?? null;
      if (reason) {
        failed.add(event.hash);
        refused.push({ hash: event.hash, editor: event.editor, reason });
        continue;
      }
      if (event.type === 'key.registered') keys.set(event.payload.keyId, { publicKey: event.payload.publicKey, editor: event.payload.editor });
      taken.add(event.hash);
      accepted.push(event);
    }
    pending = next;
  }
  return { accepted, refused, waiting: pending };
}

function signatureProblem(event: LogEvent, keys: ReadonlyMap<string, { publicKey: string; editor: string }>, crypto: LogCrypto): string | null {
  if (event.key === undefined || event.sig === undefined) return 'unsigned';
  let key = keys.get(event.key);
  // A key registration is signed by the key it registers.
  if (!key && event.type === 'key.registered' && event.payload.keyId === event.key && crypto.keyId(event.payload.publicKey) === event.key) {
    key = { publicKey: event.payload.publicKey, editor: event.payload.editor };
  }
  if (!key) return `signed by a key the story never registered (${short(event.key)})`;
  if (key.editor !== event.editor) return `signed with the key of ${key.editor}, but says it was made by ${event.editor}`;
  let valid = false;
  try {
    valid = crypto.verify(key.publicKey, eventSigningText(event.hash), event.sig);
  } catch {
    valid = false;
  }
  return valid ? null : 'forged: its signature does not match';
}
