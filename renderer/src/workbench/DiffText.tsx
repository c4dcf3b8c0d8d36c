import type { DiffPart } from '../../../shared/engine/types';

/**
 * One version of a claim from a word diff: the words it shares with the other version as they
 * are, and its own marked (`removed` in the earlier version, `added` in the later one).
 */
export function DiffText({ parts, keep }: { parts: readonly DiffPart[]; keep: 'removed' | 'added' }) {
  return (
    <>
      {parts.map((part, i) =>
        part.op === 'equal' ? <span key={i}>{part.value}</span> : part.op !== keep ? null : keep === 'removed' ? <del key={i}>{part.value}</del> : <ins key={i}>{part.value}</ins>,
      )}
    </>
  );
}
