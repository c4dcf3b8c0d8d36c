import { useState } from 'react';
import { errorText } from './error-text';
import { useT } from '../i18n/use-t';

/**
 * First run: every decision is recorded under the editor's name, so ask for it before anything else.
 * The app's messages are not on screen yet, so a refusal is shown here, by the field.
 */
export function EditorPrompt({ onSave }: { onSave(name: string): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="editor-prompt" role="dialog" aria-modal="true" aria-labelledby="editor-prompt-title">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await onSave(name.trim());
          } catch (e) {
            setError(t('editor.error', { message: errorText(e, t) }));
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id="editor-prompt-title">{t('editor.title')}</h2>
        <p>{t('editor.body')}</p>
        <label htmlFor="editor-name">{t('editor.name')}</label>
        <input id="editor-name" dir="auto" autoFocus required maxLength={120} value={name} aria-invalid={error !== null} onChange={(e) => setName(e.target.value)} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('editor.start')}
        </button>
      </form>
    </div>
  );
}
