import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ReportSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { useT } from '../i18n/use-t';
import { Dialog } from './Dialog';
import { errorText } from './error-text';
import { isolate } from './isolate';
import { saveExport } from './save-download';

interface Props {
  pair: [ReportSummary, ReportSummary];
  /** The selected claim and its partners, when a claim is selected. */
  group: string[];
  /** ClaimReview names the publishing organization: without one it cannot be written. */
  organizationSet: boolean;
  onOpenSettings(): void;
  onClose(): void;
  onDone(message: string): void;
}

export function ExportDialog({ pair, group, organizationSet, onOpenSettings, onClose, onDone }: Props) {
  const t = useT();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<'all' | 'a' | 'b' | 'group'>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsOrganization = format === 'claimreview' && !organizationSet;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await call('export:build', {
        format,
        // The CSV's local-time column is in the editor's own time zone.
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
        scope:
          scope === 'all'
            ? { kind: 'all' }
            : scope === 'group'
              ? { kind: 'claims', claimIds: group }
              : { kind: 'report', reportId: pair[scope === 'a' ? 0 : 1].id },
      });
      const saved = await saveExport(file);
      if (saved) onDone(t('app.exported', { fileName: file.fileName }));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('export.title')} onClose={onClose}>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {t(`export.format.${f}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('export.scope')}</legend>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('export.scope.all')}
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'a'} onChange={() => setScope('a')} /> {t('export.scope.a', { outlet: isolate(pair[0].outlet) })}
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'b'} onChange={() => setScope('b')} /> {t('export.scope.b', { outlet: isolate(pair[1].outlet) })}
          </label>
          <label className="check">
            <input type="radio" name="scope" disabled={group.length === 0} checked={scope === 'group'} onChange={() => setScope('group')} /> {t('export.scope.group')}
            {group.length === 0 && ` ${t('export.scope.groupNone')}`}
          </label>
        </fieldset>
        {needsOrganization && (
          <div className="notice" role="status">
            <p>{t('export.needsOrganization')}</p>
            <button type="button" onClick={onOpenSettings}>
              {t('export.openSettings')}
            </button>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || needsOrganization}>
          {t('export.run')}
        </button>
      </form>
    </Dialog>
  );
}
