import { useEffect } from 'react';
import { verdictNeedsNote } from '../../../shared/model/verdict';
import { Dialog } from '../app/Dialog';
import { useT } from '../i18n/use-t';
import { shortcutOf, useKeyLabel } from './shortcuts';
import { STATUS_BY_DIGIT } from './status-style';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  const label = useKeyLabel();
  // "?" shows the help and hides it again, as the list says; the workbench's keys are off while a
  // dialog is open, so the help listens for it itself.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || shortcutOf(event)?.kind !== 'help') return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const rows: { keys: string[]; action: string }[] = [
    { keys: [label('KeyJ', 'j'), t('key.down')], action: t('help.next') },
    { keys: [label('KeyK', 'k'), t('key.up')], action: t('help.previous') },
    { keys: [label('KeyP', 'p')], action: t('help.partner') },
    ...STATUS_BY_DIGIT.map((status, i) => ({
      keys: [String(i + 1)],
      action: t(verdictNeedsNote(status) ? 'help.markNote' : 'help.mark', { status: t(`verdict.${status}`).toLowerCase() }),
    })),
    { keys: [label('KeyG', 'g')], action: t('help.group') },
    { keys: [label('KeyS', 's'), label('KeyB', 'b'), label('KeyD', 'd'), label('KeyM', 'm')], action: t('help.bounds') },
    { keys: [label('KeyE', 'e')], action: t('help.evidence') },
    { keys: ['/', 'Ctrl+F'], action: t('help.search') },
    { keys: [label('KeyI', 'i')], action: t('help.import') },
    { keys: [label('KeyX', 'x')], action: t('help.export') },
    { keys: ['Ctrl+Z'], action: t('help.undo') },
    { keys: [t('key.escape')], action: t('help.escape') },
    { keys: ['?'], action: t('help.help') },
  ];
  return (
    <Dialog title={t('help.title')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {rows.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k} dir="ltr">
                    {k}
                  </kbd>
                ))}
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
