import { useIntl } from 'react-intl';
import type { Verdict } from '../../../shared/model/verdict';
import { isolate } from '../app/isolate';
import { useT } from '../i18n/use-t';
import { useClaimGroup } from './use-claim-group';

interface Props {
  claimId: string;
  /** This claim's own status now; the notice shows only while it is undecided. */
  status: Verdict;
  /** Changes when the record changes, so the group is read again. */
  revision: number;
  busy: boolean;
  onApply(claimIds: string[], status: Verdict, note: string | null): void;
  /** Sets every undecided member of the group at once, in one event. */
  onApplyUndecided(status: Verdict, note: string | null): void;
}

/** Statuses that are a verdict on the fact, as opposed to where the work stands. */
const DECIDED: ReadonlySet<Verdict> = new Set(['verified', 'false', 'misleading', 'unverifiable']);

/**
 * The same fact decided in other reports of the story: "False in 2 other reports", until the
 * editor applies that verdict here (or to every undecided claim of the group) or decides otherwise.
 */
export function ElsewhereNotice({ claimId, status, revision, busy, onApply, onApplyUndecided }: Props) {
  const t = useT();
  const list = new Intl.ListFormat(useIntl().locale, { type: 'conjunction' });
  // The notice is a hint: without the group the inspector is still whole.
  const group = useClaimGroup(claimId, revision);
  if (!group || status !== 'unverified') return null;
  const self = group.members.find((m) => m.claimId === claimId);
  const others = group.members.filter((m) => m.reportId !== self?.reportId && m.status && DECIDED.has(m.status.status));
  if (others.length === 0) return null;
  const byStatus = new Map<Verdict, typeof others>();
  for (const member of others) byStatus.set(member.status!.status, [...(byStatus.get(member.status!.status) ?? []), member]);
  const undecided = group.members.filter((m) => !m.status || m.status.status === 'unverified').map((m) => m.claimId);

  return (
    <section className="elsewhere-notice" data-elsewhere aria-labelledby="elsewhere-heading">
      <h3 id="elsewhere-heading">{t('elsewhere.title')}</h3>
      {[...byStatus].map(([verdict, members]) => {
        const label = t(`verdict.${verdict}`);
        const note = members.find((m) => m.status?.note)?.status?.note ?? null;
        return (
          <div key={verdict} className="elsewhere-notice__verdict" data-elsewhere-status={verdict}>
            <p>{t('elsewhere.status', { status: label, count: new Set(members.map((m) => m.reportId)).size, outlets: list.format([...new Set(members.map((m) => isolate(m.outlet)))]) })}</p>
            <button type="button" className="small primary" disabled={busy} onClick={() => onApply([claimId], verdict, note)}>
              {t('elsewhere.apply', { status: label })}
            </button>{' '}
            {undecided.length > 1 && (
              <button type="button" className="small" disabled={busy} onClick={() => onApplyUndecided(verdict, note)}>
                {t('elsewhere.applyGroup', { status: label, count: undecided.length })}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
