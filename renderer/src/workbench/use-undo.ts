import { useCallback, useRef } from 'react';
import type { EvidenceInput } from '../../../shared/model/evidence';
import type { Verdict } from '../../../shared/model/verdict';

/** A change of the editor's, with what it takes to put things back as they were. */
export type UndoableChange =
  | { kind: 'status'; before: { claimId: string; status: Verdict; note: string | null }[] }
  | { kind: 'evidence-added'; claimId: string; evidenceId: string }
  | { kind: 'evidence-removed'; claimId: string; evidence: EvidenceInput };

/**
 * The editor's changes in this window, newest last. Undo never rewrites the record: it makes a
 * compensating change (the status back, the evidence removed or added again), which the
 * history shows like any other.
 */
export function useUndoStack() {
  const stack = useRef<UndoableChange[]>([]);
  const push = useCallback((change: UndoableChange) => {
    stack.current.push(change);
    if (stack.current.length > 100) stack.current.shift();
  }, []);
  const pop = useCallback(() => stack.current.pop() ?? null, []);
  /** Drops a change made obsolete (by its own undo offered from a toast, say). */
  const remove = useCallback((change: UndoableChange) => {
    stack.current = stack.current.filter((c) => c !== change);
  }, []);
  return { push, pop, remove };
}

/** Status changes to put `before` back: one call per status and note, since each call sets one. */
export function groupStatusRestores(before: { claimId: string; status: Verdict; note: string | null }[]) {
  const groups = new Map<string, { claimIds: string[]; status: Verdict; note: string | null }>();
  for (const item of before) {
    const key = JSON.stringify([item.status, item.note]);
    const group = groups.get(key);
    if (group) group.claimIds.push(item.claimId);
    else groups.set(key, { claimIds: [item.claimId], status: item.status, note: item.note });
  }
  return [...groups.values()];
}
