import { forwardRef, useMemo, useState } from 'react';
import { normalizeForSearch } from '../../../shared/engine';
import { isolate } from '../app/isolate';
import { VERDICTS, VERDICT_LABELS } from '../../../shared/model/verdict';
import { filterClaims, type ClaimFilter, type ComparisonIndex } from './comparison-index';
import { KIND_ICONS, STATUS_ICONS } from './status-style';

interface Props {
  index: ComparisonIndex;
  outlets: [string, string];
  filter: ClaimFilter;
  query: string;
  selected: string | null;
  onFilter(filter: ClaimFilter): void;
  onQuery(query: string): void;
  onSelect(claimId: string): void;
}

/** Every claim of both reports, filterable; search folds Arabic as the engine does («اسرائيل» finds «إسرائيل»). */
export const ClaimList = forwardRef<HTMLInputElement, Props>(function ClaimList({ index, outlets, filter, query, selected, onFilter, onQuery, onSelect }, searchRef) {
  const [limit, setLimit] = useState(100);
  const visible = useMemo(() => filterClaims(index.claims, { ...filter, query: normalizeForSearch(query) }, normalizeForSearch), [index, filter, query]);
  return (
    <div className="claim-list">
      <div className="filters" role="group" aria-label="Filter claims">
        <input ref={searchRef} type="search" dir="auto" placeholder="Search claims (/)" aria-label="Search claims" value={query} onChange={(e) => onQuery(e.target.value)} />
        <select aria-label="Filter by status" value={filter.status} onChange={(e) => onFilter({ ...filter, status: e.target.value as ClaimFilter['status'] })}>
          <option value="any">Any status</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v]}
            </option>
          ))}
        </select>
        <select aria-label="Filter by kind" value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value as ClaimFilter['kind'] })}>
          <option value="any">Shared or single</option>
          <option value="linked">Shared or related</option>
          <option value="same">Shared (same fact)</option>
          <option value="related">Related</option>
          <option value="single">Single-source</option>
        </select>
        <select aria-label="Filter by outlet" value={filter.side} onChange={(e) => onFilter({ ...filter, side: e.target.value as ClaimFilter['side'] })}>
          <option value="any">Both outlets</option>
          <option value="a">A: {isolate(outlets[0])}</option>
          <option value="b">B: {isolate(outlets[1])}</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={filter.discrepancy} onChange={(e) => onFilter({ ...filter, discrepancy: e.target.checked })} />
          Has a discrepancy
        </label>
      </div>
      <p className="hint" aria-live="polite">
        {visible.length} of {index.claims.length} claims
      </p>
      <ol className="claims">
        {visible.slice(0, limit).map((entry) => (
          <li key={entry.claim.id}>
            <button
              type="button"
              className={`claim-row claim--${entry.kind}${entry.claim.id === selected ? ' is-selected' : ''}`}
              aria-current={entry.claim.id === selected}
              data-list-claim-id={entry.claim.id}
              onClick={() => onSelect(entry.claim.id)}
            >
              <span className="claim-row__meta">
                <span className="pane__side">{entry.side.toUpperCase()}</span>
                <span role="img" aria-label={entry.kind}>{KIND_ICONS[entry.kind]}</span>
                <span className={`status-chip status--${entry.status}`} role="img" aria-label={VERDICT_LABELS[entry.status]}>
                  {STATUS_ICONS[entry.status]}
                </span>
                {entry.hasDiscrepancy && <span className="flag" title="has a discrepancy">≠</span>}
                {entry.evidenceCount > 0 && <span className="flag" title="evidence">📎{entry.evidenceCount}</span>}
              </span>
              <span className="claim-row__text" dir="auto">
                {entry.claim.text}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {visible.length > limit && (
        <button type="button" className="quiet" onClick={() => setLimit((n) => n + 500)}>
          Show {Math.min(500, visible.length - limit)} more
        </button>
      )}
    </div>
  );
});
