import type { ClaimStatus } from '../../../shared/model/state';
import type { Verdict } from '../../../shared/model/verdict';
import { useFormat, useT } from '../i18n/use-t';
import { STATUS_ICONS } from './status-style';

interface Props {
  status: ClaimStatus | null;
  busy: boolean;
  onSet(claimIds: string[], status: Verdict, note: string | null): Promise<boolean>;
}

/**
 * Editors on a shared story who decided differently without seeing each other's verdict: both
 * verdicts, with their editors and notes, until someone decides having seen them (the resolution
 * is an ordinary decision, recorded and shared like any other).
 */
export function ConflictNotice({ status, busy, onSet }: Props) {
  const t = useT();
  const format = useFormat();
  if (!status?.conflict) return null;
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading" data-conflict>
      <h3 id="conflict-heading">{t('conflict.heading', { count: status.conflict.length })}</h3>
      <p className="hint">{t('conflict.explain')}</p>
      <ul>
        {status.conflict.map((verdict) => (
          <li key={verdict.hash} data-conflict-verdict={verdict.status}>
            <span className={`status-chip status--${verdict.status}`}>
              {STATUS_ICONS[verdict.status]} {t(`verdict.${verdict.status}`)}
            </span>{' '}
            <strong>
              <bdi>{verdict.editor}</bdi>
            </strong>{' '}
            · <bdi>{format.moment(verdict.at)}</bdi>
            {verdict.note && (
              <bdi dir="auto" className="conflict-note">
                {verdict.note}
              </bdi>
            )}
            <button type="button" className="small" disabled={busy} onClick={() => void onSet([status.claimId], verdict.status, verdict.note)}>
              {t('conflict.keep', { status: t(`verdict.${verdict.status}`).toLowerCase() })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
