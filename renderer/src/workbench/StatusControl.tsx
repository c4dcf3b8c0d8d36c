import { useEffect, useRef, useState } from 'react';
import { VERDICTS, verdictNeedsNote, type Verdict } from '../../../shared/model/verdict';
import { useT } from '../i18n/use-t';
import type { IndexedClaim } from './comparison-index';
import { STATUS_BY_DIGIT, STATUS_ICONS } from './status-style';
import { membersToChange, useClaimGroup } from './use-claim-group';

interface Props {
  entry: IndexedClaim;
  /** The claim's note now, which "apply to the group" takes with its status. */
  note: string | null;
  /** Changes when the record changes, so the group is read again. */
  revision: number;
  /** Sets the claim's status and note on every member of its group, in one event (the G key does the same). */
  onApplyGroup(): void;
  /** A status picked by keyboard that still needs its note. */
  pending: Verdict | null;
  busy: boolean;
  onSet(claimIds: string[], status: Verdict, note: string | null): Promise<boolean>;
  onCancelPending(): void;
}

export function StatusControl({ entry, note: currentNote, revision, onApplyGroup, pending, busy, onSet, onCancelPending }: Props) {
  const t = useT();
  const group = useClaimGroup(entry.claim.id, revision);
  const members = group && group.members.length > 1 ? group.members : [];
  const toChange = group ? membersToChange(group, entry.status, currentNote).length : 0;
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
      <h3 id="status-heading">{t('status.heading')}</h3>
      <div role="radiogroup" aria-label={t('status.group')} className="status-options">
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
              // The same as its digit key: one claim at once, or the note first where one is required.
              onClick={() => {
                if (verdictNeedsNote(verdict)) setChoice(verdict);
                else void onSet([entry.claim.id], verdict, null);
              }}
            >
              <span aria-hidden="true">{STATUS_ICONS[verdict]}</span> {t(`verdict.${verdict}`)} <kbd>{STATUS_BY_DIGIT.indexOf(verdict) + 1}</kbd>
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
            {needsNote ? t('status.whyRequired', { status: t(`verdict.${choice}`).toLowerCase() }) : t('status.noteOptional')}
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
              {t('status.mark', { status: t(`verdict.${choice}`).toLowerCase() })}
            </button>
            <button
              type="button"
              className="quiet"
              onClick={() => {
                setChoice(null);
                onCancelPending();
              }}
            >
              {t('status.cancel')}
            </button>
          </div>
        </form>
      )}
      {members.length > 0 && (
        <div className="group-status" data-group-status={group!.group}>
          <ul className="group-statuses" aria-label={t('status.groupMembers', { count: members.length })}>
            {members.map((member) => (
              <li key={member.claimId} data-group-member={member.claimId} data-self={member.claimId === entry.claim.id ? 'true' : undefined}>
                <bdi>{member.outlet}</bdi>{' '}
                <bdi className="group-statuses__claim" dir="auto">
                  «{member.text.length > 48 ? `${member.text.slice(0, 47)}…` : member.text}»
                </bdi>
                :{' '}
                <span className={`status-chip status--${member.status?.status ?? 'unverified'}`}>
                  {STATUS_ICONS[member.status?.status ?? 'unverified']} {t(`verdict.${member.status?.status ?? 'unverified'}`)}
                </span>
              </li>
            ))}
          </ul>
          {toChange > 0 && entry.status !== 'unverified' && (
            <button type="button" className="small" data-apply-group disabled={busy} onClick={onApplyGroup}>
              {t('status.applyGroup', { status: t(`verdict.${entry.status}`), count: members.length })} <kbd>G</kbd>
            </button>
          )}
        </div>
      )}
    </section>
  );
}
