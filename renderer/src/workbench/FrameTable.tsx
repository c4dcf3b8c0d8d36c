import type { ClaimFrame } from '../../../shared/engine/types';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/messages-en';
import type { IndexedClaim } from './comparison-index';

const SLOTS: { id: MessageId; read(frame: ClaimFrame): string[] }[] = [
  { id: 'frame.who', read: (f) => f.actors },
  { id: 'frame.didWhat', read: (f) => [[f.polarityCue, f.event?.text].filter(Boolean).join(' ')].filter(Boolean) },
  { id: 'frame.toWhom', read: (f) => f.targets },
  { id: 'frame.where', read: (f) => f.places },
  { id: 'frame.when', read: (f) => f.times },
  { id: 'frame.howMany', read: (f) => f.quantities },
  { id: 'frame.saysWho', read: (f) => (f.source ? [f.source] : []) },
];

/**
 * The frame the engine read in each version (who, did what, to whom, where, when, how many, says
 * who), side by side, so the editor sees why two claims were linked and where they part. A row
 * whose values differ is marked, with a pattern as well as a colour.
 */
export function FrameTable({ first, second }: { first: IndexedClaim; second: IndexedClaim }) {
  const t = useT();
  const a = first.claim.frame;
  const b = second.claim.frame;
  if (!a && !b) return null;
  const cell = (frame: ClaimFrame | undefined, read: (f: ClaimFrame) => string[]) => {
    const values = frame ? read(frame) : [];
    return values.length === 0 ? <span className="hint">{t('frame.none')}</span> : values.map((v, i) => <bdi key={i} className="frame-value">{v}</bdi>);
  };
  const side = (entry: IndexedClaim) => t(entry.side === 'a' ? 'side.a' : 'side.b');
  return (
    <section className="frame" aria-labelledby="frame-heading" data-frame>
      <h3 id="frame-heading">{t('frame.heading')}</h3>
      <table className="frame-table">
        <thead>
          <tr>
            <td />
            <th scope="col">
              <span className="pane__side">{side(first)}</span> <bdi>{first.outlet}</bdi>
            </th>
            <th scope="col">
              <span className="pane__side">{side(second)}</span> <bdi>{second.outlet}</bdi>
            </th>
          </tr>
        </thead>
        <tbody>
          {SLOTS.map((slot) => {
            const va = a ? slot.read(a).join('|') : '';
            const vb = b ? slot.read(b).join('|') : '';
            const differs = va !== vb && va !== '' && vb !== '';
            return (
              <tr key={slot.id} className={differs ? 'frame-row is-different' : 'frame-row'} data-slot={slot.id.slice(6)}>
                <th scope="row">{t(slot.id)}</th>
                <td>{cell(a, slot.read)}</td>
                <td>{cell(b, slot.read)}</td>
              </tr>
            );
          })}
          <tr className={a && b && a.polarity !== b.polarity ? 'frame-row is-different' : 'frame-row'} data-slot="polarity">
            <th scope="row" />
            <td>{a ? t(`frame.polarity.${a.polarity}`) : t('frame.none')}</td>
            <td>{b ? t(`frame.polarity.${b.polarity}`) : t('frame.none')}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
