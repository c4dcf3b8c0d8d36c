import { VERDICT_LABELS } from '../model/verdict';
import { toCsv } from './csv';
import { describeDifference } from './difference-text';
import { exportFileName } from './export-scope';
import type { ExportClaim, ExportFile, ExportModel } from './export-types';

/** The columns, in order. Several values in one cell (links, matches) are one per line. */
export const CSV_COLUMNS = [
  'Outlet',
  'Claim',
  'Status',
  'Verdict note',
  'Last editor',
  'Last change',
  'Evidence count',
  'Evidence links',
  'Matched claim',
  'Discrepancies',
  'Claim ID',
] as const;

function row(item: ExportClaim): string[] {
  const { claim, report, status, evidence, links, lastChange } = item;
  return [
    report.outlet,
    claim.text,
    VERDICT_LABELS[status?.status ?? 'unverified'],
    status?.note ?? '',
    lastChange?.editor ?? '',
    lastChange?.at ?? '',
    String(evidence.length),
    evidence.flatMap((e) => (e.url ? [e.url] : [])).join('\n'),
    links.map((link) => `${link.otherReport.outlet}: ${link.other.text}`).join('\n'),
    links.flatMap((link) => link.differences.map(describeDifference)).join('\n'),
    claim.id,
  ];
}

/** One row per claim in scope, in report then text order. */
export function buildCsvExport(model: ExportModel): ExportFile {
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'csv'),
    // RFC 4180 registers text/csv; `header=present` tells a reader the first record names the columns.
    mimeType: 'text/csv; charset=utf-8; header=present',
    content: toCsv(CSV_COLUMNS, model.claims.map(row)),
  };
}
