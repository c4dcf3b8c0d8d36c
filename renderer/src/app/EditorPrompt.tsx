import { useState } from 'react';

/** First run: every decision is recorded under the editor's name, so ask for it before anything else. */
export function EditorPrompt({ onSave }: { onSave(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div className="editor-prompt" role="dialog" aria-modal="true" aria-labelledby="editor-prompt-title">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          await onSave(name.trim());
          setBusy(false);
        }}
      >
        <h2 id="editor-prompt-title">Welcome to Isnad</h2>
        <p>Every status and piece of evidence is recorded with the name of the editor who decided it. What is your name?</p>
        <label htmlFor="editor-name">Editor name</label>
        <input id="editor-name" dir="auto" autoFocus required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          Start verifying
        </button>
      </form>
    </div>
  );
}
