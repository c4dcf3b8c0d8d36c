import { eventHashInput, eventSigningText, GENESIS_HASH, type LogEvent } from './events';

/** The hashing and signature checks, passed in so this stays pure. */
export interface LogCrypto {
  sha256(text: string): string;
  /** Id of a base64 raw Ed25519 public key: the SHA-256 (hex) of its 32 bytes. */
  keyId(publicKey: string): string;
  verify(publicKey: string, text: string, signature: string): boolean;
}

/** One entry of the log as read from disk: the stored fields, and the event as this Isnad reads it. */
export interface LogEntry {
  /** The event as stored: the hash and signature are checked against this. */
  stored: { seq: number; prevHash?: string; parents?: readonly string[]; hash: string; v?: number; key?: string; sig?: string; type: string; editor?: string; payload?: unknown };
  /** Null when the event was written by a newer Isnad. */
  event: LogEvent | null;
  file: string;
}

/** A range of events the reader could not read at all (an unreadable or malformed segment). */
export interface UnreadableRange {
  from: number;
  /** Null when the end is unknown (the last segment, with no head checkpoint past it). */
  to: number | null;
  file: string;
  reason: string;
}

export type ProblemKind = 'unreadable' | 'missing' | 'altered' | 'unsigned' | 'bad-signature' | 'unknown-key' | 'truncated' | 'newer';

export interface LogProblem {
  kind: ProblemKind;
  from: number;
  to: number | null;
  file: string | null;
  message: string;
}

export interface RecordedGap {
  from: number;
  to: number;
  /** The log.gap event that recorded it. */
  seq: number;
  editor: string;
  reason: string;
}

export interface SignerSummary {
  keyId: string;
  editor: string;
  events: number;
}

export interface LogCheck {
  /** Events read. */
  count: number;
  headSeq: number;
  headHash: string;
  problems: LogProblem[];
  gaps: RecordedGap[];
  signers: SignerSummary[];
  /** Events written before Isnad signed events (schema 1); they are checked by hash only. */
  unsigned: number;
  /**
   * Events after lost or unreadable history, signed by a key whose registration was in the lost
   * part: their hashes and chain are checked, their signatures cannot be.
   */
  unverifiable: number;
  /** Registered keys, id → base64 public key and editor. */
  keys: Map<string, { publicKey: string; editor: string }>;
}

export interface CheckOptions {
  /** Continue a check from a verified point (a state checkpoint) instead of the first event. */
  startAfter?: { seq: number; hash: string; keys: ReadonlyMap<string, { publicKey: string; editor: string }>; signed: boolean; known?: { has(hash: string): boolean } };
  unreadable?: readonly UnreadableRange[];
  /** The head checkpoint: the log must reach it, and hold the same hash there. */
  head?: { seq: number; hash: string; file: string } | null;
  /** Gaps recorded by log.gap events (all of the log, even ones past `startAfter`). */
  gaps?: readonly RecordedGap[];
  /**
   * Check signatures only from this event on (hashes and links are always checked): for a fast
   * open, whose earlier events are checked in the background.
   */
  signaturesFrom?: number;
}

const RANGE_TEXT: Partial<Record<ProblemKind, string>> = {
  altered: 'were altered: their content does not match their hash, or they do not follow the event before',
  'bad-signature': 'have signatures that do not match (they were forged or altered)',
  'unknown-key': 'are signed by a key the log never registered',
  unsigned: 'are unsigned, after signed events: they were not written by Isnad',
  newer: 'were written by a newer version of Isnad',
};

const range = (from: number, to: number | null) => (to === null ? `#${from} onward` : from === to ? `#${from}` : `#${from}–#${to}`);

/** Log.gap events in a list of entries: the recorded gaps, whatever else is wrong with the log. */
export function recordedGaps(entries: readonly LogEntry[]): RecordedGap[] {
  const gaps: RecordedGap[] = [];
  for (const { event } of entries) {
    if (event?.type === 'log.gap') gaps.push({ from: event.payload.from, to: event.payload.to, seq: event.seq, editor: event.editor, reason: event.payload.reason });
  }
  return gaps;
}

/**
 * Checks the log: numbered without holes, each event of the old chain pointing at the hash of the
 * one before and each event of the DAG naming parents stored before it, each hash matching its
 * content, each signature made by a key the log registered, and the log reaching its head checkpoint. Ranges a recorded gap covers are reported as gaps, not damage.
 * Unlike a first-failure check it goes on past damage, so it can say what is still readable.
 */
export function checkLog(entries: readonly LogEntry[], crypto: LogCrypto, options: CheckOptions = {}): LogCheck {
  const gaps = options.gaps ?? recordedGaps(entries);
  const covered = (from: number, to: number) => gaps.some((gap) => gap.from <= from && gap.to >= to);
  const problems: LogProblem[] = [];
  const add = (kind: ProblemKind, from: number, to: number | null, file: string | null, message: string) => {
    if (to !== null && covered(from, to)) return;
    // A run of events with the same fault is one problem over a range, not a line per event.
    const last = problems.at(-1);
    if (last && RANGE_TEXT[kind] && last.kind === kind && last.file === file && last.to !== null && last.to + 1 === from && to === from) {
      last.to = from;
      last.message = `events ${range(last.from, last.to)} in ${file} ${RANGE_TEXT[kind]}`;
      return;
    }
    problems.push({ kind, from, to, file, message });
  };
  const keys = new Map(options.startAfter?.keys ?? []);
  const signers = new Map<string, SignerSummary>();
  const headSeen = options.head;
  // An unreadable last segment runs to the head checkpoint, when there is one.
  const unreadable = [...(options.unreadable ?? [])]
    .map((hole) => (hole.to === null && headSeen && headSeen.seq >= hole.from ? { ...hole, to: headSeen.seq } : hole))
    .sort((a, b) => a.from - b.from);
  for (const hole of unreadable) add('unreadable', hole.from, hole.to, hole.file, `${hole.file}: ${hole.reason}; events ${range(hole.from, hole.to)} cannot be read`);

  let expected = (options.startAfter?.seq ?? 0) + 1;
  let prevHash: string | null = options.startAfter?.hash ?? GENESIS_HASH;
  let signedSeen = options.startAfter?.signed ?? false;
  let unsigned = 0;
  let unverifiable = 0;
  // Whether history before this point is lost or unreadable: a key may have been registered there.
  let lostBefore = unreadable.some((hole) => hole.from <= expected) || gaps.some((gap) => gap.from <= expected);
  let headSeq = options.startAfter?.seq ?? 0;
  let headHash = options.startAfter?.hash ?? GENESIS_HASH;
  const seen = new Set<string>();
  const known = (hash: string) => seen.has(hash) || (options.startAfter?.known?.has(hash) ?? false);

  for (const { stored, event, file } of entries) {
    const seq = stored.seq;
    if (seq < expected) {
      add('altered', seq, seq, file, `event #${seq} in ${file} is out of order (expected #${expected})`);
      continue;
    }
    if (seq > expected) {
      lostBefore = true;
      const hole = unreadable.find((h) => h.from <= expected && (h.to === null || h.to >= expected));
      if (!hole) add('missing', expected, seq - 1, file, `events ${range(expected, seq - 1)} are missing (the log goes on at #${seq} in ${file})`);
      prevHash = null;
    }
    if ((stored.v ?? 1) >= 3) {
      const absent = (stored.parents ?? []).filter((parent) => !known(parent));
      if (absent.length > 0 && !lostBefore) add('missing', seq, seq, file, `event #${seq} in ${file} follows ${absent.length === 1 ? 'an event' : `${absent.length} events`} the log does not hold (${absent.map((hash) => `${hash.slice(0, 12)}…`).join(', ')}): history was removed`);
      if (known(stored.hash)) add('altered', seq, seq, file, `event #${seq} in ${file} is stored twice (its hash ${stored.hash.slice(0, 12)}… is already in the log)`);
    } else if (prevHash !== null && stored.prevHash !== prevHash) {
      add('altered', seq, seq, file, `event #${seq} in ${file} does not follow event #${seq - 1}: its prevHash does not match (history was rewritten)`);
    }
    seen.add(stored.hash);
    if (crypto.sha256(eventHashInput(stored)) !== stored.hash) add('altered', seq, seq, file, `event #${seq} (${stored.type}) in ${file} was altered: its content does not match its hash`);

    if (stored.v === undefined) {
      unsigned++;
      if (signedSeen) add('unsigned', seq, seq, file, `event #${seq} in ${file} is unsigned, after signed events: it was not written by Isnad`);
    } else if (seq < (options.signaturesFrom ?? 0)) {
      signedSeen = true;
    } else {
      signedSeen = true;
      let key = stored.key === undefined ? undefined : keys.get(stored.key);
      // A key registration is signed by the key it registers.
      if (!key && event?.type === 'key.registered' && event.payload.keyId === stored.key && crypto.keyId(event.payload.publicKey) === stored.key) {
        key = { publicKey: event.payload.publicKey, editor: event.payload.editor };
      }
      if (!key && lostBefore) unverifiable++;
      else if (!key) add('unknown-key', seq, seq, file, `event #${seq} in ${file} is signed by a key the log never registered`);
      else if (stored.sig === undefined || !safeVerify(crypto, key.publicKey, eventSigningText(stored.hash), stored.sig)) {
        add('bad-signature', seq, seq, file, `event #${seq} in ${file} has a signature that does not match (it was forged or altered)`);
      } else {
        if (event?.type === 'key.registered' && stored.key === event.payload.keyId) keys.set(event.payload.keyId, key);
        const signer = signers.get(stored.key!) ?? { keyId: stored.key!, editor: key.editor, events: 0 };
        signer.events++;
        signers.set(stored.key!, signer);
      }
    }
    if (event === null) add('newer', seq, seq, file, `event #${seq} (${stored.type}) in ${file} was written by a newer version of Isnad`);

    if (options.head && seq === options.head.seq && stored.hash !== options.head.hash) {
      add('altered', seq, seq, file, `event #${seq} in ${file} does not have the hash the head checkpoint (${options.head.file}) records: history was rewritten`);
    }
    prevHash = stored.hash;
    expected = seq + 1;
    headSeq = seq;
    headHash = stored.hash;
  }

  const head = options.head;
  if (head) {
    const last = unreadable.at(-1);
    const lastReadable = Math.max(headSeq, ...unreadable.map((hole) => hole.to ?? 0));
    if (head.seq > lastReadable && !(last && (last.to === null || last.to >= head.seq) && last.from <= lastReadable + 1)) {
      add('truncated', lastReadable + 1, head.seq, null, `the log ends at #${lastReadable}, but the head checkpoint (${head.file}) records #${head.seq}: events ${range(lastReadable + 1, head.seq)} are missing`);
    } else if (head.seq === options.startAfter?.seq && head.hash !== options.startAfter.hash) {
      add('altered', head.seq, head.seq, head.file, `event #${head.seq} does not have the hash the head checkpoint (${head.file}) records: history was rewritten`);
    }
  }

  return { count: entries.length, headSeq, headHash, problems, gaps: [...gaps], signers: [...signers.values()], unsigned, unverifiable, keys };
}

function safeVerify(crypto: LogCrypto, publicKey: string, text: string, signature: string): boolean {
  try {
    return crypto.verify(publicKey, text, signature);
  } catch {
    return false;
  }
}

/** One line per problem, in log order. */
export function describeProblems(check: LogCheck): string[] {
  return [...check.problems].sort((a, b) => a.from - b.from).map((problem) => problem.message);
}
