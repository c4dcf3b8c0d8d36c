import { useCallback, useEffect, useState } from 'react';
import type { AppSnapshot, ReportSummary } from '../../../shared/contract/channels';
import { call, desktop } from '../api/client';
import { ShortcutHelp } from '../workbench/ShortcutHelp';
import { Workbench } from '../workbench/Workbench';
import { EditorPrompt } from './EditorPrompt';
import { ExportDialog } from './ExportDialog';
import { ReportsDialog } from './ReportsDialog';
import { SettingsDialog } from './SettingsDialog';
import { TopBar } from './TopBar';
import { usePair } from './use-pair';

type Open = 'none' | 'help' | 'reports' | 'export' | 'settings';

export function App() {
  const [snapshot, setSnapshot] = useState<AppSnapshot | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>('none');
  const [revision, setRevision] = useState(0);
  const [group, setGroup] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pair, choosePair] = usePair(snapshot?.reports ?? []);

  const reload = useCallback(async () => {
    try {
      setSnapshot(await call('app:load', {}));
    } catch (error) {
      setFatal((error as Error).message);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const onError = useCallback((text: string) => setMessage({ text, error: true }), []);
  const onNotice = useCallback((text: string) => setMessage({ text, error: false }), []);
  const onShortcut = useCallback((action: 'help' | 'import' | 'export') => setOpen(action === 'import' ? 'reports' : action), []);

  useEffect(() => {
    if (!message || message.error) return;
    const timer = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  useEffect(
    () =>
      desktop?.onMenuCommand((command) => {
        if (command === 'import') setOpen('reports');
        if (command === 'export') setOpen('export');
        if (command === 'help') setOpen('help');
      }),
    [],
  );

  if (fatal) return <p className="error-panel" role="alert">Isnad could not start: {fatal}</p>;
  if (!snapshot) return <p className="loading">Opening Isnad…</p>;
  if (!snapshot.settings.editorName) {
    return (
      <EditorPrompt
        onSave={async (editorName) => {
          await call('settings:update', { editorName });
          await reload();
        }}
      />
    );
  }

  const byId = new Map(snapshot.reports.map((r) => [r.id, r]));
  const pairSummaries = pair ? ([byId.get(pair[0]), byId.get(pair[1])] as [ReportSummary, ReportSummary]) : null;

  return (
    <div className="app">
      <TopBar
        snapshot={snapshot}
        pair={pair}
        onPair={choosePair}
        onReports={() => setOpen('reports')}
        onExport={() => setOpen('export')}
        onHelp={() => setOpen('help')}
        onSettings={() => setOpen('settings')}
      />
      {snapshot.warnings.map((w, i) => (
        <p key={i} className={`banner banner--${w.code === 'log-broken' ? 'danger' : 'warning'}`} role="alert" data-warning={w.code}>
          {w.message}
        </p>
      ))}
      {message && (
        <p className={`toast${message.error ? ' toast--error' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="quiet small" aria-label="Dismiss" onClick={() => setMessage(null)}>
            ✕
          </button>
        </p>
      )}
      {pair ? (
        <Workbench
          pair={pair}
          revision={revision}
          dialogOpen={open !== 'none'}
          onError={onError}
          onNotice={onNotice}
          onShortcut={onShortcut}
          onGroupChange={setGroup}
        />
      ) : (
        <div className="empty-state">
          <h2>Two reports are needed to compare</h2>
          <p>Isnad holds {snapshot.reports.length} report{snapshot.reports.length === 1 ? '' : 's'}. Add another to put two outlets side by side.</p>
          <button type="button" className="primary" onClick={() => setOpen('reports')}>
            Add a report
          </button>
        </div>
      )}
      {open === 'help' && <ShortcutHelp onClose={() => setOpen('none')} />}
      {open === 'settings' && (
        <SettingsDialog
          settings={snapshot.settings}
          onClose={() => setOpen('none')}
          onSaved={async () => {
            setOpen('none');
            onNotice('Settings saved');
            await reload();
          }}
        />
      )}
      {open === 'reports' && (
        <ReportsDialog
          reports={snapshot.reports}
          onClose={() => setOpen('none')}
          onChanged={async (text, imported) => {
            onNotice(text);
            setOpen('none');
            await reload();
            // An updated version is shown against the version it replaces: that is what changed.
            if (imported?.carriedOver) choosePair([imported.carriedOver.from, imported.id]);
            else if (imported && pair) choosePair([pair[0], imported.id]);
            setRevision((r) => r + 1);
          }}
        />
      )}
      {open === 'export' && pairSummaries && (
        <ExportDialog
          pair={pairSummaries}
          group={group}
          onClose={() => setOpen('none')}
          onDone={(text) => {
            onNotice(text);
            setOpen('none');
          }}
        />
      )}
    </div>
  );
}
