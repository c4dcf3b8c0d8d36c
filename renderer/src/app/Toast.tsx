import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

export interface ToastMessage {
  text: string;
  error: boolean;
  /** Offered after a change that can be taken back: the toast's Undo button runs it. */
  undo?: () => void;
}

/** A notice that fades on its own (an error stays until dismissed); Undo keeps it a little longer. */
export function Toast({ message, onDismiss }: { message: ToastMessage; onDismiss(): void }) {
  const t = useT();
  useEffect(() => {
    if (message.error) return;
    const timer = setTimeout(onDismiss, message.undo ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <p className={`toast${message.error ? ' toast--error' : ''}`} role={message.error ? 'alert' : 'status'}>
      <span dir="auto">{message.text}</span>
      {message.undo && (
        <button
          type="button"
          className="toast__undo"
          onClick={() => {
            onDismiss();
            message.undo?.();
          }}
        >
          {t('app.undo')}
        </button>
      )}
      <button type="button" className="quiet small" aria-label={t('app.dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </p>
  );
}
