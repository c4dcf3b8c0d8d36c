import { forwardRef, useState, type ReactNode } from 'react';
import { VERDICTS } from '../../../shared/model/verdict';
import { isolate } from '../app/isolate';
import { useT } from '../i18n/use-t';
import type { ClaimFilter, ComparisonIndex, IndexedClaim } from './comparison-index';
import type { SearchHit } from './search-match';
import { DecisionMarks } from './DecisionMarks';
import { KIND_ICONS, STATUS_ICONS } from './status-style';

interface Props {
  index: ComparisonIndex;
  /** The claims that pass the filters and the search, with where the search matched each. */
  visible: { entry: IndexedClaim; hits: SearchHit[] | null }[];
  outlets: [string, string];
  filter: ClaimFilter;
  query: string;
  selected: string | null;
  onFilter(filter: ClaimFilter): void;
  onQuery(query: string): void;
  onClear(): void;
  onSelect(claimId: string): void;
}

/** A claim's text with the words the search matched marked, so the editor sees why it is listed. */
function withHits(text: string, hits: SearchHit[] | null): ReactNode {
  if (!hits || hits.length === 0) return text;
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start < cursor) continue;
    parts.push(text.slice(cursor, hit.start), <mark key={hit.start} className="search-hit">{text.slice(hit.start, hit.end)}</mark>);
    cursor = hit.end;
  }
  parts.push(text.slice(cursor));
  return parts;
}

/** Every claim of both reports, filterable; search folds Arabic as the engine does and looks past clitics. */
export const ClaimList = forwardRef<HTMLInputElement, Props>(function ClaimList({ index, visible, outlets, filter, query, selected, onFilter, onQuery, onClear, onSelect }, searchRef) {
  const t = useT();
  const [limit, setLimit] = useState(100);
  const searching = query.trim() !== '';
  const filtered = searching || filter.status !== 'any' || filter.kind !== 'any' || filter.side !== 'any' || filter.discrepancy;
  return (
    <div className="claim-list">
      <div className="filters" role="group" aria-label={t('list.filters')}>
        <input ref={searchRef} type="search" dir="auto" placeholder={t('list.searchPlaceholder')} aria-label={t('list.search')} value={query} onChange={(e) => onQuery(e.target.value)} />
        <select aria-label={t('list.status')} value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value as ClaimFilter['status'] })}>
          <option value="any">{t('list.anyStatus')}</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {t(`verdict.${v}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('list.kind')} value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value as ClaimFilter['kind'] })}>
          <option value="any">{t('list.kind.any')}</option>
          <option value="linked">{t('list.kind.linked')}</option>
          <option value="contradicts">{t('list.kind.contradicts')}</option>
          <option value="same">{t('list.kind.same')}</option>
          <option value="related">{t('list.kind.related')}</option>
          <option value="single">{t('list.kind.single')}</option>
        </select>
        <select aria-label={t('list.outlet')} value={filter.side} onChange={(e) => onFilter({ ...filter, side: e.target.value as ClaimFilter['side'] })}>
          <option value="any">{t('list.bothOutlets')}</option>
          <option value="a">{t('list.sideOutlet', { side: t('side.a'), outlet: isolate(outlets[0]) })}</option>
          <option value="b">{t('list.sideOutlet', { side: t('side.b'), outlet: isolate(outlets[1]) })}</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={filter.discrepancy} onChange={(e) => onFilter({ ...filter, discrepancy: e.target.checked })} />
          {t('list.discrepancy')}
        </label>
        <label className="check">
          <input type="checkbox" data-filter="recheck" checked={filter.recheck} onChange={(e) => onFilter({ ...filter, recheck: e.target.checked })} />
          {t('list.recheck')}
        </label>
      </div>
      <p className="hint" aria-live="polite">
        {t('list.count', { visible: visible.length, total: index.claims.length })}
      </p>
      {visible.length === 0 && filtered && (
        <div className="list-empty" role="status">
          <p>{searching ? t('list.noMatch', { query: isolate(query.trim()) }) : t('list.noFilterMatch')}</p>
          <button type="button" onClick={onClear}>
            {t('list.clear')}
          </button>
        </div>
      )}
      <ol className={`claims${searching ? ' is-searching' : ''}`}>
        {visible.slice(0, limit).map(({ entry, hits }) => (
          <li key={entry.claim.id}>
            <button
              type="button"
              className={`claim-row claim--${entry.kind}${entry.claim.id === selected ? ' is-selected' : ''}`}
              aria-current={entry.claim.id === selected}
              data-list-claim-id={entry.claim.id}
              onClick={() => onSelect(entry.claim.id)}
            >
              <span className="claim-row__meta">
                <span className="pane__side">{t(entry.side === 'a' ? 'side.a' : 'side.b')}</span>
                <span role="img" aria-label={t(`kind.${entry.kind}`)}>
                  {KIND_ICONS[entry.kind]}
                </span>
                <span className={`status-chip status--${entry.status}`} role="img" aria-label={t(`verdict.${entry.status}`)}>
                  {STATUS_ICONS[entry.status]}
                </span>
                <DecisionMarks status={entry.status} decidedBy={entry.decidedBy} conflicts={entry.conflicts} hooks={{ conflict: 'data-list-conflict', decidedBy: 'data-list-decided-by' }} />
                {entry.hasDiscrepancy && (
                  <span className="flag" title={t('list.hasDiscrepancy')}>
                    ≠
                  </span>
                )}
                {entry.needsRecheck && (
                  <span className="flag flag--recheck" role="img" aria-label={t('recheck.badge')} title={t('recheck.badge')}>
                    ↻
                  </span>
                )}
                {entry.evidenceCount > 0 && (
                  <span className="flag" title={t('list.evidence')}>
                    📎{entry.evidenceCount}
                  </span>
                )}
              </span>
              <span className="claim-row__text" dir="auto">
                {withHits(entry.claim.text, hits)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {visible.length > limit && (
        <button type="button" className="quiet" onClick={() => setLimit((n) => n + 500)}>
          {t('list.more', { count: Math.min(500, visible.length - limit) })}
        </button>
      )}
    </div>
  );
});
