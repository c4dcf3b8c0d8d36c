import type { AppSnapshot } from '../../../shared/contract/channels';
import { isolate } from './isolate';

interface Props {
  snapshot: AppSnapshot;
  pair: [string, string] | null;
  onPair(pair: [string, string]): void;
  onReports(): void;
  onExport(): void;
  onHelp(): void;
  onSettings(): void;
}

export function TopBar({ snapshot, pair, onPair, onReports, onExport, onHelp, onSettings }: Props) {
  const picker = (side: 0 | 1) => (
    <label className="pair-picker">
      <span className="pane__side">{side === 0 ? 'A' : 'B'}</span>
      <select
        dir="auto"
        aria-label={`Report ${side === 0 ? 'A' : 'B'}`}
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
            {/* The date is isolated so that right-to-left titles do not reorder its digits. */}
            {isolate(r.outlet)} · {`\u2066${r.publishedAt ?? 'undated'}\u2069`} · {isolate(r.title.slice(0, 50))}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <header className="topbar">
      <h1 className="brand">
        Isnad <span className="brand__ar" lang="ar">إسناد</span>
      </h1>
      {pair && (
        <div className="pair" role="group" aria-label="Reports to compare">
          {picker(0)}
          <button type="button" className="quiet" aria-label="Swap reports A and B" onClick={() => onPair([pair[1], pair[0]])}>
            ⇄
          </button>
          {picker(1)}
        </div>
      )}
      <div className="topbar__actions">
        <button type="button" onClick={onReports}>
          Reports &amp; import <kbd>i</kbd>
        </button>
        <button type="button" onClick={onExport} disabled={!pair}>
          Export <kbd>x</kbd>
        </button>
        <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts">
          ?
        </button>
        <button type="button" className="quiet editor-chip" title="Settings: your name and organization" onClick={onSettings}>
          ✎ <bdi>{snapshot.settings.editorName}</bdi>
        </button>
      </div>
    </header>
  );
}
