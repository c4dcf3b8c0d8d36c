import type { AppSnapshot } from '../../../shared/contract/channels';
import { useFormat, useT } from '../i18n/use-t';
import { isolate } from './isolate';

/** The product's name, written in both scripts in either language, as on its icon. */
const BRAND = { latin: 'Isnad', arabic: 'إسناد' } as const;

interface Props {
  snapshot: AppSnapshot;
  pair: [string, string] | null;
  onPair(pair: [string, string]): void;
  onReports(): void;
  onExport(): void;
  /** Opens the story's claim matrix; absent with fewer than two reports. */
  onMatrix?: () => void;
  onHelp(): void;
  onSettings(): void;
}

export function TopBar({ snapshot, pair, onPair, onReports, onExport, onMatrix, onHelp, onSettings }: Props) {
  const t = useT();
  const format = useFormat();
  const picker = (side: 0 | 1) => (
    <label className="pair-picker">
      <span className="pane__side">{t(side === 0 ? 'side.a' : 'side.b')}</span>
      {/* In the interface's direction: each option's parts are isolated, so the outlet comes first. */}
      <select
        aria-label={t(side === 0 ? 'topbar.reportA' : 'topbar.reportB')}
        value={pair?.[side] ?? ''}
        onChange={(event) => {
          if (!pair) return;
          const next: [string, string] = [...pair];
          next[side] = event.target.value;
          if (next[0] === next[1]) next[side === 0 ? 1 : 0] = pair[side];
          onPair(next);
        }}
      >
        {snapshot.reports.map((r) => (
          <option key={r.id} value={r.id}>
            {/* Each part is isolated, so that a right-to-left title does not reorder the date's digits. */}
            {isolate(r.outlet)} · {isolate(r.publishedAt ? format.published(r.publishedAt) : t('topbar.undated'))} · {isolate(r.title.slice(0, 50))}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <header className="topbar">
      <h1 className="brand">
        <span lang="en">{BRAND.latin}</span> <span className="brand__ar" lang="ar">{BRAND.arabic}</span>
      </h1>
      {pair && (
        <div className="pair" role="group" aria-label={t('topbar.pair')}>
          {picker(0)}
          <button type="button" className="quiet" aria-label={t('topbar.swap')} onClick={() => onPair([pair[1], pair[0]])}>
            ⇄
          </button>
          {picker(1)}
        </div>
      )}
      <div className="topbar__actions">
        <button type="button" onClick={onReports}>
          {t('topbar.reports')} <kbd>i</kbd>
        </button>
        {onMatrix && (
          <button type="button" onClick={onMatrix} data-matrix-button>
            {t('topbar.matrix')}
          </button>
        )}
        <button type="button" onClick={onExport} disabled={!pair}>
          {t('topbar.export')} <kbd>x</kbd>
        </button>
        <button type="button" onClick={onHelp} aria-label={t('topbar.help')}>
          ?
        </button>
        <button type="button" className="quiet editor-chip" title={t('topbar.settingsTitle')} onClick={onSettings}>
          <span className="editor-chip__icon" aria-hidden="true">✎</span> <bdi>{snapshot.settings.editorName}</bdi>
        </button>
      </div>
    </header>
  );
}
