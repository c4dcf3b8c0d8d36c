import { useState } from 'react';
import type { Settings } from '../../../shared/model/events';
import { call } from '../api/client';
import { Dialog } from './Dialog';

/** The editor's name (on every decision) and the newsroom that publishes the fact-checks. */
export function SettingsDialog({ settings, onClose, onSaved }: { settings: Settings; onClose(): void; onSaved(): void }) {
  const [editorName, setEditorName] = useState(settings.editorName ?? '');
  const [organizationName, setOrganizationName] = useState(settings.organizationName ?? '');
  const [organizationUrl, setOrganizationUrl] = useState(settings.organizationUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog title="Settings" onClose={onClose}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const changes: Partial<Settings> = {};
          if (editorName.trim() !== (settings.editorName ?? '')) changes.editorName = editorName.trim();
          if (organizationName.trim() !== (settings.organizationName ?? '')) changes.organizationName = organizationName.trim() || null;
          if (organizationUrl.trim() !== (settings.organizationUrl ?? '')) changes.organizationUrl = organizationUrl.trim() || null;
          if (Object.keys(changes).length === 0) return onClose();
          setBusy(true);
          try {
            await call('settings:update', changes);
            onSaved();
          } catch (e) {
            setError((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          Editor name (recorded with every decision)
          <input dir="auto" required maxLength={120} value={editorName} onChange={(e) => setEditorName(e.target.value)} />
        </label>
        <label>
          Organization (the author of ClaimReview fact-checks)
          <input dir="auto" maxLength={200} value={organizationName} onChange={(e) => setOrganizationName(e.target.value)} />
        </label>
        <label>
          Organization website
          <input type="url" dir="ltr" placeholder="https://…" value={organizationUrl} onChange={(e) => setOrganizationUrl(e.target.value)} />
        </label>
        <p className="hint">Changes are recorded in the history like every other decision.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || editorName.trim() === ''}>
          Save
        </button>
      </form>
    </Dialog>
  );
}
