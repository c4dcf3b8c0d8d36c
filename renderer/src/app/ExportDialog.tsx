import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ReportSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { Dialog } from './Dialog';
import { saveExport } from './save-download';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON: the full log with its hash chain, verifiable later',
  csv: 'CSV: one row per claim, for a spreadsheet',
  md: 'Markdown: a readable report for a newsroom document',
  claimreview: 'ClaimReview JSON-LD: fact-check markup for search engines',
  annotations: 'W3C Web Annotations: the highlights, anchored in the texts',
};

interface Props {
  pair: [ReportSummary, ReportSummary];
  /** The selected claim and its partners, when a claim is selected. */
  group: string[];
  onClose(): void;
  onDone(message: string): void;
}

export function ExportDialog({ pair, group, onClose, onDone }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<'all' | 'a' | 'b' | 'group'>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await call('export:build', {
        format,
        pair: [pair[0].id, pair[1].id],
        scope:
          scope === 'all'
            ? { kind: 'all' }
            : scope === 'group'
              ? { kind: 'claims', claimIds: group }
              : { kind: 'report', reportId: pair[scope === 'a' ? 0 : 1].id },
      });
      const saved = await saveExport(file);
      if (saved) onDone(`Exported ${file.fileName}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export verification log" onClose={onClose}>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What to export</legend>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Everything
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'a'} onChange={() => setScope('a')} /> Report A: <bdi>{pair[0].outlet}</bdi>
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'b'} onChange={() => setScope('b')} /> Report B: <bdi>{pair[1].outlet}</bdi>
          </label>
          <label className="check">
            <input type="radio" name="scope" disabled={group.length === 0} checked={scope === 'group'} onChange={() => setScope('group')} /> The selected claim group
            {group.length === 0 && ' (select a claim first)'}
          </label>
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Export
        </button>
      </form>
    </Dialog>
  );
}
