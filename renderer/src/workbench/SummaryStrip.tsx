import { useT } from '../i18n/use-t';
import type { ClaimFilter, ComparisonIndex } from './comparison-index';
import { useKeyLabel } from './shortcuts';
import { KIND_ICONS } from './status-style';

type Chip = { id: 'contradicts' | 'same' | 'related' | 'a' | 'b'; filter: Pick<ClaimFilter, 'kind' | 'side'> };

const CHIPS: Chip[] = [
  { id: 'contradicts', filter: { kind: 'contradicts', side: 'any' } },
  { id: 'same', filter: { kind: 'same', side: 'any' } },
  { id: 'related', filter: { kind: 'related', side: 'any' } },
  { id: 'a', filter: { kind: 'single', side: 'a' } },
  { id: 'b', filter: { kind: 'single', side: 'b' } },
];

/**
 * The counts of the comparison, contradictions first (the worst news for a verifier). Each is a
 * filter: pressing it lists those claims; pressing it again lists all.
 */
export function SummaryStrip({ index, filter, onFilter }: { index: ComparisonIndex; filter: ClaimFilter; onFilter(filter: Pick<ClaimFilter, 'kind' | 'side'> | null): void }) {
  const t = useT();
  const label = useKeyLabel();
  const counts = { contradicts: 0, same: 0, related: 0, a: 0, b: 0 };
  for (const c of index.claims) {
    if (c.kind === 'single') counts[c.side]++;
    else if (c.side === 'a') counts[c.kind]++;
  }
  return (
    <div className="summary-strip" role="group" aria-label={t('workbench.summary')}>
      {CHIPS.map((chip) => {
        const pressed = filter.kind === chip.filter.kind && filter.side === chip.filter.side;
        const kindClass = chip.id === 'a' || chip.id === 'b' ? 'claim--single' : `claim--${chip.id}`;
        return (
          <button
            key={chip.id}
            type="button"
            className={`summary-chip ${kindClass}`}
            data-summary={chip.id}
            aria-pressed={pressed}
            onClick={() => onFilter(pressed ? null : chip.filter)}
          >
            <span aria-hidden="true">{chip.id === 'a' || chip.id === 'b' ? KIND_ICONS.single : KIND_ICONS[chip.id]}</span> {t(`workbench.count.${chip.id}`, { count: counts[chip.id] })}
          </button>
        );
      })}
      <span className="hint">{t('workbench.hint', { next: label('KeyJ', 'j').toUpperCase(), previous: label('KeyK', 'k').toUpperCase() })}</span>
    </div>
  );
}
