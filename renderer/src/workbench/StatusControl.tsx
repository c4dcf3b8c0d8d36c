import { useEffect, useRef, useState } from 'react';
import { VERDICTS, verdictNeedsNote, type Verdict } from '../../../shared/model/verdict';
import { useT } from '../i18n/use-t';
import type { IndexedClaim } from './comparison-index';
import { STATUS_BY_DIGIT, STATUS_ICONS } from './status-style';

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
  const t = useT();
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
              onClick={() => {
                if (verdictNeedsNote(verdict) || group.length > 0) {
                  setChoice(verdict);
                } else void onSet([entry.claim.id], verdict, null);
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
            {group.length > 0 && (
              <button type="button" disabled={busy || (needsNote && note.trim() === '')} onClick={() => void submit([entry.claim.id, ...group.map((g) => g.claim.id)])}>
                {t('status.applyAll', { count: group.length + 1 })}
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
              {t('status.cancel')}
            </button>
          </div>
        </form>
      )}
      {group.length > 0 && (
        <ul className="group-statuses" aria-label={t('status.versions')}>
          {[entry, ...group].map((member) => (
            <li key={member.claim.id}>
              {/* Two partners in one report share its outlet: each is named by its own words too. */}
              <span className="pane__side">{t(member.side === 'a' ? 'side.a' : 'side.b')}</span> <bdi>{member.outlet}</bdi>{' '}
              <bdi className="group-statuses__claim" dir="auto">
                «{member.claim.text.length > 48 ? `${member.claim.text.slice(0, 47)}…` : member.claim.text}»
              </bdi>
              :{' '}
              <span className={`status-chip status--${member.status}`}>
                {STATUS_ICONS[member.status]} {t(`verdict.${member.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
