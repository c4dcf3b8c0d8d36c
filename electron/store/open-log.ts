import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryProblem, StoreDamage, StoreWarning } from '../../shared/contract/channels';
import { GENESIS_HASH, type LogEvent } from '../../shared/model/events';
import { checkLog, recordedGaps, type LogCheck, type LogEntry, type RecordedGap } from '../../shared/model/log-check';
import { STATE_FILE } from '../../shared/model/store-files';
import { applyEvents, emptyState, type WorkbenchState } from '../../shared/model/state';
import { stateFromJson, type StateCheckpoint } from '../../shared/model/state-checkpoint';
import { nodeLogCrypto } from '../crypto/ed25519';
import { listSegments, readLog, readSegment, type LogRead } from './log-reader';
import { readStateCheckpoint } from './state-checkpoint-file';

export interface OpenedLog {
  state: WorkbenchState;
  tail: LogRead['tail'];
  damage: StoreDamage | null;
  warnings: StoreWarning[];
  /** Events replayed on top of the state checkpoint (all of them when there was none). */
  replayed: number;
  segments: number;
  /** The last event stored, trusted or not: a recorded gap chains onto it. */
  last: { seq: number; hash: string };
  /** When opened from the state checkpoint: the part of the log it vouched for, to re-check in the background. */
  sealed: { seq: number; hash: string } | null;
}

/** Problems that make an event untrustworthy: it is not applied. */
const DISTRUSTED = new Set(['altered', 'bad-signature', 'unknown-key', 'unsigned']);

/**
 * Reads the log for opening: from the saved state when it is still bound to the log (same head
 * hash, sealed segments unchanged in size), else from the first event. Everything after that
 * point is re-checked (chain, hashes, signatures, head checkpoint). Damage never moves or
 * rewrites a file: it is described, and the store opens read-only.
 */
export async function openLog(dataDir: string, useCheckpoint = true): Promise<OpenedLog> {
  await mkdir(join(dataDir, 'log'), { recursive: true });
  let checkpoint = useCheckpoint ? await readStateCheckpoint(dataDir) : null;
  const saved = checkpoint;
  const tail = checkpoint?.tail ?? null;
  let read = await readLog(dataDir, tail ? tail.firstSeq : 1);
  if (checkpoint && (!tail || !(await stillBound(checkpoint, read)))) {
    checkpoint = null;
    read = await readLog(dataDir);
  }
  // The checkpoint's newest segment is checked whole (it may have been appended to, or edited,
  // since); only what follows the checkpoint is applied.
  const entries = checkpoint ? read.entries.filter((entry) => entry.stored.seq > checkpoint!.headSeq) : read.entries;
  const state = emptyState(GENESIS_HASH);
  if (checkpoint) stateFromJson(checkpoint.state, state);
  const check = checkLog(read.entries, nodeLogCrypto, {
    // Before the tail no unsigned event can follow a signed one in a whole log, so `signed` starts false.
    startAfter: checkpoint && tail ? { seq: tail.firstSeq - 1, hash: tail.prevHash, keys: state.keys, signed: false, known: { has: (hash) => (state.dag.get(hash)?.seq ?? Number.POSITIVE_INFINITY) < tail.firstSeq } } : undefined,
    unreadable: read.unreadable,
    // The signatures of events the saved state covers are checked in the background (checkSealed).
    signaturesFrom: checkpoint ? checkpoint.headSeq + 1 : undefined,
    head: furthestHead(read, saved, dataDir),
    gaps: [...state.gaps, ...recordedGaps(entries)],
  });
  const distrusted = new Set<number>();
  for (const problem of check.problems) if (DISTRUSTED.has(problem.kind)) for (let seq = problem.from; seq <= (problem.to ?? problem.from); seq++) distrusted.add(seq);
  const trusted: LogEvent[] = [];
  for (const entry of entries) if (entry.event && !distrusted.has(entry.stored.seq)) trusted.push(entry.event);
  // Events that arrived from colleagues may sort before what the saved state already holds: the
  // state is then derived again from the whole log, so it is the same as on every other replica.
  if (!applyEvents(state, trusted)) return openLog(dataDir, false);

  const warnings: StoreWarning[] = read.head.problems.map((message) => ({ code: 'head-checkpoint', message: `${message}; it is written again with the next change` }));
  for (const gap of state.gaps) {
    warnings.push({ code: 'log-gap', message: `The history has a recorded gap: events #${gap.from}–#${gap.to} were lost (recorded by ${gap.editor} as event #${gap.seq}: ${gap.reason}).` });
  }
  const lastEntry = entries.at(-1);
  const last = lastEntry ? { seq: lastEntry.stored.seq, hash: lastEntry.stored.hash } : { seq: state.headSeq, hash: state.headHash };
  const damage = check.problems.length > 0 || read.newer.length > 0 ? damageOf(check, read, state, entries) : null;
  const sealed = checkpoint && checkpoint.headSeq > 0 ? { seq: checkpoint.headSeq, hash: checkpoint.headHash } : null;
  return { state, tail: read.tail, damage, warnings, replayed: entries.length, segments: read.segments.length, last, sealed };
}

/** The saved state is a third witness of where the log ended: with both head checkpoints gone, it still shows a cut. */
function furthestHead(read: LogRead, saved: StateCheckpoint | null, dataDir: string): { seq: number; hash: string; file: string } | null {
  const head = read.head.head;
  if (saved && saved.headSeq > (head?.seq ?? 0)) return { seq: saved.headSeq, hash: saved.headHash, file: join(dataDir, 'state.json') };
  return head;
}

/** The saved state holds only if the sealed segments it came from are untouched and the log still has its head. */
async function stillBound(checkpoint: StateCheckpoint, read: LogRead): Promise<boolean> {
  const anchor = read.entries.find((entry) => entry.stored.seq === checkpoint.headSeq);
  if (checkpoint.headSeq > 0 && anchor?.stored.hash !== checkpoint.headHash) return false;
  const onDisk = new Map(read.segments.map((segment) => [segment.name, segment.path]));
  const sealed = checkpoint.segments.slice(0, -1);
  const sizes = await Promise.all(sealed.map((segment) => {
    const path = onDisk.get(segment.name);
    return path ? stat(path).then((s) => s.size, () => -1) : Promise.resolve(-1);
  }));
  if (sizes.some((bytes, i) => bytes !== sealed[i]!.bytes)) return false;
  // A segment that appeared before the checkpoint's newest one was not there when it was taken.
  const newest = checkpoint.segments.at(-1)?.name;
  return read.segments.every((segment) => newest === undefined || segment.name >= newest || checkpoint.segments.some((s) => s.name === segment.name));
}

function damageOf(check: LogCheck, read: LogRead, state: WorkbenchState, entries: readonly LogEntry[]): StoreDamage {
  const problems = [...check.problems].sort((a, b) => a.from - b.from);
  const newer = read.newer[0] ?? problems.find((problem) => problem.kind === 'newer')?.message ?? null;
  const readableRanges: [number, number][] = [];
  for (const entry of entries) {
    const seq = entry.stored.seq;
    const last = readableRanges.at(-1);
    if (last && last[1] === seq - 1) last[1] = seq;
    else readableRanges.push([seq, seq]);
  }
  return {
    problems: problems.map(({ kind, from, to, file, message }) => ({ kind, from, to, file, message })),
    newer,
    readableEvents: state.eventCount,
    readableRanges,
    headSeq: Math.max(state.headSeq, read.head.head?.seq ?? 0),
  };
}

/** The damage in words, for every place that shows it: which files, which events, what is still readable, and the ways forward. */
export function describeDamage(damage: StoreDamage): string {
  if (damage.newer && damage.problems.every((problem) => problem.kind === 'newer')) {
    return `This data folder was written by a newer version of Isnad (${damage.newer}). It is open read-only: update Isnad to change it. Nothing was moved or changed.`;
  }
  const what = damage.problems.map((problem) => problem.message).join('; ');
  const ranges = damage.readableRanges.map(([from, to]) => (from === to ? `#${from}` : `#${from}–#${to}`)).join(', ');
  return (
    `The verification history is damaged: ${what}. ` +
    `Isnad shows the ${damage.readableEvents} events it can still read and trust${ranges ? ` (read this time: ${ranges})` : ''}, and refuses changes; no file was moved or changed. ` +
    'Ways forward, both recorded in the log: restore from a JSON export (isnad export --import FILE --data-dir DIR --editor NAME, checked against the events that survive), ' +
    'or record what was lost and continue (isnad log continue --data-dir DIR --editor NAME).'
  );
}

/** Events checked between two yields to the event loop: a change waits at most this long for the check. */
const CHECK_CHUNK = 100;
const PAUSE_MS = 10;

/**
 * The background half of a fast open: the part of the log the state checkpoint vouched for is read
 * and checked whole (chain, hashes, signatures), ending exactly at the checkpoint's head.
 * One segment at a time, in small chunks with pauses between them and none while the editor is
 * making a change, so changes are not held up and memory holds one segment. Returns the damage found, or null; stops
 * early, with null, when `stopped()` says so.
 */
export async function checkSealed(
  dataDir: string,
  sealed: { seq: number; hash: string },
  gaps: readonly RecordedGap[],
  stopped: () => boolean,
  /** True while the editor is working: the check waits, so it never slows a change down. */
  busy: () => boolean = () => false,
): Promise<StoreDamage | null> {
  const segments = (await listSegments(join(dataDir, 'log'))).filter((segment) => segment.firstSeq <= sealed.seq);
  const problems: HistoryProblem[] = [];
  // Hashes checked so far: an event of the DAG may name any of them as a parent.
  const known = new Set<string>();
  let at = { seq: 0, hash: GENESIS_HASH, keys: new Map<string, { publicKey: string; editor: string }>(), signed: false, known };
  for (let i = 0; i < segments.length; i++) {
    if (stopped()) return null;
    const read = await readSegment(segments[i]!, segments[i + 1]?.firstSeq ?? sealed.seq + 1);
    // The newest segment may run past the saved state: only the part it vouched for is checked here.
    read.entries = read.entries.filter((entry) => entry.stored.seq <= sealed.seq);
    read.unreadable = read.unreadable.filter((hole) => hole.from <= sealed.seq).map((hole) => ({ ...hole, to: hole.to === null ? sealed.seq : Math.min(hole.to, sealed.seq) }));
    const last = i === segments.length - 1;
    for (let from = 0; from < read.entries.length || from === 0; from += CHECK_CHUNK) {
      const chunk = read.entries.slice(from, from + CHECK_CHUNK);
      const end = last && from + CHECK_CHUNK >= read.entries.length;
      const check = checkLog(chunk, nodeLogCrypto, {
        startAfter: at,
        unreadable: from === 0 ? read.unreadable : [],
        gaps,
        head: end ? { ...sealed, file: join(dataDir, STATE_FILE) } : null,
      });
      problems.push(...check.problems.map(({ kind, from: a, to, file, message }) => ({ kind, from: a, to, file, message })));
      for (const entry of chunk) known.add(entry.stored.hash);
      at = { seq: check.headSeq, hash: check.headHash, keys: check.keys, signed: at.signed || check.signers.length > 0, known };
      // A pause after each chunk keeps the check to a share of the processor, and it waits out
      // any change in progress.
      do await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      while (busy() && !stopped());
      if (stopped()) return null;
      if (chunk.length === 0) break;
    }
  }
  if (problems.length === 0 && at.seq === sealed.seq && at.hash === sealed.hash) return null;
  if (problems.length === 0) problems.push({ kind: 'altered', from: sealed.seq, to: sealed.seq, file: null, message: `the log before event #${sealed.seq + 1} does not end where the saved state says` });
  return { problems, newer: null, readableEvents: 0, readableRanges: [], headSeq: sealed.seq };
}
