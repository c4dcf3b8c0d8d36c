import { useEffect, useRef, useState } from 'react';
import { VERDICTS, VERDICT_LABELS, verdictNeedsNote, type Verdict } from '../../../shared/model/verdict';
import type { IndexedClaim } from './comparison-index';
import { STATUS_ICONS, STATUS_KEYS } from './status-style';

const KEY_OF = Object.fromEntries(Object.entries(STATUS_KEYS).map(([key, verdict]) => [verdict, key])) as Record<Verdict, string>;

interface Props {
  entry: IndexedClaim;
  /** The claim's partners: "apply to all" sets them too. */
  group: IndexedClaim[];
  /** A status picked by keyboard that still needs its note. */
  pending: Verdict | null;
  busy: boolean;
  onSet(claimIds: string[], status: Verdict, note: string | null): Promise<boolean>;
  onCancelPending(): void;
}

export function StatusControl({ entry, group, pending, busy, onSet, onCancelPending }: Props) {
  const [choice, setChoice] = useState<Verdict | null>(pending);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setChoice(pending);
    setNote('');
  }, [pending, entry.claim.id]);

  // The note field appears with the choice; a verdict that needs a note puts the cursor there.
  useEffect(() => {
    if (choice && verdictNeedsNote(choice)) noteRef.current?.focus();
  }, [choice]);

  const needsNote = choice !== null && verdictNeedsNote(choice);
  const submit = async (ids: string[]) => {
    if (!choice) return;
    if (await onSet(ids, choice, note.trim() || null)) {
      setChoice(null);
      setNote('');
    }
  };

  return (
    <section className="status-control" aria-labelledby="status-heading">
      <h3 id="status-heading">Status</h3>
      <div role="radiogroup" aria-label="Verification status" className="status-options">
        {VERDICTS.map((verdict) => {
          const current = entry.status === verdict;
          return (
            <button
              key={verdict}
              type="button"
              role="radio"
              aria-checked={current}
              className={`status-option status--${verdict}${choice === verdict ? ' is-chosen' : ''}`}
              disabled={busy}
              onClick={() => {
                if (verdictNeedsNote(verdict) || group.length > 0) {
                  setChoice(verdict);
                } else void onSet([entry.claim.id], verdict, null);
              }}
            >
              <span aria-hidden="true">{STATUS_ICONS[verdict]}</span> {VERDICT_LABELS[verdict]} <kbd>{KEY_OF[verdict]}</kbd>
            </button>
          );
        })}
      </div>
      {choice && (
        <form
          className="status-note"
          onSubmit={(event) => {
            event.preventDefault();
            void submit([entry.claim.id]);
          }}
        >
          <label htmlFor="status-note">
            {needsNote ? `Why is it ${VERDICT_LABELS[choice].toLowerCase()}? (required)` : 'Note (optional)'}
          </label>
          <textarea
            id="status-note"
            ref={noteRef}
            value={note}
            required={needsNote}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
              if (e.key === 'Escape') {
                setChoice(null);
                onCancelPending();
              }
            }}
          />
          <div className="row">
            <button type="submit" className="primary" disabled={busy || (needsNote && note.trim() === '')}>
              Mark {VERDICT_LABELS[choice].toLowerCase()}
            </button>
            {group.length > 0 && (
              <button type="button" disabled={busy || (needsNote && note.trim() === '')} onClick={() => void submit([entry.claim.id, ...group.map((g) => g.claim.id)])}>
                Apply to all {group.length + 1} versions
              </button>
            )}
            <button
              type="button"
              className="quiet"
              onClick={() => {
                setChoice(null);
                onCancelPending();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {group.length > 0 && (
        <ul className="group-statuses" aria-label="Statuses of the versions of this claim">
          {[entry, ...group].map((member) => (
            <li key={member.claim.id}>
              <span className="pane__side">{member.side.toUpperCase()}</span> <bdi>{member.outlet}</bdi>:{' '}
              <span className={`status-chip status--${member.status}`}>
                {STATUS_ICONS[member.status]} {VERDICT_LABELS[member.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
