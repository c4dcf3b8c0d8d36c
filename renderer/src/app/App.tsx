import { useCallback, useEffect, useState } from 'react';
import type { AppSnapshot, ReportSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { subscribeNotifications } from '../api/notifications';
import { usePreferences } from '../i18n/I18nProvider';
import { useT } from '../i18n/use-t';
import { ShortcutHelp } from '../workbench/ShortcutHelp';
import { Workbench } from '../workbench/Workbench';
import { runCommand } from './commands';
import { DeskStatusBar } from './DeskStatusBar';
import { EditorPrompt } from './EditorPrompt';
import { errorText } from './error-text';
import { ExportDialog } from './ExportDialog';
import { ReportsDialog } from './ReportsDialog';
import { SettingsDialog } from './SettingsDialog';
import { Toast, type ToastMessage } from './Toast';
import { TopBar } from './TopBar';
import { usePair } from './use-pair';
import { VersionsDialog } from './VersionsDialog';
import { MatrixDialog } from './MatrixDialog';

const KNOWN_WARNINGS = new Set(['corrupt-file', 'log-broken', 'sample-report']);

type Open = 'none' | 'help' | 'reports' | 'export' | 'settings' | 'settings-organization' | 'matrix';

export function App() {
  const t = useT();
  const { language } = usePreferences().preferences;
  const [snapshot, setSnapshot] = useState<AppSnapshot | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>('none');
  const [revision, setRevision] = useState(0);
  const [group, setGroup] = useState<string[]>([]);
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [pair, choosePair] = usePair(snapshot?.reports ?? []);

  const reload = useCallback(async () => {
    try {
      setSnapshot(await call('app:load', {}));
    } catch (error) {
      setFatal(errorText(error, t));
    }
  }, [t]);
  useEffect(() => void reload(), [reload]);

  const dismiss = useCallback(() => setMessage(null), []);
  const onError = useCallback((text: string) => setMessage({ text, error: true }), []);
  const onNotice = useCallback((text: string, undo?: () => void) => setMessage({ text, error: false, undo }), []);
  const onShortcut = useCallback((action: 'help' | 'import' | 'export') => setOpen(action === 'import' ? 'reports' : action), []);

  // The contract's notifications: the menu's commands, and a colleague's events, after which what is
  // on screen is read again (the window's own changes it shows already).
  useEffect(
    () =>
      subscribeNotifications((notification) => {
        if (notification.name === 'story:changed') {
          if (notification.payload.colleague) setRevision((n) => n + 1);
          return;
        }
        const command = notification.payload;
        if (command === 'import') setOpen('reports');
        else if (command === 'export') setOpen('export');
        else if (command === 'help') setOpen('help');
        else runCommand(command);
      }),
    [],
  );

  if (fatal) return <p className="error-panel" role="alert">{t('app.fatal', { message: fatal })}</p>;
  if (!snapshot) return <p className="loading">{t('app.loading')}</p>;
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
        onMatrix={snapshot.reports.length >= 2 ? () => setOpen('matrix') : undefined}
        onHelp={() => setOpen('help')}
        onSettings={() => setOpen('settings')}
      />
      {snapshot.warnings.map((w, i) => (
        <p key={i} className={`banner banner--${w.code === 'log-broken' ? 'danger' : 'warning'}`} role="alert" data-warning={w.code}>
          {/* The store writes its warnings in English, with file names and reasons: the Arabic
              interface says what happened from the catalog and keeps those specifics after it. */}
          {language === 'ar' && KNOWN_WARNINGS.has(w.code) ? (
            <>
              {t(`warning.${w.code as 'corrupt-file' | 'log-broken' | 'sample-report'}`)}{' '}
              <bdi dir="ltr" lang="en" className="banner__detail">
                {w.message}
              </bdi>
            </>
          ) : (
            w.message
          )}
        </p>
      ))}
      {message && <Toast message={message} onDismiss={dismiss} />}
      {pair ? (
        <Workbench
          pair={pair}
          reports={snapshot.reports}
          revision={revision}
          dialogOpen={open !== 'none' || versionsOf !== null}
          onPair={choosePair}
          onError={onError}
          onNotice={onNotice}
          onShortcut={onShortcut}
          onGroupChange={setGroup}
          onVersions={setVersionsOf}
        />
      ) : (
        <div className="empty-state">
          <h2>{t('app.empty.title')}</h2>
          <p>{t('app.empty.body', { count: snapshot.reports.length })}</p>
          <button type="button" className="primary" onClick={() => setOpen('reports')}>
            {t('app.empty.add')}
          </button>
        </div>
      )}
      <DeskStatusBar
        onReceived={() => {
          void reload();
          setRevision((r) => r + 1);
        }}
      />
      {open === 'help' && <ShortcutHelp onClose={() => setOpen('none')} />}
      {open === 'matrix' && (
        <MatrixDialog
          onClose={() => setOpen('none')}
          onOpen={(chosen) => {
            setOpen('none');
            choosePair(chosen);
          }}
        />
      )}
      {versionsOf && byId.has(versionsOf) && (
        <VersionsDialog
          reportId={versionsOf}
          outlet={byId.get(versionsOf)!.outlet}
          open={pair ?? []}
          onClose={() => setVersionsOf(null)}
          onCompare={(versions) => {
            setVersionsOf(null);
            choosePair(versions);
          }}
        />
      )}
      {(open === 'settings' || open === 'settings-organization') && (
        <SettingsDialog
          settings={snapshot.settings}
          focusOrganization={open === 'settings-organization'}
          onClose={() => setOpen('none')}
          onSaved={async () => {
            setOpen('none');
            onNotice(t('app.settingsSaved'));
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
          organizationSet={Boolean(snapshot.settings.organizationName)}
          onOpenSettings={() => setOpen('settings-organization')}
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
