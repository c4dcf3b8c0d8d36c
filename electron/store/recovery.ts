import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DraftEvent } from '../../shared/model/events';
import { SET_ASIDE_DIR } from '../../shared/model/store-files';
import { sha256Hex } from '../crypto/sha256';
import { SEGMENT_MAX_EVENTS } from './event-log';
import { StoreReadOnlyError, type IsnadStore } from './store';

/** The two recorded ways forward after damage: a gap accepted, or a restore recorded. */

/** The file's own name in `dir`, or with .1, .2… added if that is taken: a set-aside file is never overwritten. */
export async function freeName(dir: string, name: string): Promise<string> {
  for (let n = 0; ; n++) {
    const path = join(dir, n === 0 ? name : `${name}.${n}`);
    const taken = await access(path).then(
      () => true,
      () => false,
    );
    if (!taken) return path;
  }
}

/**
 * "Continue with a recorded gap": the editor accepts that the damaged events are lost. Unreadable
 * segments are set aside under their own names in log/set-aside/, a log.gap event per lost range
 * states what was lost, and the log goes on after the highest number the damage could have used,
 * so nothing new takes the name or sequence numbers of what was lost.
 */
export async function continueWithGap(store: IsnadStore, editor: string, reason: string): Promise<{ gaps: { from: number; to: number }[]; setAside: string[] }> {
  const damage = store.damage;
  if (!damage) throw new StoreReadOnlyError('the history is whole: there is no damage to continue past');
  if (damage.newer) throw new StoreReadOnlyError('this data folder was written by a newer version of Isnad: update Isnad instead');
  const ranges: [number, number][] = [];
  for (const problem of [...damage.problems].sort((a, b) => a.from - b.from)) {
    const to = problem.to ?? Math.max(damage.headSeq, problem.from + SEGMENT_MAX_EVENTS - 1);
    const last = ranges.at(-1);
    if (last && problem.from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([problem.from, to]);
  }
  const logDir = join(store.dataDir, 'log');
  const setAsideDir = join(logDir, SET_ASIDE_DIR);
  const unreadableFiles = [...new Set(damage.problems.filter((p) => p.kind === 'unreadable' && p.file !== null && dirname(p.file) === logDir).map((p) => p.file!))];
  const files: { name: string; bytes: number | null; sha256: string | null }[] = [];
  await mkdir(setAsideDir, { recursive: true });
  for (const path of unreadableFiles) {
    const content = await readFile(path).catch(() => null);
    files.push({ name: basename(path), bytes: content?.length ?? null, sha256: content ? sha256Hex(content) : null });
    await rename(path, await freeName(setAsideDir, basename(path)));
  }
  const last = store.lastStoredEvent;
  await store.resumeAfter(Math.max(last.seq, ...ranges.map(([, to]) => to)), last.hash);
  const filesIn = (from: number, to: number) => files.filter((file) => damage.problems.some((p) => p.file !== null && basename(p.file) === file.name && p.from >= from && p.from <= to));
  await store.commit(
    ranges.map(([from, to]) => ({ type: 'log.gap', payload: { from, to, reason, files: filesIn(from, to) } })),
    editor,
  );
  await store.saveCheckpointNow();
  for (const [from, to] of ranges) store.addWarning({ code: 'log-gap', message: `The history has a recorded gap: events #${from}–#${to} were lost (recorded by ${editor}: ${reason}).` });
  return { gaps: ranges.map(([from, to]) => ({ from, to })), setAside: files.map((file) => file.name) };
}

/**
 * Records a restore from an export. When the damaged log it replaced reached further than the
 * export (`reservedUpTo`), those numbers stay taken: a gap records them as lost and the log goes on
 * after them.
 */
export async function recordRestore(store: IsnadStore, editor: string, restored: DraftEvent, reservedUpTo: number): Promise<void> {
  const head = store.head;
  if (!head || !store.writable) throw new StoreReadOnlyError('the restored log is not writable');
  if (reservedUpTo <= head.seq) {
    await store.commit([restored], editor);
    return;
  }
  await store.resumeAfter(reservedUpTo, head.hash);
  const gap: DraftEvent = {
    type: 'log.gap',
    payload: { from: head.seq + 1, to: reservedUpTo, reason: 'the damaged log went further than the export it was restored from', files: [] },
  };
  await store.commit([restored, gap], editor);
}
