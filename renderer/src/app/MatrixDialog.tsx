import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MatrixRow, StoryMatrix } from '../../../shared/contract/matrix-types';
import { call } from '../api/client';
import { useFormat, useT } from '../i18n/use-t';
import { DecisionMarks } from '../workbench/DecisionMarks';
import { STATUS_ICONS } from '../workbench/status-style';
import { Dialog } from './Dialog';
import { errorText } from './error-text';
import { versionChain } from './version-chain';

type Filter = 'shared' | 'all' | 'singleSource' | 'contradicted' | 'unverified' | 'recheck';
const FILTERS: Filter[] = ['shared', 'all', 'singleSource', 'contradicted', 'unverified', 'recheck'];
/** Up to this many claims in the filtered rows the table is drawn whole; past it, only the rows in view. */
const DRAW_WHOLE_UP_TO = 300;
/** Each column's width: with a fixed table layout the browser lays the table out in one pass. */
const COLUMN_PX = 170;

const passes = (row: MatrixRow, filter: Filter): boolean =>
  filter === 'all' ? true : filter === 'shared' ? !row.singleSource : row[filter];

/** A cell shows the start of each claim (its title has the whole); laying out long texts in every cell is what a wide matrix costs. */
const excerpt = (text: string) => (text.length > 110 ? `${text.slice(0, 109)}…` : text);

const claimsIn = (row: MatrixRow): number => Object.values(row.cells).reduce((n, cells) => n + cells.length, 0);

/** A row's height before it is measured: its fullest cell, each claim about four lines of 22 px. */
const estimateRow = (row: MatrixRow): number => 12 + Math.max(1, ...Object.values(row.cells).map((cells) => cells.length)) * 92;

interface Props {
  onClose(): void;
  /** Opens two reports side by side, as the top bar does. */
  onOpen(pair: [string, string]): void;
}

/**
 * The whole story at once: a row per claim group (the claims of every report that state one
 * fact), a column per report, each cell that report's wording with its status and marks.
 */
export function MatrixDialog({ onClose, onOpen }: Props) {
  const t = useT();
  const format = useFormat();
  const [matrix, setMatrix] = useState<StoryMatrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('shared');
  const [chosen, setChosen] = useState<string[]>([]);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    call('story:matrix', {})
      .then((value) => live && setMatrix(value))
      .catch((e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [t]);
  const rows = useMemo(() => matrix?.rows.filter((row) => passes(row, filter)) ?? [], [matrix, filter]);
  // A story of many long reports has thousands of claims in its groups: laying them all out is
  // what opening the matrix cost, so only the rows in view (and a few around) are drawn.
  const drawWhole = useMemo(() => rows.reduce((n, row) => n + claimsIn(row), 0) <= DRAW_WHOLE_UP_TO, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimateRow(rows[i]!),
    overscan: drawWhole ? rows.length : 2,
    getItemKey: (i) => rows[i]!.group,
  });
  // Another filter starts at its first row.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [filter, virtualizer]);
  const drawn = virtualizer.getVirtualItems();
  const before = drawn[0]?.start ?? 0;
  const after = drawn.length > 0 ? virtualizer.getTotalSize() - drawn.at(-1)!.end : 0;

  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2)));

  return (
    <Dialog title={t('matrix.title', { count: matrix?.reports.length ?? 0 })} onClose={onClose} wide>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!matrix && !error && <p className="loading">{t('matrix.loading')}</p>}
      {matrix && (
        <div className="matrix" data-matrix>
          <div className="matrix__bar">
            <div role="radiogroup" aria-label={t('matrix.filters')} className="matrix__filters">
              {FILTERS.map((f) => (
                <label key={f} className="check">
                  <input type="radio" name="matrix-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} data-matrix-filter={f} /> {t(`matrix.filter.${f}`)}
                </label>
              ))}
            </div>
            <p className="hint" aria-live="polite">
              {t('matrix.count', { visible: rows.length, total: matrix.rows.length })}
            </p>
            <button type="button" className="primary small" disabled={chosen.length !== 2} onClick={() => onOpen([chosen[0]!, chosen[1]!])}>
              {t('matrix.open')}
            </button>
            {chosen.length !== 2 && <span className="hint">{t('matrix.chooseTwo')}</span>}
          </div>
          <div className="matrix__scroll" ref={scrollRef}>
            <table className="matrix__table" style={{ minWidth: `${COLUMN_PX * (matrix.reports.length + 1)}px` }}>
              <thead>
                <tr>
                  <th scope="col">{t('matrix.fact')}</th>
                  {matrix.reports.map((report) => (
                    <th key={report.id} scope="col" data-matrix-report={report.id}>
                      <label className="check matrix__pick">
                        <input type="checkbox" checked={chosen.includes(report.id)} onChange={() => toggle(report.id)} aria-label={t('matrix.compareLabel', { outlet: report.outlet })} />
                        <bdi className="matrix__outlet">{report.outlet}</bdi>
                      </label>
                      {/* Versions of one outlet share its name: the version number tells them apart. */}
                      {versionChain(matrix.reports, report.id).length > 1 && (
                        <span className="matrix__version">{t('versions.version', { number: versionChain(matrix.reports, report.id).findIndex((r) => r.id === report.id) + 1 })} · </span>
                      )}
                      <bdi className="hint">{format.published(report.publishedAt)}</bdi>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {before > 0 && (
                  <tr className="matrix__spacer" aria-hidden="true">
                    <td colSpan={matrix.reports.length + 1} style={{ height: before }} />
                  </tr>
                )}
                {drawn.map(({ index: i, key }) => {
                  const row = rows[i]!;
                  return (
                  <tr key={key} ref={virtualizer.measureElement} data-index={i} data-matrix-row={row.group} data-contradicted={row.contradicted || undefined}>
                    <th scope="row">
                      {format.number(i + 1)}
                      <span className="hint"> · {t('matrix.inReports', { count: Object.keys(row.cells).length })}</span>
                      {row.contradicted && (
                        <span className="matrix__contradicted" role="img" aria-label={t('matrix.contradicted')} title={t('matrix.contradicted')}>
                          {' '}⚡
                        </span>
                      )}
                    </th>
                    {matrix.reports.map((report) => (
                      <td key={report.id} data-matrix-cell={report.id}>
                        {(row.cells[report.id] ?? []).map((cell) => (
                          <div
                            key={cell.claimId}
                            className={`matrix__claim status--${cell.status}${cell.needsRecheck ? ' needs-recheck' : ''}`}
                            data-claim-id={cell.claimId}
                            data-status={cell.status}
                            title={cell.text.length > 110 ? cell.text : undefined}
                          >
                            <span className={`status-chip status--${cell.status}`} role="img" aria-label={t(`verdict.${cell.status}`)}>
                              {STATUS_ICONS[cell.status]}
                            </span>
                            <DecisionMarks status={cell.status} decidedBy={cell.decidedBy} conflicts={cell.conflicts} hooks={{ conflict: 'data-matrix-conflict', decidedBy: 'data-matrix-decided-by' }} />
                            {cell.discrepancies > 0 && (
                              <span className="flag" role="img" aria-label={t('matrix.discrepancy')} title={t('matrix.discrepancy')}>
                                ≠
                              </span>
                            )}
                            {cell.needsRecheck && (
                              <span className="flag flag--recheck" role="img" aria-label={t('recheck.badge')} title={t('recheck.badge')}>
                                ↻
                              </span>
                            )}{' '}
                            <bdi dir="auto" lang={report.language}>
                              {excerpt(cell.text)}
                            </bdi>
                          </div>
                        ))}
                      </td>
                    ))}
                  </tr>
                  );
                })}
                {after > 0 && (
                  <tr className="matrix__spacer" aria-hidden="true">
                    <td colSpan={matrix.reports.length + 1} style={{ height: after }} />
                  </tr>
                )}
              </tbody>
            </table>
            {rows.length === 0 && <p className="hint">{t('matrix.empty')}</p>}
          </div>
        </div>
      )}
    </Dialog>
  );
}
