import { useState } from 'react';

/**
 * First run: every decision is recorded under the editor's name, so ask for it before anything else.
 * The app's messages are not on screen yet, so a refusal is shown here, by the field.
 */
export function EditorPrompt({ onSave }: { onSave(name: string): Promise<void> }) {
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
            setError(`Your name could not be saved: ${(e as Error).message}`);
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id="editor-prompt-title">Welcome to Isnad</h2>
        <p>Every status and piece of evidence is recorded with the name of the editor who decided it. What is your name?</p>
        <label htmlFor="editor-name">Editor name</label>
        <input id="editor-name" dir="auto" autoFocus required maxLength={120} value={name} aria-invalid={error !== null} onChange={(e) => setName(e.target.value)} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          Start verifying
        </button>
      </form>
    </div>
  );
}
