import type { ClaimOriginView } from '../../../shared/contract/channels';
import { useFormat, useT } from '../i18n/use-t';
import { STATUS_ICONS } from './status-style';
import type { TextSelection } from './text-selection';

export type BoundsAction = 'split' | 'resize' | 'draw' | 'merge-next' | 'merge-previous';

interface Props {
  origin: ClaimOriginView | null;
  /** What each action would do now, or null where it cannot: the same test the keys use. */
  available: Record<BoundsAction, boolean>;
  selection: TextSelection | null;
  busy: boolean;
  onAction(action: BoundsAction): void;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
const KEYS: Partial<Record<BoundsAction, string>> = { split: 'S', resize: 'B', draw: 'D', 'merge-next': 'M' };

/**
 * Who cut the claim out of the text (Isnad, or an editor who split, merged, drew or moved it, and
 * what the claims it replaced had decided), and the editor's corrections of its boundaries.
 */
export function BoundsSection({ origin, available, selection, busy, onAction }: Props) {
  const t = useT();
  const format = useFormat();
  const button = (action: BoundsAction, label: string) => (
    <button type="button" className="small" data-bounds-action={action} disabled={busy || !available[action]} onClick={() => onAction(action)}>
      {label}
      {KEYS[action] && <kbd>{KEYS[action]}</kbd>}
    </button>
  );
  return (
    <section className="bounds" aria-labelledby="bounds-heading" data-bounds data-claim-origin={origin?.kind ?? 'engine'}>
      <h3 id="bounds-heading">{t('bounds.heading')}</h3>
      {origin ? (
        <div className="bounds__origin" data-bounds-origin>
          <p>{t(`bounds.origin.${origin.kind}`, { editor: origin.editor, at: format.moment(origin.at) })}</p>
          {origin.from.length > 0 && (
            <ul>
              {origin.from.map((was) => (
                <li key={was.claimId} data-bounds-from={was.claimId}>
                  <bdi dir="auto">«{excerpt(was.text)}»</bdi>{' '}
                  <span className={`status-chip status--${was.status?.status ?? 'unverified'}`}>
                    {STATUS_ICONS[was.status?.status ?? 'unverified']} {t('bounds.was', { status: t(`verdict.${was.status?.status ?? 'unverified'}`), evidence: was.evidence })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="hint">{t('bounds.engine')}</p>
      )}
      <p className="hint" data-bounds-selection>
        {selection && selection.end > selection.start ? t('bounds.selection', { text: excerpt(selection.text.trim()) }) : t('bounds.hint')}
      </p>
      <div className="bounds__actions">
        {button('split', t('bounds.split'))}
        {button('resize', t('bounds.resize'))}
        {button('draw', t('bounds.draw'))}
        {button('merge-previous', t('bounds.mergePrevious'))}
        {button('merge-next', t('bounds.mergeNext'))}
      </div>
    </section>
  );
}
