import { useEffect, useMemo, useState } from 'react';
import type { ActivityItem, ReportSummary } from '../../../shared/contract/channels';
import type { LogEvent } from '../../../shared/model/events';
import { call } from '../api/client';
import { errorText } from '../app/error-text';
import { isolate } from '../app/isolate';
import { useFormat, useT } from '../i18n/use-t';
import { describeEvent, evidenceById } from './describe-event';

type ActivityKind = 'status' | 'evidence' | 'report' | 'settings';

function kindOf(event: LogEvent): ActivityKind {
  if (event.type === 'claim.statusChanged' || event.type === 'group.statusChanged') return 'status';
  if (event.type.startsWith('evidence.')) return 'evidence';
  if (event.type.startsWith('report.')) return 'report';
  return 'settings';
}

interface Props {
  reports: ReportSummary[];
  selected: string | null;
  /** Bumped after each change, so the list follows the record. */
  revision: number;
  onGoTo(claimId: string, reportId: string): void;
}

/**
 * Every event of the record, newest first, filterable by editor, report, claim and kind; each
 * event about a claim links to it (bringing its report on screen when it is not).
 */
export function ActivityView({ reports, selected, revision, onGoTo }: Props) {
  const t = useT();
  const format = useFormat();
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editor, setEditor] = useState('');
  const [report, setReport] = useState('');
  const [claim, setClaim] = useState<'' | 'selected'>('');
  const [kind, setKind] = useState<ActivityKind | ''>('');

  useEffect(() => {
    let live = true;
    call('log:activity', {})
      .then((fresh) => live && (setItems(fresh), setError(null)))
      .catch((e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [revision, t]);

  const editors = useMemo(() => [...new Set((items ?? []).map((i) => i.event.editor))].sort(), [items]);
  const evidence = useMemo(() => evidenceById((items ?? []).map((i) => i.event)), [items]);
  const outletOf = useMemo(() => {
    const outlets = new Map((items ?? []).filter((i) => i.reportId && i.outlet).map((i) => [i.reportId!, i.outlet!]));
    return (id: string) => outlets.get(id) ?? id;
  }, [items]);
  const onScreen = new Set(reports.map((r) => r.id));
  const shown = (items ?? []).filter(
    (i) =>
      (editor === '' || i.event.editor === editor) &&
      (report === '' || i.reportId === report) &&
      (claim === '' || (selected !== null && i.claimId === selected)) &&
      (kind === '' || kindOf(i.event) === kind),
  );

  if (error) return <p className="error" role="alert">{t('activity.loadError', { message: error })}</p>;
  return (
    <section className="activity" aria-label={t('activity.label')} data-activity>
      <div className="filters" role="group" aria-label={t('activity.filters')}>
        <label>
          {t('activity.editor')}
          <select value={editor} onChange={(e) => setEditor(e.target.value)}>
            <option value="">{t('activity.anyEditor')}</option>
            {editors.map((name) => (
              <option key={name} value={name}>
                {isolate(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity.report')}
          <select value={report} onChange={(e) => setReport(e.target.value)}>
            <option value="">{t('activity.anyReport')}</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {isolate(r.outlet)} · {isolate(r.title.slice(0, 40))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity.claim')}
          <select value={claim} onChange={(e) => setClaim(e.target.value as '' | 'selected')}>
            <option value="">{t('activity.anyClaim')}</option>
            <option value="selected" disabled={selected === null}>
              {t('activity.selectedClaim')}
            </option>
          </select>
        </label>
        <label>
          {t('activity.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind | '')}>
            <option value="">{t('activity.anyKind')}</option>
            <option value="status">{t('activity.kind.status')}</option>
            <option value="evidence">{t('activity.kind.evidence')}</option>
            <option value="report">{t('activity.kind.report')}</option>
            <option value="settings">{t('activity.kind.settings')}</option>
          </select>
        </label>
      </div>
      <p className="hint" aria-live="polite">
        {t('activity.count', { count: shown.length })}
      </p>
      {items && shown.length === 0 && <p className="hint">{t('activity.none')}</p>}
      <ol className="activity-list">
        {shown.map((item) => (
          <li key={item.event.id} data-event-seq={item.event.seq} data-event-type={item.event.type}>
            <div className="activity-meta">
              <bdi>{format.moment(item.event.at)}</bdi> · <strong><bdi>{item.event.editor}</bdi></strong>
              {item.colleague && (
                <>
                  {' '}
                  <span className="colleague-badge" data-colleague>
                    {t('activity.colleague')}
                  </span>
                </>
              )}
              {item.outlet && (
                <>
                  {' '}
                  · <bdi>{item.outlet}</bdi>
                </>
              )}
              <span className="history-hash" dir="ltr">
                #{item.event.seq}
              </span>
            </div>
            <bdi dir="auto" className="activity-what">
              {describeEvent(item.event, t, evidence, outletOf)}
            </bdi>
            {item.claimId && item.reportId && (
              <button
                type="button"
                className="activity-claim"
                data-activity-claim={item.claimId}
                disabled={!onScreen.has(item.reportId)}
                title={onScreen.has(item.reportId) ? t('activity.goTo') : t('activity.notOnScreen')}
                onClick={() => onGoTo(item.claimId!, item.reportId!)}
              >
                <bdi dir="auto">{item.claimText ? (item.claimText.length > 90 ? `${item.claimText.slice(0, 89)}…` : item.claimText) : item.claimId}</bdi>
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
