import { useEffect, useState } from 'react';
import type { VersionTimeline } from '../../../shared/contract/channels';
import type { VersionEntry, VersionStep } from '../../../shared/contract/version-types';
import { call } from '../api/client';
import { useFormat, useT } from '../i18n/use-t';
import { DiffText } from '../workbench/DiffText';
import { STATUS_ICONS } from '../workbench/status-style';
import { Dialog } from './Dialog';
import { errorText } from './error-text';
import { isolate } from './isolate';

interface Props {
  reportId: string;
  outlet: string;
  /** The reports open now, to say which versions they are. */
  open: readonly string[];
  onClose(): void;
  /** Opens a version beside the one before it. */
  onCompare(pair: [string, string]): void;
}

function Decision({ entry }: { entry: VersionEntry }) {
  const t = useT();
  const status = entry.status?.status ?? 'unverified';
  if (!entry.status) return <span className="hint">{t('versions.noDecision')}</span>;
  return (
    <span className={`status-chip status--${status}`} data-entry-status={status}>
      {STATUS_ICONS[status]} {t('versions.decision', { status: t(`verdict.${status}`) })}
    </span>
  );
}

function Entry({ entry, language }: { entry: VersionEntry; language: string }) {
  const t = useT();
  return (
    <li className={`version-entry version-entry--${entry.change}${entry.needsRecheck ? ' needs-recheck' : ''}`} data-change={entry.change} data-recheck={entry.needsRecheck ? 'true' : undefined}>
      <p className="version-entry__head">
        <span className={`change-badge change-badge--${entry.change}`}>{t(`versions.change.${entry.change}`)}</span>
        <Decision entry={entry} />
        {entry.needsRecheck && (
          <span className="recheck-flag" role="status">
            <span aria-hidden="true">↻ </span>
            {t('recheck.title')}
          </span>
        )}
      </p>
      {entry.change === 'edited' ? (
        <div className="word-diff">
          <blockquote dir="auto" lang={language} className="version-entry__before">
            <DiffText parts={entry.diff} keep="removed" />
          </blockquote>
          <blockquote dir="auto" lang={language} className="version-entry__after">
            <DiffText parts={entry.diff} keep="added" />
          </blockquote>
        </div>
      ) : (
        <blockquote dir="auto" lang={language} className={entry.change === 'removed' ? 'version-entry__before' : 'version-entry__after'}>
          {entry.change === 'removed' ? <del>{entry.previousText}</del> : <ins>{entry.text}</ins>}
        </blockquote>
      )}
      {entry.differences.length > 0 && (
        <ul className="version-entry__differences">
          {entry.differences.map((d, i) => (
            <li key={i}>
              <span className="difference-kind">{t(`difference.${d.kind}`)}</span> <bdi className="difference-a">{d.a || t('inspector.notSaid')}</bdi> ≠ <bdi className="difference-b">{d.b || t('inspector.notSaid')}</bdi>
            </li>
          ))}
        </ul>
      )}
      {entry.change === 'removed' && <p className="hint">{t('versions.removedKeeps')}</p>}
    </li>
  );
}

function Step({ step, number, open, onCompare }: { step: VersionStep; number: number; open: readonly string[]; onCompare(pair: [string, string]): void }) {
  const t = useT();
  const format = useFormat();
  const changed = step.entries.filter((e) => e.change !== 'unchanged');
  const { summary } = step;
  return (
    <li className="version-step" data-version-id={summary.id}>
      <header>
        <h3>
          {t('versions.version', { number })} · <bdi>{format.published(summary.publishedAt)}</bdi>
          {open.includes(summary.id) && <span className="hint"> · {t('versions.current')}</span>}
        </h3>
        <p className="hint">
          {step.replaces === null ? t('versions.first') : t('versions.imported', { date: format.moment(step.importedAt!), editor: isolate(step.editor ?? '') })}
        </p>
        {step.replaces !== null && (
          <p className="version-step__counts">
            {t('versions.counts', step.counts)}
            {step.recheck > 0 && (
              <strong className="recheck-flag" data-recheck-count={step.recheck}>
                {' · ↻ '}
                {t('versions.recheckCount', { count: step.recheck })}
              </strong>
            )}
          </p>
        )}
      </header>
      {step.replaces !== null && (
        <>
          {changed.length === 0 ? (
            <p className="hint">{t('versions.noChanges')}</p>
          ) : (
            <ol className="version-entries">
              {changed.map((entry) => (
                <Entry key={`${entry.change}:${entry.claimId ?? entry.previousClaimId}`} entry={entry} language={summary.language} />
              ))}
            </ol>
          )}
          <button type="button" className="small" onClick={() => onCompare([step.replaces!, summary.id])}>
            {t('versions.compare')}
          </button>
        </>
      )}
    </li>
  );
}

/** A report's versions, oldest first: what each update changed, claim by claim, and what it means for the decisions. */
export function VersionsDialog({ reportId, outlet, open, onClose, onCompare }: Props) {
  const t = useT();
  const [timeline, setTimeline] = useState<VersionTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('reports:versions', { id: reportId })
      .then((value) => live && setTimeline(value))
      .catch((e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [reportId, t]);

  return (
    <Dialog title={t('versions.title', { outlet: isolate(outlet) })} onClose={onClose} wide>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!timeline && !error && <p className="loading">{t('versions.loading')}</p>}
      {timeline && (
        <ol className="version-timeline" data-timeline>
          {[...timeline.versions].reverse().map((step) => (
            <Step key={step.summary.id} step={step} number={timeline.versions.indexOf(step) + 1} open={open} onCompare={onCompare} />
          ))}
        </ol>
      )}
    </Dialog>
  );
}
